"""TF204: automated backups are off (or the bucket holding Terraform state is not versioned)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Problem, Severity, Target
from ...parsers.hcl_model import Block, literal_bool, literal_str, references
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, is_replica, missing, setting


@dataclass(frozen=True)
class Retention:
    """Backups are off when ``attribute`` is 0."""

    resource_type: str
    attribute: str
    replica_markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Switch:
    """Backups are on only when the setting at ``path`` is true (absent means off)."""

    resource_type: str
    path: tuple[str, ...]
    fix: str
    replica_markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateStore:
    """A storage resource that can hold a backend's state, and how it keeps old versions.

    It is a state store when its ``name_attribute`` equals the ``backend_attribute`` of a
    ``backend_type`` backend anywhere in the run, or its name looks like a state bucket.
    ``versioning`` is the setting that must be true; ``versioning_resource`` an optional
    separate resource (``(type, reference attribute, setting path, enabled value)``).
    """

    resource_type: str
    name_attribute: str
    backend_type: str
    backend_attribute: str
    versioning: tuple[str, ...]
    fix: str
    versioning_resource: tuple[str, str, tuple[str, ...], str] | None = None


RETENTIONS: tuple[Retention, ...] = (
    Retention("aws_db_instance", "backup_retention_period", ("replicate_source_db",)),
    Retention("aws_redshift_cluster", "automated_snapshot_retention_period"),
)

SWITCHES: tuple[Switch, ...] = (
    Switch(
        "aws_dynamodb_table",
        ("point_in_time_recovery", "enabled"),
        "point_in_time_recovery { enabled = true }",
    ),
    Switch(
        "google_sql_database_instance",
        ("settings", "backup_configuration", "enabled"),
        "settings { backup_configuration { enabled = true } }",
        ("master_instance_name",),
    ),
)

STATE_STORES: tuple[StateStore, ...] = (
    StateStore(
        "aws_s3_bucket",
        "bucket",
        "s3",
        "bucket",
        ("versioning", "enabled"),
        "an aws_s3_bucket_versioning with status Enabled",
        ("aws_s3_bucket_versioning", "bucket", ("versioning_configuration", "status"), "Enabled"),
    ),
    StateStore(
        "google_storage_bucket",
        "name",
        "gcs",
        "bucket",
        ("versioning", "enabled"),
        "versioning { enabled = true }",
    ),
    StateStore(
        "azurerm_storage_account",
        "name",
        "azurerm",
        "storage_account_name",
        ("blob_properties", "versioning_enabled"),
        "blob_properties { versioning_enabled = true }",
    ),
)

#: Resource labels or names that say "this holds Terraform state".
STATE_NAME = re.compile(r"(?:^|[^a-z])(?:tf|terraform|tofu)[-_.]?states?(?:$|[^a-z])", re.I)


def _retention(module: TerraformModuleDocument, block: Block, spec: Retention) -> Iterator[Problem]:
    if is_replica(module, block, spec.replica_markers):
        return
    found = setting(module, block, spec.attribute)
    if found.known and found.value == 0 and not isinstance(found.value, bool):
        yield at_setting(
            block,
            found,
            f"{block.address} sets {spec.attribute} = 0, which turns automated backups off: "
            "no point-in-time restore after a bad migration; keep at least 7 days",
        )


def _switch(module: TerraformModuleDocument, block: Block, spec: Switch) -> Iterator[Problem]:
    if is_replica(module, block, spec.replica_markers):
        return
    found = setting(module, block, *spec.path)
    if found.dynamic:
        return
    if found.is_null:
        yield missing(
            block,
            f"{block.address} has no backups configured (off by default): no restore after a "
            f"bad migration or deletion; set {spec.fix}",
        )
    elif found.known and found.boolean is False:
        yield at_setting(
            block,
            found,
            f"{block.address} turns backups off: no restore after a bad migration or deletion; "
            f"set {spec.fix}",
        )


def _backend_names(ctx: RuleContext, spec: StateStore) -> frozenset[str]:
    names: set[str] = set()
    for doc in ctx.project.of_target(Target.TERRAFORM_MODULE):
        if not isinstance(doc, TerraformModuleDocument):
            continue
        for settings in doc.terraform_blocks:
            for backend in settings.blocks_of("backend"):
                if backend.label(0) == spec.backend_type:
                    value = literal_str(backend.get(spec.backend_attribute))
                    if value:
                        names.add(value)
    return frozenset(names)


def _versioned_elsewhere(module: TerraformModuleDocument, block: Block, spec: StateStore) -> bool:
    if spec.versioning_resource is None:
        return False
    kind, ref_attribute, path, enabled = spec.versioning_resource
    prefix = f"{block.address}."
    for other in module.resources(kind):
        target = other.get(ref_attribute)
        if target is None or not any(r.startswith(prefix) for r in references(target)):
            continue
        found = setting(module, other, *path)
        if not found.known or found.value == enabled:
            return True
    return False


def _state_store(
    module: TerraformModuleDocument, block: Block, spec: StateStore, backends: frozenset[str]
) -> Iterator[Problem]:
    name = setting(module, block, spec.name_attribute).text
    is_state = (name is not None and name in backends) or bool(
        STATE_NAME.search(name or "") or STATE_NAME.search(block.label(1) or "")
    )
    if not is_state:
        return
    found = setting(module, block, *spec.versioning)
    if found.dynamic or (found.present and not found.known):
        return
    if found.known and literal_bool(found.resolved.node if found.resolved else None):
        return
    if _versioned_elsewhere(module, block, spec):
        return
    yield missing(
        block,
        f"{block.address} holds Terraform state but keeps no old versions: a corrupted or "
        f"deleted state file cannot be restored; add {spec.fix}",
    )


@rule(
    code="TF204",
    name="backups-disabled",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="RDS `backup_retention_period = 0`, DynamoDB without point-in-time recovery, Cloud "
    "SQL `backup_configuration.enabled = false`, S3 bucket without versioning where state lives",
)
def backups_disabled(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    retentions = {spec.resource_type: spec for spec in RETENTIONS}
    switches = {spec.resource_type: spec for spec in SWITCHES}
    stores = {spec.resource_type: spec for spec in STATE_STORES}
    backends: dict[str, frozenset[str]] = {}
    for block in module.blocks_of("resource"):
        kind = block.label(0) or ""
        if kind in retentions:
            yield from _retention(module, block, retentions[kind])
        if kind in switches:
            yield from _switch(module, block, switches[kind])
        if kind in stores:
            spec = stores[kind]
            if kind not in backends:
                backends[kind] = _backend_names(ctx, spec)
            yield from _state_store(module, block, spec, backends[kind])
