"""TF305: a managed secret that is never rotated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Problem, Severity, Target
from ...parsers.hcl_model import Block, references
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule


@dataclass(frozen=True)
class Rotation:
    """How a secret type gets rotated: an inline block/attribute, or a separate resource
    whose ``reference_attribute`` points at the secret."""

    secret_type: str
    inline: tuple[str, ...]  # nested blocks or attributes that configure rotation
    rotation_type: str | None = None
    reference_attribute: str = ""


ROTATIONS: tuple[Rotation, ...] = (
    Rotation(
        "aws_secretsmanager_secret",
        ("rotation_rules", "rotation_lambda_arn"),
        "aws_secretsmanager_secret_rotation",
        "secret_id",
    ),
    Rotation("google_secret_manager_secret", ("rotation",)),
)


def _rotated(module: TerraformModuleDocument, secret: Block, spec: Rotation) -> bool:
    for name in spec.inline:
        if secret.attribute(name) is not None or secret.block(name) is not None:
            return True
        if secret.dynamic(name) is not None:
            return True
    if spec.rotation_type is None:
        return False
    prefix = f"{secret.address}."
    for rotation in module.resources(spec.rotation_type):
        target = rotation.get(spec.reference_attribute)
        if target is None:
            continue
        refs = references(target)
        if any(r.startswith(prefix) for r in refs):
            return True
        if not any(r.split(".", 1)[0] == spec.secret_type for r in refs):
            return True  # points somewhere we cannot follow (a variable …): give the benefit
    return False


@rule(
    code="TF305",
    name="secret-without-rotation",
    target=Target.TERRAFORM_MODULE,
    category=Category.SECRET,
    severity=Severity.NOTE,
    security_severity=3.0,
    summary="`aws_secretsmanager_secret` with no rotation configured",
)
def secret_without_rotation(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    specs = {spec.secret_type: spec for spec in ROTATIONS}
    for block in module.blocks_of("resource"):
        spec = specs.get(block.label(0) or "")
        if spec is None or _rotated(module, block, spec):
            continue
        how = f"an {spec.rotation_type}" if spec.rotation_type else "a rotation block"
        yield Problem(
            block.name_span,
            f"{block.address} is never rotated: a leaked value stays valid until someone "
            f"notices; configure {how}",
            path=block.path,
        )
