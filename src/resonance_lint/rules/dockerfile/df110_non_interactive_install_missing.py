from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import Command, ShellScript
from ..base import RuleContext, rule
from ._common import run_instructions
from ._tools import (
    APT,
    APT_CHANGING,
    APT_VALUE_OPTIONS,
    YUM,
    YUM_CHANGING,
    YUM_VALUE_OPTIONS,
    ZYPPER,
    ZYPPER_CHANGING,
    ZYPPER_VALUE_OPTIONS,
    option_values,
    subcommand,
)

_APT_YES_OPTION = re.compile(r"APT::Get::Assume-Yes\s*=\s*(true|1|yes)", re.I)
_QUIET_2 = re.compile(r"-q{2,}[a-z]*$|-q=[2-9]|--quiet=[2-9]")


def _apt_answers_yes(command: Command) -> bool:
    if command.flag("-y", "--yes", "--assume-yes", "--force-yes"):
        return True
    if any(_QUIET_2.match(w.value) for w in command.args):  # -qq implies -y
        return True
    return any(_APT_YES_OPTION.search(v) for _w, v in option_values(command, "-o", "--option"))


def _fed_by_yes(script: ShellScript, command: Command) -> bool:
    return command.pipe_index > 0 and any(
        c.pipeline == command.pipeline and c.pipe_index < command.pipe_index and c.program == "yes"
        for c in script.commands
    )


def _needs_yes(command: Command) -> str:
    """The subcommand when ``command`` may prompt for confirmation, else ``""``."""
    program = command.program
    if program in APT:
        sub, _ = subcommand(command, APT_VALUE_OPTIONS)
        if sub is not None and sub.value in APT_CHANGING and not _apt_answers_yes(command):
            return sub.value
    elif program in YUM and program != "microdnf":
        sub, _ = subcommand(command, YUM_VALUE_OPTIONS)
        if sub is not None and sub.value in YUM_CHANGING and not command.flag("-y", "--assumeyes"):
            return sub.value
    elif program in ZYPPER:
        sub, _ = subcommand(command, ZYPPER_VALUE_OPTIONS)
        quiet = command.flag("-n", "--non-interactive", "-y", "--no-confirm")
        if sub is not None and sub.value in ZYPPER_CHANGING and quiet is None:
            return sub.value
    return ""


@rule(
    code="DF110",
    name="non-interactive-install-missing",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="`apt-get/yum/dnf/zypper install` without `-y`/`--yes`/`-n`",
)
def non_interactive_install_missing(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in run_instructions(doc):
        script = instr.script
        if script is None:
            continue
        for command in script.commands:
            sub = _needs_yes(command)
            if not sub or command.name is None or _fed_by_yes(script, command):
                continue
            flag = "-n" if command.program in ZYPPER else "-y"
            yield Problem(
                command.name.span,
                f"`{command.program} {sub}` without `{flag}` waits for a confirmation that "
                f"never comes in a build; add `{flag}`",
            )
