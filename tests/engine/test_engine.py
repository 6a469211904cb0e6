from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from fake_rules import REGISTRY

from helpers import write_tree
from resonance_lint.config import Config, parse_config
from resonance_lint.engine import Report, decode, run
from resonance_lint.errors import ResonanceError

TODAY = dt.date(2026, 12, 4)


def lint(
    tmp_path: Path,
    files: Mapping[str, str | bytes],
    config: Config | None = None,
    **kwargs: object,
) -> Report:
    write_tree(tmp_path, files)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return run(["."], config or Config(), registry=REGISTRY, today=TODAY, **kwargs)  # type: ignore[arg-type]
    finally:
        os.chdir(old)


def where(report: Report) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.span.line, f.span.column, f.code) for f in report.findings]


def test_findings_are_stamped_and_sorted(tmp_path: Path) -> None:
    report = lint(tmp_path, {"b.txt": "ok\nxx BAD\n", "a.txt": "BAD\n"})
    assert where(report) == [("a.txt", 1, 1, "TX101"), ("b.txt", 2, 4, "TX101")]
    assert report.findings[0].severity.value == "warning"
    assert report.findings[0].fingerprint


def test_off_rule_runs_only_when_named(tmp_path: Path) -> None:
    assert "TX102" not in {f.code for f in lint(tmp_path, {"a.txt": "x\n"}).findings}
    cfg = Config().with_cli(select=("off-rule",))
    assert where(lint(tmp_path, {"a.txt": "x\n"}, cfg)) == [("a.txt", 1, 1, "TX102")]
    cfg = Config().with_cli(select=("TX",))  # a prefix does not switch on an off rule
    assert "TX102" not in {f.code for f in lint(tmp_path, {"a.txt": "x\n"}, cfg).findings}


def test_ignore_by_prefix_and_name(tmp_path: Path) -> None:
    cfg = Config().with_cli(ignore=("bad-word",))
    assert where(lint(tmp_path, {"a.txt": "BAD\n"}, cfg)) == []
    cfg = Config().with_cli(ignore=("TX1",))
    assert where(lint(tmp_path, {"a.txt": "BAD\n"}, cfg)) == []


def test_unknown_selector_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ResonanceError, match="NOPE"):
        lint(tmp_path, {"a.txt": "BAD\n"}, Config().with_cli(select=("NOPE",)))


def test_severity_override_and_off(tmp_path: Path) -> None:
    cfg = parse_config({"severity": {"TX101": "error"}}, source="t", root=str(tmp_path))
    assert lint(tmp_path, {"a.txt": "BAD\n"}, cfg).findings[0].severity.value == "error"
    cfg = parse_config({"severity": {"bad-word": "off"}}, source="t", root=str(tmp_path))
    assert where(lint(tmp_path, {"a.txt": "BAD\n"}, cfg)) == []


def test_rule_options_from_config(tmp_path: Path) -> None:
    cfg = parse_config(
        {"rules": {"TX101": {"word": "UGLY", "also": ["WORSE"]}}}, source="t", root=str(tmp_path)
    )
    report = lint(tmp_path, {"a.txt": "BAD\nUGLY\nWORSE\n"}, cfg)
    assert where(report) == [("a.txt", 2, 1, "TX101"), ("a.txt", 3, 1, "TX101")]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"TX101": {"nope": 1}}, "unknown option 'nope'"),
        ({"TX101": {"word": 3}}, "expected str"),
        ({"TX101": {"also": "x"}}, "list of strings"),
        ({"ZZ999": {"x": 1}}, "unknown rule"),
    ],
)
def test_bad_rule_options(tmp_path: Path, options: dict[str, object], message: str) -> None:
    cfg = parse_config({"rules": options}, source="t", root=str(tmp_path))
    with pytest.raises(ResonanceError, match=message):
        lint(tmp_path, {"a.txt": "BAD\n"}, cfg)


def test_rule_crash_is_internal_error_and_run_goes_on(tmp_path: Path) -> None:
    report = lint(tmp_path, {"a.txt": "CRASH\n", "b.txt": "BAD\n"})
    assert where(report) == [("b.txt", 1, 1, "TX101")]
    assert [(e.path, e.where) for e in report.internal_errors] == [("a.txt", "TX103")]


def test_per_file_ignores(tmp_path: Path) -> None:
    cfg = parse_config({"per-file-ignores": {"docs/**": ["TX101"]}}, source="t", root=str(tmp_path))
    report = lint(tmp_path, {"docs/a.txt": "BAD\n", "b.txt": "BAD\n"}, cfg)
    assert where(report) == [("b.txt", 1, 1, "TX101")]
    assert report.suppressed == 1


def test_exclude_globs(tmp_path: Path) -> None:
    cfg = parse_config({"extend-exclude": ["gen/**", "*.log"]}, source="t", root=str(tmp_path))
    report = lint(tmp_path, {"gen/a.txt": "BAD\n", "x.log": "BAD\n", "b.txt": "BAD\n"}, cfg)
    assert where(report) == [("b.txt", 1, 1, "TX101")]


def test_secret_dedupe_keeps_target_rule(tmp_path: Path) -> None:
    # Two rules reporting the same secret hash on the same line: a SEC rule would be dropped;
    # these are both non-SEC test rules, so both stay, and duplicates of one rule collapse.
    report = lint(tmp_path, {"a.txt": "SECRET=x\n"})
    assert where(report) == [("a.txt", 1, 1, "TX301")]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"abc\n", "abc\n"),
        (b"\xef\xbb\xbfabc", "abc"),
        ("abc".encode("utf-16"), "abc"),
        (b"\xff\xfe\x00", None),
        (b"a\x00b", None),
        (b"\xc3\x28", None),
    ],
)
def test_decode(data: bytes, expected: str | None) -> None:
    assert decode(data) == expected


def test_binary_and_invalid_text_files_are_skipped_silently(tmp_path: Path) -> None:
    report = lint(tmp_path, {"img.png": b"\x89PNG\x00\x00BAD", "bad.txt": b"\xc3\x28 BAD"})
    assert where(report) == []


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    cfg = parse_config({"max-file-size": 10}, source="t", root=str(tmp_path))
    report = lint(tmp_path, {"Dockerfile": "FROM x\n" * 10, "a.txt": "BAD\n"}, cfg)
    assert ("Dockerfile", 1, 1, "RL002") in where(report)
    assert ("a.txt", 1, 1, "TX101") in where(report)


def test_fingerprint_survives_line_moves_and_whitespace(tmp_path: Path) -> None:
    first = lint(tmp_path / "one", {"a.txt": "BAD here\n"}).findings[0]
    moved = lint(tmp_path / "two", {"a.txt": "\n\nnew line\n   BAD   here\n"}).findings[0]
    assert first.fingerprint == moved.fingerprint
    other = lint(tmp_path / "three", {"a.txt": "BAD there\n"}).findings[0]
    assert other.fingerprint != first.fingerprint


def test_identical_lines_get_distinct_fingerprints(tmp_path: Path) -> None:
    report = lint(tmp_path, {"a.txt": "BAD\nBAD\n"})
    assert len({f.fingerprint for f in report.findings}) == 2


def test_baseline_hides_known_findings_only(tmp_path: Path) -> None:
    known = frozenset(f.fingerprint for f in lint(tmp_path / "a", {"a.txt": "BAD\n"}).findings)
    report = lint(tmp_path / "b", {"a.txt": "x\nBAD\nBAD again\n"}, baseline=known)
    assert where(report) == [("a.txt", 3, 1, "TX101")]
    assert report.baselined == 1
