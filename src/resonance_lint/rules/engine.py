"""RL rules: diagnostics the engine itself reports (parse errors, unreadable files, suppressions).

Their checks yield nothing: the engine creates these findings while it reads, parses and
suppresses. They are rules all the same so they can be selected, ignored, documented and
explained like any other.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Category, Problem, Project, Severity, Target
from .base import RuleContext, rule

_COMMON = {"target": Target.ENGINE, "category": Category.ENGINE}


def _engine_reported(_: Project, __: RuleContext) -> Iterator[Problem]:
    return iter(())


parse_error = rule(
    code="RL001",
    name="parse-error",
    severity=Severity.ERROR,
    summary="A target file that cannot be parsed; the rest of the run goes on",
    **_COMMON,  # type: ignore[arg-type]
)(_engine_reported)

unreadable_file = rule(
    code="RL002",
    name="unreadable-file",
    severity=Severity.WARNING,
    summary="A file that cannot be read or decoded, is binary, or is over the size limit",
    **_COMMON,  # type: ignore[arg-type]
)(_engine_reported)

unknown_rule_in_suppression = rule(
    code="RL003",
    name="unknown-rule-in-suppression",
    severity=Severity.WARNING,
    summary="A suppression or config entry naming a code or name that does not exist",
    **_COMMON,  # type: ignore[arg-type]
)(_engine_reported)

unused_suppression = rule(
    code="RL004",
    name="unused-suppression",
    severity=Severity.NOTE,
    summary="An inline suppression that suppressed nothing",
    enabled=False,
    **_COMMON,  # type: ignore[arg-type]
)(_engine_reported)

expired_suppression = rule(
    code="RL005",
    name="expired-suppression",
    severity=Severity.WARNING,
    summary="A suppression whose `until=` date has passed; the finding it hid is reported again",
    **_COMMON,  # type: ignore[arg-type]
)(_engine_reported)

RULES = (
    parse_error,
    unreadable_file,
    unknown_rule_in_suppression,
    unused_suppression,
    expired_suppression,
)
