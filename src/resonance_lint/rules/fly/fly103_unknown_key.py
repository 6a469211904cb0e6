from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._walk import UNKNOWN, walk


@rule(
    code="FLY103",
    name="unknown-key",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="a key or section flyctl does not know",
)
def unknown_key(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for event in walk(doc):
        if event.kind == UNKNOWN:
            yield Problem(event.span, event.message)
