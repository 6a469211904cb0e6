from __future__ import annotations

from helpers import hits

HTTP_PORTS = '[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n'


def test_http_service_checked_only_by_tcp() -> None:
    text = (
        f"[[services]]\ninternal_port = 8080\n{HTTP_PORTS}"
        "  [[services.tcp_checks]]\n  interval = '15s'\n"
    )
    assert hits("fly.toml", text, "FLY202") == [(6, 5, "FLY202")]


def test_http_check_present() -> None:
    text = (
        f"[[services]]\n{HTTP_PORTS}[[services.tcp_checks]]\ninterval = '15s'\n"
        "[[services.http_checks]]\npath = '/'\n"
    )
    assert hits("fly.toml", text, "FLY202") == []


def test_tcp_service_with_tcp_check() -> None:
    text = (
        '[[services]]\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n'
        "[[services.tcp_checks]]\ninterval = '15s'\n"
    )
    assert hits("fly.toml", text, "FLY202") == []
