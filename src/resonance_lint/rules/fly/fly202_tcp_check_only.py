from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY202",
    name="tcp-check-only",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="HTTP service checked only by TCP",
)
def tcp_check_only(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for service in doc.services:
        if not service.is_http or service.http_checks or not service.tcp_checks:
            continue
        yield Problem(
            service.tcp_checks[0].span,
            f"{service.label} serves HTTP but is checked only by TCP: an open port is not a "
            "ready app (a 500 on every request passes); add `[[services.http_checks]]` with a "
            "health `path`",
        )
