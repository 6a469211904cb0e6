from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Callable

from ...model import Category, Problem, Severity, Span, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import Command, Word
from ..base import RuleContext, rule
from ._common import copy_like, run_commands
from ._tools import APT, option_values


def _falsy(value: str) -> bool:
    return value.strip().strip("\"'").lower() in ("0", "false", "no", "off")


def _set(value: str) -> bool:
    return bool(value.strip().strip("\"'"))


#: Environment variables that turn TLS verification off, with the test on their value.
INSECURE_ENV: Mapping[str, Callable[[str], bool]] = MappingProxyType(
    {
        "GIT_SSL_NO_VERIFY": _set,
        "NODE_TLS_REJECT_UNAUTHORIZED": lambda v: v.strip().strip("\"'") == "0",
        "PYTHONHTTPSVERIFY": lambda v: v.strip().strip("\"'") == "0",
        "PIP_TRUSTED_HOST": _set,
        "NPM_CONFIG_STRICT_SSL": _falsy,
        "YARN_ENABLE_STRICT_SSL": _falsy,
        "YARN_STRICT_SSL": _falsy,
    }
)
_FIX = "remove it and install the CA certificate you need instead"
_CURL_VALUE_LETTERS = frozenset("AbcCdDeEFHKmoPQrtTuUwxXyYz")
_SSL_VERIFY_OFF = re.compile(r"^http\.(?:[^=]*\.)?sslverify=(false|0|no|off)$", re.I)
_APT_VERIFY_OFF = re.compile(
    r"Acquire::https::(?:[^:]+::)?Verify-(Peer|Host)\s*=\s*[\"']?(false|0|no)", re.I
)
_NPM_TOOLS = frozenset({"npm", "yarn", "pnpm"})
_PIP_TOOLS = re.compile(r"(pip[0-9.]*|python[0-9.]*|uv|pipx)$")


def _curl_insecure(command: Command) -> Word | None:
    for word in command.args:
        value = word.value
        if value in ("--insecure", "--proxy-insecure"):
            return word
        if value.startswith("-") and not value.startswith("--") and value[1:].isalpha():
            for letter in value[1:]:
                if letter == "k":
                    return word
                if letter in _CURL_VALUE_LETTERS:
                    break
    return None


def _config_set(command: Command, keys: frozenset[str]) -> Word | None:
    """``<tool> config set <key> false`` / ``<tool> set <key>=false`` turning verification off."""
    operands = [w for w in command.args if not w.value.startswith("-")]
    values = [w.value for w in operands]
    for k, value in enumerate(values):
        key, sep, inline = value.partition("=")
        if key.lower() not in keys:
            continue
        setting = inline if sep else (values[k + 1] if k + 1 < len(values) else "")
        if ("set" in values[:k] or "config" in values[:k]) and _falsy(setting):
            return operands[k]
    return None


def _insecure_word(command: Command) -> Word | None:
    program = command.program.lower()
    if program == "curl":
        return _curl_insecure(command)
    if program == "wget":
        return command.flag("--no-check-certificate")
    if _PIP_TOOLS.match(program):
        found = command.flag("--trusted-host")
        if found is not None:
            return found
        values = [w.value for w in command.args]
        if "config" in values:
            for word in command.args:
                if word.value.lower().endswith(".trusted-host") or word.value.lower().startswith(
                    "global.trusted-host"
                ):
                    return word
        return None
    if program in _NPM_TOOLS:
        for word in command.args:
            if re.match(r"--strict-ssl=(false|0)$", word.value, re.I):
                return word
        return _config_set(command, frozenset({"strict-ssl", "enablestrictssl"}))
    if program == "git":
        for word, value in option_values(command, "-c"):
            if _SSL_VERIFY_OFF.match(value):
                return word
        return (
            _config_set(command, frozenset({"http.sslverify"}))
            if "config" in [w.value for w in command.args]
            else None
        )
    if program in APT:
        for word, value in option_values(command, "-o", "--option"):
            if _APT_VERIFY_OFF.search(value):
                return word
    return None


def _env_assignments(command: Command) -> Iterator[tuple[Word, str, str]]:
    """``NAME=value`` words of a command: prefix assignments, ``env``/``export`` arguments."""
    words = list(command.assignments) + list(command.wrappers)
    if command.program in ("export", "declare", "typeset", "env"):
        words.extend(command.args)
    for word in words:
        name, sep, value = word.value.partition("=")
        if sep:
            yield word, name, value


@rule(
    code="DF404",
    name="tls-verification-disabled",
    target=Target.DOCKERFILE,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    summary="TLS verification turned off (`curl -k`, `--trusted-host`, `GIT_SSL_NO_VERIFY` …)",
    security_severity=7.5,
)
def tls_verification_disabled(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    found: list[tuple[Span, str]] = []
    for _instr, command in run_commands(doc):
        word = _insecure_word(command)
        if word is not None:
            found.append(
                (
                    word.span,
                    f"`{command.program} {word.value}` turns off TLS certificate checks, so a "
                    f"man-in-the-middle can replace what is downloaded; {_FIX}",
                )
            )
        for word, name, value in _env_assignments(command):
            check = INSECURE_ENV.get(name.upper())
            if check is not None and check(value):
                found.append(
                    (
                        word.span,
                        f"`{name}={value}` turns off TLS certificate checks; {_FIX}",
                    )
                )
    for instr in copy_like(doc, "ENV", "ARG"):
        for pair in instr.pairs:
            check = INSECURE_ENV.get(pair.key.upper())
            if check is not None and pair.value is not None and check(pair.value):
                found.append(
                    (
                        pair.key_span,
                        f"{instr.keyword} `{pair.key}={pair.value}` turns off TLS certificate "
                        f"checks for every later command; {_FIX}",
                    )
                )
    for span, message in sorted(found, key=lambda item: item[0]):
        yield Problem(span, message)
