"""The Dockerfile rules (DF), in code order."""

from __future__ import annotations

from typing import Any

from ..base import Rule
from .df101_missing_healthcheck import missing_healthcheck
from .df102_shell_form_entrypoint import shell_form_entrypoint
from .df103_repeated_instruction import repeated_instruction
from .df104_relative_workdir import relative_workdir
from .df105_cd_instead_of_workdir import cd_instead_of_workdir
from .df106_missing_pipefail import missing_pipefail
from .df107_apt_update_alone import apt_update_alone
from .df108_apt_lists_not_cleaned import apt_lists_not_cleaned
from .df109_missing_no_install_recommends import missing_no_install_recommends
from .df110_non_interactive_install_missing import non_interactive_install_missing
from .df111_bad_stage_reference import bad_stage_reference
from .df112_must_start_with_from import must_start_with_from
from .df201_latest_base_image import latest_base_image
from .df202_untagged_base_image import untagged_base_image
from .df203_base_image_not_digest_pinned import base_image_not_digest_pinned
from .df204_unpinned_os_packages import unpinned_os_packages
from .df205_unpinned_language_packages import unpinned_language_packages
from .df206_remote_add_without_checksum import remote_add_without_checksum
from .df207_pipe_to_shell import pipe_to_shell
from .df301_secret_in_arg_or_env import secret_in_arg_or_env
from .df302_secret_file_copied import secret_file_copied
from .df303_context_without_dockerignore import context_without_dockerignore
from .df401_root_user import root_user
from .df402_sudo_in_run import sudo_in_run
from .df403_ssh_port_exposed import ssh_port_exposed
from .df404_tls_verification_disabled import tls_verification_disabled
from .df405_package_signature_bypass import package_signature_bypass
from .df406_add_instead_of_copy import add_instead_of_copy

RULES: tuple[Rule[Any], ...] = (
    missing_healthcheck,
    shell_form_entrypoint,
    repeated_instruction,
    relative_workdir,
    cd_instead_of_workdir,
    missing_pipefail,
    apt_update_alone,
    apt_lists_not_cleaned,
    missing_no_install_recommends,
    non_interactive_install_missing,
    bad_stage_reference,
    must_start_with_from,
    latest_base_image,
    untagged_base_image,
    base_image_not_digest_pinned,
    unpinned_os_packages,
    unpinned_language_packages,
    remote_add_without_checksum,
    pipe_to_shell,
    secret_in_arg_or_env,
    secret_file_copied,
    context_without_dockerignore,
    root_user,
    sudo_in_run,
    ssh_port_exposed,
    tls_verification_disabled,
    package_signature_bypass,
    add_instead_of_copy,
)
