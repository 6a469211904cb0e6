from __future__ import annotations

import pytest

from helpers import hits

SERVICE = "[http_service]\ninternal_port = 8080\nforce_https = true\n"


def test_http_check_without_forwarded_proto() -> None:
    text = SERVICE + '  [[http_service.checks]]\n    path = "/health"\n'
    assert hits("fly.toml", text, "FLY207") == [(4, 5, "FLY207")]


def test_services_port_forcing_https() -> None:
    text = (
        '[[services]]\n[[services.ports]]\nport = 80\nhandlers = ["http"]\nforce_https = true\n'
        '[[services.http_checks]]\nprotocol = "http"\npath = "/"\n'
    )
    assert hits("fly.toml", text, "FLY207") == [(6, 3, "FLY207")]


@pytest.mark.parametrize(
    "check",
    [
        '[[http_service.checks]]\npath = "/"\n'
        '[http_service.checks.headers]\nX-Forwarded-Proto = "https"\n',
        '[[http_service.checks]]\npath = "/"\nheaders = { x-forwarded-proto = "HTTPS" }\n',
        '[[http_service.checks]]\npath = "/"\nprotocol = "https"\n',
    ],
)
def test_check_survives_the_redirect(check: str) -> None:
    assert hits("fly.toml", SERVICE + check, "FLY207") == []


def test_https_not_forced() -> None:
    text = '[http_service]\ninternal_port = 8080\n[[http_service.checks]]\npath = "/"\n'
    assert hits("fly.toml", text, "FLY207") == []
