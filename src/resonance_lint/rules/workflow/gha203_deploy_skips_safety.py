from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import step_commands

_ZERO = re.compile(r"0+(?:\.0*)?(?:ns|us|µs|ms|s|m|h)?\Z")


def _unsafe(flag: str, value: str | None) -> str | None:
    """Why ``flag value`` weakens the rollout, or ``None``."""
    value = (value or "").strip().lower()
    if flag == "--strategy" and value == "immediate":
        return "replaces every Machine at once without waiting for health checks"
    if flag == "--smoke-checks" and value in ("false", "0"):
        return "skips the smoke checks that catch a crashing release"
    if flag == "--wait-timeout" and _ZERO.match(value):
        return "does not wait for Machines to become healthy"
    return None


@rule(
    code="GHA203",
    name="deploy-skips-safety",
    target=Target.WORKFLOW,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`fly deploy --strategy immediate`, `--smoke-checks=false`, `--wait-timeout 0` and "
    "similar",
)
def deploy_skips_safety(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _, step in doc.all_steps():
        for command in step_commands(doc, step):
            if not (command.is_call("fly", "deploy") or command.is_call("flyctl", "deploy")):
                continue
            for flag in ("--strategy", "--smoke-checks", "--wait-timeout"):
                for word, value_word, value in command.option(flag):
                    if flag == "--smoke-checks" and word.value == flag:
                        continue  # a bare boolean flag means true
                    why = _unsafe(flag, value)
                    if why is None:
                        continue
                    span = word.span if value_word is None else word.span.cover(value_word.span)
                    shown = word.value if value_word is word else f"{word.value} {value}"
                    yield Problem(
                        span,
                        f"`fly deploy {shown}` {why}; remove it so a bad release is caught "
                        "and rolled back",
                    )
