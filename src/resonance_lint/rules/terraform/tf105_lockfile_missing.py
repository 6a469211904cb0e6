"""TF105: a root module has no dependency lock file."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Span, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule


@rule(
    code="TF105",
    name="lockfile-missing",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="root module without `.terraform.lock.hcl`",
)
def lockfile_missing(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    if not module.is_root or module.has_lockfile:
        return
    path, block = module.anchor()
    span = block.type_span if block is not None else Span.point(1)
    yield Problem(
        span,
        "root module has no .terraform.lock.hcl beside it: provider versions and checksums are "
        "picked again on every `terraform init`; run `terraform init` and commit the lock file",
        path=path,
    )
