from __future__ import annotations

import pytest

from helpers import findings, hits, hits_multi


def config(image: str, mutability: str = "", extra: str = "") -> str:
    return (
        'resource "aws_ecr_repository" "app" {\n'  # 1
        '  name = "app"\n'  # 2
        f"{mutability}"
        "}\n"
        f"{extra}"
        'resource "aws_ecs_task_definition" "app" {\n'
        "  container_definitions = jsonencode([{\n"
        '    name  = "app"\n'
        f"    image = {image}\n"
        "  }])\n"
        "}\n"
    )


TAGGED = '"${aws_ecr_repository.app.repository_url}:${var.git_sha}"'


def test_image_from_a_mutable_repository_of_the_same_config() -> None:
    assert hits("main.tf", config(TAGGED), "XF203") == [(7, 13, "XF203")]
    text = config(TAGGED, '  image_tag_mutability = "MUTABLE"\n')
    assert hits("main.tf", text, "XF203") == [(8, 13, "XF203")]
    (finding,) = findings({"main.tf": config(TAGGED)}, "XF203")
    assert [(r.path, r.span.line, r.span.column) for r in finding.related] == [("main.tf", 1, 10)]


def test_through_a_local_and_across_files() -> None:
    files = {
        "ecr.tf": 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n',
        "ecs.tf": (
            'locals {\n  image = "${aws_ecr_repository.app.repository_url}:v1"\n}\n'
            'resource "aws_ecs_task_definition" "app" {\n'
            "  container_definitions = jsonencode([{ image = local.image }])\n"
            "}\n"
        ),
    }
    assert hits_multi(files, "XF203") == [("ecs.tf", 5, 49, "XF203")]


@pytest.mark.parametrize(
    ("image", "mutability"),
    [
        (TAGGED, '  image_tag_mutability = "IMMUTABLE"\n'),
        (TAGGED, "  image_tag_mutability = var.mutability\n"),
        ('"${aws_ecr_repository.app.repository_url}@sha256:' + "ab" * 32 + '"', ""),
        ('"${data.aws_ecr_repository.shared.repository_url}:v1"', ""),
        ('"nginx:1.27"', ""),
    ],
)
def test_immutable_pinned_or_unrelated(image: str, mutability: str) -> None:
    assert hits("main.tf", config(image, mutability), "XF203") == []


def test_repository_in_another_module_is_not_followed() -> None:
    files = {
        "ecr/main.tf": 'resource "aws_ecr_repository" "app" {}\n',
        "ecs/main.tf": (
            'resource "aws_ecs_task_definition" "app" {\n'
            "  container_definitions = jsonencode([{\n"
            '    image = "${aws_ecr_repository.app.repository_url}:v1"\n'
            "  }])\n"
            "}\n"
        ),
    }
    assert hits_multi(files, "XF203") == []
