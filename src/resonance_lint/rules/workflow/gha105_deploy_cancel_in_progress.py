from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import is_true
from ._deploy import DEPLOY_OPTIONS, DeployDetector


@rule(
    code="GHA105",
    name="deploy-cancel-in-progress",
    target=Target.WORKFLOW,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="deploy concurrency with `cancel-in-progress: true`: a half-finished rollout can be "
    "killed",
    options=DEPLOY_OPTIONS,
)
def deploy_cancel_in_progress(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    detector = DeployDetector.from_context(ctx)
    deploy_jobs = [(job, reason) for job in doc.jobs if (reason := detector.reason(doc, job))]
    if not deploy_jobs:
        return
    workflow_cancel = doc.concurrency.cancel_in_progress if doc.concurrency else None
    if is_true(workflow_cancel):
        assert workflow_cancel is not None
        job, reason = deploy_jobs[0]
        yield Problem(
            workflow_cancel.span,
            f"workflow concurrency cancels runs in progress while deploy job `{job.id}` "
            f"({reason}) may be mid-rollout; set `cancel-in-progress: false` so the next run "
            "waits",
        )
    for job, reason in deploy_jobs:
        cancel = job.concurrency.cancel_in_progress if job.concurrency else None
        if is_true(cancel):
            assert cancel is not None
            yield Problem(
                cancel.span,
                f"deploy job `{job.id}` ({reason}) cancels a deploy in progress when a new run "
                "starts, leaving a half-finished rollout; set `cancel-in-progress: false`",
            )
