"""Every GHA rule runs over the real-world workflows without raising."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from resonance_lint.errors import ParseError
from resonance_lint.model import Project, Source
from resonance_lint.parsers.workflow import parse
from resonance_lint.rules.base import RuleContext
from resonance_lint.rules.workflow import RULES

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"


def test_rules_run_on_the_corpus() -> None:
    folder = CORPUS / ".github" / "workflows"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {folder}")
    docs = []
    for path in sorted(folder.iterdir()):
        try:
            docs.append(parse(Source(path.name, path.read_text(encoding="utf-8-sig"))))
        except ParseError:
            continue
    project = Project(".", tuple(docs))
    fired: set[str] = set()
    for rule in RULES:
        ctx = RuleContext(project, MappingProxyType(dict(rule.meta.options)))
        for doc in docs:
            for problem in rule.check(doc, ctx):
                assert problem.span.line >= 1
                assert (problem.span.end_line, problem.span.end_column) >= (
                    problem.span.line,
                    problem.span.column,
                )
                fired.add(rule.code)
    # The common rules fire on real workflows (a broken detector would silently find nothing).
    assert {"GHA101", "GHA305", "GHA401", "GHA402"} <= fired
