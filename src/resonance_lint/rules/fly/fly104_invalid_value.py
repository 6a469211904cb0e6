from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._walk import INVALID, walk


@rule(
    code="FLY104",
    name="invalid-value",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="a value of the wrong type or out of range",
)
def invalid_value(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for event in walk(doc):
        if event.kind == INVALID:
            yield Problem(event.span, event.message)
