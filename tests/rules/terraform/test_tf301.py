from __future__ import annotations

import pytest

from helpers import findings, hits

PASSWORD = "Zq8v" + "R2xLkp4W" + "m9!"
GITHUB_TOKEN = "ghp_" + "a1B2" * 9


def db(attr: str, value: str) -> str:
    return f'resource "aws_db_instance" "db" {{\n  {attr} = {value}\n}}\n'


@pytest.mark.parametrize("attr", ["password", "master_password", "admin_password"])
def test_literal_password(attr: str) -> None:
    assert hits("main.tf", db(attr, f'"{PASSWORD}"'), "TF301") == [(2, len(attr) + 6, "TF301")]


@pytest.mark.parametrize(
    "value",
    [
        "var.db_password",
        "random_password.db.result",
        '"${random_password.db.result}"',
        "data.aws_secretsmanager_secret_version.db.secret_string",
        '"changeme"',
        '""',
        '"arn:aws:secretsmanager:eu-west-1:1:secret:db"',
        "true",
    ],
)
def test_references_and_placeholders(value: str) -> None:
    assert hits("main.tf", db("password", value), "TF301") == []


def test_message_masks_the_secret_and_carries_its_hash() -> None:
    (finding,) = findings({"main.tf": db("password", f'"{PASSWORD}"')}, "TF301")
    assert PASSWORD not in finding.message
    assert finding.secret_hash


def test_secret_store_values_are_secrets_whatever_the_name() -> None:
    text = (
        'resource "aws_secretsmanager_secret_version" "v" {\n'
        f'  secret_string = "{PASSWORD}"\n'
        "}\n"
        'resource "aws_ssm_parameter" "p" {\n'
        '  type  = "SecureString"\n'
        f'  value = "{PASSWORD}"\n'
        "}\n"
        'resource "aws_ssm_parameter" "plain" {\n'
        '  type  = "String"\n'
        f'  value = "{PASSWORD}"\n'
        "}\n"
        'resource "kubernetes_secret_v1" "k" {\n'
        f'  data = {{ "config.yaml" = "{PASSWORD}" }}\n'
        "}\n"
    )
    assert hits("main.tf", text, "TF301") == [(2, 19, "TF301"), (6, 11, "TF301"), (13, 28, "TF301")]


def test_known_token_format_under_any_name_nested_objects_locals_and_modules() -> None:
    text = (
        'resource "github_actions_secret" "s" {\n'
        f'  plaintext_value = "{GITHUB_TOKEN}"\n'
        "}\n"
        'resource "aws_opensearch_domain" "o" {\n'
        "  advanced_security_options {\n"
        "    master_user_options {\n"
        f'      master_user_password = "{PASSWORD}"\n'
        "    }\n"
        "  }\n"
        "}\n"
        "locals {\n"
        f'  api_token = "{PASSWORD}"\n'
        f'  settings  = {{ db = {{ password = "{PASSWORD}" }} }}\n'
        "}\n"
        'module "db" {\n'
        '  source   = "./db"\n'
        f'  password = "{PASSWORD}"\n'
        "}\n"
    )
    assert hits("main.tf", text, "TF301") == [
        (2, 21, "TF301"),
        (7, 30, "TF301"),
        (12, 15, "TF301"),
        (13, 35, "TF301"),
        (17, 14, "TF301"),
    ]


def test_environment_variables_are_left_to_tf304() -> None:
    text = (
        'resource "aws_lambda_function" "f" {\n'
        "  environment {\n"
        f'    variables = {{ DB_PASSWORD = "{PASSWORD}" }}\n'
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF301") == []
