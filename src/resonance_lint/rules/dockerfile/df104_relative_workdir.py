from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import copy_like

_ABSOLUTE = re.compile(r"(/|\\|[A-Za-z]:[\\/]|\$)")


@rule(
    code="DF104",
    name="relative-workdir",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="WORKDIR with a relative path",
)
def relative_workdir(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in copy_like(doc, "WORKDIR"):
        if not instr.words:
            continue
        word = instr.words[0]
        if _ABSOLUTE.match(word.value):
            continue
        yield Problem(
            word.span,
            f"WORKDIR `{word.value}` is relative, so it depends on the WORKDIR of the base "
            f"image; use an absolute path such as `/{word.value.lstrip('./')}`",
        )
