"""Find the files of a run and say what each one is.

Walks the given paths without following symlinked folders; a symlinked file is followed only
when it resolves inside the scanned root. Skips the default excludes (``.git``,
``node_modules``, ``.terraform``, ``vendor`` …), the config's ``exclude`` globs, and files
ignored by ``.gitignore`` files (root and nested). Explicit file arguments (as pre-commit passes
them) are taken as given, except for config excludes.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ResonanceError
from .model import Target


@dataclass(frozen=True)
class FileEntry:
    path: str  # display path: POSIX, relative to the working directory when below it
    abspath: str
    targets: tuple[Target, ...]  # TEXT comes last; empty for nothing we read
    explicit: bool = False


_WORKFLOW_DIR = re.compile(r"(^|/)\.github/workflows/[^/]+\.ya?ml$")
# Database migrations (XF204): Rails, Django, Alembic, Prisma and plain SQL folders.
_MIGRATION = re.compile(
    r"(^|/)db/migrate/[^/]+\.rb$"
    r"|(^|/)migrations/(?!__init__\.py$)[^/]+\.py$"
    r"|(^|/)versions/[^/]+\.py$"
    r"|(^|/)prisma/migrations/[^/]+/migration\.sql$"
    r"|(^|/)migrations?/[^/]+\.sql$"
)


def classify(path: str, forced: Target | None = None) -> tuple[Target, ...]:
    """Targets of a file by its POSIX path (RULES.md's table); TEXT is always included."""
    name = posixpath.basename(path)
    lower = name.lower()
    targets: list[Target] = []
    if forced is not None:
        targets.append(forced)
    elif lower == ".dockerignore" or lower.endswith(".dockerignore"):
        targets.append(Target.DOCKERIGNORE)
    elif (
        name in ("Dockerfile", "Containerfile")
        or lower.endswith((".dockerfile", ".containerfile"))
        or name.startswith(("Dockerfile.", "Containerfile."))
    ):
        targets.append(Target.DOCKERFILE)
    elif (
        lower == "fly.toml"
        or (lower.startswith("fly.") and lower.endswith(".toml"))
        or (lower.endswith(".fly.toml"))
    ):
        targets.append(Target.FLY)
    elif lower.endswith((".tf", ".tofu", ".tfvars")):
        targets.append(Target.TERRAFORM)
    elif _WORKFLOW_DIR.search(path) or lower in ("action.yml", "action.yaml"):
        targets.append(Target.WORKFLOW)
    elif _MIGRATION.search(path):
        targets.append(Target.MIGRATION)
    targets.append(Target.TEXT)
    return tuple(targets)


def display_path(path: str, cwd: str) -> str:
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, cwd)
    except ValueError:  # pragma: no cover - other drive on Windows
        return Path(absolute).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-flavoured glob: ``**`` spans folders; without ``/`` it matches any name."""
    pat = pattern.strip().rstrip("/")
    anchored = "/" in pat
    pat = pat.lstrip("/")
    out = []
    i = 0
    while i < len(pat):
        ch = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pat.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(ch))
        i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def glob_match(pattern: str, path: str) -> bool:
    """Whether POSIX ``path`` (or one of its parent folders) matches ``pattern``."""
    return bool(_glob_regex(pattern).match(path))


@dataclass(frozen=True)
class _Ignore:
    base: str  # absolute folder of the .gitignore
    spec: Any  # pathspec.GitIgnoreSpec


def _load_gitignore(folder: str) -> _Ignore | None:
    path = os.path.join(folder, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    import pathspec

    return _Ignore(folder, pathspec.GitIgnoreSpec.from_lines(lines))


def _ignored(ignores: Sequence[_Ignore], abspath: str, is_dir: bool) -> bool:
    for ign in ignores:
        rel = Path(os.path.relpath(abspath, ign.base)).as_posix()
        if is_dir:
            rel += "/"
        if ign.spec.match_file(rel):
            return True
    return False


def _parent_gitignores(start: str) -> list[_Ignore]:
    """.gitignore files of the folders above ``start`` up to the git work tree's top."""
    found: list[_Ignore] = []
    folder = start
    while True:
        parent = os.path.dirname(folder)
        if os.path.isdir(os.path.join(folder, ".git")) or os.path.isfile(
            os.path.join(folder, ".git")
        ):
            break
        if parent == folder:
            return []  # not in a git work tree: only the scanned tree's own .gitignore files
        folder = parent
        ign = _load_gitignore(folder)
        if ign is not None:
            found.append(ign)
    return found


@dataclass(frozen=True)
class Discovery:
    files: tuple[FileEntry, ...]
    listing: frozenset[str]


def discover(
    paths: Sequence[str],
    *,
    excludes: Sequence[str] = (),
    exclude_root: str = ".",
    respect_gitignore: bool = True,
    forced: Target | None = None,
    cwd: str | None = None,
) -> Discovery:
    """Every file below ``paths``; ``listing`` holds them all, ``files`` those we read."""
    here = os.path.abspath(cwd or os.getcwd())
    root_abs = os.path.abspath(exclude_root)
    entries: dict[str, FileEntry] = {}

    def excluded(abspath: str) -> bool:
        rel = Path(os.path.relpath(abspath, root_abs)).as_posix()
        return any(glob_match(p, rel) for p in excludes)

    for raw in paths:
        if not os.path.lexists(raw):
            raise ResonanceError(f"path does not exist: {raw}")
        absolute = os.path.abspath(raw)
        if os.path.isdir(absolute) and not os.path.islink(absolute):
            inherited = _parent_gitignores(absolute) if respect_gitignore else []
            for abspath in _walk(absolute, inherited, excluded, respect_gitignore):
                shown = display_path(abspath, here)
                entries.setdefault(shown, FileEntry(shown, abspath, classify(shown, forced)))
        elif os.path.isfile(absolute):
            if excluded(absolute):
                continue
            shown = display_path(absolute, here)
            entries[shown] = FileEntry(shown, absolute, classify(shown, forced), explicit=True)
        # a dangling or folder symlink given explicitly is skipped silently
    files = tuple(sorted(entries.values(), key=lambda e: e.path))
    return Discovery(files, frozenset(entries))


def _walk(
    top: str,
    inherited: list[_Ignore],
    excluded: Any,
    respect_gitignore: bool,
) -> Iterator[str]:
    root_real = os.path.realpath(top)
    stack: list[tuple[str, list[_Ignore]]] = [(top, inherited)]
    while stack:
        folder, ignores = stack.pop()
        if respect_gitignore:
            own = _load_gitignore(folder)
            if own is not None:
                ignores = [*ignores, own]
        try:
            with os.scandir(folder) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs: list[str] = []
        for entry in items:
            abspath = entry.path
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if excluded(abspath) or _is_default_skip(entry.name):
                    continue
                if ignores and _ignored(ignores, abspath, True):
                    continue
                subdirs.append(abspath)
                continue
            if is_link:
                real = os.path.realpath(abspath)
                if not _inside(real, root_real) or not os.path.isfile(real):
                    continue
            elif not entry.is_file(follow_symlinks=False):
                continue  # sockets, fifos, devices
            if excluded(abspath):
                continue
            if ignores and _ignored(ignores, abspath, False):
                continue
            yield abspath
        stack.extend((d, ignores) for d in reversed(subdirs))


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _is_default_skip(name: str) -> bool:
    return name == ".git"


def iter_targets(files: Iterable[FileEntry], target: Target) -> Iterator[FileEntry]:
    return (f for f in files if target in f.targets)
