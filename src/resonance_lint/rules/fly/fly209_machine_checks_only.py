from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Related, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from .fly201_missing_service_check import check_advice


@rule(
    code="FLY209",
    name="machine-checks-only",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="a service covered only by top-level `[checks]`",
)
def machine_checks_only(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    if not doc.checks:
        return
    first = doc.checks[0]
    for service in doc.services:
        if service.is_empty or service.protocol == "udp" or service.has_health_checks:
            continue
        yield Problem(
            service.span,
            f"{service.label} is covered only by top-level `[checks]`, which do not take "
            f"unhealthy Machines out of routing; {check_advice(service)}",
            related=(Related(doc.path, first.section.span, "top-level check defined here"),),
        )
