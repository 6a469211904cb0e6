from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# syntax=docker/dockerfile:1\nARG V=1\nRUN echo hi\nFROM alpine:3.19\n",
            [(3, 1, "DF112")],
        ),
        ("  LABEL a=b\nFROM alpine:3.19\n", [(1, 3, "DF112")]),
        ("ARG V=1\n", [(1, 1, "DF112")]),
    ],
)
def test_not_starting_with_from(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF112") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nRUN true\n",
        "# syntax=docker/dockerfile:1\n# a comment\nARG BASE=alpine:3.19\nARG X\nFROM $BASE\n",
        "",
        "# nothing but comments\n",
    ],
)
def test_starts_with_from(text: str) -> None:
    assert hits("Dockerfile", text, "DF112") == []
