from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    "image", ["nginx", "nginx:latest", "ghcr.io/acme/app:latest", "registry.local:5000/app"]
)
def test_mutable_image(image: str) -> None:
    assert hits("fly.toml", f'[build]\n  image = "{image}"\n', "FLY210") == [(2, 11, "FLY210")]


@pytest.mark.parametrize(
    "image",
    [
        "nginx:1.27.0",
        "registry.local:5000/app:v3",
        "nginx@sha256:" + "a" * 64,
        "nginx:latest@sha256:" + "b" * 64,
        "registry.fly.io/app:${TAG}",
    ],
)
def test_pinned_image(image: str) -> None:
    assert hits("fly.toml", f'[build]\nimage = "{image}"\n', "FLY210") == []


def test_dockerfile_build() -> None:
    assert hits("fly.toml", '[build]\ndockerfile = "Dockerfile"\n', "FLY210") == []
