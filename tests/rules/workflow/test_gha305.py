from __future__ import annotations

from helpers import hits

WF = ".github/workflows/ci.yml"


def test_checkout_persisting_credentials() -> None:
    text = """\
on: push
jobs:
  build:
    runs-on: x
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v4
        with:
          persist-credentials: true
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/checkout@v4
        with:
          persist-credentials: ${{ inputs.push }}
"""
    assert hits(WF, text, "GHA305") == [(6, 15, "GHA305"), (7, 15, "GHA305")]


def test_other_actions_and_composite() -> None:
    text = (
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-node@v4\n"
    )
    assert hits(WF, text, "GHA305") == []
    action = (
        "runs:\n  using: composite\n  steps:\n    - uses: actions/checkout@v4\n"
        "      with:\n        persist-credentials: 'false'\n"
    )
    assert hits("action.yml", action, "GHA305") == []
