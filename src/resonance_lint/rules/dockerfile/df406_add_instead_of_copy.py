from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import copy_like

_ARCHIVE = re.compile(
    r"\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma|tlz|gz|bz2|xz|zst|lzma)$",
    re.I,
)
_REMOTE = re.compile(r"[a-z][a-z0-9+.-]*://|git@", re.I)


@rule(
    code="DF406",
    name="add-instead-of-copy",
    target=Target.DOCKERFILE,
    category=Category.SECURITY,
    severity=Severity.NOTE,
    summary="ADD of a local file or folder that is not an archive to extract",
    security_severity=2.0,
)
def add_instead_of_copy(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in copy_like(doc, "ADD"):
        if instr.flag("checksum") or instr.flag("keep-git-dir"):
            continue
        operands = instr.operands
        markers = {h.span for h in instr.heredocs}
        for token in operands[:-1]:
            value = token.value
            if token.span in markers:
                continue
            if _REMOTE.match(value) or "$" in value or _ARCHIVE.search(value):
                continue
            yield Problem(
                token.span,
                f"ADD `{value}` is a plain copy: ADD also fetches URLs and unpacks archives, "
                "which can surprise; use COPY for local files",
            )
            break
