from __future__ import annotations

import pytest

from helpers import hits

JWT = "eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxIn0." + "a1B2c3D4" * 4


def test_authorization_header_in_service_check() -> None:
    text = (
        "[http_service]\n[[http_service.checks]]\npath = '/health'\n"
        '[http_service.checks.headers]\nAuthorization = "Basic dXNlcjpodW50ZXIy"\n'
    )
    assert hits("fly.toml", text, "FLY303") == [(5, 17, "FLY303")]


def test_token_in_top_level_check_header() -> None:
    text = (
        f'[checks.status]\ntype = "http"\nport = 8080\nheaders = {{ X-Token = "Bearer {JWT}" }}\n'
    )
    assert hits("fly.toml", text, "FLY303") == [(4, 31, "FLY303")]


@pytest.mark.parametrize(
    "headers",
    [
        'X-Forwarded-Proto = "https"',
        'Authorization = "${HEALTH_TOKEN}"',
        'Host = "example.com"',
        'Content-Type = "application/json"',
    ],
)
def test_harmless_headers(headers: str) -> None:
    text = f"[[services]]\n[[services.http_checks]]\n[services.http_checks.headers]\n{headers}\n"
    assert hits("fly.toml", text, "FLY303") == []
