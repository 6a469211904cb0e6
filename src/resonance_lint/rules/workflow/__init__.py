"""GitHub Actions rules (GHA): workflows and composite actions."""

from __future__ import annotations

from typing import Any

from ..base import Rule
from .gha101_missing_timeout import missing_timeout
from .gha102_deploy_without_concurrency import deploy_without_concurrency
from .gha103_deploy_without_environment import deploy_without_environment
from .gha104_deploy_without_checks import deploy_without_checks
from .gha105_deploy_cancel_in_progress import deploy_cancel_in_progress
from .gha106_invalid_workflow import invalid_workflow
from .gha201_deploy_mutable_image import deploy_mutable_image
from .gha202_deploy_detached import deploy_detached
from .gha203_deploy_skips_safety import deploy_skips_safety
from .gha204_unpinned_container_image import unpinned_container_image
from .gha301_hardcoded_secret import hardcoded_secret
from .gha302_static_cloud_credentials import static_cloud_credentials
from .gha303_secrets_inherit import secrets_inherit
from .gha304_all_secrets_exposed import all_secrets_exposed
from .gha305_persisted_checkout_credentials import persisted_checkout_credentials
from .gha306_hardcoded_container_credentials import hardcoded_container_credentials
from .gha307_long_lived_deploy_token import long_lived_deploy_token
from .gha401_unpinned_action import unpinned_action
from .gha402_excessive_permissions import excessive_permissions
from .gha403_dangerous_trigger import dangerous_trigger
from .gha404_template_injection import template_injection
from .gha405_insecure_commands import insecure_commands
from .gha406_untrusted_github_env import untrusted_github_env

RULES: tuple[Rule[Any], ...] = (
    missing_timeout,
    deploy_without_concurrency,
    deploy_without_environment,
    deploy_without_checks,
    deploy_cancel_in_progress,
    invalid_workflow,
    deploy_mutable_image,
    deploy_detached,
    deploy_skips_safety,
    unpinned_container_image,
    hardcoded_secret,
    static_cloud_credentials,
    secrets_inherit,
    all_secrets_exposed,
    persisted_checkout_credentials,
    hardcoded_container_credentials,
    long_lived_deploy_token,
    unpinned_action,
    excessive_permissions,
    dangerous_trigger,
    template_injection,
    insecure_commands,
    untrusted_github_env,
)
