from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._walk import LEGACY, walk


@rule(
    code="FLY110",
    name="legacy-key",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="legacy or deprecated keys",
)
def legacy_key(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for event in walk(doc):
        if event.kind == LEGACY:
            yield Problem(event.span, event.message)
