"""TF203: deletion protection is off (or left at an unprotected default)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Problem, ScalarValue, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, missing, setting


@dataclass(frozen=True)
class Protection:
    """``attribute`` of ``resource_type`` protects it when its value is in ``protected``.

    ``default_protected``: the provider protects the resource when the attribute is absent
    (then only an explicit unprotected value is reported).
    """

    resource_type: str
    attribute: str
    protected: tuple[ScalarValue, ...] = (True,)
    default_protected: bool = False

    @property
    def fix(self) -> str:
        value = self.protected[0]
        shown = "true" if value is True else f'"{value}"'
        return f"{self.attribute} = {shown}"


PROTECTIONS: tuple[Protection, ...] = (
    Protection("aws_db_instance", "deletion_protection"),
    Protection("aws_rds_cluster", "deletion_protection"),
    Protection("aws_docdb_cluster", "deletion_protection"),
    Protection("aws_neptune_cluster", "deletion_protection"),
    Protection("aws_lb", "enable_deletion_protection"),
    Protection("aws_alb", "enable_deletion_protection"),
    Protection("aws_dynamodb_table", "deletion_protection_enabled"),
    Protection("aws_cognito_user_pool", "deletion_protection", ("ACTIVE",)),
    Protection("aws_qldb_ledger", "deletion_protection", default_protected=True),
    Protection("google_sql_database_instance", "deletion_protection", default_protected=True),
    Protection("google_container_cluster", "deletion_protection", default_protected=True),
    Protection("google_bigtable_instance", "deletion_protection", default_protected=True),
    Protection("google_spanner_database", "deletion_protection", default_protected=True),
    Protection("google_bigquery_table", "deletion_protection", default_protected=True),
    Protection(
        "google_firestore_database", "delete_protection_state", ("DELETE_PROTECTION_ENABLED",)
    ),
    Protection("azurerm_key_vault", "purge_protection_enabled"),
)


@rule(
    code="TF203",
    name="deletion-protection-disabled",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="`deletion_protection` missing/false on databases, load balancers, clusters …; "
    "`deletion_protection_enabled` on `aws_dynamodb_table`",
)
def deletion_protection_disabled(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    specs = {spec.resource_type: spec for spec in PROTECTIONS}
    for block in module.blocks_of("resource"):
        spec = specs.get(block.label(0) or "")
        if spec is None:
            continue
        found = setting(module, block, spec.attribute)
        if found.is_null:
            if not spec.default_protected:
                yield missing(
                    block,
                    f"{block.address} has no {spec.attribute} (unprotected by default): one bad "
                    f"plan or console click deletes it; set {spec.fix}",
                )
            continue
        if not found.known:
            continue
        wanted = spec.protected[0]
        value = found.boolean if isinstance(wanted, bool) else found.value
        if value not in spec.protected:
            yield at_setting(
                block,
                found,
                f"{block.address} turns {spec.attribute} off: one bad plan or console click "
                f"deletes it; set {spec.fix}",
            )
