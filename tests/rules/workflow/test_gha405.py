from __future__ import annotations

from helpers import hits

WF = ".github/workflows/ci.yml"


def test_insecure_commands_enabled() -> None:
    text = """\
on: push
env:
  ACTIONS_ALLOW_UNSECURE_COMMANDS: true
jobs:
  a:
    runs-on: x
    steps:
      - run: echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=true" >> $GITHUB_ENV
      - run: make
        env:
          ACTIONS_ALLOW_UNSECURE_COMMANDS: ${{ inputs.legacy }}
"""
    assert hits(WF, text, "GHA405") == [(3, 3, "GHA405"), (8, 20, "GHA405"), (11, 11, "GHA405")]


def test_disabled_or_absent() -> None:
    text = """\
on: push
env:
  ACTIONS_ALLOW_UNSECURE_COMMANDS: false
jobs:
  a:
    runs-on: x
    steps:
      - run: echo "ACTIONS_ALLOW_UNSECURE_COMMANDS is deprecated"
"""
    assert hits(WF, text, "GHA405") == []


def test_set_through_a_matrix_entry() -> None:
    text = """\
on: push
jobs:
  a:
    runs-on: x
    strategy:
      matrix:
        env:
          - ACTIONS_ALLOW_UNSECURE_COMMANDS: true
    steps:
      - run: make
        env: ${{ matrix.env }}
"""
    assert hits(WF, text, "GHA405") == [(8, 13, "GHA405")]
