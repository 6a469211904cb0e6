from __future__ import annotations

import pytest

from helpers import hits


def test_final_stage_without_healthcheck() -> None:
    text = 'FROM golang:1.22 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.19\nCMD ["app"]\n'
    assert hits("Dockerfile", text, "DF101") == [(3, 1, "DF101")]


@pytest.mark.parametrize(
    "text",
    [
        (
            "FROM alpine:3.19\n"
            "HEALTHCHECK --interval=30s CMD wget -qO- http://localhost/ || exit 1\n"
            'CMD ["app"]\n'
        ),
        "FROM alpine:3.19\nHEALTHCHECK NONE\n",
        'FROM alpine:3.19 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD ["app"]\n',
        "# no instructions at all\n",
    ],
)
def test_healthcheck_present_inherited_or_disabled(text: str) -> None:
    assert hits("Dockerfile", text, "DF101") == []


def test_healthcheck_of_unrelated_stage_does_not_count() -> None:
    text = "FROM alpine:3.19 AS tools\nHEALTHCHECK CMD true\nFROM debian:12\n"
    assert hits("Dockerfile", text, "DF101") == [(3, 1, "DF101")]
