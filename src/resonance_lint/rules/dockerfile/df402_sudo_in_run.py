from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import run_commands


@rule(
    code="DF402",
    name="sudo-in-run",
    target=Target.DOCKERFILE,
    category=Category.SECURITY,
    severity=Severity.WARNING,
    summary="`sudo` in RUN",
    security_severity=4.0,
)
def sudo_in_run(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _instr, command in run_commands(doc):
        word = command.sudo
        if word is None and command.program == "sudo":
            word = command.name
        if word is None:
            continue
        yield Problem(
            word.span,
            "`sudo` in a build means sudo is installed in the image (a privilege-escalation "
            "path) and behaves unpredictably without a TTY; use `USER root` for the steps that "
            "need it instead",
        )
