from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY111",
    name="connections-concurrency-for-http",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary='HTTP service with `concurrency.type = "connections"`',
)
def connections_concurrency_for_http(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for service in doc.services:
        concurrency = service.concurrency
        kind = concurrency.scalar("type") if concurrency is not None else None
        if kind is None or kind.value != "connections" or not service.is_http:
            continue
        yield Problem(
            kind.span,
            f'{service.label} serves HTTP but limits concurrency by "connections": Fly Proxy '
            "pools connections, so load balancing and autostop miscount the load; use "
            '`type = "requests"`',
        )
