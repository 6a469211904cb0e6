from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import autostop_on, number


@rule(
    code="FLY106",
    name="scale-to-zero",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="Machines auto-stop with `min_machines_running` 0: cold starts after idle",
)
def scale_to_zero(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for service in doc.services:
        stop = service.node.scalar("auto_stop_machines")
        if stop is None or not autostop_on(stop):
            continue
        minimum = service.node.scalar("min_machines_running")
        running = number(minimum)
        if minimum is not None and (running is None or running > 0):
            continue
        yield Problem(
            stop.span,
            f"{service.label} stops idle Machines and keeps none running "
            "(`min_machines_running` is 0): the first request after idle waits for a cold "
            "start; set `min_machines_running = 1` if that latency matters",
        )
