from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Span, Target
from ...parsers.workflow import Concurrency, Job, WorkflowDocument
from ..base import RuleContext, rule
from ._deploy import DEPLOY_OPTIONS, DeployDetector

# A group that differs on every run (or every commit) serialises nothing.
_PER_RUN = re.compile(r"github\s*\.\s*(?:run_id|run_number|run_attempt|sha)\b", re.IGNORECASE)


def _per_run(concurrency: Concurrency) -> bool:
    group = concurrency.group
    return group is not None and isinstance(group.value, str) and bool(_PER_RUN.search(group.value))


@rule(
    code="GHA102",
    name="deploy-without-concurrency",
    target=Target.WORKFLOW,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="deploy job with no `concurrency` (workflow or job level): two deploys race",
    options=DEPLOY_OPTIONS,
)
def deploy_without_concurrency(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    detector = DeployDetector.from_context(ctx)
    per_run: dict[Span, list[tuple[Job, str]]] = {}
    for job in doc.jobs:
        effective = [c for c in (doc.concurrency, job.concurrency) if c is not None]
        if effective and not all(_per_run(c) for c in effective):
            continue
        reason = detector.reason(doc, job)
        if reason is None:
            continue
        if effective:
            group = effective[-1].group
            assert group is not None
            per_run.setdefault(group.span, []).append((job, reason))
            continue
        yield Problem(
            job.key.span,
            f"deploy job `{job.id}` ({reason}) has no `concurrency` at workflow or job "
            "level, so two runs can deploy at once; add a `concurrency` group per environment",
        )
    for span, jobs in per_run.items():
        job, reason = jobs[0]
        others = f" and {len(jobs) - 1} more" if len(jobs) > 1 else ""
        yield Problem(
            span,
            f"this concurrency group is unique per run or commit, so deploy job `{job.id}` "
            f"({reason}){others} can still run twice at once; group by workflow and "
            "environment (or branch) only",
        )
