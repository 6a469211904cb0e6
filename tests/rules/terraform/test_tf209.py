from __future__ import annotations

import pytest

from helpers import findings, hits, hits_multi


def ecs(image: str) -> str:
    return (
        'resource "aws_ecs_task_definition" "app" {\n'
        '  family = "app"\n'
        "  container_definitions = jsonencode([\n"
        "    {\n"
        '      name  = "app"\n'
        f"      image = {image}\n"
        "    },\n"
        "  ])\n"
        "}\n"
    )


@pytest.mark.parametrize(
    "image",
    [
        '"nginx:latest"',
        '"nginx"',
        '"public.ecr.aws/nginx/nginx"',
        '"localhost:5000/app"',
        '"${aws_ecr_repository.app.repository_url}:latest"',
        '"${var.registry}/app"',
        "aws_ecr_repository.app.repository_url",
        '"${aws_ecr_repository.app.repository_url}"',
    ],
)
def test_ecs_container_definitions(image: str) -> None:
    assert hits("main.tf", ecs(image), "TF209") == [(6, 15, "TF209")]


@pytest.mark.parametrize(
    "image",
    [
        '"nginx:1.27.3"',
        '"nginx@sha256:' + "ab" * 32 + '"',
        '"localhost:5000/app:1.0"',
        '"${aws_ecr_repository.app.repository_url}:${var.tag}"',
        '"${aws_ecr_repository.app.repository_url}@${var.digest}"',
        "var.image",
        "local.image",
    ],
)
def test_pinned_or_unknown_images(image: str) -> None:
    assert hits("main.tf", ecs(image), "TF209") == []


def test_heredoc_json_points_inside_the_json() -> None:
    text = (
        'resource "aws_ecs_task_definition" "app" {\n'
        "  container_definitions = <<EOF\n"
        "[\n"
        "  {\n"
        '    "name": "app",\n'
        '    "image": "nginx"\n'
        "  }\n"
        "]\n"
        "EOF\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF209") == [(6, 15, "TF209")]


def test_batch_job_definition_single_container() -> None:
    text = (
        'resource "aws_batch_job_definition" "job" {\n'
        '  container_properties = jsonencode({ image = "busybox:latest" })\n'
        "}\n"
    )
    assert hits("main.tf", text, "TF209") == [(2, 47, "TF209")]


def test_cloud_run() -> None:
    text = (
        'resource "google_cloud_run_v2_service" "s" {\n'
        "  template {\n"
        "    containers {\n"
        '      image = "us-docker.pkg.dev/cloudrun/container/hello"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF209") == [(4, 15, "TF209")]
    v1 = (
        text.replace("google_cloud_run_v2_service", "google_cloud_run_service")
        .replace("  template {\n", "  template {\n    spec {\n")
        .replace("    }\n  }\n}", "    }\n    }\n  }\n}")
    )
    assert hits("main.tf", v1, "TF209") == [(5, 15, "TF209")]


def test_kubernetes_containers() -> None:
    text = (
        'resource "kubernetes_deployment_v1" "d" {\n'
        "  spec {\n"
        "    template {\n"
        "      spec {\n"
        "        container {\n"
        '          image = "redis:latest"\n'
        "        }\n"
        "        init_container {\n"
        '          image = "busybox:1.36"\n'
        "        }\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF209") == [(6, 19, "TF209")]


def test_lambda_azure_and_fly() -> None:
    lam = (
        'resource "aws_lambda_function" "f" {\n'
        '  image_uri = "1.dkr.ecr.eu-west-1.amazonaws.com/fn:latest"\n'
        "}\n"
    )
    assert hits("main.tf", lam, "TF209") == [(2, 15, "TF209")]
    aci = (
        'resource "azurerm_container_group" "g" {\n'
        "  container {\n"
        '    image = "mcr.microsoft.com/azuredocs/aci-helloworld"\n'
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", aci, "TF209") == [(3, 13, "TF209")]
    fly = 'resource "fly_machine" "m" {\n  image = "flyio/hellofly:latest"\n}\n'
    assert hits("main.tf", fly, "TF209") == [(2, 11, "TF209")]


def test_app_runner_image_identifier() -> None:
    text = (
        'resource "aws_apprunner_service" "s" {\n'
        "  source_configuration {\n"
        "    image_repository {\n"
        '      image_identifier      = "public.ecr.aws/aws-containers/hello-app-runner:latest"\n'
        '      image_repository_type = "ECR_PUBLIC"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF209") == [(4, 31, "TF209")]
    pinned = text.replace(":latest", ":v1.4.2")
    assert hits("main.tf", pinned, "TF209") == []


def test_image_from_a_variable_default() -> None:
    files = {
        "main.tf": 'resource "fly_machine" "m" {\n  image = var.image\n}\n',
        "variables.tf": 'variable "image" {\n  default = "nginx"\n}\n',
    }
    assert hits_multi(files, "TF209") == [("main.tf", 2, 11, "TF209")]
    (finding,) = findings(files, "TF209")
    assert "via var.image" in finding.message
    assert [(r.path, r.span.line) for r in finding.related] == [("variables.tf", 2)]


def test_images_outside_workloads_are_ignored() -> None:
    text = 'resource "aws_instance" "i" {\n  image = "nginx"\n}\n'
    assert hits("main.tf", text, "TF209") == []
