from __future__ import annotations

import pytest

from resonance_lint.model import Source, Span
from resonance_lint.parsers.dockerignore import DockerignoreDocument, parse


def ignore(text: str) -> DockerignoreDocument:
    return parse(Source(".dockerignore", text))


def test_patterns_are_cleaned_with_spans() -> None:
    doc = ignore("# comment\n  /.git/  \n!./keep\n\n.env*\r\n")
    assert [(p.pattern, p.negated) for p in doc.patterns] == [
        (".git", False),
        ("keep", True),
        (".env*", False),
    ]
    assert [p.span for p in doc.patterns] == [Span(2, 3, 2, 9), Span(3, 1, 3, 8), Span(5, 1, 5, 6)]


@pytest.mark.parametrize(
    ("text", "path", "excluded"),
    [
        (".git\n", ".git", True),
        (".git\n", ".git/HEAD", True),
        ("*\n", ".env", True),
        ("**\n!.env\n", ".env", False),
        ("*\n!src\n", "src/app.py", False),
        (".env*\n!.env.example\n", ".env.example", False),
        (".env*\n!.env.example\n", ".env", True),
        ("*.env\n", ".env", True),
        (".*\n", ".git", True),
        ("**/.env\n", ".env", True),
        ("**/.env\n", "app/.env", True),
        ("node_modules\n", ".env", False),
        ("[.]git\n", ".git", True),
        ("[unclosed\n", ".git", False),
        ("src/*.py\n", "src/a/b.py", False),
    ],
)
def test_excludes(text: str, path: str, excluded: bool) -> None:
    assert ignore(text).excludes(path) is excluded


def test_bom_and_empty() -> None:
    assert ignore("").patterns == ()
    doc = ignore("\ufeff.git\n")
    assert doc.patterns[0].pattern == ".git"
    assert doc.patterns[0].span == Span(1, 2, 1, 6)
