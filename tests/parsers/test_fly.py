from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from resonance_lint import fly_schema as fs
from resonance_lint.discovery import classify
from resonance_lint.errors import ParseError
from resonance_lint.model import Source, Span, Target
from resonance_lint.parsers.fly import FlyDocument, parse

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

FULL = """\
app = "demo"
primary_region = "ams"

[env]
  LOG_LEVEL = "info"

[http_service]
  internal_port = 8080
  force_https = true
  [[http_service.checks]]
    path = "/health"

[[services]]
  protocol = "tcp"
  internal_port = 5432
  [[services.ports]]
    port = 5432
    handlers = ["pg_tls"]
  [[services.tcp_checks]]
    interval = "15s"

[[services]]
  internal_port = 9000
  [[services.ports]]
    port = 80
    handlers = ["http"]

[checks.alive]
  type = "tcp"
  port = 8080

[mounts]
  source = "data"
  destination = "/data"

[[vm]]
  size = "shared-cpu-1x"

[[compute]]
  memory = "1gb"
"""


def doc_of(text: str, path: str = "fly.toml") -> FlyDocument:
    return parse(Source(path, text))


def test_document_basics() -> None:
    doc = doc_of(FULL)
    assert doc.target is Target.FLY
    assert doc.path == "fly.toml"
    assert doc.app_name == "demo"
    assert doc.anchor == Span(1, 1, 1, 4)
    assert [p.key.value for p in doc.env] == ["LOG_LEVEL"]


def test_services_are_normalised() -> None:
    doc = doc_of(FULL)
    kinds = [(s.kind, s.label) for s in doc.services]
    assert kinds == [
        ("http_service", "[http_service]"),
        ("services", "[[services]] #1"),
        ("services", "[[services]] #2"),
    ]
    http, pg, web = doc.services
    assert http.span == Span(7, 2, 7, 14)  # the header name
    assert pg.span == Span(13, 3, 13, 11)
    assert web.span == Span(22, 3, 22, 11)
    assert http.is_http
    assert not pg.is_http
    assert web.is_http
    assert [c.span for c in http.http_checks] == [Span(10, 5, 10, 24)]
    assert [c.span for c in pg.tcp_checks] == [Span(19, 5, 19, 24)]
    assert pg.handlers == frozenset({"pg_tls"})
    assert http.has_health_checks
    assert pg.has_health_checks
    assert not web.has_health_checks
    assert doc.has_any_health_check


def test_checks_mounts_and_vms() -> None:
    doc = doc_of(FULL)
    assert [c.name for c in doc.checks] == ["alive"]
    assert doc.checks[0].section.span == Span(28, 2, 28, 14)
    assert [m.span for m in doc.mounts] == [Span(32, 2, 32, 8)]
    assert [v.key.value for v in doc.vms] == ["vm", "compute"]


def test_legacy_forms_are_understood() -> None:
    text = (
        'app = "x"\n[[env]]\nA = "1"\n[[env]]\nB = "2"\n'
        '[mount]\nsource = "d"\n'
        '[[checks]]\nname = "web"\ntype = "http"\n'
        "[[metric]]\nport = 9091\n"
    )
    doc = doc_of(text)
    assert [p.key.value for p in doc.env] == ["A", "B"]
    assert [m.key.value for m in doc.mounts] == ["mount"]
    assert [c.name for c in doc.checks] == ["web"]
    assert len(doc.metrics) == 1


def test_statement_start_covers_multiline_values() -> None:
    doc = doc_of('app = "x"\n[processes]\nweb = """\nbin/web\n"""\nlist = [\n  1,\n]\n')
    assert [doc.statement_start(n) for n in range(1, 9)] == [1, 2, 3, 3, 3, 6, 6, 6]


def test_invalid_toml_is_a_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        doc_of('app = "x"\n[http_service\n')
    assert info.value.line == 2


def test_document_pickles_for_the_process_pool() -> None:
    doc = doc_of(FULL)
    assert doc.services  # fill cached properties too
    clone = pickle.loads(pickle.dumps(doc))
    assert clone.root == doc.root
    assert clone.header_span(clone.root.get("services").items[0]) == Span(13, 3, 13, 11)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "is_fly"),
    [
        ("fly.toml", True),
        ("fly.production.toml", True),
        ("staging.fly.toml", True),
        ("app/fly.toml", True),
        ("pyproject.toml", False),
        ("flyfly.toml", False),
    ],
)
def test_discovery_classifies_fly_configs(name: str, is_fly: bool) -> None:
    assert (Target.FLY in classify(name)) is is_fly


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("10s", 10.0), ("1m30s", 90.0), ("250ms", 0.25), ("1.5h", 5400.0), ("0", 0.0)],
)
def test_go_durations(text: str, seconds: float) -> None:
    assert fs.go_duration(text) == seconds


@pytest.mark.parametrize("text", ["10", "ten seconds", "1d", "s", "", "1m 30s"])
def test_bad_go_durations(text: str) -> None:
    assert fs.go_duration(text) is None


@pytest.mark.parametrize(
    ("value", "unit", "amount"),
    [
        ("1gb", "gb", 1.0),
        ("30GB", "gb", 30.0),
        (20, "gb", 20.0),
        ("512mb", "mb", 512.0),
        ("1gb", "mb", 1024.0),
        ("4G", "mb", 4096.0),
        ("15Mb", "gb", 0.015),
        ("bad", "gb", None),
    ],
)
def test_sizes(value: object, unit: str, amount: float | None) -> None:
    assert fs.size_in_units(value, unit) == amount


def test_schema_knows_every_key_of_the_full_reference() -> None:
    path = (
        CORPUS
        / "fly-fixtures"
        / "superfly__flyctl__internal__appconfig__testdata__full-reference.toml"
    )
    if not path.is_file():
        pytest.skip(f"corpus not found at {path.resolve()}")
    doc = doc_of(path.read_text(encoding="utf-8"))
    assert set(doc.root.keys()) <= set(fs.ROOT.keys)
