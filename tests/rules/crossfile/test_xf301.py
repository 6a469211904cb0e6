from __future__ import annotations

from helpers import findings, hits_multi

DOCKER = 'FROM node:22.11.0\nARG NPM_TOKEN\nRUN npm ci\nCMD ["node", "a.js"]\n'


def test_fly_build_args() -> None:
    fly = 'app = "x"\n[build.args]\n  NPM_TOKEN = "abc123abc123"\n  NODE_ENV = "production"\n'
    files = {"fly.toml": fly, "Dockerfile": DOCKER}
    assert hits_multi(files, "XF301") == [("fly.toml", 3, 3, "XF301")]
    (found,) = findings(files, "XF301")
    assert [(r.path, r.span.line, r.span.column) for r in found.related] == [("Dockerfile", 2, 5)]
    assert "abc123abc123" not in found.message


def test_workflow_docker_build_and_fly_deploy() -> None:
    wf = """on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build --build-arg NPM_TOKEN=${{ secrets.NPM_TOKEN }} -t app .
      - run: fly deploy --build-arg NPM_TOKEN=${{ secrets.NPM_TOKEN }}
"""
    files = {"fly.toml": 'app = "x"\n', "Dockerfile": DOCKER, ".github/workflows/b.yml": wf}
    assert hits_multi(files, "XF301") == [
        (".github/workflows/b.yml", 6, 39, "XF301"),
        (".github/workflows/b.yml", 7, 37, "XF301"),
    ]


def test_build_push_action() -> None:
    wf = """on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: web
          build-args: |
            VERSION=1.2.3
            NPM_TOKEN=${{ secrets.NPM_TOKEN }}
"""
    files = {"web/Dockerfile": DOCKER, ".github/workflows/b.yml": wf}
    assert hits_multi(files, "XF301") == [(".github/workflows/b.yml", 11, 13, "XF301")]


def test_silent_cases() -> None:
    harmless = 'app = "x"\n[build.args]\n  NODE_ENV = "production"\n'
    assert hits_multi({"fly.toml": harmless, "Dockerfile": DOCKER}, "XF301") == []
    undeclared = 'app = "x"\n[build.args]\n  API_TOKEN = "abc123abc123"\n'  # no such ARG
    assert hits_multi({"fly.toml": undeclared, "Dockerfile": DOCKER}, "XF301") == []
    secret_mount = """on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build --secret id=npm,env=NPM_TOKEN -t app .
"""
    files = {"Dockerfile": DOCKER, ".github/workflows/b.yml": secret_mount}
    assert hits_multi(files, "XF301") == []


def test_pre_commit_run() -> None:
    fly = 'app = "x"\n[build.args]\n  NPM_TOKEN = "abc123abc123"\n'
    files = {"fly.toml": fly, "Dockerfile": DOCKER}
    assert hits_multi(files, "XF301", passed=("fly.toml",)) == [("fly.toml", 3, 3, "XF301")]
