from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import strategy


@rule(
    code="FLY204",
    name="bluegreen-without-check",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="`bluegreen` strategy with no health check",
)
def bluegreen_without_check(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    node = strategy(doc)
    if node is None or node.value != "bluegreen" or doc.has_any_health_check:
        return
    yield Problem(
        node.span,
        'deploy strategy "bluegreen" needs at least one health check to decide when the green '
        "Machines may take traffic, and fly.toml defines none; add a service check such as "
        "`[[http_service.checks]]`",
    )
