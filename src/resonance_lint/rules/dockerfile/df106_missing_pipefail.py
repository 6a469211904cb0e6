from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import Command
from ..base import RuleContext, rule
from ._common import run_instructions

#: Producers that cannot fail in a way a pipe would hide (``echo x | tee file``).
_HARMLESS = frozenset({"echo", "printf", "yes", "true", ":"})


def _sets_pipefail(args: Sequence[str]) -> bool | None:
    """True for ``-o pipefail`` / ``-euo pipefail``, False for ``+o pipefail``, else None."""
    result = None
    for k, arg in enumerate(args[:-1]):
        if args[k + 1] != "pipefail":
            continue
        if arg.startswith("-") and not arg.startswith("--") and arg.endswith("o"):
            result = True
        elif arg == "+o":
            result = False
    return result


@rule(
    code="DF106",
    name="missing-pipefail",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="RUN with a pipe under a POSIX shell without `set -o pipefail`",
)
def missing_pipefail(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in run_instructions(doc):
        script = instr.script
        if script is None or not script.posix or _sets_pipefail(script.shell):
            continue
        pipefail = False
        pipeline: list[Command] = []
        for command in script.commands:
            if command.depth:
                continue
            if command.program == "set":
                state = _sets_pipefail([w.value for w in command.args])
                pipefail = pipefail if state is None else state
            if command.pipe_span is None:
                pipeline = []
                continue
            pipeline.append(command)
            if pipefail or all(c.program in _HARMLESS for c in pipeline):
                continue
            yield Problem(
                command.pipe_span,
                "pipe without pipefail: if a command before `|` fails, the RUN still succeeds; "
                'start the RUN with `set -o pipefail &&` or use SHELL ["/bin/bash", "-o", '
                '"pipefail", "-c"]',
            )
            break
