from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Node, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import is_false, step_commands

_NAME = "ACTIONS_ALLOW_UNSECURE_COMMANDS"
_MESSAGE = (
    "re-enables the deprecated `set-env`/`add-path` workflow commands, which let any text "
    "printed to the log set environment variables or PATH; remove it and use `$GITHUB_ENV`"
)


def _mappings(node: Node | None) -> Iterator[Mapping]:
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, Scalar) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, Mapping):
            yield current
            stack.extend(p.value for p in current.pairs)
        else:
            stack.extend(current.items)


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
    # Any mapping: `env` at every level, and matrix entries that feed `env: ${{ matrix.env }}`.
    for mapping in _mappings(doc.root_node):
        pair = mapping.pair(_NAME)
        if pair is None or is_false(pair.value):
            continue
        yield Problem(pair.key.span, f"`{_NAME}` {_MESSAGE}")
    for _, step in doc.all_steps():
        for command in step_commands(doc, step):
            targets = [r.target for r in command.redirects if r.target is not None]
            if not any("GITHUB_ENV" in word.value for word in (*command.words, *targets)):
                continue  # only a write to $GITHUB_ENV outlives the step
            for word in command.words:
                if _NAME in word.value and "=" in word.value:
                    value = word.value.split("=", 1)[1].strip().lower()
                    if value in ("false", "0", ""):
                        continue
                    yield Problem(
                        word.find(_NAME),
                        f"`{_NAME}` written by a step {_MESSAGE}",
                    )
