from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('FROM node:20\nCMD ["node"]\n', [(1, 1, "DF401")]),
        ("FROM node:20 AS build\nUSER node\nFROM node:20-slim\n", [(3, 1, "DF401")]),
        ("FROM node:20\nUSER node\nRUN x\nUSER root\n", [(4, 6, "DF401")]),
        ("FROM node:20\nUSER 0:0\n", [(2, 6, "DF401")]),
        ("FROM node:20\nUSER root:root\n", [(2, 6, "DF401")]),
        ("FROM node:20\nARG RUNAS=0\nUSER $RUNAS\n", [(3, 6, "DF401")]),
        ('FROM node:20 AS base\nUSER root\nFROM base\nCMD ["x"]\n', [(2, 6, "DF401")]),
    ],
)
def test_runs_as_root(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF401") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM node:20\nUSER node\n",
        "FROM node:20\nUSER 1000:1000\n",
        'FROM node:20 AS base\nUSER app\nFROM base\nCMD ["x"]\n',
        "FROM gcr.io/distroless/static-debian12:nonroot\n",
        "FROM node:20\nARG UID\nUSER $UID\n",
        "",
    ],
)
def test_non_root(text: str) -> None:
    assert hits("Dockerfile", text, "DF401") == []
