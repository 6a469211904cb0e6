from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument, FlyService
from ..base import RuleContext, rule


def check_advice(service: FlyService) -> str:
    if service.is_http_service:
        return "add `[[http_service.checks]]` with a `path` that proves the app is ready"
    if service.is_http:
        return "add `[[services.http_checks]]` with a `path` that proves the app is ready"
    return "add `[[services.tcp_checks]]` (or `[[services.http_checks]]`)"


@rule(
    code="FLY201",
    name="missing-service-check",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="a service with no health check",
)
def missing_service_check(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    if doc.checks:
        return  # FLY209 reports services covered only by top-level [checks]
    for service in doc.services:
        if service.is_empty or service.protocol == "udp" or service.has_health_checks:
            continue
        yield Problem(
            service.span,
            f"{service.label} has no health check: a release that starts but cannot serve "
            f"still goes live and gets traffic; {check_advice(service)}",
        )
