from __future__ import annotations

import pytest

from helpers import hits

CHECK = "[http_service]\n[[http_service.checks]]\n"


@pytest.mark.parametrize(
    ("body", "position"),
    [
        ('interval = "1s"\n', (3, 12)),
        ("interval = 1500\n", (3, 12)),
        ('interval = "5s"\ntimeout = "10s"\n', (4, 11)),
        ('interval = "30s"\ntimeout = "30s"\n', (4, 11)),
        ('timeout = "90s"\n', (3, 11)),
        ('grace_period = "500ms"\n', (3, 16)),
        ('interval = "2m"\n', (3, 12)),
    ],
)
def test_bad_timing(body: str, position: tuple[int, int]) -> None:
    assert hits("fly.toml", CHECK + body, "FLY208") == [(*position, "FLY208")]


def test_top_level_and_tcp_checks() -> None:
    text = (
        '[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "1s"\n'
        "[[services]]\n[[services.tcp_checks]]\ninterval = 10000\ntimeout = 20000\n"
    )
    assert hits("fly.toml", text, "FLY208") == [(4, 12, "FLY208"), (8, 11, "FLY208")]


@pytest.mark.parametrize(
    "body",
    [
        'interval = "15s"\ntimeout = "2s"\ngrace_period = "10s"\n',
        "interval = 10000\ntimeout = 2000\n",
        'grace_period = "0s"\n',
        'interval = "60s"\ntimeout = "5s"\n',
        'grace_period = ""\n',
    ],
)
def test_good_timing(body: str) -> None:
    assert hits("fly.toml", CHECK + body, "FLY208") == []
