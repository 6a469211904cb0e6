"""DF101 is not reported for a Dockerfile whose fly.toml defines Fly health checks."""

from __future__ import annotations

import pytest

from helpers import hits_multi

DOCKERFILE = 'FROM node:20-slim\nCMD ["node", "server.js"]\n'
CHECKED = (
    'app = "web"\n[http_service]\ninternal_port = 8080\n'
    '[[http_service.checks]]\npath = "/healthz"\n'
)
UNCHECKED = 'app = "web"\n[http_service]\ninternal_port = 8080\n'
# DF101 alone would not parse fly.toml; keep a FLY rule active so the project has it.
WITH_FLY = 'extend-select = ["FLY101"]\n'


def df101(files: dict[str, str]) -> list[tuple[str, int, int, str]]:
    return hits_multi(files, "DF101", config=WITH_FLY)


@pytest.mark.parametrize("fly_name", ["fly.toml", "fly.production.toml", "api.fly.toml"])
def test_sibling_fly_config_with_checks(fly_name: str) -> None:
    assert df101({"Dockerfile": DOCKERFILE, fly_name: CHECKED}) == []


def test_top_level_checks_count() -> None:
    fly = 'app = "worker"\n[checks.alive]\ntype = "tcp"\nport = 9000\n'
    assert df101({"Dockerfile": DOCKERFILE, "fly.toml": fly}) == []


def test_sibling_fly_config_without_checks() -> None:
    assert df101({"Dockerfile": DOCKERFILE, "fly.toml": UNCHECKED}) == [
        ("Dockerfile", 1, 1, "DF101")
    ]


def test_fly_config_naming_the_dockerfile_elsewhere() -> None:
    fly = CHECKED + '[build]\ndockerfile = "../docker/web.Dockerfile"\n'
    files = {"deploy/fly.toml": fly, "docker/web.Dockerfile": DOCKERFILE, "Dockerfile": DOCKERFILE}
    assert df101(files) == [("Dockerfile", 1, 1, "DF101")]


def test_sibling_that_builds_another_dockerfile_does_not_count() -> None:
    fly = CHECKED + '[build]\ndockerfile = "Dockerfile.prod"\n'
    files = {"fly.toml": fly, "Dockerfile": DOCKERFILE, "Dockerfile.prod": DOCKERFILE}
    assert df101(files) == [("Dockerfile", 1, 1, "DF101")]


def test_sibling_that_deploys_an_image_does_not_count() -> None:
    fly = CHECKED + '[build]\nimage = "ghcr.io/acme/web:1.0"\n'
    assert df101({"fly.toml": fly, "Dockerfile": DOCKERFILE}) == [("Dockerfile", 1, 1, "DF101")]


def test_fly_config_in_another_folder_does_not_count() -> None:
    files = {"api/fly.toml": CHECKED, "worker/Dockerfile": DOCKERFILE}
    assert df101(files) == [("worker/Dockerfile", 1, 1, "DF101")]


def test_subfolder_app() -> None:
    files = {"apps/web/fly.toml": CHECKED, "apps/web/Dockerfile": DOCKERFILE}
    assert df101(files) == []
