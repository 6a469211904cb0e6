from __future__ import annotations

from helpers import hits

WF = ".github/workflows/deploy.yml"


def test_deploy_job_without_environment() -> None:
    text = """\
on: push
concurrency: deploy
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: fly deploy
  publish:
    runs-on: ubuntu-latest
    environment:
      name: npm
    steps:
      - run: npm publish
"""
    assert hits(WF, text, "GHA103") == [(4, 3, "GHA103")]


def test_non_deploy_jobs() -> None:
    text = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
  call:
    uses: ./.github/workflows/deploy.yml
"""
    assert hits(WF, text, "GHA103") == []
