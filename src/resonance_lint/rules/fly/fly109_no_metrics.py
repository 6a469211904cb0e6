from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY109",
    name="no-metrics",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="no `[metrics]`",
)
def no_metrics(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    experimental = doc.experimental
    if doc.metrics or (experimental is not None and "metrics_port" in experimental):
        return
    yield Problem(
        doc.anchor,
        "fly.toml has no `[metrics]` section: Fly's Prometheus does not scrape the app's own "
        "metrics; add `[metrics]` with the `port` and `path` of its metrics endpoint",
    )
