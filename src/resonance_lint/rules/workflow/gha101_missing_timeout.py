from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule


@rule(
    code="GHA101",
    name="missing-timeout",
    target=Target.WORKFLOW,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="job without `timeout-minutes` (default is 360 minutes)",
)
def missing_timeout(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for job in doc.jobs:
        if job.is_call or not isinstance(job.node, Mapping) or job.timeout_minutes is not None:
            continue
        if job.steps and all(
            s.mapping is not None and "timeout-minutes" in s.mapping for s in job.steps
        ):
            continue
        yield Problem(
            job.key.span,
            f"job `{job.id}` has no `timeout-minutes`: a hung step holds the runner for the "
            "default 360 minutes; set a limit a little above its usual run time",
        )
