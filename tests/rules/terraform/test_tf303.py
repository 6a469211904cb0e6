from __future__ import annotations

import pytest

from helpers import hits

PASSWORD = "Zq8v" + "R2xLkp4W" + "m9!"


def test_secret_variable_with_literal_default_and_not_sensitive() -> None:
    text = f'variable "db_password" {{\n  type    = string\n  default = "{PASSWORD}"\n}}\n'
    assert hits("variables.tf", text, "TF303") == [(1, 10, "TF303"), (3, 13, "TF303")]


def test_secret_variable_sensitive_with_literal_default() -> None:
    text = f'variable "api_token" {{\n  sensitive = true\n  default   = "{PASSWORD}"\n}}\n'
    assert hits("variables.tf", text, "TF303") == [(3, 15, "TF303")]


@pytest.mark.parametrize(
    "text",
    [
        'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
        'variable "create_random_password" {\n  type    = bool\n  default = true\n}\n',
        'variable "password_length" {\n  default = 32\n}\n',
        'variable "db_password_secret_arn" {\n  type = string\n}\n',
        'variable "region" {\n  default = "eu-west-1"\n}\n',
        'variable "cluster_auth_base64" {\n  type = string\n}\n',
        'variable "db_password" {\n  sensitive = var.is_sensitive\n}\n',
    ],
)
def test_fine_variables(text: str) -> None:
    assert hits("variables.tf", text, "TF303") == []


def test_secret_variable_without_sensitive_points_at_its_name() -> None:
    text = 'variable "db_password" {\n  type = string\n}\n'
    assert hits("variables.tf", text, "TF303") == [(1, 10, "TF303")]


def test_outputs() -> None:
    bad = 'output "db_password" {\n  value = random_password.db.result\n}\n'
    assert hits("outputs.tf", bad, "TF303") == [(1, 8, "TF303")]
    good = (
        'output "db_password" {\n  value     = random_password.db.result\n  sensitive = true\n}\n'
        'output "db_endpoint" {\n  value = aws_db_instance.db.endpoint\n}\n'
        'output "token_ttl" {\n  value = 3600\n}\n'
    )
    assert hits("outputs.tf", good, "TF303") == []
