from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import has_expression, is_false


@rule(
    code="GHA305",
    name="persisted-checkout-credentials",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.WARNING,
    summary="`actions/checkout` without `persist-credentials: false`",
    security_severity=5.0,
)
def persisted_checkout_credentials(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _, step in doc.all_steps():
        if not step.uses_action("actions/checkout") or step.uses is None:
            continue
        persist = step.input("persist-credentials")
        if is_false(persist) or has_expression(persist):
            continue
        yield Problem(
            step.uses.span,
            "`actions/checkout` leaves the job's token in `.git/config`, where every later step "
            "(and any uploaded workspace) can read it; set `persist-credentials: false`",
        )
