from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import autostop_on


@rule(
    code="FLY107",
    name="autostop-without-autostart",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="Machines auto-stop but `auto_start_machines = false`",
)
def autostop_without_autostart(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for service in doc.services:
        if not autostop_on(service.node.scalar("auto_stop_machines")):
            continue
        start = service.node.scalar("auto_start_machines")
        if start is not None and start.value is False:
            yield Problem(
                start.span,
                f"{service.label} stops idle Machines but `auto_start_machines = false`: "
                "stopped Machines never come back and the app goes dark; set it to true",
            )
