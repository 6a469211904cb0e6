from __future__ import annotations

from helpers import hits


def test_http_service_with_connections() -> None:
    text = '[http_service]\n  [http_service.concurrency]\n    type = "connections"\n'
    assert hits("fly.toml", text, "FLY111") == [(3, 12, "FLY111")]


def test_services_with_http_handler() -> None:
    text = (
        '[[services]]\n[services.concurrency]\ntype = "connections"\n'
        '[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n'
    )
    assert hits("fly.toml", text, "FLY111") == [(3, 8, "FLY111")]


def test_requests_or_non_http() -> None:
    assert hits("fly.toml", '[http_service.concurrency]\ntype = "requests"\n', "FLY111") == []
    text = (
        '[[services]]\n[services.concurrency]\ntype = "connections"\n'
        '[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n'
    )
    assert hits("fly.toml", text, "FLY111") == []
