from __future__ import annotations

import pytest

from helpers import findings, hits

WF = ".github/workflows/pr.yml"


@pytest.mark.parametrize(
    ("on", "column"),
    [("pull_request_target", 5), ("[push, workflow_run]", 12)],
)
def test_dangerous_triggers(on: str, column: int) -> None:
    text = f"on: {on}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo hi\n"
    assert hits(WF, text, "GHA403") == [(1, column, "GHA403")]


def test_checkout_of_the_head_strengthens_the_message() -> None:
    text = """\
on:
  pull_request_target:
    types: [opened]
jobs:
  a:
    runs-on: x
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm test
"""
    [finding] = findings({WF: text}, "GHA403")
    assert (finding.span.line, finding.span.column) == (2, 3)
    assert "checks out the pull request's code (line 10)" in finding.message
    assert finding.related
    assert finding.related[0].span.line == 10


def test_gh_pr_checkout_in_a_script() -> None:
    text = (
        "on: workflow_run\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh pr checkout 1\n"
    )
    [finding] = findings({WF: text}, "GHA403")
    assert "checks out" in finding.message


def test_safe_triggers() -> None:
    text = "on: [push, pull_request]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n"
    assert hits(WF, text, "GHA403") == []
