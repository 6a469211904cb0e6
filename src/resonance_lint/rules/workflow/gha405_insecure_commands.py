from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import env_mappings, is_false, step_commands

_NAME = "ACTIONS_ALLOW_UNSECURE_COMMANDS"
_MESSAGE = (
    "re-enables the deprecated `set-env`/`add-path` workflow commands, which let any text "
    "printed to the log set environment variables or PATH; remove it and use `$GITHUB_ENV`"
)


@rule(
    code="GHA405",
    name="insecure-commands",
    target=Target.WORKFLOW,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    summary="`ACTIONS_ALLOW_UNSECURE_COMMANDS` set",
    security_severity=8.0,
)
def insecure_commands(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    seen: set[int] = set()
    for env in env_mappings(doc):
        if id(env) in seen:
            continue
        seen.add(id(env))
        pair = env.pair(_NAME)
        if pair is None or is_false(pair.value):
            continue
        yield Problem(pair.key.span, f"`{_NAME}` {_MESSAGE}")
    for _, step in doc.all_steps():
        for scalar, shift, command in step_commands(step):
            if not any("GITHUB_ENV" in word.text for word in command.words):
                continue  # only a write to $GITHUB_ENV outlives the step
            for word in command.words:
                if _NAME in word.text and "=" in word.text:
                    value = word.text.split("=", 1)[1].strip().lower()
                    if value in ("false", "0", ""):
                        continue
                    start, end = word.find(_NAME)
                    yield Problem(
                        doc.locate(scalar, start + shift, end + shift),
                        f"`{_NAME}` written by a step {_MESSAGE}",
                    )
