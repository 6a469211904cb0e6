"""TF202: a resource that holds data can be destroyed by a plan."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ...model import Category, Problem, Severity, Target
from ...parsers.hcl_model import literal_bool
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import lifecycle_flag, missing

#: Resource types that hold state, by family (the family appears in the message).
STATEFUL_RESOURCES = MappingProxyType(
    {
        "database": (
            "aws_db_instance",
            "aws_rds_cluster",
            "aws_dynamodb_table",
            "aws_docdb_cluster",
            "aws_neptune_cluster",
            "aws_redshift_cluster",
            "aws_opensearch_domain",
            "aws_elasticsearch_domain",
            "google_sql_database_instance",
            "google_sql_database",
            "google_spanner_instance",
            "google_spanner_database",
            "google_bigtable_instance",
            "google_bigquery_dataset",
            "google_firestore_database",
            "google_alloydb_cluster",
            "azurerm_mssql_server",
            "azurerm_mssql_database",
            "azurerm_postgresql_flexible_server",
            "azurerm_mysql_flexible_server",
            "azurerm_cosmosdb_account",
        ),
        "bucket": (
            "aws_s3_bucket",
            "google_storage_bucket",
            "azurerm_storage_account",
            "azurerm_storage_container",
        ),
        "volume": (
            "aws_ebs_volume",
            "google_compute_disk",
            "google_compute_region_disk",
            "azurerm_managed_disk",
        ),
        "file system": (
            "aws_efs_file_system",
            "aws_fsx_lustre_file_system",
            "aws_fsx_windows_file_system",
            "aws_fsx_ontap_file_system",
            "aws_fsx_openzfs_file_system",
            "google_filestore_instance",
            "azurerm_storage_share",
        ),
        "KMS key": (
            "aws_kms_key",
            "google_kms_crypto_key",
            "azurerm_key_vault",
            "azurerm_key_vault_key",
        ),
        "DNS zone": (
            "aws_route53_zone",
            "google_dns_managed_zone",
            "azurerm_dns_zone",
            "azurerm_private_dns_zone",
        ),
    }
)


@rule(
    code="TF202",
    name="stateful-without-prevent-destroy",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="databases, buckets, volumes, file systems, KMS keys, DNS zones without "
    "`lifecycle { prevent_destroy = true }`",
)
def stateful_without_prevent_destroy(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    family_of = {kind: family for family, kinds in STATEFUL_RESOURCES.items() for kind in kinds}
    for block in module.blocks_of("resource"):
        family = family_of.get(block.label(0) or "")
        if family is None:
            continue
        flag = lifecycle_flag(block, "prevent_destroy")
        if flag is None:
            yield missing(
                block,
                f"{block.address} ({family}) has no `lifecycle {{ prevent_destroy = true }}`: a "
                "plan that replaces or removes it deletes the data with it",
            )
        elif literal_bool(flag.value) is False:
            yield Problem(
                flag.value.span,
                f"{block.address} ({family}) sets prevent_destroy = false: a plan that replaces "
                "or removes it deletes the data with it; set it to true",
                path=block.path,
            )
