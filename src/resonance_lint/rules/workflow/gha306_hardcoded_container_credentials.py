from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ...secrets import is_placeholder, mask, secret_hash
from ..base import RuleContext, rule
from ._common import containers


@rule(
    code="GHA306",
    name="hardcoded-container-credentials",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="literal `password` in `container`/`services` `credentials`",
    security_severity=8.0,
)
def hardcoded_container_credentials(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for job in doc.jobs:
        for label, node in containers(job):
            if not isinstance(node, Mapping):
                continue
            credentials = node.mapping("credentials")
            if credentials is None:
                continue
            password = credentials.get("password")
            if not isinstance(password, Scalar) or password.value in (None, ""):
                continue
            value = str(password.value)
            if "${{" in value or is_placeholder(value):
                continue
            yield Problem(
                password.span,
                f"{label} of job `{job.id}` has a literal registry password ({mask(value)}); "
                "use `${{ secrets.REGISTRY_PASSWORD }}`",
                secret_hash=secret_hash(value),
            )
