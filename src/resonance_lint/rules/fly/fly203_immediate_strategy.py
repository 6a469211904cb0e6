from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import strategy


@rule(
    code="FLY203",
    name="immediate-strategy",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary='`deploy.strategy = "immediate"`: health checks are skipped',
)
def immediate_strategy(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    node = strategy(doc)
    if node is not None and node.value == "immediate":
        yield Problem(
            node.span,
            'deploy strategy "immediate" replaces every Machine at once without waiting for '
            'health checks: a bad release takes the whole app down; use "rolling" (or '
            '"bluegreen"/"canary" without volumes) and keep `--strategy immediate` for emergencies',
        )
