from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Severity, Target
from ...parsers.fly import FlyDocument, string_items
from ..base import RuleContext, rule
from ._common import number


def serves_port_80(port: Mapping) -> bool:
    single = port.scalar("port")
    if single is not None:
        value = number(single)
        if value is None and isinstance(single.value, str) and single.value.strip().isdigit():
            value = float(single.value.strip())
        return value == 80
    start, end = number(port.scalar("start_port")), number(port.scalar("end_port"))
    return start is not None and end is not None and start <= 80 <= end


@rule(
    code="FLY401",
    name="https-not-forced",
    target=Target.FLY,
    category=Category.SECURITY,
    severity=Severity.WARNING,
    security_severity=5.0,
    summary="plain-HTTP service without `force_https = true`",
)
def https_not_forced(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for service in doc.services:
        if service.is_http_service:
            force = service.node.scalar("force_https")
            if force is not None and force.value is True:
                continue
            span = force.span if force is not None else service.span
            yield Problem(
                span,
                "`[http_service]` answers plain HTTP on port 80 without redirecting: sessions and "
                "credentials can travel unencrypted; set `force_https = true`",
            )
            continue
        for port in service.ports:
            handlers = {h.lower() for h in string_items(port.node.get("handlers"))}
            if "http" not in handlers or "tls" in handlers or not serves_port_80(port.node):
                continue
            force = port.node.scalar("force_https")
            if force is not None and force.value is True:
                continue
            yield Problem(
                force.span if force is not None else port.span,
                f"{service.label} serves plain HTTP on port 80 without redirecting to HTTPS; "
                "set `force_https = true` on this port",
            )
