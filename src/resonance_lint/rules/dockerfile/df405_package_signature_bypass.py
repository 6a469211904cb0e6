from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import Command, Word
from ..base import RuleContext, rule
from ._common import run_commands
from ._tools import APK, APT, YUM, ZYPPER, option_values

_APT_FLAGS = ("--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories")
_APT_OPTIONS = re.compile(
    r"(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|APT::Get::AllowInsecureRepositories)"
    r"\s*=\s*[\"']?(true|1|yes)",
    re.I,
)
_GPGCHECK_OFF = re.compile(r"(^|\.)(repo_)?gpgcheck\s*=\s*(0|false|no)$", re.I)
_TRUSTED_REPO = re.compile(r"\[[^\]]*\btrusted=yes\b", re.I)


def _bypass(command: Command) -> Word | None:
    program = command.program
    if program in APT:
        found = command.flag(*_APT_FLAGS)
        if found is not None:
            return found
        for word, value in option_values(command, "-o", "--option"):
            if _APT_OPTIONS.search(value):
                return word
    elif program in YUM:
        found = command.flag("--nogpgcheck", "--no-gpgchecks")
        if found is not None:
            return found
        for word, value in option_values(command, "--setopt"):
            if _GPGCHECK_OFF.search(value):
                return word
    elif program == "rpm":
        return command.flag("--nosignature", "--nodigest")
    elif program in APK:
        return command.flag("--allow-untrusted")
    elif program in ZYPPER:
        return command.flag("--no-gpg-checks")
    for word in command.args:
        if _TRUSTED_REPO.search(word.value):
            return word
    return None


@rule(
    code="DF405",
    name="package-signature-bypass",
    target=Target.DOCKERFILE,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    summary="Package signature checks turned off (`--allow-unauthenticated`, `--nogpgcheck` …)",
    security_severity=7.5,
)
def package_signature_bypass(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _instr, command in run_commands(doc):
        word = _bypass(command)
        if word is None:
            continue
        if _TRUSTED_REPO.search(word.value):
            message = (
                "`[trusted=yes]` makes apt accept unsigned packages from this repository; "
                "add the repository's signing key with `signed-by=` instead"
            )
        else:
            message = (
                f"`{command.program} {word.value}` installs packages without checking their "
                "signatures; remove it and import the repository's signing key instead"
            )
        yield Problem(word.span, message)
