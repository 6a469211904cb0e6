from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Span, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY101",
    name="missing-app",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="no `app` key",
)
def missing_app(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    if "app" not in doc.root:
        yield Problem(
            Span.point(1, 1),
            "fly.toml has no `app` key: deploys depend on `-a` flags and can hit the wrong app; "
            'add `app = "<name>"`',
        )
