from __future__ import annotations

import pytest

from helpers import hits


def test_autostop_without_autostart() -> None:
    text = '[http_service]\nauto_stop_machines = "stop"\nauto_start_machines = false\n'
    assert hits("fly.toml", text, "FLY107") == [(3, 23, "FLY107")]


def test_services_too() -> None:
    text = "[[services]]\nauto_stop_machines = true\nauto_start_machines = false\n"
    assert hits("fly.toml", text, "FLY107") == [(3, 23, "FLY107")]


@pytest.mark.parametrize(
    "body",
    [
        'auto_stop_machines = "stop"\nauto_start_machines = true\n',
        'auto_stop_machines = "stop"\n',
        'auto_stop_machines = "off"\nauto_start_machines = false\n',
        "auto_start_machines = false\n",
    ],
)
def test_fine(body: str) -> None:
    assert hits("fly.toml", f"[http_service]\n{body}", "FLY107") == []
