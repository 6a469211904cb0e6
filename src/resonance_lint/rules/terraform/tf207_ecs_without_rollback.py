"""TF207: an ECS service that does not roll back a failing deployment."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.hcl_model import Block
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, setting

SERVICE_TYPES = ("aws_ecs_service",)
#: Blocks that roll a deployment back when both of their flags are true.
ROLLBACK_BLOCKS = ("deployment_circuit_breaker", "alarms")
ROLLBACK_FLAGS = ("enable", "rollback")


def _rolls_back(module: TerraformModuleDocument, block: Block, name: str) -> bool | None:
    """True when the block rolls back, False when it is absent or off, None when unknown."""
    if block.dynamic(name) is not None:
        return None
    inner = block.block(name)
    if inner is None:
        return False
    result: bool | None = True
    for flag in ROLLBACK_FLAGS:
        found = setting(module, inner, flag)
        if found.is_null or (found.known and found.boolean is False):
            return False
        if not found.known:
            result = None
    return result


@rule(
    code="TF207",
    name="ecs-without-rollback",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="`aws_ecs_service` (ECS deployment controller) without "
    "`deployment_circuit_breaker { enable = true, rollback = true }`",
)
def ecs_without_rollback(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for block in module.resources(*SERVICE_TYPES):
        controller = setting(module, block, "deployment_controller", "type")
        configured = controller.dynamic or (controller.present and not controller.is_null)
        if configured and (not controller.known or str(controller.value).upper() != "ECS"):
            continue  # CODE_DEPLOY / EXTERNAL controllers roll back on their own terms
        states = [_rolls_back(module, block, name) for name in ROLLBACK_BLOCKS]
        if any(state is not False for state in states):
            continue
        breaker = block.block("deployment_circuit_breaker")
        if breaker is None:
            yield Problem(
                block.name_span,
                f"{block.address} has no deployment_circuit_breaker: a deployment whose tasks "
                "never get healthy keeps cycling instead of rolling back; add "
                "`deployment_circuit_breaker { enable = true, rollback = true }`",
                path=block.path,
            )
            continue
        for flag in ROLLBACK_FLAGS:
            found = setting(module, breaker, flag)
            if found.is_null:
                yield Problem(
                    breaker.type_span,
                    f"{block.address}'s deployment_circuit_breaker does not set `{flag} = true`: "
                    "a failing deployment is not rolled back automatically",
                    path=block.path,
                )
                break
            if found.known and found.boolean is False:
                yield at_setting(
                    block,
                    found,
                    f"{block.address}'s deployment_circuit_breaker has {flag} = false: a failing "
                    "deployment is not rolled back automatically; set it to true",
                )
                break
