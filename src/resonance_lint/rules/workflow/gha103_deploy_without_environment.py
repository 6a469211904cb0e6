from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._deploy import DEPLOY_OPTIONS, DeployDetector


@rule(
    code="GHA103",
    name="deploy-without-environment",
    target=Target.WORKFLOW,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="deploy job without `environment` (no protection rules, secrets not scoped)",
    options=DEPLOY_OPTIONS,
)
def deploy_without_environment(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    detector = DeployDetector.from_context(ctx)
    for job in doc.jobs:
        if job.environment is not None:
            continue
        reason = detector.reason(doc, job)
        if reason is None:
            continue
        yield Problem(
            job.key.span,
            f"deploy job `{job.id}` ({reason}) has no `environment`: no required reviewers, "
            "wait timer or branch rules apply and its secrets are not scoped; add "
            "`environment: <name>`",
        )
