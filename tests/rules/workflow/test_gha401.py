from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/ci.yml"
SHA = "0123456789abcdef0123456789abcdef01234567"


def wf(uses: str) -> str:
    return f"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n"


@pytest.mark.parametrize(
    ("uses", "token"),
    [
        ("actions/checkout@v4", "v4"),
        ("actions/checkout@main", "main"),
        ("actions/checkout@" + SHA[:7], SHA[:7]),
        ("github/codeql-action/init@v3", "v3"),
        ("docker://alpine:3.20", "docker"),
        ("acme/action", "acme"),
    ],
)
def test_unpinned(uses: str, token: str) -> None:
    # `      - uses: ` puts the value at column 15; findings point at the ref after `@`
    assert hits(WF, wf(uses), "GHA401") == [(6, 15 + uses.index(token), "GHA401")]


@pytest.mark.parametrize(
    "uses",
    [
        f"actions/checkout@{SHA}",
        "./.github/actions/setup",
        "docker://alpine@sha256:" + "a" * 64,
    ],
)
def test_pinned(uses: str) -> None:
    assert hits(WF, wf(uses), "GHA401") == []


def test_reusable_workflow_call() -> None:
    text = "on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/ci.yml@v1\n"
    assert hits(WF, text, "GHA401") == [(4, 45, "GHA401")]
    local = "on: push\njobs:\n  call:\n    uses: ./.github/workflows/ci.yml\n"
    assert hits(WF, local, "GHA401") == []


def test_trusted_owners_may_use_tags() -> None:
    text = wf("actions/checkout@v4") + "      - uses: acme/tool@v1\n"
    config = '[rules.GHA401]\ntrusted-owners = ["Actions", "github"]\n'
    assert hits(WF, text, "GHA401", config=config) == [(7, 25, "GHA401")]


def test_composite_action_steps() -> None:
    text = "runs:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n"
    assert hits("action.yml", text, "GHA401") == [(4, 27, "GHA401")]
