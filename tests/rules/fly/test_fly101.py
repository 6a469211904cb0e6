from __future__ import annotations

import pytest

from helpers import findings, hits


def test_missing_app_is_reported_at_the_top() -> None:
    assert hits("fly.toml", 'primary_region = "ams"\n', "FLY101") == [(1, 1, "FLY101")]


@pytest.mark.parametrize("name", ["fly.toml", "fly.staging.toml", "api.fly.toml", "app/fly.toml"])
def test_app_present(name: str) -> None:
    assert hits(name, '# config\napp = "x"\n', "FLY101") == []


def test_message_names_the_fix() -> None:
    (found,) = findings({"fly.toml": "[env]\nA = 'b'\n"}, "FLY101")
    assert 'app = "<name>"' in found.message
