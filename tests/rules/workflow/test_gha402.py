from __future__ import annotations

from helpers import hits

WF = ".github/workflows/ci.yml"
JOB = "    runs-on: x\n    steps:\n      - run: make\n"


def test_no_permissions_anywhere_reported_once_at_on() -> None:
    text = "name: ci\non: push\njobs:\n  a:\n" + JOB + "  b:\n" + JOB
    assert hits(WF, text, "GHA402") == [(2, 1, "GHA402")]


def test_jobs_without_permissions_when_others_have_them() -> None:
    text = "on: push\njobs:\n  a:\n    permissions:\n      contents: read\n" + JOB + "  b:\n" + JOB
    assert hits(WF, text, "GHA402") == [(9, 3, "GHA402")]


def test_write_all() -> None:
    text = "on: push\npermissions: write-all\njobs:\n  a:\n    permissions: write-all\n" + JOB
    assert hits(WF, text, "GHA402") == [(2, 14, "GHA402"), (5, 18, "GHA402")]


def test_workflow_level_write_scope_shared_by_several_jobs() -> None:
    text = (
        "on: push\npermissions:\n  contents: read\n  packages: write\njobs:\n  a:\n"
        + JOB
        + "  b:\n"
        + JOB
    )
    assert hits(WF, text, "GHA402") == [(4, 3, "GHA402")]


def test_least_privilege() -> None:
    one_job = "on: push\npermissions:\n  contents: write\njobs:\n  a:\n" + JOB
    assert hits(WF, one_job, "GHA402") == []
    per_job = (
        "on: push\npermissions: {}\njobs:\n  a:\n    permissions:\n      packages: write\n"
        + JOB
        + "  b:\n    permissions: read-all\n"
        + JOB
    )
    assert hits(WF, per_job, "GHA402") == []
    assert hits("action.yml", "runs:\n  using: node20\n  main: x.js\n", "GHA402") == []
