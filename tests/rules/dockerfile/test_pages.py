"""Every DF rule page's "Example" fires its rule and its "Use instead" does not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO, hits, hits_multi

PAGES = sorted((REPO / "rules").glob("DF*.md"))
EXAMPLE = re.compile(r"## Example\n```dockerfile\n(.*?)```", re.S)
USE_INSTEAD = re.compile(r"## Use instead\n(?:```\n.*?```\n)?```dockerfile\n(.*?)```", re.S)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_examples(page: Path) -> None:
    code = page.stem
    text = page.read_text(encoding="utf-8")
    example = EXAMPLE.search(text)
    use_instead = USE_INSTEAD.search(text)
    assert example is not None
    assert use_instead is not None
    assert hits("Dockerfile", example.group(1), code) != []
    files = {"Dockerfile": use_instead.group(1)}
    if code == "DF303":
        files[".dockerignore"] = ".git\n.env\n"
    assert hits_multi(files, code) == []
