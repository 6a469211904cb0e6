from __future__ import annotations

from helpers import hits

SECRET = 'resource "aws_secretsmanager_secret" "db" {\n  name = "db"\n}\n'


def test_aws_secret_without_rotation() -> None:
    assert hits("main.tf", SECRET, "TF305") == [(1, 10, "TF305")]


def test_aws_secret_with_a_rotation_resource() -> None:
    rotation = (
        'resource "aws_secretsmanager_secret_rotation" "db" {\n'
        "  secret_id           = aws_secretsmanager_secret.db.id\n"
        "  rotation_lambda_arn = aws_lambda_function.rotate.arn\n"
        "}\n"
    )
    assert hits("main.tf", SECRET + rotation, "TF305") == []
    other = rotation.replace("secret.db.id", "secret.other.id")
    assert hits("main.tf", SECRET + other, "TF305") == [(1, 10, "TF305")]
    unknown = rotation.replace("aws_secretsmanager_secret.db.id", "var.secret_id")
    assert hits("main.tf", SECRET + unknown, "TF305") == []


def test_google_secret_rotation_block() -> None:
    text = 'resource "google_secret_manager_secret" "s" {\n  secret_id = "s"\n}\n'
    assert hits("main.tf", text, "TF305") == [(1, 10, "TF305")]
    rotated = text.replace(
        '  secret_id = "s"\n',
        '  secret_id = "s"\n  rotation {\n    rotation_period = "2592000s"\n  }\n',
    )
    assert hits("main.tf", rotated, "TF305") == []
