from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Node, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule


def _is_write_all(node: Node | None) -> bool:
    return isinstance(node, Scalar) and str(node.value).strip().lower() == "write-all"


@rule(
    code="GHA402",
    name="excessive-permissions",
    target=Target.WORKFLOW,
    category=Category.SECURITY,
    severity=Severity.WARNING,
    summary="no `permissions` at workflow or job level, `write-all`, or write scopes the job "
    "does not use at workflow level",
    security_severity=5.0,
)
def excessive_permissions(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    if doc.is_action or not doc.jobs:
        return
    workflow = doc.permissions
    if _is_write_all(workflow):
        assert workflow is not None
        yield Problem(
            workflow.span,
            "`permissions: write-all` gives every job write access to everything; list only "
            "the scopes each job needs",
        )
    for job in doc.jobs:
        if _is_write_all(job.permissions):
            assert job.permissions is not None
            yield Problem(
                job.permissions.span,
                f"job `{job.id}` has `permissions: write-all`; list only the scopes it needs",
            )
    inheriting = [job for job in doc.jobs if job.permissions is None]
    if workflow is None:
        if len(inheriting) == len(doc.jobs):
            anchor = doc.on_key or doc.root.pairs[0].key
            yield Problem(
                anchor.span,
                "no `permissions` block at workflow or job level, so every job gets the "
                "repository's default token permissions (possibly write to everything); add "
                "`permissions: contents: read` at the top and widen it per job",
            )
        else:
            for job in inheriting:
                yield Problem(
                    job.key.span,
                    f"job `{job.id}` has no `permissions` (and the workflow sets none), so it "
                    "gets the repository's default token permissions; add a `permissions` block",
                )
        return
    if isinstance(workflow, Mapping) and len(inheriting) >= 2:
        names = ", ".join(f"`{job.id}`" for job in inheriting[:3])
        more = "…" if len(inheriting) > 3 else ""
        for pair in workflow.pairs:
            if isinstance(pair.value, Scalar) and str(pair.value.value).lower() == "write":
                yield Problem(
                    pair.span,
                    f"workflow-level `{pair.key.value}: write` is granted to every job "
                    f"({names}{more}), not just the one that needs it; grant it at job level",
                )
