from __future__ import annotations

from helpers import findings, hits

TOP = '[checks.alive]\ntype = "http"\nport = 8080\npath = "/health"\n'


def test_service_covered_only_by_top_level_checks() -> None:
    text = "[http_service]\ninternal_port = 8080\n\n" + TOP
    assert hits("fly.toml", text, "FLY209") == [(1, 2, "FLY209")]
    (found,) = findings({"fly.toml": text}, "FLY209")
    assert [(r.span.line, r.span.column) for r in found.related] == [(4, 2)]


def test_service_with_its_own_check() -> None:
    text = '[http_service]\ninternal_port = 8080\n[[http_service.checks]]\npath = "/"\n' + TOP
    assert hits("fly.toml", text, "FLY209") == []


def test_worker_app_with_top_level_checks_only() -> None:
    assert hits("fly.toml", 'app = "worker"\n' + TOP, "FLY209") == []
