"""XF rules: two or more files of one app that must agree (links in ``links.py``)."""

from __future__ import annotations

from typing import Any

from ..base import Rule
from .xf101_port_mismatch import port_mismatch
from .xf102_build_target_missing import build_target_missing
from .xf103_kill_signal_unreachable import kill_signal_unreachable
from .xf104_healthcheck_path_mismatch import healthcheck_path_mismatch
from .xf201_deploy_without_health_checks import deploy_without_health_checks
from .xf202_deploy_strategy_conflicts_with_volumes import deploy_strategy_conflicts_with_volumes
from .xf203_mutable_ecr_image import mutable_ecr_image
from .xf204_destructive_migration import destructive_migration
from .xf301_secret_build_arg import secret_build_arg

RULES: tuple[Rule[Any], ...] = (
    port_mismatch,
    build_target_missing,
    kill_signal_unreachable,
    healthcheck_path_mismatch,
    deploy_without_health_checks,
    deploy_strategy_conflicts_with_volumes,
    mutable_ecr_image,
    destructive_migration,
    secret_build_arg,
)
