from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY102",
    name="missing-primary-region",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="no `primary_region`",
)
def missing_primary_region(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    if "primary_region" not in doc.root:
        yield Problem(
            doc.anchor,
            "fly.toml has no `primary_region`: new Machines, volumes and the release command "
            'land wherever flyctl picks; add `primary_region = "<region>"`',
        )
