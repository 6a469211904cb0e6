from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import number


@rule(
    code="FLY206",
    name="max-unavailable-all",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`max_unavailable` lets a rolling deploy take (almost) every Machine down at once",
)
def max_unavailable_all(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    deploy = doc.deploy
    node = deploy.scalar("max_unavailable") if deploy is not None else None
    value = number(node)
    if node is None or value is None or not 0.5 < value < 1:
        return
    yield Problem(
        node.span,
        f"`max_unavailable = {node.value}` lets a rolling deploy stop {value:.0%} of the "
        "Machines at once (both of a 2-Machine app): a bad release takes the app down; use a "
        "fraction of 0.5 or less, or a count such as 1",
    )
