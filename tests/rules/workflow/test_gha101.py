from __future__ import annotations

from helpers import hits

WF = ".github/workflows/ci.yml"


def test_job_without_timeout() -> None:
    text = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
  lint:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - run: make lint
"""
    assert hits(WF, text, "GHA101") == [(3, 3, "GHA101")]


def test_timeouts_set_by_expression_or_on_every_step() -> None:
    text = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: ${{ inputs.timeout }}
    steps:
      - run: make
  steps-bounded:
    runs-on: ubuntu-latest
    steps:
      - run: make
        timeout-minutes: 5
"""
    assert hits(WF, text, "GHA101") == []


def test_reusable_workflow_calls_and_actions_are_skipped() -> None:
    text = """\
on: push
jobs:
  call:
    uses: org/repo/.github/workflows/ci.yml@0123456789abcdef0123456789abcdef01234567
"""
    assert hits(WF, text, "GHA101") == []
    action = "runs:\n  using: composite\n  steps:\n    - run: x\n      shell: bash\n"
    assert hits("action.yml", action, "GHA101") == []
