from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/deploy.yml"


def wf(run: str) -> str:
    return f"on: push\njobs:\n  deploy:\n    runs-on: x\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    ("run", "token"),
    [
        ("fly deploy --strategy immediate", "--strategy"),
        ("fly deploy --strategy=immediate", "--strategy"),
        ("flyctl deploy --smoke-checks=false", "--smoke"),
        ("fly deploy --wait-timeout 0", "--wait"),
        ("fly deploy --wait-timeout=0s", "--wait"),
    ],
)
def test_unsafe_flags(run: str, token: str) -> None:
    assert hits(WF, wf(run), "GHA203") == [(6, 14 + run.index(token), "GHA203")]


@pytest.mark.parametrize(
    "run",
    [
        "fly deploy --strategy rolling",
        "fly deploy --strategy bluegreen --wait-timeout 10m",
        "fly deploy --smoke-checks",
        "fly scale count 2 --strategy immediate",
    ],
)
def test_safe_deploys(run: str) -> None:
    assert hits(WF, wf(run), "GHA203") == []
