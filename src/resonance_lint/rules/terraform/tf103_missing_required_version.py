"""TF103: a root module does not say which Terraform versions it works with."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Span, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule


@rule(
    code="TF103",
    name="missing-required-version",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="root module without `terraform { required_version }`",
)
def missing_required_version(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    if not module.is_root:
        return
    if any(b.attribute("required_version") is not None for b in module.terraform_blocks):
        return
    path, block = module.anchor()
    span = block.type_span if block is not None else Span.point(1)
    yield Problem(
        span,
        "root module has no `required_version`: any Terraform/OpenTofu version may apply it "
        'and upgrade the state format; add `required_version = "~> 1.9"` to the terraform block',
        path=path,
    )
