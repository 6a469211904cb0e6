from __future__ import annotations

import pytest

from helpers import hits


def test_no_metrics() -> None:
    assert hits("fly.toml", 'app = "x"\n', "FLY109") == [(1, 1, "FLY109")]


@pytest.mark.parametrize(
    "section",
    [
        "[metrics]\nport = 9091\npath = '/metrics'\n",
        "[[metrics]]\nport = 9091\nprocesses = ['web']\n",
        "[experimental]\nmetrics_port = 9091\n",
    ],
)
def test_metrics_present(section: str) -> None:
    assert hits("fly.toml", f'app = "x"\n{section}', "FLY109") == []
