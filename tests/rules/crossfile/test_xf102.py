from __future__ import annotations

from helpers import hits_multi

DOCKER = (
    "FROM node:22.11.0 AS deps\nRUN npm ci\n"
    'FROM node:22.11.0 AS web\nCOPY --from=deps /app /app\nCMD ["node", "server.js"]\n'
)


def test_missing_dockerfile() -> None:
    fly = 'app = "x"\n[build]\n  dockerfile = "Dockerfile.prod"\n'
    assert hits_multi({"fly.toml": fly, "Dockerfile": DOCKER}, "XF102") == [
        ("fly.toml", 3, 16, "XF102")
    ]


def test_unknown_build_target() -> None:
    fly = 'app = "x"\n[build]\n  build-target = "runtime"\n'
    assert hits_multi({"fly.toml": fly, "Dockerfile": DOCKER}, "XF102") == [
        ("fly.toml", 3, 18, "XF102")
    ]


def test_build_target_without_command() -> None:
    fly = 'app = "x"\n[build]\n  build-target = "deps"\n'
    assert hits_multi({"fly.toml": fly, "Dockerfile": DOCKER}, "XF102") == [
        ("fly.toml", 3, 18, "XF102")
    ]


def test_good_configs_are_silent() -> None:
    for fly in (
        'app = "x"\n[build]\n  build-target = "web"\n',
        'app = "x"\n[build]\n  dockerfile = "Dockerfile"\n',
        'app = "x"\n[build]\n  build-target = "deps"\n[processes]\n  app = "node server.js"\n',
        'app = "x"\n',
    ):
        assert hits_multi({"fly.toml": fly, "Dockerfile": DOCKER}, "XF102") == [], fly
    static = (
        "FROM node:22.11.0 AS build\nRUN npm run build\n"
        "FROM nginx:1.27 AS site\nCOPY --from=build /dist /usr/share/nginx/html\n"
    )
    fly = 'app = "x"\n[build]\n  build-target = "site"\n'
    assert hits_multi({"fly.toml": fly, "Dockerfile": static}, "XF102") == []


def test_pre_commit_run() -> None:
    fly = 'app = "x"\n[build]\n  build-target = "runtime"\n'
    files = {"fly.toml": fly, "Dockerfile": DOCKER}
    assert hits_multi(files, "XF102", passed=("fly.toml",)) == [("fly.toml", 3, 18, "XF102")]
    assert hits_multi(files, "XF102", passed=("Dockerfile",)) == []
