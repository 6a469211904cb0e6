from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize("value", ["0.75", "0.99", "0.51"])
def test_most_machines_down_at_once(value: str) -> None:
    assert hits("fly.toml", f"[deploy]\nmax_unavailable = {value}\n", "FLY206") == [
        (2, 19, "FLY206")
    ]


@pytest.mark.parametrize("value", ["1", "1.0", "0.5", "0.33", "2"])
def test_bounded(value: str) -> None:
    assert hits("fly.toml", f"[deploy]\nmax_unavailable = {value}\n", "FLY206") == []
