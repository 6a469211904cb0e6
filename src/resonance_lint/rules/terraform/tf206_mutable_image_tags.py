"""TF206: a container registry repository whose tags can be overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Problem, ScalarValue, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, missing, setting


@dataclass(frozen=True)
class Immutability:
    """Tags of ``resource_type`` are immutable when the setting at ``path`` is in ``good``.

    ``only_when``: (attribute, values) — the rule applies only when that attribute is one of
    the values (e.g. Artifact Registry repositories of format DOCKER).
    """

    resource_type: str
    path: tuple[str, ...]
    good: tuple[ScalarValue, ...]
    fix: str
    only_when: tuple[str, tuple[str, ...]] | None = None


IMMUTABILITY: tuple[Immutability, ...] = (
    Immutability(
        "aws_ecr_repository",
        ("image_tag_mutability",),
        ("IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"),
        'image_tag_mutability = "IMMUTABLE"',
    ),
    Immutability(
        "google_artifact_registry_repository",
        ("docker_config", "immutable_tags"),
        (True,),
        "docker_config { immutable_tags = true }",
        ("format", ("DOCKER", "docker")),
    ),
)


@rule(
    code="TF206",
    name="mutable-image-tags",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary='`aws_ecr_repository` without `image_tag_mutability = "IMMUTABLE"`',
)
def mutable_image_tags(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    specs = {spec.resource_type: spec for spec in IMMUTABILITY}
    for block in module.blocks_of("resource"):
        spec = specs.get(block.label(0) or "")
        if spec is None:
            continue
        if spec.only_when is not None:
            kind = setting(module, block, spec.only_when[0])
            if not kind.known or kind.value not in spec.only_when[1]:
                continue
        found = setting(module, block, *spec.path)
        if found.dynamic:
            continue
        if found.is_null:
            yield missing(
                block,
                f"{block.address} allows tags to be overwritten (the default): a redeploy or "
                f"rollback of a tag may pull a different image; set {spec.fix}",
            )
            continue
        if not found.known:
            continue
        value = found.boolean if isinstance(spec.good[0], bool) else found.value
        if value not in spec.good:
            yield at_setting(
                block,
                found,
                f"{block.address} allows tags to be overwritten: a redeploy or rollback of a "
                f"tag may pull a different image; set {spec.fix}",
            )
