"""TF104: a provider without a version constraint."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Scalar, Severity, Target
from ...parsers.hcl_model import Block
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule

#: Providers built into Terraform/OpenTofu: never declared in ``required_providers``.
BUILTIN_PROVIDERS = frozenset({"terraform"})


def provider_of(block: Block) -> str | None:
    """The local name of the provider a ``resource``/``data``/``provider`` block uses."""
    if block.type == "provider":
        return block.label(0)
    meta = block.get("provider")
    if isinstance(meta, Scalar) and meta.tag == "expr":
        return str(meta.value).split(".", 1)[0].strip()
    kind = block.label(0)
    if not kind:
        return None
    return kind.split("_", 1)[0]


def _has_version(node: object) -> bool | None:
    """True/False for an entry with/without a constraint; None when it cannot be told."""
    if isinstance(node, Scalar):
        if node.tag == "str":  # legacy form: aws = "~> 5.0"
            return bool(str(node.value).strip())
        return None
    if isinstance(node, Mapping):
        version = node.get("version")
        if version is None:
            return False
        if isinstance(version, Scalar) and version.tag in ("str", "null"):
            return bool(str(version.value or "").strip())
        return None
    return None


@rule(
    code="TF104",
    name="provider-unpinned",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="`required_providers` entry without a version constraint, or provider used with "
    "no entry",
)
def provider_unpinned(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    declared: set[str] = set()
    for settings in module.terraform_blocks:
        for block in settings.blocks_of("required_providers"):
            for entry in block.attributes:
                declared.add(entry.name)
                if _has_version(entry.value) is False:
                    yield Problem(
                        entry.key.span,
                        f"required_providers entry `{entry.name}` has no version constraint: "
                        'the next init may pull a new major version; add `version = "~> X.Y"`',
                        path=block.path,
                    )
    for provider in module.providers:
        if provider.attribute("version") is not None and provider.label(0):
            declared.add(str(provider.label(0)))  # legacy constraint in the provider block
    reported: set[str] = set()
    candidates = (*module.providers, *module.blocks_of("resource"), *module.blocks_of("data"))
    ordered = sorted(candidates, key=lambda b: (b.path, b.span.line, b.span.column))
    for block in ordered:
        name = provider_of(block)
        if not name or name in BUILTIN_PROVIDERS or name in declared or name in reported:
            continue
        reported.add(name)
        yield Problem(
            block.name_span,
            f"provider `{name}` is used without a `required_providers` entry, so its source "
            "and version are not pinned; declare it with `source` and `version`",
            path=block.path,
        )
