from __future__ import annotations

import pytest

from helpers import findings, hits, lint_tree

GITHUB_TOKEN = "ghp_" + "a1B2" * 9
STRIPE_KEY = "sk_live_" + "Zx9Qw2Er" * 3


def test_token_by_format_points_inside_the_string() -> None:
    text = f'app = "x"\n[env]\n  GH = "{GITHUB_TOKEN}"\n'
    assert hits("fly.toml", text, "FLY301") == [(3, 9, "FLY301")]


def test_password_in_url_points_at_the_password() -> None:
    url = "postgres://app:" + "Hunter2" + "Secret9@db.internal:5432/app"
    assert hits("fly.toml", f'[env]\nDATABASE_URL = "{url}"\n', "FLY301") == [(2, 32, "FLY301")]


def test_sensitive_name_with_literal_value() -> None:
    text = "[env]\nSECRET_KEY_BASE = 'c0ffee" + "9f8e7d6c5b4a" + "'\n"
    assert hits("fly.toml", text, "FLY301") == [(2, 19, "FLY301")]


def test_legacy_env_list() -> None:
    assert hits("fly.toml", f'[[env]]\nSTRIPE = "{STRIPE_KEY}"\n', "FLY301") == [(2, 11, "FLY301")]


def test_message_is_masked_and_hash_set() -> None:
    (found,) = findings({"fly.toml": f'[env]\nGH = "{GITHUB_TOKEN}"\n'}, "FLY301")
    assert GITHUB_TOKEN not in found.message
    assert "fly secrets set GH=" in found.message
    assert found.secret_hash
    assert len(found.secret_hash) == 64


@pytest.mark.parametrize(
    "line",
    [
        'LOG_LEVEL = "debug"',
        'API_TOKEN = ""',
        'API_TOKEN = "${API_TOKEN}"',
        'DB_PASSWORD = "changeme"',
        'SECRET_KEY_FILE = "/run/secrets/key"',
        'PHX_HOST = "example.fly.dev"',
        "PORT = 8080",
    ],
)
def test_not_secrets(line: str) -> None:
    assert hits("fly.toml", f"[env]\n{line}\n", "FLY301") == []


def test_token_on_a_later_line_of_a_multiline_string() -> None:
    text = f'[env]\nNOTES = """\nsee below\nkey {GITHUB_TOKEN}\n"""\n'
    assert hits("fly.toml", text, "FLY301") == [(4, 5, "FLY301")]


def test_one_finding_when_sec_rules_also_run() -> None:
    text = f'[env]\nGH = """\n{GITHUB_TOKEN}"""\n'
    report = lint_tree({"fly.toml": text}, "FLY301", config='extend-select = ["SEC"]\n')
    assert [(f.code, f.span.line, f.span.column) for f in report.findings] == [("FLY301", 3, 1)]
