from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import all_checks, check_seconds, seconds_text

MIN_INTERVAL = 2.0
MAX_SECONDS = 60.0
MIN_GRACE = 1.0


@rule(
    code="FLY208",
    name="check-timing",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="check timeout >= interval, interval under 2 s, timeout over 60 s, grace under 1 s",
)
def check_timing(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for check in all_checks(doc):
        interval, every = check_seconds(check.node, "interval")
        timeout, wait = check_seconds(check.node, "timeout")
        grace, delay = check_seconds(check.node, "grace_period")
        label = check.label
        if interval is not None and every is not None:
            if every < MIN_INTERVAL:
                yield Problem(
                    interval.span,
                    f"{label} runs every {seconds_text(every)}: Fly's minimum check interval is "
                    f'2s (shorter is rejected or raised); use at least "{int(MIN_INTERVAL)}s"',
                )
            elif every > MAX_SECONDS and check.service is not None:
                yield Problem(
                    interval.span,
                    f"{label} interval {seconds_text(every)} is over 1 minute and is lowered to "
                    '1 minute; set it to "60s" or less so the config says what runs',
                )
        if timeout is not None and wait is not None:
            if wait > MAX_SECONDS:
                yield Problem(
                    timeout.span,
                    f"{label} timeout {seconds_text(wait)} is over the 60s maximum (rejected or "
                    "lowered to 60s); a check this slow does not detect a hung app",
                )
            elif every is not None and wait >= every:
                yield Problem(
                    timeout.span,
                    f"{label} timeout {seconds_text(wait)} is not shorter than its interval "
                    f"{seconds_text(every)}: a hanging check overlaps the next one; keep the "
                    "timeout below the interval",
                )
        if grace is not None and delay is not None and 0 < delay < MIN_GRACE:
            yield Problem(
                grace.span,
                f"{label} grace_period {seconds_text(delay)} is under 1s and is raised to 1s; "
                "give the app the time it needs to boot",
            )
