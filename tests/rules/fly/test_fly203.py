from __future__ import annotations

import pytest

from helpers import hits


def test_immediate() -> None:
    assert hits("fly.toml", '[deploy]\n  strategy = "immediate"\n', "FLY203") == [(2, 14, "FLY203")]


@pytest.mark.parametrize("strategy", ["rolling", "canary", "bluegreen"])
def test_other_strategies(strategy: str) -> None:
    assert hits("fly.toml", f'[deploy]\nstrategy = "{strategy}"\n', "FLY203") == []
