"""TF107: a database that lives in one availability zone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Problem, ScalarValue, Severity, Target
from ...parsers.hcl_model import Block, references
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, is_replica, missing, setting


@dataclass(frozen=True)
class HighAvailability:
    """How a database type is made multi-zone: the setting at ``path`` must be in ``good``."""

    resource_type: str
    path: tuple[str, ...]  # nested block names, then the attribute
    good: tuple[ScalarValue, ...]
    fix: str
    replica_markers: tuple[str, ...] = ()  # attributes that make it a read replica (skipped)


HIGH_AVAILABILITY: tuple[HighAvailability, ...] = (
    HighAvailability(
        "aws_db_instance", ("multi_az",), (True,), "multi_az = true", ("replicate_source_db",)
    ),
    HighAvailability(
        "google_sql_database_instance",
        ("settings", "availability_type"),
        ("REGIONAL",),
        'settings { availability_type = "REGIONAL" }',
        ("master_instance_name",),
    ),
    HighAvailability(
        "azurerm_postgresql_flexible_server",
        ("high_availability", "mode"),
        ("ZoneRedundant",),
        'high_availability { mode = "ZoneRedundant" }',
        ("source_server_id",),
    ),
    HighAvailability(
        "azurerm_mysql_flexible_server",
        ("high_availability", "mode"),
        ("ZoneRedundant",),
        'high_availability { mode = "ZoneRedundant" }',
        ("source_server_id",),
    ),
)

#: Aurora clusters are multi-AZ when they have two or more instances (in different zones).
CLUSTER_TYPE = "aws_rds_cluster"
CLUSTER_INSTANCE_TYPE = "aws_rds_cluster_instance"


def _check(
    module: TerraformModuleDocument, block: Block, spec: HighAvailability
) -> Iterator[Problem]:
    if is_replica(module, block, spec.replica_markers):
        return
    found = setting(module, block, *spec.path)
    if found.dynamic:
        return
    if found.is_null:
        yield missing(
            block,
            f"{block.address} runs in a single availability zone (the default): a zone outage "
            f"takes the database down; set {spec.fix}",
        )
        return
    if not found.known:
        return
    value = found.boolean if isinstance(spec.good[0], bool) else found.value
    if value not in spec.good:
        yield at_setting(
            block,
            found,
            f"{block.address} runs in a single availability zone: a zone outage takes the "
            f"database down; set {spec.fix}",
        )


def _instance_count(module: TerraformModuleDocument, cluster: Block) -> int | None:
    """Known number of cluster instances attached to ``cluster``; None when unknown."""
    prefix = f"{cluster.address}."
    total = 0
    attached = False
    for instance in module.resources(CLUSTER_INSTANCE_TYPE):
        target = instance.get("cluster_identifier")
        if target is None or not any(r.startswith(prefix) for r in references(target)):
            continue
        attached = True
        if instance.attribute("for_each") is not None:
            return None
        if instance.attribute("count") is None:
            total += 1
            continue
        number = setting(module, instance, "count")
        if not isinstance(number.value, int) or isinstance(number.value, bool):
            return None
        total += number.value
    return total if attached else None


def _check_cluster(module: TerraformModuleDocument, cluster: Block) -> Iterator[Problem]:
    if cluster.attribute("db_cluster_instance_class") is not None:
        return  # Multi-AZ DB cluster (MySQL/PostgreSQL): three instances in three zones
    if cluster.attribute("replication_source_identifier") is not None:
        return
    count = _instance_count(module, cluster)
    if count is None or count >= 2:
        return
    yield missing(
        cluster,
        f"{cluster.address} has {count} instance(s), so it lives in one availability zone and "
        f"fails over by rebuilding; run at least two {CLUSTER_INSTANCE_TYPE} in different zones",
    )


@rule(
    code="TF107",
    name="single-az-database",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="`aws_db_instance`/`aws_rds_cluster` without multi-AZ, Cloud SQL without "
    '`availability_type = "REGIONAL"`',
)
def single_az_database(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    specs = {spec.resource_type: spec for spec in HIGH_AVAILABILITY}
    for block in module.blocks_of("resource"):
        kind = block.label(0) or ""
        spec = specs.get(kind)
        if spec is not None:
            yield from _check(module, block, spec)
        elif kind == CLUSTER_TYPE:
            yield from _check_cluster(module, block)
