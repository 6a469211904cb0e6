from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import POSIX_SHELLS, Command
from ..base import RuleContext, rule
from ._common import run_instructions
from ._tools import FETCHERS, INTERPRETERS

_FIX = "download it to a file, check its checksum or signature, then run it"
#: Options after which an interpreter runs inline code or a module, not its stdin.
_INLINE = frozenset({"-c", "-e", "-m", "-r", "--eval", "--command", "-command", "-file"})
_SHELL_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O"})
_FETCH_SUBST = re.compile(r"""^["']?(\$\(|<\(|`)\s*(curl|wget)\b""", re.I)
_CURL_OUTPUT = re.compile(r"-[a-zA-Z]*[oO][a-zA-Z]*")
_WGET_STDOUT = re.compile(r"-[a-zA-Z]*O(-|/dev/stdout)")
_WGET_OUTPUT = re.compile(r"-[a-zA-Z]*O")


def _writes_stdout(command: Command) -> bool:
    """Whether a download command sends the body to stdout (wget only does with ``-O -``)."""
    values = [w.value for w in command.args]
    program = command.program
    for k, value in enumerate(values):
        following = values[k + 1] if k + 1 < len(values) else ""
        to_stdout = following in ("-", "/dev/stdout")
        if program == "curl":
            if value in (
                "--output",
                "--remote-name",
                "--remote-name-all",
            ) or _CURL_OUTPUT.fullmatch(value):
                return to_stdout
            if value.startswith("--output="):
                return value.endswith(("=-", "=/dev/stdout"))
        elif program == "wget":
            if _WGET_STDOUT.fullmatch(value) or value in (
                "--output-document=-",
                "--output-document=/dev/stdout",
            ):
                return True
            if _WGET_OUTPUT.fullmatch(value) or value == "--output-document":
                return to_stdout
    return program != "wget"


def _runs_stdin(command: Command) -> bool:
    """Whether an interpreter executes what it reads on stdin."""
    program = command.program.lower()
    if program in ("iex", "invoke-expression"):
        return True
    shell = program in POSIX_SHELLS
    if shell and command.flag("-s"):
        return True
    for word in command.args:
        value = word.value
        if value == "--" or not value.startswith("-"):
            break
        if value in _INLINE or (shell and value[1:].isalpha() and "c" in value[1:]):
            return False
    operands = command.positionals(_SHELL_VALUE_OPTIONS)
    return not operands or operands[0].value == "-"


@rule(
    code="DF207",
    name="pipe-to-shell",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`curl … | sh` and the like: unverified remote code at build time",
)
def pipe_to_shell(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in run_instructions(doc):
        script = instr.script
        if script is None:
            continue
        for pipeline in script.pipelines():
            fetch = next(
                (c for c in pipeline if c.program.lower() in FETCHERS and _writes_stdout(c)), None
            )
            if fetch is None:
                continue
            for command in pipeline:
                if command.pipe_index <= fetch.pipe_index or command.name is None:
                    continue
                if command.program.lower() in INTERPRETERS and _runs_stdin(command):
                    yield Problem(
                        command.name.span,
                        f"`{fetch.program} … | {command.program}` runs a downloaded script "
                        f"without verifying it; {_FIX}",
                    )
                    break
        for command in script.commands:
            if command.program not in INTERPRETERS and command.program not in (
                "eval",
                "source",
                ".",
            ):
                continue
            for word in command.args:
                match = _FETCH_SUBST.match(word.raw)
                if match:
                    yield Problem(
                        word.span,
                        f"`{command.program}` runs a script downloaded by `{match.group(2)}` "
                        f"without verifying it; {_FIX}",
                    )
                    break
