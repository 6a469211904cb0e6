from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import step_commands
from ._shell import Command, Word

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


def _target(command: Command) -> Word | None:
    """The word naming ``$GITHUB_ENV``/``$GITHUB_PATH`` when ``command`` writes to it."""
    words = command.words
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if word.text in (">", ">>", ">|") and nxt is not None and _FILES.search(nxt.text):
            return nxt
    if command.program().lower() in _WRITERS:
        for word in command.argv[1:]:
            if _FILES.search(word.text):
                return word
    return None


def _dynamic(command: Command, target: Word, previous: Command | None) -> bool:
    parts = [w.text for w in command.words if w is not target]
    if command.heredoc:
        parts.append(command.heredoc)
    if command.program().lower() in _WRITERS and previous is not None:
        parts.extend(w.text for w in previous.words)  # `… | tee -a "$GITHUB_ENV"`
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
        previous: Command | None = None
        for scalar, shift, command in step_commands(step):
            target = _target(command)
            if target is not None and _dynamic(command, target, previous):
                variable = _FILES.search(target.text)
                assert variable is not None
                start, end = target.find(variable.group())
                yield Problem(
                    doc.locate(scalar, start + shift, end + shift),
                    f"writes computed text to `${variable.group()}` in a workflow triggered by "
                    f"`{triggers[0]}`: text an outsider controls can set variables such as "
                    "`LD_PRELOAD` or `PATH` for later steps; use step outputs instead",
                )
            previous = command
