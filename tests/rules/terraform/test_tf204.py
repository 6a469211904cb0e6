from __future__ import annotations

import pytest

from helpers import hits, hits_multi


def resource(kind: str, body: str = "", name: str = "this") -> str:
    return f'resource "{kind}" "{name}" {{\n{body}}}\n'


def test_rds_retention_zero() -> None:
    text = resource("aws_db_instance", "  backup_retention_period = 0\n")
    assert hits("main.tf", text, "TF204") == [(2, 29, "TF204")]
    assert (
        hits("main.tf", resource("aws_db_instance", "  backup_retention_period = 7\n"), "TF204")
        == []
    )
    assert hits("main.tf", resource("aws_db_instance"), "TF204") == []
    replica = "  backup_retention_period = 0\n  replicate_source_db = aws_db_instance.main.arn\n"
    assert hits("main.tf", resource("aws_db_instance", replica), "TF204") == []


def test_redshift_retention_zero() -> None:
    text = resource("aws_redshift_cluster", "  automated_snapshot_retention_period = 0\n")
    assert hits("main.tf", text, "TF204") == [(2, 41, "TF204")]


def test_dynamodb_point_in_time_recovery() -> None:
    assert hits("main.tf", resource("aws_dynamodb_table"), "TF204") == [(1, 10, "TF204")]
    off = "  point_in_time_recovery {\n    enabled = false\n  }\n"
    assert hits("main.tf", resource("aws_dynamodb_table", off), "TF204") == [(3, 15, "TF204")]
    on = "  point_in_time_recovery {\n    enabled = true\n  }\n"
    assert hits("main.tf", resource("aws_dynamodb_table", on), "TF204") == []


def test_cloud_sql_backup_configuration() -> None:
    kind = "google_sql_database_instance"
    assert hits("main.tf", resource(kind), "TF204") == [(1, 10, "TF204")]
    off = "  settings {\n    backup_configuration {\n      enabled = false\n    }\n  }\n"
    assert hits("main.tf", resource(kind, off), "TF204") == [(4, 17, "TF204")]
    on = off.replace("false", "true")
    assert hits("main.tf", resource(kind, on), "TF204") == []
    replica = '  master_instance_name = "primary"\n'
    assert hits("main.tf", resource(kind, replica), "TF204") == []


BACKEND = 'terraform {\n  backend "s3" {\n    bucket = "acme-state"\n    key = "x"\n  }\n}\n'


def test_s3_bucket_named_by_a_backend_without_versioning() -> None:
    files = {
        "live/main.tf": BACKEND,
        "bootstrap/main.tf": resource("aws_s3_bucket", '  bucket = "acme-state"\n', "state"),
    }
    assert hits_multi(files, "TF204") == [("bootstrap/main.tf", 1, 10, "TF204")]


def test_s3_state_bucket_versioned_by_a_separate_resource() -> None:
    versioning = resource(
        "aws_s3_bucket_versioning",
        "  bucket = aws_s3_bucket.state.id\n"
        '  versioning_configuration {\n    status = "Enabled"\n  }\n',
        "state",
    )
    files = {
        "live/main.tf": BACKEND,
        "bootstrap/main.tf": resource("aws_s3_bucket", '  bucket = "acme-state"\n', "state")
        + versioning,
    }
    assert hits_multi(files, "TF204") == []
    files["bootstrap/main.tf"] = files["bootstrap/main.tf"].replace("Enabled", "Suspended")
    assert hits_multi(files, "TF204") == [("bootstrap/main.tf", 1, 10, "TF204")]


def test_state_bucket_recognised_by_name_and_inline_versioning() -> None:
    body = '  bucket = "acme-terraform-state"\n'
    assert hits("main.tf", resource("aws_s3_bucket", body, "b"), "TF204") == [(1, 10, "TF204")]
    inline = body + "  versioning {\n    enabled = true\n  }\n"
    assert hits("main.tf", resource("aws_s3_bucket", inline, "b"), "TF204") == []
    assert hits("main.tf", resource("aws_s3_bucket", '  bucket = "assets"\n', "b"), "TF204") == []


@pytest.mark.parametrize(
    ("kind", "name_attr", "backend", "backend_attr", "versioning"),
    [
        (
            "google_storage_bucket",
            "name",
            "gcs",
            "bucket",
            "  versioning {\n    enabled = true\n  }\n",
        ),
        (
            "azurerm_storage_account",
            "name",
            "azurerm",
            "storage_account_name",
            "  blob_properties {\n    versioning_enabled = true\n  }\n",
        ),
    ],
)
def test_gcs_and_azure_state_stores(
    kind: str, name_attr: str, backend: str, backend_attr: str, versioning: str
) -> None:
    settings = (
        f'terraform {{\n  backend "{backend}" {{\n    {backend_attr} = "acmestate"\n  }}\n}}\n'
    )
    store = resource(kind, f'  {name_attr} = "acmestate"\n', "store")
    assert hits("main.tf", settings + store, "TF204") == [(6, 10, "TF204")]
    versioned = resource(kind, f'  {name_attr} = "acmestate"\n' + versioning, "store")
    assert hits("main.tf", settings + versioned, "TF204") == []
