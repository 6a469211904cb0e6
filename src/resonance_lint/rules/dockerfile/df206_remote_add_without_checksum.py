from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument, Instruction, Token
from ..base import RuleContext, rule
from ._common import copy_like

_REMOTE = re.compile(r"(https?|git)://|git@", re.I)
_GIT = re.compile(r"^git@|^git://|\.git(#|$)", re.I)
_COMMIT = re.compile(r"#[0-9a-f]{40}(:|$)", re.I)


def sources(instr: Instruction) -> tuple[Token, ...]:
    """The source operands of COPY/ADD (all but the destination; heredoc markers excluded)."""
    operands = instr.operands
    markers = {h.span for h in instr.heredocs}
    return tuple(t for t in operands[:-1] if t.span not in markers)


@rule(
    code="DF206",
    name="remote-add-without-checksum",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`ADD http(s)://…` without `--checksum`",
)
def remote_add_without_checksum(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in copy_like(doc, "ADD"):
        if instr.flag("checksum") is not None:
            continue
        for token in sources(instr):
            value = token.value
            if not _REMOTE.match(value):
                continue
            if _GIT.search(value):
                if _COMMIT.search(value):
                    continue
                message = (
                    f"ADD of the Git repository `{value}` is not pinned to a commit; add "
                    "`#<40-char commit>` or `--checksum=<commit>`"
                )
            else:
                message = (
                    f"ADD downloads `{value}` without `--checksum`, so a changed or tampered file "
                    "goes unnoticed; add `--checksum=sha256:<hash>`"
                )
            yield Problem(token.span, message)
