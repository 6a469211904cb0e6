from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize("stop", ['"stop"', '"suspend"', "true"])
def test_scale_to_zero(stop: str) -> None:
    text = (
        f"[http_service]\ninternal_port = 8080\nauto_stop_machines = {stop}\n"
        "min_machines_running = 0\n"
    )
    assert hits("fly.toml", text, "FLY106") == [(3, 22, "FLY106")]


def test_absent_minimum_counts_as_zero() -> None:
    text = '[[services]]\ninternal_port = 8080\nauto_stop_machines = "stop"\n'
    assert hits("fly.toml", text, "FLY106") == [(3, 22, "FLY106")]


@pytest.mark.parametrize(
    "extra",
    [
        'auto_stop_machines = "stop"\nmin_machines_running = 1\n',
        'auto_stop_machines = "off"\n',
        "auto_stop_machines = false\n",
        "",
    ],
)
def test_no_cold_start(extra: str) -> None:
    assert hits("fly.toml", f"[http_service]\ninternal_port = 8080\n{extra}", "FLY106") == []
