from __future__ import annotations

import pytest

from helpers import hits


def test_http_service_without_force_https() -> None:
    assert hits("fly.toml", "[http_service]\ninternal_port = 8080\n", "FLY401") == [
        (1, 2, "FLY401")
    ]


def test_force_https_false_points_at_the_value() -> None:
    text = "[http_service]\ninternal_port = 8080\nforce_https = false\n"
    assert hits("fly.toml", text, "FLY401") == [(3, 15, "FLY401")]


def test_services_port_80_with_http_handler() -> None:
    text = (
        '[[services]]\n  [[services.ports]]\n    port = 80\n    handlers = ["http"]\n'
        '  [[services.ports]]\n    port = 443\n    handlers = ["tls", "http"]\n'
    )
    assert hits("fly.toml", text, "FLY401") == [(2, 5, "FLY401")]


@pytest.mark.parametrize(
    "text",
    [
        "[http_service]\ninternal_port = 8080\nforce_https = true\n",
        '[[services]]\n[[services.ports]]\nport = 80\nhandlers = ["http"]\nforce_https = true\n',
        '[[services]]\n[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n',
        '[[services]]\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n',
        '[[services]]\n[[services.ports]]\nport = 8080\nhandlers = ["http"]\n',
    ],
)
def test_fine(text: str) -> None:
    assert hits("fly.toml", text, "FLY401") == []
