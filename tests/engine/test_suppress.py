from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from fake_rules import REGISTRY

from helpers import write_tree
from resonance_lint.config import Config
from resonance_lint.engine import Report, run
from resonance_lint.model import Source, Span
from resonance_lint.suppress import parse_suppressions

TODAY = dt.date(2026, 12, 4)


def lint(tmp_path: Path, text: str, config: Config | None = None, name: str = "a.txt") -> Report:
    write_tree(tmp_path, {name: text})
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return run(["."], config or Config(), registry=REGISTRY, today=TODAY)
    finally:
        os.chdir(old)


def where(report: Report) -> list[tuple[int, int, str]]:
    return [(f.span.line, f.span.column, f.code) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "BAD  # resonance-lint: ignore[TX101]\n",
        "BAD  // resonance-lint: ignore[bad-word] reason\n",
        "BAD  /* resonance-lint: ignore[TX1] */\n",
        "# resonance-lint: ignore[TX101]\nBAD\n",
        "# resonance-lint: ignore[TX101]\n\n# another comment\nBAD\n",
        "x\n# resonance-lint: ignore-file[TX101]\nBAD\nBAD\n",
        "BAD # resonance-lint: ignore[TX101] until=2026-12-04\n",
        "BAD # resonance-lint: ignore[ TX999 , TX101 ]\n",
    ],
)
def test_suppressed(tmp_path: Path, text: str) -> None:
    report = lint(tmp_path, text)
    assert [c for c in where(report) if c[2] == "TX101"] == []
    assert report.suppressed >= 1


@pytest.mark.parametrize(
    "text",
    [
        "BAD resonance-lint: ignore[TX101]\n",  # not in a comment
        "# resonance-lint: ignore[TX101]\nok\nBAD\n",  # covers the next line only
        "BAD # resonance-lint: ignore[DF201]\n",  # another rule
        "BAD # resonance-lint: ignore[TX101] until=2026-12-03\n",  # expired yesterday
    ],
)
def test_not_suppressed(tmp_path: Path, text: str) -> None:
    assert any(c[2] == "TX101" for c in where(lint(tmp_path, text)))


def test_no_inline_ignores(tmp_path: Path) -> None:
    report = lint(tmp_path, "BAD # resonance-lint: ignore[TX101]\n", Config(inline_ignores=False))
    assert where(report) == [(1, 1, "TX101")]


def test_unknown_code_in_suppression_is_rl003(tmp_path: Path) -> None:
    report = lint(tmp_path, "BAD # resonance-lint: ignore[TX101,DF2O1]\n")
    assert where(report) == [(1, 36, "RL003")]


def test_expired_suppression_is_rl005_and_finding_returns(tmp_path: Path) -> None:
    report = lint(tmp_path, "# resonance-lint: ignore[TX101] until=2025-01-01 later\nBAD\n")
    assert where(report) == [(1, 3, "RL005"), (2, 1, "TX101")]


def test_bad_until_date_is_rl003(tmp_path: Path) -> None:
    report = lint(tmp_path, "BAD # resonance-lint: ignore[TX101] until=someday\n")
    assert where(report) == [(1, 1, "TX101"), (1, 7, "RL003")]


def test_unused_suppression_rl004_only_when_selected(tmp_path: Path) -> None:
    text = "ok # resonance-lint: ignore[TX101]\nBAD # resonance-lint: ignore[TX101]\n"
    assert where(lint(tmp_path, text)) == []
    report = lint(tmp_path, text, Config(extend_select=("RL004",)))
    assert where(report) == [(1, 6, "RL004")]


def test_parse_suppression_spans() -> None:
    (sup,) = parse_suppressions(
        Source("x", "FROM a  # resonance-lint: ignore[DF201, latest-base-image] why\n")
    )
    assert [s.text for s in sup.selectors] == ["DF201", "latest-base-image"]
    assert sup.selectors[0].span == Span(1, 34, 1, 39)
    assert sup.selectors[1].span == Span(1, 41, 1, 58)
    assert sup.applies_to == 1
    assert not sup.file_level
