"""TF209: a container image referenced by ``:latest`` or with no tag at all."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Related, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._containers import images, mutable_image


@rule(
    code="TF209",
    name="mutable-image-reference",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="container image in `aws_ecs_task_definition`, Cloud Run, Kubernetes resources … "
    "with `:latest` or no tag/digest",
)
def mutable_image_reference(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for value in images(module):
        verdict = mutable_image(module, value)
        if verdict is None:
            continue
        what = "uses the tag `latest`" if verdict.kind == "latest" else "has no tag or digest"
        related: tuple[Related, ...] = ()
        via = ""
        found = verdict.resolved
        if found is not None and found.path is not None:
            related = (Related(found.path, found.node.span, f"{found.origin} is set here"),)
            via = f" (via {found.origin})"
        yield Problem(
            value.span,
            f"{value.resource.address}: image {verdict.shown!r}{via} {what}, so a redeploy or "
            "rollback may run a different image; pin a version tag and a digest",
            path=value.path,
            related=related,
        )
