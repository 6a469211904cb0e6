from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/tokens.yml"


def wf(run: str) -> str:
    return f"on: workflow_dispatch\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    ("run", "token"),
    [
        ("fly tokens create deploy -x 999999h", "999999h"),
        ("flyctl tokens create deploy --expiry=87600h", "87600h"),
        ("fly tokens create org --expiry 400d", "400d"),
        ("fly tokens create deploy", "fly"),
    ],
)
def test_long_lived_tokens(run: str, token: str) -> None:
    assert hits(WF, wf(run), "GHA307") == [(6, 14 + run.index(token), "GHA307")]


@pytest.mark.parametrize(
    "run",
    [
        "fly tokens create deploy -x 720h",
        "fly tokens create deploy --expiry 8760h",
        "fly tokens list",
        "fly tokens create deploy -x $EXPIRY",
    ],
)
def test_short_lived_or_unknown(run: str) -> None:
    assert hits(WF, wf(run), "GHA307") == []


def test_flyctl_action_args_and_quoted_values() -> None:
    text = """\
on: workflow_dispatch
jobs:
  t:
    runs-on: x
    steps:
      - uses: superfly/flyctl-actions@1.5
        with:
          args: tokens create deploy
      - uses: superfly/flyctl-actions@1.5
        with:
          args: tokens create deploy --expiry '999999h'
      - run: fly tokens create deploy --expiry="87600h"
"""
    # no expiry: from the start of `args` (where `flyctl` would be) to the subcommand;
    # a quoted value: at the value inside the quotes
    assert hits(WF, text, "GHA307") == [(8, 17, "GHA307"), (11, 48, "GHA307"), (12, 49, "GHA307")]
