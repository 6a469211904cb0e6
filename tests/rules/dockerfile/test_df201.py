from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM node:latest\n", [(1, 11, "DF201")]),
        ("FROM --platform=linux/amd64 ghcr.io/org/app:latest AS x\n", [(1, 45, "DF201")]),
        ("ARG TAG=latest\nFROM python:${TAG}\n", [(2, 6, "DF201")]),
        ("ARG TAG\nFROM python:${TAG:-latest}\n", [(2, 6, "DF201")]),
        ("from alpine:3.19 as a\nfrom debian:LATEST\n", [(2, 13, "DF201")]),
    ],
)
def test_latest(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF201") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM node:20.11-alpine\n",
        "FROM node:latest@sha256:" + "a" * 64 + "\n",
        "FROM scratch\n",
        "FROM node:20 AS latest\nFROM latest\n",
        "ARG TAG\nFROM python:$TAG\n",
        "FROM node\n",
    ],
)
def test_not_latest(text: str) -> None:
    assert hits("Dockerfile", text, "DF201") == []
