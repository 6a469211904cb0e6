"""What the Dockerfile rules know about package managers and download tools (data tables)."""

from __future__ import annotations

from collections.abc import Iterator

from ...parsers.shell import Command, Word

APT = frozenset({"apt-get", "apt", "aptitude"})
YUM = frozenset({"yum", "dnf", "dnf5", "microdnf", "tdnf"})
APK = frozenset({"apk"})
ZYPPER = frozenset({"zypper"})

#: Options of each package manager that take a separate value (``-o X``), so the value is not
#: mistaken for a subcommand or a package.
APT_VALUE_OPTIONS = frozenset(
    {"-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"}
)
YUM_VALUE_OPTIONS = frozenset(
    {
        "-c",
        "-x",
        "-d",
        "-e",
        "-R",
        "--config",
        "--exclude",
        "--excludepkgs",
        "--setopt",
        "--enablerepo",
        "--disablerepo",
        "--repo",
        "--repoid",
        "--repofrompath",
        "--installroot",
        "--releasever",
        "--forcearch",
        "--downloaddir",
        "--destdir",
        "--debuglevel",
        "--errorlevel",
        "--rpmverbosity",
        "--color",
    }
)
APK_VALUE_OPTIONS = frozenset(
    {
        "-X",
        "-t",
        "-p",
        "--repository",
        "--virtual",
        "--root",
        "--arch",
        "--cache-dir",
        "--keys-dir",
        "--repositories-file",
        "--timeout",
    }
)
ZYPPER_VALUE_OPTIONS = frozenset(
    {
        "-t",
        "-r",
        "-R",
        "-c",
        "-D",
        "-C",
        "--type",
        "--repo",
        "--root",
        "--from",
        "--config",
        "--reposd-dir",
        "--cache-dir",
        "--raw-cache-dir",
        "--solv-cache-dir",
        "--pkg-cache-dir",
        "--installroot",
    }
)

#: Subcommands that may ask for confirmation (and therefore need ``-y``).
APT_CHANGING = frozenset(
    {
        "install",
        "reinstall",
        "upgrade",
        "dist-upgrade",
        "full-upgrade",
        "remove",
        "purge",
        "autoremove",
        "build-dep",
    }
)
YUM_CHANGING = frozenset(
    {
        "install",
        "reinstall",
        "localinstall",
        "groupinstall",
        "update",
        "upgrade",
        "downgrade",
        "distro-sync",
        "remove",
        "erase",
        "autoremove",
        "swap",
        "group",
        "module",
    }
)
ZYPPER_CHANGING = frozenset(
    {
        "install",
        "in",
        "update",
        "up",
        "remove",
        "rm",
        "dist-upgrade",
        "dup",
        "patch",
        "source-install",
        "si",
    }
)

FETCHERS = frozenset(
    {"curl", "wget", "fetch", "iwr", "irm", "invoke-webrequest", "invoke-restmethod"}
)
INTERPRETERS = frozenset(
    {
        "sh",
        "bash",
        "dash",
        "ash",
        "zsh",
        "ksh",
        "mksh",
        "python",
        "python2",
        "python3",
        "perl",
        "ruby",
        "node",
        "php",
        "iex",
        "invoke-expression",
    }
)


def subcommand(
    command: Command, value_options: frozenset[str]
) -> tuple[Word | None, tuple[Word, ...]]:
    """The first operand (``install``) and the operands after it (packages)."""
    operands = command.positionals(value_options)
    if not operands:
        return None, ()
    return operands[0], operands[1:]


def apt_subcommand(command: Command) -> str:
    if command.program not in APT:
        return ""
    sub, _rest = subcommand(command, APT_VALUE_OPTIONS)
    return sub.value if sub is not None else ""


def option_values(command: Command, *names: str) -> Iterator[tuple[Word, str]]:
    """``(word, value)`` for each ``--name=value``, ``--name value`` or ``-o value`` given."""
    args = command.args
    for k, word in enumerate(args):
        value = word.value
        for name in names:
            if value == name and k + 1 < len(args):
                yield args[k + 1], args[k + 1].value
            elif value.startswith(name + "="):
                yield word, value[len(name) + 1 :]
            elif len(name) == 2 and value.startswith(name) and len(value) > 2 and value[1] != "-":
                yield word, value[2:]


def is_dynamic(word: Word) -> bool:
    """A word whose value is computed (a variable or a command substitution)."""
    return "$" in word.raw or "`" in word.raw
