from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import step_commands

_YEAR_HOURS = 24 * 365
_UNIT_HOURS = {
    "ns": 1 / 3.6e12,
    "us": 1 / 3.6e9,
    "µs": 1 / 3.6e9,
    "ms": 1 / 3.6e6,
    "s": 1 / 3600,
    "m": 1 / 60,
    "h": 1.0,
    "d": 24.0,
}
_PART = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h|d)")


def duration_hours(text: str) -> float | None:
    """Hours of a Go duration (``8760h``, ``1h30m``; ``d`` accepted); ``None`` if unparsable."""
    text = text.strip()
    if not text:
        return None
    pos, total = 0, 0.0
    while pos < len(text):
        match = _PART.match(text, pos)
        if match is None:
            return None
        total += float(match.group(1)) * _UNIT_HOURS[match.group(2)]
        pos = match.end()
    return total


@rule(
    code="GHA307",
    name="long-lived-deploy-token",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.WARNING,
    summary="`fly tokens create … -x/--expiry` over 1 year (e.g. `999999h`)",
    security_severity=4.5,
)
def long_lived_deploy_token(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _, step in doc.all_steps():
        for command in step_commands(doc, step):
            if not (command.is_call("fly", "tokens") or command.is_call("flyctl", "tokens")):
                continue
            argv = command.argv
            if len(argv) < 3 or argv[2].value not in ("create", "deploy"):
                continue
            expiries = list(command.option("-x", "--expiry"))
            if not expiries:
                yield Problem(
                    argv[0].span.cover(argv[2].span),
                    f"`{argv[0].value} tokens {argv[2].value}` without `--expiry` makes a token "
                    "valid for 20 years; pass `--expiry` of at most a few months and rotate it",
                )
                continue
            for flag, word, value in expiries:
                hours = duration_hours(value or "")
                if hours is None or hours <= _YEAR_HOURS or word is None:
                    continue
                yield Problem(
                    word.find(value or ""),
                    f"`{flag.value.split('=')[0]} {value}` makes a deploy token valid for "
                    f"{hours / _YEAR_HOURS:.0f} years; use at most a few months and rotate it",
                )
