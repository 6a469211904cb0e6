from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument, Instruction
from ..base import RuleContext, rule
from ._common import run_instructions, shipped_stages
from ._tools import apt_subcommand

_LISTS = "/var/lib/apt/lists"


def _lists_not_in_layer(instr: Instruction) -> bool:
    """A cache or tmpfs mount over the apt lists keeps them out of the layer."""
    for flag in instr.flags_named("mount"):
        fields = flag.fields()
        target = (
            fields.get("target") or fields.get("dst") or fields.get("destination") or ""
        ).rstrip("/")
        if fields.get("type") in ("cache", "tmpfs") and target in ("/var/lib/apt", _LISTS):
            return True
    return False


@rule(
    code="DF108",
    name="apt-lists-not-cleaned",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="`apt-get install` without removing /var/lib/apt/lists in the same RUN",
)
def apt_lists_not_cleaned(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    shipped = shipped_stages(doc)
    for instr in run_instructions(doc):
        if instr.script is None or instr.stage not in shipped or _lists_not_in_layer(instr):
            continue
        commands = instr.script.commands
        installs = [
            c for c in commands if apt_subcommand(c) in ("install", "reinstall", "build-dep")
        ]
        if not installs or installs[0].name is None:
            continue
        if any(_LISTS in w.value for c in commands for w in c.args):
            continue
        if any(apt_subcommand(c) == "dist-clean" for c in commands):
            continue  # apt >= 2.7 removes the lists itself
        yield Problem(
            installs[0].name.span,
            f"`{installs[0].program} install` leaves the package lists in the layer; end the "
            "same RUN with `&& rm -rf /var/lib/apt/lists/*`",
        )
