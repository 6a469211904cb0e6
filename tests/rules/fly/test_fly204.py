from __future__ import annotations

import pytest

from helpers import hits

BLUEGREEN = '[deploy]\nstrategy = "bluegreen"\n[http_service]\ninternal_port = 8080\n'


def test_bluegreen_without_checks() -> None:
    assert hits("fly.toml", BLUEGREEN, "FLY204") == [(2, 12, "FLY204")]


@pytest.mark.parametrize(
    "extra",
    [
        '[[http_service.checks]]\npath = "/health"\n',
        '[checks.alive]\ntype = "tcp"\nport = 8080\n',
    ],
)
def test_bluegreen_with_checks(extra: str) -> None:
    assert hits("fly.toml", BLUEGREEN + extra, "FLY204") == []


def test_rolling_without_checks_is_not_this_rule() -> None:
    assert hits("fly.toml", '[deploy]\nstrategy = "rolling"\n', "FLY204") == []
