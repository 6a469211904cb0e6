from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule


@rule(
    code="GHA303",
    name="secrets-inherit",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.WARNING,
    summary="reusable workflow call with `secrets: inherit`",
    security_severity=5.0,
)
def secrets_inherit(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for job in doc.jobs:
        secrets = job.secrets
        if isinstance(secrets, Scalar) and str(secrets.value).strip().lower() == "inherit":
            called = job.uses.value if job.uses is not None else "the called workflow"
            yield Problem(
                secrets.span,
                f"job `{job.id}` passes every secret of the repository to `{called}`; "
                "pass only the secrets it needs under `secrets:`",
            )
