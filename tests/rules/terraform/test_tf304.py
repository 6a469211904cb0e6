from __future__ import annotations

import pytest

from helpers import findings, hits

PASSWORD = "Zq8v" + "R2xLkp4W" + "m9!"
STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"


def test_lambda_environment() -> None:
    text = (
        'resource "aws_lambda_function" "f" {\n'
        "  environment {\n"
        "    variables = {\n"
        f'      DB_PASSWORD = "{PASSWORD}"\n'
        '      LOG_LEVEL   = "info"\n'
        "      API_TOKEN   = var.api_token\n"
        f'      CONFIG      = "{STRIPE}"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF304") == [(4, 21, "TF304"), (7, 21, "TF304")]
    messages = [f.message for f in findings({"main.tf": text}, "TF304")]
    assert all(PASSWORD not in m and STRIPE not in m for m in messages)


def test_ecs_container_definitions_jsonencode() -> None:
    text = (
        'resource "aws_ecs_task_definition" "t" {\n'
        "  container_definitions = jsonencode([{\n"
        '    image = "app:1.0"\n'
        "    environment = [\n"
        f'      {{ name = "DB_PASSWORD", value = "{PASSWORD}" }},\n'
        '      { name = "PORT", value = "8080" },\n'
        "    ]\n"
        '    secrets = [{ name = "API_TOKEN", valueFrom = "arn:aws:ssm:eu-west-1:1:parameter/" }]\n'
        "  }])\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF304") == [(5, 39, "TF304")]


def test_ecs_container_definitions_heredoc_json() -> None:
    text = (
        'resource "aws_ecs_task_definition" "t" {\n'
        "  container_definitions = <<EOF\n"
        '[{"image": "app:1.0",\n'
        f'  "environment": [{{"name": "DB_PASSWORD", "value": "{PASSWORD}"}}]}}]\n'
        "EOF\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF304") == [(4, 53, "TF304")]


def test_container_env_blocks() -> None:
    text = (
        'resource "google_cloud_run_v2_service" "s" {\n'
        "  template {\n"
        "    containers {\n"
        '      image = "app:1.0"\n'
        "      env {\n"
        '        name  = "DB_PASSWORD"\n'
        f'        value = "{PASSWORD}"\n'
        "      }\n"
        "      env {\n"
        '        name = "API_TOKEN"\n'
        "        value_source {\n"
        "          secret_key_ref {\n"
        '            secret  = "api-token"\n'
        '            version = "latest"\n'
        "          }\n"
        "        }\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF304") == [(7, 17, "TF304")]
    k8s = text.replace("google_cloud_run_v2_service", "kubernetes_pod_v1").replace(
        "containers {", "container {"
    )
    assert hits("main.tf", k8s, "TF304") == [(7, 17, "TF304")]


@pytest.mark.parametrize(
    ("kind", "body", "position"),
    [
        (
            "azurerm_container_group",
            '  container {\n    environment_variables = {\n      DB_PASSWORD = "{P}"\n    }\n'
            '    secure_environment_variables = {\n      API_TOKEN = "{P}"\n    }\n  }\n',
            (4, 21),
        ),
        ("azurerm_linux_web_app", '  app_settings = {\n    DB_PASSWORD = "{P}"\n  }\n', (3, 19)),
        (
            "google_cloudfunctions2_function",
            "  service_config {\n"
            '    environment_variables = {\n      DB_PASSWORD = "{P}"\n    }\n'
            "  }\n",
            (4, 21),
        ),
        (
            "aws_apprunner_service",
            "  source_configuration {\n    image_repository {\n      image_configuration {\n"
            '        runtime_environment_variables = { DB_PASSWORD = "{P}" }\n'
            "      }\n    }\n  }\n",
            (5, 57),
        ),
        (
            "google_cloudfunctions_function",
            '  environment_variables = { DB_PASSWORD = "{P}" }\n',
            (2, 43),
        ),
        ("fly_machine", '  image = "app:1.0"\n  env = {\n    DB_PASSWORD = "{P}"\n  }\n', (4, 19)),
    ],
)
def test_environment_maps(kind: str, body: str, position: tuple[int, int]) -> None:
    text = f'resource "{kind}" "x" {{\n' + body.replace("{P}", PASSWORD) + "}\n"
    assert hits("main.tf", text, "TF304") == [(*position, "TF304")]


@pytest.mark.parametrize(
    "value", ['"changeme"', "var.db_password", '"${random_password.p.result}"', '""']
)
def test_placeholders_and_references(value: str) -> None:
    text = (
        'resource "aws_lambda_function" "f" {\n'
        f"  environment {{\n    variables = {{ DB_PASSWORD = {value} }}\n  }}\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF304") == []
