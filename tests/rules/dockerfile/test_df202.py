from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM node\n", [(1, 6, "DF202")]),
        ("FROM --platform=$BUILDPLATFORM gcr.io/distroless/static AS run\n", [(1, 32, "DF202")]),
        ("ARG BASE=ubuntu\nFROM ${BASE}\n", [(2, 6, "DF202")]),
        ("FROM localhost:5000/app\n", [(1, 6, "DF202")]),
    ],
)
def test_untagged(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF202") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM node:20\n",
        "FROM node@sha256:" + "b" * 64 + "\n",
        "FROM scratch\n",
        "FROM node:20 AS build\nFROM build\n",
        "ARG BASE\nFROM ${BASE}\n",
        "FROM $UNDECLARED\n",
    ],
)
def test_tagged_or_not_an_image(text: str) -> None:
    assert hits("Dockerfile", text, "DF202") == []
