from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.shell import Command, Word
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import step_commands

#: Triggers whose runs have a write token or secrets while handling outsiders' input.
PRIVILEGED_TRIGGERS = frozenset(
    {
        "pull_request_target",
        "workflow_run",
        "issue_comment",
        "issues",
        "discussion",
        "discussion_comment",
        "pull_request_review",
        "pull_request_review_comment",
    }
)
_FILES = re.compile(r"GITHUB_(?:ENV|PATH)\b")
_DYNAMIC = re.compile(r"\$\{\{|\$[A-Za-z_{(]|`")
_WRITERS = frozenset({"tee", "add-content", "out-file", "set-content"})
_OUTPUT = frozenset({">", ">>", ">|", "&>", "&>>"})


def _target(command: Command) -> Word | None:
    """The word naming ``$GITHUB_ENV``/``$GITHUB_PATH`` when ``command`` writes to it."""
    for redirect in command.redirects:
        target = redirect.target
        if redirect.operator in _OUTPUT and target is not None and _FILES.search(target.value):
            return target
    if command.program.lower() in _WRITERS:
        for word in command.args:
            if _FILES.search(word.value):
                return word
    return None


def _dynamic(command: Command, target: Word, previous: Command | None) -> bool:
    parts = [w.value for w in command.words if w is not target]
    for redirect in command.redirects:
        if redirect.target is not None and redirect.target is not target:
            parts.append(redirect.target.value)
    parts.extend(command.heredocs)
    if command.program.lower() in _WRITERS and previous is not None:
        parts.extend(w.value for w in previous.words)  # `… | tee -a "$GITHUB_ENV"`
    return any(_DYNAMIC.search(part) for part in parts)


@rule(
    code="GHA406",
    name="untrusted-github-env",
    target=Target.WORKFLOW,
    category=Category.SECURITY,
    severity=Severity.WARNING,
    summary="writes to `$GITHUB_ENV`/`$GITHUB_PATH` from expressions under privileged triggers",
    security_severity=7.0,
)
def untrusted_github_env(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    triggers = sorted(doc.trigger_names & PRIVILEGED_TRIGGERS)
    if not triggers:
        return
    for _, step in doc.all_steps():
        previous: dict[int, Command] = {}  # depth -> the last command at that depth
        for command in step_commands(doc, step):
            target = _target(command)
            if target is not None and _dynamic(command, target, previous.get(command.depth)):
                variable = _FILES.search(target.value)
                assert variable is not None
                yield Problem(
                    target.find(variable.group()),
                    f"writes computed text to `${variable.group()}` in a workflow triggered by "
                    f"`{triggers[0]}`: text an outsider controls can set variables such as "
                    "`LD_PRELOAD` or `PATH` for later steps; use step outputs instead",
                )
            previous[command.depth] = command
