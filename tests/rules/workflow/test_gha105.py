from __future__ import annotations

from helpers import hits

WF = ".github/workflows/deploy.yml"


def test_workflow_level_cancel_with_deploy_job() -> None:
    text = """\
on: push
concurrency:
  group: deploy
  cancel-in-progress: true
jobs:
  deploy:
    runs-on: x
    steps:
      - run: fly deploy
"""
    assert hits(WF, text, "GHA105") == [(4, 23, "GHA105")]


def test_job_level_cancel() -> None:
    text = """\
on: push
jobs:
  deploy:
    runs-on: x
    concurrency:
      group: prod
      cancel-in-progress: true
    steps:
      - run: kubectl apply -f k8s/
"""
    assert hits(WF, text, "GHA105") == [(7, 27, "GHA105")]


def test_no_cancel_or_no_deploy() -> None:
    text = """\
on: push
concurrency:
  group: ${{ github.ref }}
  cancel-in-progress: ${{ github.ref != 'refs/heads/main' }}
jobs:
  deploy:
    runs-on: x
    concurrency:
      group: prod
      cancel-in-progress: false
    steps:
      - run: fly deploy
"""
    assert hits(WF, text, "GHA105") == []
    ci = "on: push\nconcurrency:\n  group: ci\n  cancel-in-progress: true\njobs:\n"
    ci += "  test:\n    runs-on: x\n    steps:\n      - run: make test\n"
    assert hits(WF, ci, "GHA105") == []
