from __future__ import annotations

import pytest

from helpers import hits

FAMILIES = [
    "aws_db_instance",  # database
    "google_sql_database_instance",  # database
    "azurerm_cosmosdb_account",  # database
    "aws_s3_bucket",  # bucket
    "google_storage_bucket",  # bucket
    "azurerm_storage_account",  # bucket
    "aws_ebs_volume",  # volume
    "google_compute_disk",  # volume
    "azurerm_managed_disk",  # volume
    "aws_efs_file_system",  # file system
    "google_filestore_instance",  # file system
    "azurerm_storage_share",  # file system
    "aws_kms_key",  # KMS key
    "google_kms_crypto_key",  # KMS key
    "azurerm_key_vault",  # KMS key
    "aws_route53_zone",  # DNS zone
    "google_dns_managed_zone",  # DNS zone
    "azurerm_dns_zone",  # DNS zone
]


@pytest.mark.parametrize("kind", FAMILIES)
def test_stateful_resource_without_prevent_destroy(kind: str) -> None:
    assert hits("main.tf", f'resource "{kind}" "data" {{\n}}\n', "TF202") == [(1, 10, "TF202")]


@pytest.mark.parametrize("kind", FAMILIES)
def test_prevent_destroy_true(kind: str) -> None:
    text = f'resource "{kind}" "data" {{\n  lifecycle {{\n    prevent_destroy = true\n  }}\n}}\n'
    assert hits("main.tf", text, "TF202") == []


def test_prevent_destroy_false_points_at_the_value() -> None:
    text = 'resource "aws_s3_bucket" "b" {\n  lifecycle {\n    prevent_destroy = false\n  }\n}\n'
    assert hits("main.tf", text, "TF202") == [(3, 23, "TF202")]


def test_stateless_resources_are_ignored() -> None:
    assert hits("main.tf", 'resource "aws_instance" "web" {}\n', "TF202") == []
