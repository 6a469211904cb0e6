"""Inline suppressions: ``# resonance-lint: ignore[DF201,latest-base-image] reason``.

- ``ignore[...]`` in a comment at the end of a line covers findings on that line (or, for a
  statement spread over several lines, the whole statement).
- ``ignore[...]`` in a comment on a line of its own covers the next line that is neither blank
  nor a comment (and its whole statement).
- ``ignore-file[...]`` anywhere covers the whole file.
- ``until=YYYY-MM-DD`` after the brackets makes it expire: from that day on it suppresses nothing
  and is reported as RL005.

Comments start with ``#``, ``//`` or ``/*``; the marker must follow one of them on the line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Source, Span

_MARKER = re.compile(
    r"resonance-lint:\s*(?P<kind>ignore-file|ignore)\[(?P<codes>[^\]]*)\]"
    r"(?:\s+until=(?P<until>\d{4}-\d{2}-\d{2}\b|\S+))?"
)
_COMMENT_START = re.compile(r"#|//|/\*")


@dataclass(frozen=True)
class Selector:
    text: str
    span: Span


@dataclass(frozen=True)
class Suppression:
    span: Span  # the marker
    selectors: tuple[Selector, ...]
    file_level: bool
    applies_to: int  # line the suppression covers (0 for file level)
    until: dt.date | None
    until_error: str | None = None

    def expired(self, today: dt.date) -> bool:
        return self.until is not None and self.until < today


def _is_comment_line(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith(("#", "//", "/*", "*"))


def parse_suppressions(source: Source) -> tuple[Suppression, ...]:
    """Every suppression marker in the file, in order."""
    if "resonance-lint:" not in source.text:
        return ()
    lines = source.lines
    found: list[Suppression] = []
    for index, text in enumerate(lines):
        if "resonance-lint:" not in text:
            continue
        for match in _MARKER.finditer(text):
            before = text[: match.start()]
            comment = _COMMENT_START.search(before)
            if comment is None:
                continue
            line = index + 1
            base = match.start("codes")
            selectors: list[Selector] = []
            offset = 0
            for part in match.group("codes").split(","):
                stripped = part.strip()
                if stripped:
                    col = base + offset + (len(part) - len(part.lstrip())) + 1
                    selectors.append(Selector(stripped, Span(line, col, line, col + len(stripped))))
                offset += len(part) + 1
            until: dt.date | None = None
            until_error: str | None = None
            if match.group("until"):
                try:
                    until = dt.date.fromisoformat(match.group("until"))
                except ValueError:
                    until_error = match.group("until")
            file_level = match.group("kind") == "ignore-file"
            standalone = not text[: comment.start()].strip()
            target = line
            if standalone and not file_level:
                target = line + 1
                while target <= len(lines) and (
                    not lines[target - 1].strip() or _is_comment_line(lines[target - 1])
                ):
                    target += 1
            found.append(
                Suppression(
                    span=Span(line, match.start() + 1, line, match.end() + 1),
                    selectors=tuple(selectors),
                    file_level=file_level,
                    applies_to=0 if file_level else target,
                    until=until,
                    until_error=until_error,
                )
            )
    return tuple(found)
