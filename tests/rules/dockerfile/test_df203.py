from __future__ import annotations

import pytest

from helpers import hits


def test_tag_without_digest() -> None:
    text = "FROM node:20 AS build\nFROM build\nFROM ghcr.io/org/app:1.2\n"
    assert hits("Dockerfile", text, "DF203") == [(1, 6, "DF203"), (3, 6, "DF203")]


@pytest.mark.parametrize(
    "text",
    [
        "FROM node:20@sha256:" + "c" * 64 + "\n",
        "FROM node:latest\n",  # DF201's business
        "FROM node\n",  # DF202's business
        "FROM scratch\n",
        "ARG V\nFROM node:$V\n",
    ],
)
def test_not_reported(text: str) -> None:
    assert hits("Dockerfile", text, "DF203") == []


@pytest.mark.parametrize(
    ("image", "trusted", "expected"),
    [
        ("ghcr.io/acme/app:1.2", '["ghcr.io/acme"]', []),
        ("ghcr.io/acme/app:1.2", '["ghcr.io"]', []),
        ("ghcr.io/acmeco/app:1.2", '["ghcr.io/acme"]', [(1, 6, "DF203")]),
        ("node:20", '["docker.io/library"]', []),
        (
            "123.dkr.ecr.eu-west-1.amazonaws.com/app:7",
            '["123.dkr.ecr.eu-west-1.amazonaws.com/"]',
            [],
        ),
    ],
)
def test_trusted_registries(image: str, trusted: str, expected: list[tuple[int, int, str]]) -> None:
    config = f"[rules.DF203]\ntrusted-registries = {trusted}\n"
    assert hits("Dockerfile", f"FROM {image}\n", "DF203", config=config) == expected
