from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/deploy.yml"

DEPLOY = "  deploy:\n    runs-on: x\n    environment: prod\n    steps:\n      - run: fly deploy\n"


def test_deploy_without_any_check() -> None:
    text = "on: push\njobs:\n" + DEPLOY
    assert hits(WF, text, "GHA104") == [(3, 3, "GHA104")]


def test_needs_unrelated_job() -> None:
    text = (
        "on: push\njobs:\n  setup:\n    runs-on: x\n    steps:\n      - run: echo\n"
        + DEPLOY.replace("    runs-on", "    needs: setup\n    runs-on")
    )
    assert hits(WF, text, "GHA104") == [(7, 3, "GHA104")]


@pytest.mark.parametrize(
    "before",
    [
        # needs a test job (transitively)
        "  unit-tests:\n    runs-on: x\n    steps:\n      - run: echo\n"
        "  approve:\n    needs: unit-tests\n    runs-on: x\n    steps:\n      - run: echo\n",
        # needs a build job
        "  build:\n    runs-on: x\n    steps:\n      - run: echo\n",
        # needs a reusable workflow
        "  approve:\n    uses: ./.github/workflows/ci.yml\n",
    ],
)
def test_gated_by_needs(before: str) -> None:
    needed = before.split(":")[0].strip()
    if "approve" in before:
        needed = "approve"
    deploy = DEPLOY.replace("    runs-on", f"    needs: {needed}\n    runs-on")
    assert hits(WF, "on: push\njobs:\n" + before + deploy, "GHA104") == []


@pytest.mark.parametrize(
    "step",
    [
        "      - run: go test ./...\n",
        "      - run: |\n          npm ci\n          npm run test\n",
        "      - name: Run tests\n        run: ./scripts/ci.sh\n",
        "      - uses: ./.github/actions/run-test\n",
    ],
)
def test_workflow_with_a_test_step(step: str) -> None:
    assert hits(WF, "on: push\njobs:\n" + DEPLOY + step, "GHA104") == []


@pytest.mark.parametrize("trigger", ["workflow_run", "workflow_call"])
def test_gated_by_another_workflow(trigger: str) -> None:
    assert hits(WF, f"on: {trigger}\njobs:\n" + DEPLOY, "GHA104") == []


def test_check_patterns_are_configurable() -> None:
    text = (
        "on: push\njobs:\n  gate:\n    runs-on: x\n    steps:\n      - run: echo\n"
        + DEPLOY.replace("    runs-on", "    needs: gate\n    runs-on")
    )
    assert hits(WF, text, "GHA104") == [(7, 3, "GHA104")]
    config = '[rules.GHA104]\ncheck-job-patterns = ["gate"]\n'
    assert hits(WF, text, "GHA104", config=config) == []
