from __future__ import annotations

import pytest

from helpers import findings, hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # typo of an earlier stage
        (
            "FROM golang:1.22 AS builder\nFROM alpine:3.19\nCOPY --from=buidler /out /out\n",
            [(3, 13, "DF111")],
        ),
        # its own stage, by name and by index
        ("FROM alpine:3.19 AS app\nCOPY --from=app /a /b\n", [(2, 13, "DF111")]),
        ("FROM alpine:3.19\nFROM alpine:3.19\nCOPY --from=1 /a /b\n", [(3, 13, "DF111")]),
        # a later stage
        ("FROM alpine:3.19 AS a\nCOPY --from=b /x /x\nFROM alpine:3.19 AS b\n", [(2, 13, "DF111")]),
        # RUN --mount from=
        ("FROM alpine:3.19\nRUN --mount=type=bind,from=nope,target=/x ls /x\n", [(2, 13, "DF111")]),
        # duplicate stage names
        ("FROM alpine:3.19 AS base\nFROM debian:12 AS BASE\n", [(2, 19, "DF111")]),
    ],
)
def test_bad_reference(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF111") == expected


def test_typo_suggests_the_stage() -> None:
    text = "FROM golang:1.22 AS builder\nFROM alpine:3.19\nCOPY --from=buidler /out /out\n"
    (finding,) = findings({"Dockerfile": text}, "DF111")
    assert "`builder`" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "FROM golang:1.22 AS build\nFROM alpine:3.19\nCOPY --from=build /out /out\n",
        (
            "FROM golang:1.22 AS build\nFROM alpine:3.19\n"
            "COPY --from=BUILD /out /out\nCOPY --from=0 /a /a\n"
        ),
        "FROM alpine:3.19\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
        "FROM alpine:3.19\nCOPY --from=composer /usr/bin/composer /usr/bin/composer\n",
        "FROM alpine:3.19\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/\n",
        "ARG SRC=build\nFROM alpine:3.19 AS build\nFROM alpine:3.19\nCOPY --from=${SRC} /a /a\n",
        "FROM alpine:3.19\nCOPY --from=$UNKNOWN /a /a\n",
        (
            "FROM golang:1.22 AS build\nFROM alpine:3.19\n"
            "RUN --mount=type=cache,target=/c --mount=from=build,target=/b ls\n"
        ),
    ],
)
def test_good_reference(text: str) -> None:
    assert hits("Dockerfile", text, "DF111") == []
