from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import run_commands, run_instructions, stage_chain
from ._tools import apt_subcommand, option_values

_OFF = re.compile(r"APT::Install-Recommends\s*[= ]\s*[\"']?(false|0|no|off)", re.I)


def _configured_off(doc: DockerfileDocument, stage_index: int) -> bool:
    """An earlier RUN of the stage (or its bases) wrote `APT::Install-Recommends "0"`."""
    if stage_index < 0:
        return False
    stages = {s.index for s in stage_chain(doc, doc.stages[stage_index])}
    return any(
        instr.stage in stages
        and "Install-Recommends" in instr.arguments + "".join(h.body for h in instr.heredocs)
        for instr in run_instructions(doc)
    )


@rule(
    code="DF109",
    name="missing-no-install-recommends",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="`apt-get install` without `--no-install-recommends`",
)
def missing_no_install_recommends(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    configured: dict[int, bool] = {}
    for instr, command in run_commands(doc):
        if command.name is None or apt_subcommand(command) != "install":
            continue
        if command.flag("--no-install-recommends"):
            continue
        if any(_OFF.search(value) for _w, value in option_values(command, "-o", "--option")):
            continue
        if instr.stage not in configured:
            configured[instr.stage] = _configured_off(doc, instr.stage)
        if configured[instr.stage]:
            continue
        yield Problem(
            command.name.span,
            f"`{command.program} install` also installs recommended packages; add "
            "`--no-install-recommends` to keep the image small",
        )
