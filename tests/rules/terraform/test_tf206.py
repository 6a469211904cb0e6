from __future__ import annotations

import pytest

from helpers import hits


def test_ecr_repository_mutable_by_default() -> None:
    assert hits(
        "main.tf", 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n', "TF206"
    ) == [(1, 10, "TF206")]


def test_ecr_repository_explicitly_mutable() -> None:
    text = 'resource "aws_ecr_repository" "app" {\n  image_tag_mutability = "MUTABLE"\n}\n'
    assert hits("main.tf", text, "TF206") == [(2, 26, "TF206")]


@pytest.mark.parametrize("value", ['"IMMUTABLE"', '"IMMUTABLE_WITH_EXCLUSION"', "var.mutability"])
def test_ecr_repository_immutable_or_unknown(value: str) -> None:
    text = f'resource "aws_ecr_repository" "app" {{\n  image_tag_mutability = {value}\n}}\n'
    assert hits("main.tf", text, "TF206") == []


def test_artifact_registry_docker_repository() -> None:
    base = 'resource "google_artifact_registry_repository" "r" {\n  format = "DOCKER"\n'
    assert hits("main.tf", base + "}\n", "TF206") == [(1, 10, "TF206")]
    off = base + "  docker_config {\n    immutable_tags = false\n  }\n}\n"
    assert hits("main.tf", off, "TF206") == [(4, 22, "TF206")]
    on = base + "  docker_config {\n    immutable_tags = true\n  }\n}\n"
    assert hits("main.tf", on, "TF206") == []
    maven = 'resource "google_artifact_registry_repository" "r" {\n  format = "MAVEN"\n}\n'
    assert hits("main.tf", maven, "TF206") == []
