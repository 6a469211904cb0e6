"""Rule pages (``rules/<CODE>.md``) and ``references/``, shipped in the wheel as
``resonance_lint/_pages`` and ``resonance_lint/_references``.

In a source checkout (editable install) they are read from the repository's folders.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _read(packaged: str, checkout: str, name: str) -> str | None:
    for folder in (_HERE / packaged, _HERE.parent.parent / checkout):
        candidate = folder / name
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return None


@cache
def page(code: str) -> str | None:
    """The Markdown page of a rule, or None when it is missing."""
    return _read("_pages", "rules", f"{code}.md")


@cache
def reference(name: str) -> str | None:
    """A document of ``references/`` (e.g. ``production_readiness_checklist.md``)."""
    return _read("_references", "references", name)


_SECTION = re.compile(r"^## (?P<title>.+?)\s*$", re.MULTILINE)


def section(markdown: str, title: str) -> str:
    """The body of one ``## title`` section (stripped), or an empty string."""
    matches = list(_SECTION.finditer(markdown))
    for index, match in enumerate(matches):
        if match.group("title").strip().lower() == title.lower():
            end = matches[index + 1].start() if index + 1 < len(matches) else len(markdown)
            return markdown[match.end() : end].strip()
    return ""
