from __future__ import annotations

import pytest

from helpers import hits, hits_multi


def resource(kind: str, body: str = "") -> str:
    return f'resource "{kind}" "this" {{\n{body}}}\n'


@pytest.mark.parametrize(
    ("kind", "attribute"),
    [
        ("aws_db_instance", "deletion_protection"),
        ("aws_rds_cluster", "deletion_protection"),
        ("aws_docdb_cluster", "deletion_protection"),
        ("aws_neptune_cluster", "deletion_protection"),
        ("aws_lb", "enable_deletion_protection"),
        ("aws_alb", "enable_deletion_protection"),
        ("aws_dynamodb_table", "deletion_protection_enabled"),
        ("azurerm_key_vault", "purge_protection_enabled"),
    ],
)
def test_unprotected_by_default(kind: str, attribute: str) -> None:
    assert hits("main.tf", resource(kind), "TF203") == [(1, 10, "TF203")]
    off = f"  {attribute} = false\n"
    assert hits("main.tf", resource(kind, off), "TF203") == [(2, len(attribute) + 6, "TF203")]
    on = f"  {attribute} = true\n"
    assert hits("main.tf", resource(kind, on), "TF203") == []


@pytest.mark.parametrize(
    "kind",
    [
        "google_sql_database_instance",
        "google_container_cluster",
        "google_bigtable_instance",
        "google_spanner_database",
        "google_bigquery_table",
    ],
)
def test_google_resources_protected_by_default(kind: str) -> None:
    assert hits("main.tf", resource(kind), "TF203") == []
    off = "  deletion_protection = false\n"
    assert hits("main.tf", resource(kind, off), "TF203") == [(2, 25, "TF203")]


def test_string_valued_protection() -> None:
    assert hits("main.tf", resource("aws_cognito_user_pool"), "TF203") == [(1, 10, "TF203")]
    inactive = '  deletion_protection = "INACTIVE"\n'
    assert hits("main.tf", resource("aws_cognito_user_pool", inactive), "TF203") == [
        (2, 25, "TF203")
    ]
    active = '  deletion_protection = "ACTIVE"\n'
    assert hits("main.tf", resource("aws_cognito_user_pool", active), "TF203") == []


def test_qldb_protected_by_default_and_firestore_state() -> None:
    assert hits("main.tf", resource("aws_qldb_ledger"), "TF203") == []
    off = "  deletion_protection = false\n"
    assert hits("main.tf", resource("aws_qldb_ledger", off), "TF203") == [(2, 25, "TF203")]
    kind = "google_firestore_database"
    assert hits("main.tf", resource(kind), "TF203") == [(1, 10, "TF203")]
    on = '  delete_protection_state = "DELETE_PROTECTION_ENABLED"\n'
    assert hits("main.tf", resource(kind, on), "TF203") == []


def test_value_through_a_variable() -> None:
    files = {
        "main.tf": resource("aws_db_instance", "  deletion_protection = var.protect\n"),
        "variables.tf": 'variable "protect" {\n  type    = bool\n  default = false\n}\n',
    }
    assert hits_multi(files, "TF203") == [("main.tf", 2, 25, "TF203")]
    files["variables.tf"] = 'variable "protect" {\n  type = bool\n}\n'
    assert hits_multi(files, "TF203") == []


def test_null_means_the_default() -> None:
    text = resource("aws_db_instance", "  deletion_protection = null\n")
    assert hits("main.tf", text, "TF203") == [(1, 10, "TF203")]
