from __future__ import annotations

from helpers import hits


def test_reserved_prefix() -> None:
    text = 'app = "x"\n[env]\n  FLY_REGION = "ams"\n  PORT = "8080"\n'
    assert hits("fly.toml", text, "FLY105") == [(3, 3, "FLY105")]


def test_legacy_env_list_is_checked_too() -> None:
    assert hits("fly.toml", '[[env]]\nFLY_APP = "x"\n', "FLY105") == [(2, 1, "FLY105")]


def test_other_names() -> None:
    text = '[env]\nFLYWHEEL = "1"\nMY_FLY_THING = "2"\nfly_lower = "3"\n'
    assert hits("fly.toml", text, "FLY105") == []
