from __future__ import annotations

import base64

import pytest

from helpers import hits

PRIVATE_KEY = (
    "-----BEGIN "
    + "RSA PRIVATE KEY-----\n"
    + "MIIEpAIBAAKCAQEA"
    + "q8Zr" * 30
    + "\n-----END "
    + "RSA PRIVATE KEY-----\n"
)
TOKEN = "ghp_" + "a1B2" * 9


def test_private_key_in_raw_value() -> None:
    text = f'[[files]]\nguest_path = "/etc/ssl/app.key"\nraw_value = """{PRIVATE_KEY}"""\n'
    assert hits("fly.toml", text, "FLY304") == [(3, 16, "FLY304")]


def test_base64_encoded_token() -> None:
    encoded = base64.b64encode(f"token={TOKEN}\n".encode()).decode()
    text = f'[[files]]\nguest_path = "/app/.env"\nraw_value = "{encoded}"\n'
    assert hits("fly.toml", text, "FLY304") == [(3, 13, "FLY304")]


def test_literal_value_for_a_secret_file_name() -> None:
    text = '[[files]]\nguest_path = "/run/api_token"\nraw_value = "q9Zk2LmX81vT"\n'
    assert hits("fly.toml", text, "FLY304") == [(3, 13, "FLY304")]


@pytest.mark.parametrize(
    "source",
    [
        'secret_name = "TLS_KEY"',
        'raw_value = "aGVsbG8gd29ybGQK"',
        'local_path = "config/app.yaml"',
    ],
)
def test_no_secret_material(source: str) -> None:
    text = f'[[files]]\nguest_path = "/etc/app/config"\n{source}\n'
    assert hits("fly.toml", text, "FLY304") == []
