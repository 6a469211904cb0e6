from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/ci.yml"
JOB = "  build:\n    runs-on: x\n    steps:\n      - run: make\n"


def test_valid_workflow() -> None:
    text = "name: ci\non: [push, pull_request]\njobs:\n" + JOB
    assert hits(WF, text, "GHA106") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no `on`
        ("name: x\njobs:\n" + JOB, [(1, 1)]),
        # no `jobs`
        ("on: push\n", [(1, 1)]),
        # empty jobs
        ("on: push\njobs: {}\n", [(2, 1)]),
        # unknown trigger
        ("on: [push, pull-request]\njobs:\n" + JOB, [(1, 12)]),
        # unknown top-level key (typo)
        ("on: push\njob:\n  x: 1\njobs:\n" + JOB, [(2, 1)]),
        # job without runs-on or uses
        ("on: push\njobs:\n  build:\n    steps:\n      - run: make\n", [(3, 3)]),
        # job with no steps
        ("on: push\njobs:\n  build:\n    runs-on: x\n", [(3, 3)]),
        # `timeout_minutes` typo in a job
        ("on: push\njobs:\n" + JOB + "    timeout_minutes: 5\n", [(7, 5)]),
        # step without uses/run, step with both
        (
            "on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - name: nothing\n"
            "      - uses: a/b@v1\n        run: x\n",
            [(6, 9), (8, 9)],
        ),
        # needs naming no job, needs itself
        (
            "on: push\njobs:\n" + JOB + "  deploy:\n    needs: [biuld, deploy]\n"
            "    runs-on: x\n    steps:\n      - run: x\n",
            [(8, 13), (8, 20)],
        ),
        # duplicate key
        ("on: push\non: pull_request\njobs:\n" + JOB, [(2, 1)]),
        # bad job id
        ("on: push\njobs:\n  1build:\n    runs-on: x\n    steps:\n      - run: x\n", [(3, 3)]),
        # call job with a key calls cannot have
        (
            "on: push\njobs:\n  call:\n    uses: ./.github/workflows/x.yml\n    runs-on: x\n",
            [(5, 5)],
        ),
        # not a mapping
        ("- a\n- b\n", [(1, 1)]),
        ("", [(1, 1)]),
    ],
)
def test_structural_errors(text: str, expected: list[tuple[int, int]]) -> None:
    assert hits(WF, text, "GHA106") == [(line, col, "GHA106") for line, col in expected]


def test_needs_cycle_reported_once() -> None:
    text = """\
on: push
jobs:
  a:
    needs: c
    runs-on: x
    steps: [{run: x}]
  b:
    needs: a
    runs-on: x
    steps: [{run: x}]
  c:
    needs: b
    runs-on: x
    steps: [{run: x}]
"""
    assert hits(WF, text, "GHA106") == [(8, 12, "GHA106")]  # b -> a closes a -> c -> b


def test_composite_action() -> None:
    good = "name: a\nruns:\n  using: composite\n  steps:\n    - run: x\n      shell: bash\n"
    assert hits("action.yml", good, "GHA106") == []
    bad = "name: a\nruns:\n  using: composite\n  steps:\n    - run: x\n    - name: y\n"
    assert hits("action.yml", bad, "GHA106") == [(5, 7, "GHA106"), (6, 7, "GHA106")]
    assert hits("action.yaml", "name: a\n", "GHA106") == [(1, 1, "GHA106")]
    node = "name: a\nruns:\n  main: index.js\n"
    assert hits("action.yml", node, "GHA106") == [(2, 1, "GHA106")]


def test_expression_needs_and_new_keys_are_accepted() -> None:
    text = "on:\n  image_version:\njobs:\n" + JOB.replace(
        "    steps", "    snapshot: img\n    steps"
    )
    assert hits(WF, text, "GHA106") == []
