from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.shell import Command, Word
from ..base import RuleContext, rule
from ._common import run_commands
from ._tools import is_dynamic

_PIP = re.compile(r"pip[0-9.]*$")
_PYTHON = re.compile(r"python[0-9.]*$")
_PIP_VALUE_OPTIONS = frozenset(
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
        "--extra-index-url", "-f", "--find-links", "--trusted-host", "-t", "--target", "--prefix",
        "--root", "--platform", "--python-version", "--implementation", "--abi", "--no-binary",
        "--only-binary", "--progress-bar", "--src", "--upgrade-strategy", "--cache-dir", "--log",
        "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert",
        "--global-option", "--config-settings", "-C", "--report", "--python", "-p",
    }
)  # fmt: skip
_NPM_VALUE_OPTIONS = frozenset(
    {
        "--prefix", "--registry", "--cache", "-w", "--workspace", "--omit", "--include", "--tag",
        "--userconfig", "--loglevel", "--cwd", "--modules-folder", "--network-timeout",
        "--mutex", "--filter", "-C", "--dir",
    }
)  # fmt: skip
_GEM_VALUE_OPTIONS = frozenset(
    {
        "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "-P",
        "--trust-policy", "--platform", "-g", "--file", "--build-root",
    }
)  # fmt: skip
_GO_VALUE_OPTIONS = frozenset(
    {
        "-ldflags",
        "-gcflags",
        "-asmflags",
        "-tags",
        "-mod",
        "-o",
        "-p",
        "-modfile",
        "-pkgdir",
        "-toolexec",
        "-exec",
        "-overlay",
        "-buildmode",
        "-compiler",
        "-gccgoflags",
        "-installsuffix",
        "-pgo",
    }
)
_CARGO_VALUE_OPTIONS = frozenset(
    {
        "--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path", "--root",
        "--index", "--registry", "--target", "--target-dir", "-j", "--jobs", "--features", "-F",
        "--profile", "--bin", "--example", "--config", "-Z", "--color",
    }
)  # fmt: skip
#: Package managers updating themselves are not reported without a version (documented).
_PIP_SELF = frozenset({"pip", "setuptools", "wheel"})
_NPM_SELF = frozenset({"npm"})
_MUTABLE_GO = re.compile(r"(latest|master|main|head|upgrade|patch)$", re.I)
_GO_PINNED = re.compile(r"v\d|[0-9a-f]{7,}$")
_ARCHIVES = (".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".gem")


@dataclass(frozen=True)
class _Install:
    ecosystem: str  # pip, npm, gem, go, cargo
    args: tuple[Word, ...]  # the words after the install subcommand
    command: Command


def _after(words: tuple[Word, ...], *subcommands: str) -> tuple[Word, ...] | None:
    """Words after the first non-option word if it is one of ``subcommands``."""
    for k, word in enumerate(words):
        if word.value.startswith("-"):
            continue
        return words[k + 1 :] if word.value in subcommands else None
    return None


def _install(command: Command) -> _Install | None:
    program = command.program
    args = command.args
    if _PIP.match(program):
        rest = _after(args, "install")
        return _Install("pip", rest, command) if rest is not None else None
    if _PYTHON.match(program) or program == "uv":
        for k, word in enumerate(args[:-1]):
            if (word.value == "-m" and _PIP.match(args[k + 1].value)) or (
                program == "uv" and word.value == "pip"
            ):
                offset = k + 2 if word.value == "-m" else k + 1
                rest = _after(args[offset:], "install")
                return _Install("pip", rest, command) if rest is not None else None
        return None
    if program == "pipx":
        rest = _after(args, "install")
        return _Install("pip", rest, command) if rest is not None else None
    if program in ("npm", "pnpm"):
        rest = _after(args, "install", "i", "add", "isntall")
        return _Install("npm", rest, command) if rest is not None else None
    if program == "yarn":
        rest = _after(args, "add")
        if rest is None:
            global_rest = _after(args, "global")
            rest = _after(global_rest, "add") if global_rest is not None else None
        return _Install("npm", rest, command) if rest is not None else None
    if program == "gem":
        rest = _after(args, "install")
        return _Install("gem", rest, command) if rest is not None else None
    if program == "go":
        rest = _after(args, "install", "get")
        return _Install("go", rest, command) if rest is not None else None
    if program == "cargo":
        rest = _after(args, "install")
        return _Install("cargo", rest, command) if rest is not None else None
    return None


def _operands(words: tuple[Word, ...], value_options: frozenset[str]) -> list[Word]:
    out: list[Word] = []
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        value = word.value
        if value.startswith("-") and len(value) > 1:
            skip = "=" not in value and value in value_options
            continue
        out.append(word)
    return out


def _local(value: str) -> bool:
    return value.startswith((".", "/", "~")) or value.endswith(_ARCHIVES) or value in (".", "..")


def _name(value: str) -> str:
    return re.split(r"[\[=<>!~;@ ]", value, maxsplit=1)[0].lower()


def _pip(install: _Install) -> Iterator[tuple[Word, str]]:
    values = {w.value for w in install.args}
    if values & {"-c", "--constraint"} or any(v.startswith("--constraint=") for v in values):
        return
    for word in _operands(install.args, _PIP_VALUE_OPTIONS):
        value = word.value
        if "://" in value:
            if value.startswith("git+") and "@" not in value.rsplit("/", 1)[-1]:
                yield word, f"{value}@<commit>"
            continue
        if _local(value) or "/" in value or "@" in value or "==" in value:
            continue
        if _name(value) in _PIP_SELF:
            continue
        yield word, f"{_name(value)}==<version>"


def _npm_version(value: str) -> str | None:
    at = value.rfind("@")
    return value[at + 1 :] if at > 0 else None


def _npm(install: _Install) -> Iterator[tuple[Word, str]]:
    for word in _operands(install.args, _NPM_VALUE_OPTIONS):
        value = word.value
        if _local(value) or ":" in value or ("/" in value and not value.startswith("@")):
            continue
        version = _npm_version(value)
        if version is not None and any(ch.isdigit() for ch in version):
            continue
        name = value[: value.rfind("@")] if version is not None else value
        if version is None and name in _NPM_SELF:
            continue
        yield word, f"{name}@<version>"


def _gem(install: _Install) -> Iterator[tuple[Word, str]]:
    if any(
        w.value in ("-v", "--version") or w.value.startswith("--version=") for w in install.args
    ):
        return
    for word in _operands(install.args, _GEM_VALUE_OPTIONS):
        value = word.value
        if _local(value) or ":" in value:
            continue
        yield word, f"{value} -v <version>"


def _go(install: _Install) -> Iterator[tuple[Word, str]]:
    for word in _operands(install.args, _GO_VALUE_OPTIONS):
        value = word.value
        if "@" not in value:
            continue  # module mode: the version comes from go.mod
        version = value.rsplit("@", 1)[1]
        if _MUTABLE_GO.match(version) or not _GO_PINNED.match(version):
            yield word, f"{value.rsplit('@', 1)[0]}@v<version>"


def _cargo(install: _Install) -> Iterator[tuple[Word, str]]:
    values = [w.value.split("=", 1)[0] for w in install.args]
    if "--path" in values or "--version" in values or "--vers" in values:
        return
    if "--git" in values:
        if "--rev" in values or "--tag" in values:
            return
        git = next(w for w in install.args if w.value.split("=", 1)[0] == "--git")
        yield git, "--git <url> --rev <commit>"
        return
    for word in _operands(install.args, _CARGO_VALUE_OPTIONS):
        if "@" in word.value or _local(word.value):
            continue
        yield word, f"{word.value}@<version>"


_CHECKS: Mapping[str, Callable[[_Install], Iterator[tuple[Word, str]]]] = MappingProxyType(
    {"pip": _pip, "npm": _npm, "gem": _gem, "go": _go, "cargo": _cargo}
)


@rule(
    code="DF205",
    name="unpinned-language-packages",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.NOTE,
    summary="pip/npm/gem/go install without versions (or `@latest`)",
)
def unpinned_language_packages(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _instr, command in run_commands(doc):
        install = _install(command)
        if install is None:
            continue
        for word, example in _CHECKS[install.ecosystem](install):
            if is_dynamic(word):
                continue
            yield Problem(
                word.span,
                f"`{command.program}` installs `{word.value}` without a fixed version, so rebuilds "
                f"get whatever is newest; pin it (`{example}`)",
            )
