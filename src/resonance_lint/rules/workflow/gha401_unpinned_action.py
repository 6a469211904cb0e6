from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument, parse_uses
from ..base import RuleContext, rule


def _uses_scalars(doc: WorkflowDocument) -> Iterator[Scalar]:
    for job in doc.jobs:
        if job.uses is not None:
            yield job.uses
    for _, step in doc.all_steps():
        if step.uses is not None:
            yield step.uses


@rule(
    code="GHA401",
    name="unpinned-action",
    target=Target.WORKFLOW,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    summary="`uses:` not pinned to a full commit SHA (local `./` actions and "
    "`docker://…@sha256:` are fine); configurable trusted owners may use tags",
    security_severity=7.0,
    options={"trusted-owners": ()},
)
def unpinned_action(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    trusted = frozenset(str(o).lower() for o in ctx.option("trusted-owners"))
    for scalar in _uses_scalars(doc):
        if not isinstance(scalar.value, str) or not scalar.value.strip():
            continue
        value = scalar.value
        uses = parse_uses(value)
        if uses.kind == "local":
            continue
        if uses.kind == "docker":
            if "@sha256:" in value.lower():
                continue
            yield Problem(
                scalar.span,
                f"`{value.strip()}` runs a container image by mutable tag; pin it with "
                "`@sha256:<digest>`",
            )
            continue
        if "${{" in value or uses.is_sha_pinned or uses.owner.lower() in trusted:
            continue
        what = "a workflow" if uses.is_reusable_workflow else "an action"
        if uses.ref is None:
            yield Problem(
                scalar.span,
                f"`{value.strip()}` names {what} without a ref; pin it to a full commit SHA",
            )
            continue
        span = doc.locate(scalar, uses.ref_offset, len(value.rstrip()))
        yield Problem(
            span,
            f"`{value.strip()}` uses {what} by the mutable ref `{uses.ref.strip()}`, which its "
            "owner can move; pin it to a full 40-character commit SHA (keep the tag in a "
            "comment)",
        )
