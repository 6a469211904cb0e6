from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, hits

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"
INVALID_FIXTURE = "always-invalid-v2.toml"


@pytest.mark.parametrize(
    ("text", "position", "hint"),
    [
        (
            'app = "x"\n[http_services]\ninternal_port = 8080\n',
            (2, 2),
            "did you mean `[http_service]`?",
        ),
        ('app = "x"\n[[mountz]]\nsource = "d"\n', (2, 3), "did you mean `[[mounts]]`?"),
        (
            'app = "x"\n[http_service]\n  internal_prot = 8080\n',
            (3, 3),
            "did you mean `internal_port`?",
        ),
        (
            'app = "x"\ninternal_port = 8080\n',
            (2, 1),
            "did you mean `internal_port` in `[http_service]`?",
        ),
        ('app = "x"\n[deploy]\nstratgy = "rolling"\n', (3, 1), "did you mean `strategy`?"),
        ('app = "x"\n[build]\ndocker_file = "D"\n', (3, 1), "did you mean `dockerfile`?"),
        (
            '[[services]]\n  [[services.checks]]\n  path = "/"\n',
            (2, 5),
            "did you mean `[[services.tcp_checks]]`?",
        ),
        (
            '[http_service.concurency]\ntype = "requests"\n',
            (1, 2),
            "did you mean `[http_service.concurrency]`?",
        ),
        ("[[vm]]\nmemory_gb = 1\n", (2, 1), "did you mean `memory_mb`?"),
    ],
)
def test_unknown_keys_with_suggestion(text: str, position: tuple[int, int], hint: str) -> None:
    found = findings({"fly.toml": text}, "FLY103")
    assert [(f.span.line, f.span.column) for f in found] == [position]
    assert found[0].message.endswith(hint)


def test_message_shape_for_sections() -> None:
    (found,) = findings({"fly.toml": '[mounts_extra]\nsource = "d"\n'}, "FLY103")
    assert found.message.startswith("unknown section `[mounts_extra]`")


def test_no_suggestion_when_nothing_is_close() -> None:
    (found,) = findings({"fly.toml": 'app = "x"\nzzzzzz = 1\n'}, "FLY103")
    assert found.message == "unknown key `zzzzzz`; flyctl does not know it"


def test_free_form_tables_and_legacy_keys_are_not_unknown() -> None:
    text = """\
app = "x"
[env]
  ANYTHING_GOES = "1"
[build.args]
  WHATEVER = "2"
[build.settings]
  whatever = 3
[processes]
  web = "bin/web"
[checks.my_own_name]
  type = "tcp"
  port = 8080
[http_service]
  internal_port = 8080
  [http_service.http_options.response.headers]
    X-Anything = "y"
[mount]
  source = "legacy"
[experimental]
  auto_rollback = true
  allowed_public_ports = []
[[services]]
  script_checks = []
  [[services.tcp_checks]]
    restart_limit = 0
"""
    assert hits("fly.toml", text, "FLY103") == []


def test_flyctl_fixtures_have_no_unknown_keys() -> None:
    folder = CORPUS / "fly-fixtures"
    files = sorted(p for p in folder.glob("*.toml") if p.is_file()) if folder.is_dir() else []
    if not files:
        pytest.skip(f"fly fixtures not found at {folder.resolve()}")
    assert len(files) == 45
    for path in files:
        text = path.read_text(encoding="utf-8")
        got = hits("fly.toml", text, "FLY103")
        if path.name.endswith(INVALID_FIXTURE):
            continue
        assert got == [], path.name


def test_invalid_fixture_is_reported_at_the_bad_value() -> None:
    path = (
        CORPUS
        / "fly-fixtures"
        / f"superfly__flyctl__internal__appconfig__testdata__{INVALID_FIXTURE}"
    )
    if not path.is_file():
        pytest.skip(f"fly fixture not found at {path.resolve()}")
    text = path.read_text(encoding="utf-8")
    assert hits("fly.toml", text, "FLY104") == [(24, 17, "FLY104")]
