from __future__ import annotations

import pytest

from helpers import findings, hits


def test_http_service_without_checks() -> None:
    text = 'app = "x"\n\n[http_service]\n  internal_port = 8080\n'
    assert hits("fly.toml", text, "FLY201") == [(3, 2, "FLY201")]


def test_each_service_entry_is_reported_at_its_header() -> None:
    text = (
        "[[services]]\ninternal_port = 8080\n[[services.tcp_checks]]\ninterval = '15s'\n"
        "[[services]]\ninternal_port = 9090\n"
    )
    assert hits("fly.toml", text, "FLY201") == [(5, 3, "FLY201")]


def test_machine_checks_alone_do_not_count() -> None:
    text = '[http_service]\ninternal_port = 8080\n[[http_service.machine_checks]]\nimage = "curl"\n'
    assert hits("fly.toml", text, "FLY201") == [(1, 2, "FLY201")]


def test_message_suggests_the_right_section() -> None:
    (found,) = findings({"fly.toml": "[http_service]\ninternal_port = 8080\n"}, "FLY201")
    assert "[[http_service.checks]]" in found.message


@pytest.mark.parametrize(
    "text",
    [
        '[http_service]\ninternal_port = 8080\n[[http_service.checks]]\npath = "/health"\n',
        "[[services]]\ninternal_port = 8080\n[[services.http_checks]]\npath = '/'\n",
        '[[services]]\nprotocol = "udp"\ninternal_port = 5000\n',
        "[[services]]\n",
        '[http_service]\ninternal_port = 8080\n[checks.alive]\ntype = "tcp"\nport = 8080\n',
        'app = "worker-only"\n',
    ],
)
def test_fine(text: str) -> None:
    assert hits("fly.toml", text, "FLY201") == []
