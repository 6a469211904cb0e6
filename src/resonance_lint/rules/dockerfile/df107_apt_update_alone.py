from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import run_instructions
from ._tools import APT, APT_VALUE_OPTIONS, subcommand

_USES_CACHE = frozenset(
    {
        "install",
        "reinstall",
        "upgrade",
        "dist-upgrade",
        "full-upgrade",
        "build-dep",
        "source",
        "download",
    }
)


@rule(
    code="DF107",
    name="apt-update-alone",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="`apt-get update` in a RUN with no install in the same RUN",
)
def apt_update_alone(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in run_instructions(doc):
        if instr.script is None:
            continue
        updates = []
        installs = False
        for command in instr.script.commands:
            if command.program not in APT or command.name is None:
                continue
            sub, _rest = subcommand(command, APT_VALUE_OPTIONS)
            if sub is None:
                continue
            if sub.value == "update":
                updates.append(command.name.span.cover(sub.span))
            elif sub.value in _USES_CACHE:
                installs = True
        if installs:
            continue
        for span in updates[:1]:
            yield Problem(
                span,
                "`apt-get update` without an install in the same RUN leaves a cached layer with "
                "stale package lists; run `apt-get update && apt-get install …` in one RUN",
            )
