from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import run_instructions


@rule(
    code="DF105",
    name="cd-instead-of-workdir",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="`RUN cd …` used to change directory for later instructions",
)
def cd_instead_of_workdir(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in run_instructions(doc):
        if instr.script is None:
            continue
        top = [c for c in instr.script.commands if c.depth == 0]
        if not top:
            continue
        last = top[-1]
        if last.program != "cd" or last.name is None:
            continue
        target = last.args[0].value if last.args else "~"
        yield Problem(
            last.name.span,
            f"`cd {target}` is the last command of this RUN, so it changes nothing for later "
            f"instructions; use `WORKDIR {target}`",
        )
