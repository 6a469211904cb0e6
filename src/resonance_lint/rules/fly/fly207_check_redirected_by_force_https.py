from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Severity, Target
from ...parsers.fly import FlyDocument, FlyService, scalar_str
from ..base import RuleContext, rule
from ._common import service_checks


def forces_https(service: FlyService) -> bool:
    if service.is_http_service:
        node = service.node.scalar("force_https")
        return node is not None and node.value is True
    for port in service.ports:
        node = port.node.scalar("force_https")
        if node is not None and node.value is True:
            return True
    return False


def sends_forwarded_https(check: Mapping) -> bool:
    headers = check.get("headers")
    if not isinstance(headers, Mapping):
        return False
    for pair in headers.pairs:
        value = pair.value
        if str(pair.key.value).lower() == "x-forwarded-proto" and (
            (scalar_str(value) or "").lower() == "https"
        ):
            return True
    return False


@rule(
    code="FLY207",
    name="check-redirected-by-force-https",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary='`force_https` with an HTTP check that sends no `X-Forwarded-Proto = "https"`',
)
def check_redirected_by_force_https(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for service in doc.services:
        if not forces_https(service):
            continue
        for check in service_checks(service):
            if check.kind != "http":
                continue
            protocol = (scalar_str(check.node.scalar("protocol")) or "http").lower()
            if protocol != "http" or sends_forwarded_https(check.node):
                continue
            yield Problem(
                check.span,
                f"{check.label} probes over plain HTTP while {service.label} forces HTTPS: an app "
                "that redirects HTTP answers 301 and the check fails; add "
                '`X-Forwarded-Proto = "https"` under its `headers`',
            )
