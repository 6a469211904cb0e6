from __future__ import annotations

from helpers import hits_multi

FLY = 'app = "db"\n[[mounts]]\n  source = "data"\n  destination = "/data"\n'
WORKFLOW = """on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: flyctl deploy --strategy bluegreen
"""


def test_bluegreen_with_volumes() -> None:
    files = {"fly.toml": FLY, ".github/workflows/d.yml": WORKFLOW}
    assert hits_multi(files, "XF202") == [(".github/workflows/d.yml", 6, 28, "XF202")]
    canary = WORKFLOW.replace("--strategy bluegreen", "--strategy=canary")
    files[".github/workflows/d.yml"] = canary
    assert hits_multi(files, "XF202") == [(".github/workflows/d.yml", 6, 28, "XF202")]


def test_silent_cases() -> None:
    rolling = WORKFLOW.replace("bluegreen", "rolling")
    assert hits_multi({"fly.toml": FLY, ".github/workflows/d.yml": rolling}, "XF202") == []
    stateless = 'app = "web"\n'
    assert hits_multi({"fly.toml": stateless, ".github/workflows/d.yml": WORKFLOW}, "XF202") == []


def test_pre_commit_run() -> None:
    files = {"fly.toml": FLY, ".github/workflows/d.yml": WORKFLOW}
    assert hits_multi(files, "XF202", passed=(".github/workflows/d.yml",)) == [
        (".github/workflows/d.yml", 6, 28, "XF202")
    ]
