from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import Command, Word
from ..base import RuleContext, rule
from ._common import run_commands
from ._tools import (
    APK,
    APK_VALUE_OPTIONS,
    APT,
    APT_VALUE_OPTIONS,
    YUM,
    YUM_VALUE_OPTIONS,
    ZYPPER,
    ZYPPER_VALUE_OPTIONS,
    is_dynamic,
    subcommand,
)

_YUM_VERSION = re.compile(r"-\d|[<>=]")
_PACKAGE_FILES = (".deb", ".rpm", ".apk")


def _packages(command: Command) -> tuple[str, tuple[Word, ...]]:
    """``(how to pin, package words)`` of an OS package install, else ``("", ())``."""
    program = command.program
    if program in APT:
        sub, rest = subcommand(command, APT_VALUE_OPTIONS)
        if sub is not None and sub.value in ("install", "reinstall"):
            return "=", rest
    elif program in APK:
        sub, rest = subcommand(command, APK_VALUE_OPTIONS)
        if sub is not None and sub.value == "add":
            return "=", rest
    elif program in YUM:
        sub, rest = subcommand(command, YUM_VALUE_OPTIONS)
        if sub is not None and sub.value in ("install", "reinstall", "localinstall"):
            return "-", rest
    elif program in ZYPPER:
        sub, rest = subcommand(command, ZYPPER_VALUE_OPTIONS)
        if sub is not None and sub.value in ("install", "in"):
            return "=", rest
    return "", ()


def _pinned(style: str, package: str) -> bool:
    if style == "-":
        return bool(_YUM_VERSION.search(package))
    return any(ch in package for ch in "=<>~")


def _not_a_package(word: Word) -> bool:
    value = word.value
    return (
        not value
        or is_dynamic(word)
        or value.startswith((".", "/", "~", "@", "-"))
        or "://" in value
        or value.endswith(_PACKAGE_FILES)
    )


@rule(
    code="DF204",
    name="unpinned-os-packages",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.NOTE,
    summary="apt/apk/yum/dnf/zypper packages installed without versions",
)
def unpinned_os_packages(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _instr, command in run_commands(doc):
        style, packages = _packages(command)
        loose = [w for w in packages if not _not_a_package(w) and not _pinned(style, w.value)]
        if not loose:
            continue
        first = loose[0].value
        example = f"{first}-<version>" if style == "-" else f"{first}=<version>"
        names = ", ".join(f"`{w.value}`" for w in loose[:5])
        more = f" and {len(loose) - 5} more" if len(loose) > 5 else ""
        count = "a package" if len(loose) == 1 else f"{len(loose)} packages"
        yield Problem(
            loose[0].span.cover(loose[-1].span),
            f"`{command.program}` installs {count} without a version ({names}{more}), so "
            f"rebuilds get whatever is current; pin each (`{example}`)",
        )
