"""``.dockerignore`` parser and matcher (the semantics of Docker's pattern matcher).

Each non-comment line is a pattern, cleaned as Docker cleans it (surrounding whitespace, a
leading ``/`` or ``./`` and a trailing ``/`` removed, ``..`` resolved); ``!`` re-includes.
A path is excluded when the last pattern matching it, or one of its parent folders, is not a
``!`` pattern. ``*`` and ``?`` do not cross ``/``; ``**`` matches any number of folders.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from ..model import Document, Source, Span, Target

__all__ = ["DockerignoreDocument", "IgnorePattern", "parse"]

_EOL_RE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class IgnorePattern:
    """One pattern: ``pattern`` cleaned and without its ``!``; ``span`` is the text as written."""

    pattern: str
    negated: bool
    span: Span

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        return _compile(self.pattern)

    def matches(self, path: str) -> bool:
        """Whether this pattern matches ``path`` or one of its parent folders."""
        regex = self.regex
        if regex is None:
            return False
        if regex.match(path):
            return True
        parts = path.split("/")
        return any(regex.match("/".join(parts[:k])) for k in range(1, len(parts)))


@dataclass(frozen=True)
class DockerignoreDocument(Document):
    patterns: tuple[IgnorePattern, ...] = ()

    target: ClassVar[Target] = Target.DOCKERIGNORE

    def excludes(self, path: str) -> bool:
        """Whether the context path ``path`` (POSIX, relative to the context) is left out."""
        path = _clean(path)
        excluded = False
        for pattern in self.patterns:
            if pattern.negated == excluded and pattern.matches(path):
                excluded = not pattern.negated
        return excluded


def _clean(pattern: str) -> str:
    cleaned = posixpath.normpath(pattern.replace("\\", "/")) if pattern else pattern
    while cleaned.startswith("/"):
        cleaned = cleaned[1:]
    return "." if cleaned == "" else cleaned


def _compile(pattern: str) -> re.Pattern[str] | None:
    out = ["^"]
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "*":
            if i + 1 < n and pattern[i + 1] == "*":
                i += 2
                if i < n and pattern[i] == "/":
                    i += 1
                    out.append("(?:.*/)?")
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(pattern[i]))
        elif ch == "[":
            close = pattern.find("]", i + 2 if i + 1 < n and pattern[i + 1] in "!^" else i + 1)
            if close < 0:
                return None  # Docker rejects the pattern: it matches nothing
            body = pattern[i + 1 : close]
            if body.startswith(("!", "^")):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close
        else:
            out.append(re.escape(ch))
        i += 1
    out.append("$")
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def parse(source: Source) -> DockerignoreDocument:
    """Parse a ``.dockerignore``; never raises (every line is some pattern or a comment)."""
    text = source.text
    patterns: list[IgnorePattern] = []
    pos = 0
    line_no = 0
    ends = [(m.start(), m.end()) for m in _EOL_RE.finditer(text)]
    ends.append((len(text), len(text)))
    for line_end, next_start in ends:
        line_no += 1
        line = text[pos:line_end]
        pos = next_start
        bom = 0
        if line_no == 1 and line.startswith("\ufeff"):
            line = line[1:]
            bom = 1
        if line.startswith("#"):
            continue
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        negated = stripped.startswith("!")
        body = stripped[1:].strip() if negated else stripped
        if not body:
            continue
        column = lead + 1 + bom
        span = Span(line_no, column, line_no, column + len(stripped))
        patterns.append(IgnorePattern(_clean(body), negated, span))
    return DockerignoreDocument(source=source, patterns=tuple(patterns))
