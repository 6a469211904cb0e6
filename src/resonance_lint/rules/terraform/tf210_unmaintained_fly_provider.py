"""TF210: the archived ``fly-apps/fly`` Terraform provider."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Scalar, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule

#: Provider sources (``namespace/type``, any registry host) that are no longer maintained.
UNMAINTAINED_SOURCES = frozenset({"fly-apps/fly"})
#: Local provider names that mean the same provider when no ``required_providers`` entry says
#: otherwise.
UNMAINTAINED_NAMES = frozenset({"fly"})


def _source_key(source: str) -> str:
    parts = source.strip().lower().split("/")
    return "/".join(parts[-2:])


@rule(
    code="TF210",
    name="unmaintained-fly-provider",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="the `fly-apps/fly` provider (unmaintained; deploy Fly apps with fly.toml + CI)",
)
def unmaintained_fly_provider(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    declared: set[str] = set()
    message = (
        "the fly-apps/fly Terraform provider is archived and unmaintained (Machines API "
        "changes break it); manage Fly apps with fly.toml and `fly deploy` from CI"
    )
    for settings in module.terraform_blocks:
        for block in settings.blocks_of("required_providers"):
            for entry in block.attributes:
                declared.add(entry.name)
                if not isinstance(entry.value, Mapping):
                    continue
                source = entry.value.get("source")
                if (
                    isinstance(source, Scalar)
                    and source.tag == "str"
                    and _source_key(str(source.value)) in UNMAINTAINED_SOURCES
                ):
                    yield Problem(source.span, message, path=block.path)
    for provider in module.providers:
        name = provider.label(0)
        if name in UNMAINTAINED_NAMES and name not in declared:
            yield Problem(provider.name_span, message, path=provider.path)
