from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/deploy.yml"


def test_deploy_job_without_concurrency() -> None:
    text = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  ship:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - run: flyctl deploy --remote-only
"""
    assert hits(WF, text, "GHA102") == [(7, 3, "GHA102")]


@pytest.mark.parametrize(
    "job",
    [
        "  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./ship.sh\n",
        "  web:\n    environment: production\n    runs-on: x\n    steps:\n      - run: x\n",
        "  web:\n    runs-on: x\n    steps:\n      - uses: superfly/flyctl-actions@v1\n",
        "  web:\n    runs-on: x\n    steps:\n      - uses: docker/build-push-action@v6\n"
        "        with:\n          push: true\n",
        "  web:\n    runs-on: x\n    steps:\n      - run: |\n"
        "          helm upgrade --install app .\n",
    ],
)
def test_deploy_detection(job: str) -> None:
    assert hits(WF, "on: push\njobs:\n" + job, "GHA102") == [(3, 3, "GHA102")]


@pytest.mark.parametrize(
    "job",
    [
        "  build:\n    runs-on: x\n    steps:\n      - run: make  # not fly deploy\n",
        "  release-notes:\n    runs-on: x\n    steps:\n      - run: x\n",
        "  publish-dry-run:\n    runs-on: x\n    steps:\n      - run: x\n",
        "  test_linux:\n    environment: secrets-for-tests\n    runs-on: x\n    steps:\n"
        "      - run: x\n",
        "  call:\n    uses: ./.github/workflows/deploy-prod.yml\n",
        "  web:\n    runs-on: x\n    steps:\n      - uses: docker/build-push-action@v6\n"
        "        with:\n          push: false\n",
    ],
)
def test_not_deploy_jobs(job: str) -> None:
    assert hits(WF, "on: push\njobs:\n" + job, "GHA102") == []


def test_workflow_or_job_concurrency_is_enough() -> None:
    job = "  deploy:\n    runs-on: x\n    steps:\n      - run: fly deploy\n"
    assert hits(WF, "on: push\nconcurrency: deploy\njobs:\n" + job, "GHA102") == []
    job_level = job.replace("    runs-on", "    concurrency: {group: prod}\n    runs-on")
    assert hits(WF, "on: push\njobs:\n" + job_level, "GHA102") == []


def test_group_unique_per_run_does_not_serialise() -> None:
    text = """\
on: push
concurrency:
  group: ${{ github.workflow }}-${{ github.head_ref || github.run_id }}
jobs:
  deploy:
    runs-on: x
    steps:
      - run: fly deploy
  release:
    runs-on: x
    steps:
      - run: npm publish
"""
    assert hits(WF, text, "GHA102") == [(3, 10, "GHA102")]


def test_patterns_are_configurable() -> None:
    job = "  ship-it:\n    runs-on: x\n    steps:\n      - run: ./bin/roll-out\n"
    text = "on: push\njobs:\n" + job
    assert hits(WF, text, "GHA102") == []
    config = (
        '[rules.GHA102]\ndeploy-name-patterns = ["ship"]\ndeploy-command-patterns = ["roll-out"]\n'
    )
    assert hits(WF, text, "GHA102", config=config) == [(3, 3, "GHA102")]
    only_commands = (
        '[rules.GHA102]\ndeploy-name-patterns = []\ndeploy-command-patterns = ["roll-out"]\n'
    )
    assert hits(WF, text, "GHA102", config=only_commands) == [(3, 3, "GHA102")]


def test_shared_options_table() -> None:
    text = "on: push\njobs:\n  ship-it:\n    runs-on: x\n    steps:\n      - run: x\n"
    config = '[options]\ndeploy-name-patterns = ["ship"]\n'
    assert hits(WF, text, "GHA102", config=config) == [(3, 3, "GHA102")]


def test_deploy_actions_are_configurable() -> None:
    text = "on: push\njobs:\n  web:\n    runs-on: x\n    steps:\n      - uses: acme/ship@v1\n"
    config = '[rules.GHA102]\ndeploy-actions = ["Acme/Ship"]\n'
    assert hits(WF, text, "GHA102", config=config) == [(3, 3, "GHA102")]
