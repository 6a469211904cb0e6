from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/deploy.yml"


def wf(run: str) -> str:
    return f"on: push\njobs:\n  deploy:\n    runs-on: x\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    ("run", "token"),
    [
        ("fly deploy --detach", "--detach"),
        ("flyctl deploy --remote-only --detach", "--detach"),
        ("fly deploy --detach=true", "--detach"),
        ("gcloud run deploy web --async", "--async"),
    ],
)
def test_detached_deploys(run: str, token: str) -> None:
    assert hits(WF, wf(run), "GHA202") == [(6, 14 + run.index(token), "GHA202")]


@pytest.mark.parametrize(
    "run",
    ["fly deploy", "fly deploy --detach=false", "fly logs --detach", "echo fly deploy --detach"],
)
def test_attached_deploys(run: str) -> None:
    assert hits(WF, wf(run), "GHA202") == []


def test_multiline_and_flyctl_action() -> None:
    text = """\
on: push
jobs:
  deploy:
    runs-on: x
    steps:
      - run: |
          flyctl deploy \\
            --remote-only \\
            --detach
      - uses: superfly/flyctl-actions@1.5
        with:
          args: "deploy --detach"
"""
    assert hits(WF, text, "GHA202") == [(9, 13, "GHA202"), (12, 25, "GHA202")]


@pytest.mark.parametrize(
    "run",
    [
        "sudo -E fly deploy --detach",
        "timeout 10m flyctl deploy --detach",
        "sh -c 'fly deploy --detach'",
        "fly deploy --app ${{ inputs.app || 'my app' }} --detach",
        'echo "$(fly deploy --detach)"',
    ],
)
def test_wrappers_nested_commands_and_expressions(run: str) -> None:
    assert hits(WF, wf(run), "GHA202") == [(6, 14 + run.index("--detach"), "GHA202")]


def test_expression_with_spaces_in_flyctl_action_args() -> None:
    text = """\
on: push
jobs:
  deploy:
    runs-on: x
    steps:
      - uses: superfly/flyctl-actions@1.5
        with:
          args: deploy --app ${{ inputs.app || 'a b' }} --detach
"""
    assert hits(WF, text, "GHA202") == [(8, 57, "GHA202")]
