from __future__ import annotations

from helpers import findings, hits_multi

NO_CHECK = 'app = "web"\n[http_service]\n  internal_port = 8080\n'
CHECKED = NO_CHECK + '  [[http_service.checks]]\n    path = "/healthz"\n'
WORKFLOW = """name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: flyctl deploy --remote-only
"""


def test_deploy_of_an_app_without_checks() -> None:
    files = {"fly.toml": NO_CHECK, ".github/workflows/deploy.yml": WORKFLOW}
    assert hits_multi(files, "XF201") == [(".github/workflows/deploy.yml", 10, 14, "XF201")]
    (found,) = findings(files, "XF201")
    assert [(r.path, r.span.line) for r in found.related] == [("fly.toml", 2)]


def test_linking_by_config_and_working_directory() -> None:
    wf_config = WORKFLOW.replace("flyctl deploy --remote-only", "fly deploy -c apps/api/fly.toml")
    files = {
        "apps/api/fly.toml": NO_CHECK,
        "apps/web/fly.toml": CHECKED,
        ".github/workflows/deploy.yml": wf_config,
    }
    assert hits_multi(files, "XF201") == [(".github/workflows/deploy.yml", 10, 14, "XF201")]
    wf_cd = WORKFLOW.replace("flyctl deploy --remote-only", "cd apps/api && fly deploy")
    files[".github/workflows/deploy.yml"] = wf_cd
    assert hits_multi(files, "XF201") == [(".github/workflows/deploy.yml", 10, 29, "XF201")]
    wf_wd = WORKFLOW.replace(
        "      - run: flyctl deploy --remote-only",
        "      - run: fly deploy\n        working-directory: apps/web",
    )
    files[".github/workflows/deploy.yml"] = wf_wd
    assert hits_multi(files, "XF201") == []


def test_flyctl_action_args() -> None:
    wf = WORKFLOW.replace(
        "      - run: flyctl deploy --remote-only",
        "      - uses: superfly/flyctl-actions@v1\n        with:\n          args: deploy",
    )
    files = {"fly.toml": NO_CHECK, ".github/workflows/deploy.yml": wf}
    assert hits_multi(files, "XF201") == [(".github/workflows/deploy.yml", 12, 17, "XF201")]


def test_silent_cases() -> None:
    assert hits_multi({"fly.toml": CHECKED, ".github/workflows/d.yml": WORKFLOW}, "XF201") == []
    worker = 'app = "worker"\n[processes]\n  worker = "bin/worker"\n'
    assert hits_multi({"fly.toml": worker, ".github/workflows/d.yml": WORKFLOW}, "XF201") == []
    two_apps = {
        "a/fly.toml": NO_CHECK,
        "b/fly.toml": NO_CHECK,
        ".github/workflows/d.yml": WORKFLOW,  # which app? unknown: not guessed
    }
    assert hits_multi(two_apps, "XF201") == []


def test_pre_commit_run() -> None:
    files = {"fly.toml": NO_CHECK, ".github/workflows/deploy.yml": WORKFLOW}
    assert hits_multi(files, "XF201", passed=(".github/workflows/deploy.yml",)) == [
        (".github/workflows/deploy.yml", 10, 14, "XF201")
    ]
    assert hits_multi(files, "XF201", passed=("fly.toml",)) == []
