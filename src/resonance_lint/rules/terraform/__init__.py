"""The Terraform / OpenTofu rules (TF), in code order.

Every rule reads :class:`~resonance_lint.parsers.terraform.TerraformModuleDocument` (a
directory of ``.tf`` files), so values are followed through variables, locals and
``*.tfvars``; findings carry the path of the file they point into.
"""

from __future__ import annotations

from typing import Any

from ..base import Rule
from .tf101_local_state import local_state
from .tf102_backend_without_locking import backend_without_locking
from .tf103_missing_required_version import missing_required_version
from .tf104_provider_unpinned import provider_unpinned
from .tf105_lockfile_missing import lockfile_missing
from .tf106_ignore_changes_all import ignore_changes_all
from .tf107_single_az_database import single_az_database
from .tf201_module_source_unpinned import module_source_unpinned
from .tf202_stateful_without_prevent_destroy import stateful_without_prevent_destroy
from .tf203_deletion_protection_disabled import deletion_protection_disabled
from .tf204_backups_disabled import backups_disabled
from .tf205_final_snapshot_skipped import final_snapshot_skipped
from .tf206_mutable_image_tags import mutable_image_tags
from .tf207_ecs_without_rollback import ecs_without_rollback
from .tf208_replace_without_create_before_destroy import replace_without_create_before_destroy
from .tf209_mutable_image_reference import mutable_image_reference
from .tf210_unmaintained_fly_provider import unmaintained_fly_provider
from .tf301_hardcoded_secret import hardcoded_secret
from .tf302_provider_static_credentials import provider_static_credentials
from .tf303_secret_variable_exposed import secret_variable_exposed
from .tf304_secret_in_plain_environment import secret_in_plain_environment
from .tf305_secret_without_rotation import secret_without_rotation
from .tf401_database_publicly_accessible import database_publicly_accessible

RULES: tuple[Rule[Any], ...] = (
    local_state,
    backend_without_locking,
    missing_required_version,
    provider_unpinned,
    lockfile_missing,
    ignore_changes_all,
    single_az_database,
    module_source_unpinned,
    stateful_without_prevent_destroy,
    deletion_protection_disabled,
    backups_disabled,
    final_snapshot_skipped,
    mutable_image_tags,
    ecs_without_rollback,
    replace_without_create_before_destroy,
    mutable_image_reference,
    unmaintained_fly_provider,
    hardcoded_secret,
    provider_static_credentials,
    secret_variable_exposed,
    secret_in_plain_environment,
    secret_without_rotation,
    database_publicly_accessible,
)
