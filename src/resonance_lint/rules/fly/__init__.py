"""fly.toml rules (FLY), in code order."""

from __future__ import annotations

from typing import Any

from ..base import Rule
from .fly101_missing_app import missing_app
from .fly102_missing_primary_region import missing_primary_region
from .fly103_unknown_key import unknown_key
from .fly104_invalid_value import invalid_value
from .fly105_env_reserved_prefix import env_reserved_prefix
from .fly106_scale_to_zero import scale_to_zero
from .fly107_autostop_without_autostart import autostop_without_autostart
from .fly108_vm_size_not_in_config import vm_size_not_in_config
from .fly109_no_metrics import no_metrics
from .fly110_legacy_key import legacy_key
from .fly111_connections_concurrency_for_http import connections_concurrency_for_http
from .fly201_missing_service_check import missing_service_check
from .fly202_tcp_check_only import tcp_check_only
from .fly203_immediate_strategy import immediate_strategy
from .fly204_bluegreen_without_check import bluegreen_without_check
from .fly205_strategy_conflicts_with_volumes import strategy_conflicts_with_volumes
from .fly206_max_unavailable_all import max_unavailable_all
from .fly207_check_redirected_by_force_https import check_redirected_by_force_https
from .fly208_check_timing import check_timing
from .fly209_machine_checks_only import machine_checks_only
from .fly210_mutable_build_image import mutable_build_image
from .fly211_release_command_migrations import release_command_migrations
from .fly212_volume_snapshots_weak import volume_snapshots_weak
from .fly301_secret_in_env import secret_in_env
from .fly302_secret_in_build_args import secret_in_build_args
from .fly303_secret_in_check_headers import secret_in_check_headers
from .fly304_raw_file_secret import raw_file_secret
from .fly401_https_not_forced import https_not_forced

RULES: tuple[Rule[Any], ...] = (
    missing_app,
    missing_primary_region,
    unknown_key,
    invalid_value,
    env_reserved_prefix,
    scale_to_zero,
    autostop_without_autostart,
    vm_size_not_in_config,
    no_metrics,
    legacy_key,
    connections_concurrency_for_http,
    missing_service_check,
    tcp_check_only,
    immediate_strategy,
    bluegreen_without_check,
    strategy_conflicts_with_volumes,
    max_unavailable_all,
    check_redirected_by_force_https,
    check_timing,
    machine_checks_only,
    mutable_build_image,
    release_command_migrations,
    volume_snapshots_weak,
    secret_in_env,
    secret_in_build_args,
    secret_in_check_headers,
    raw_file_secret,
    https_not_forced,
)
