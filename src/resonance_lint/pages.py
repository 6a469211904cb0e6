"""Rule pages (``rules/<CODE>.md``): shipped in the wheel as ``resonance_lint/_pages``.

In a source checkout (editable install) they are read from the repository's ``rules/`` folder.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _folders() -> tuple[Path, ...]:
    return (_HERE / "_pages", _HERE.parent.parent / "rules")


@cache
def page(code: str) -> str | None:
    """The Markdown page of a rule, or None when it is missing."""
    for folder in _folders():
        candidate = folder / f"{code}.md"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return None


_SECTION = re.compile(r"^## (?P<title>.+?)\s*$", re.MULTILINE)


def section(markdown: str, title: str) -> str:
    """The body of one ``## title`` section (stripped), or an empty string."""
    matches = list(_SECTION.finditer(markdown))
    for index, match in enumerate(matches):
        if match.group("title").strip().lower() == title.lower():
            end = matches[index + 1].start() if index + 1 < len(matches) else len(markdown)
            return markdown[match.end() : end].strip()
    return ""
