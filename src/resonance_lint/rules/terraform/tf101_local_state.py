"""TF101: a root module keeps its state on the local disk."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Span, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule


@rule(
    code="TF101",
    name="local-state",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="root module with no `backend`/`cloud` block",
)
def local_state(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    if not module.is_root or module.backend is not None:
        return
    path, block = module.anchor()
    span = block.type_span if block is not None else Span.point(1)
    yield Problem(
        span,
        "root module has no `backend` or `cloud` block, so its state stays on one machine "
        "(no locking, no history, lost with the laptop); configure a remote backend",
        path=path,
    )
