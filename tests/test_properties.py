"""Property-based tests over every parser (bounded for CI; see README "Fuzzing" for longer runs).

For arbitrary text built from each format's pieces: the parser raises nothing but ParseError;
every span it produces lies inside the file; the text under a key's span is that key.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from resonance_lint.errors import ParseError  # noqa: E402
from resonance_lint.model import Document, Mapping, Pair, Source, Span  # noqa: E402
from resonance_lint.parsers import (  # noqa: E402
    dockerfile,
    dockerignore,
    fly,
    migration,
    terraform,
    workflow,
)

# Longer local runs: RESONANCE_FUZZ_EXAMPLES=20000 pytest tests/test_properties.py
EXAMPLES = int(os.environ.get("RESONANCE_FUZZ_EXAMPLES", "120"))

PIECES: dict[str, tuple[str, Callable[[Source], Document], list[str]]] = {
    "dockerfile": (
        "Dockerfile",
        dockerfile.parse,
        [
            "FROM node:22 AS b",
            "RUN a && b | c",
            "RUN <<EOF",
            "EOF",
            "\\",
            "# escape=`",
            'CMD ["a", "b"]',
            'ENV A=1 B="2"',
            "ARG X=${Y:-z}",
            "COPY --from=b /a /b",
            "\t",
            "é",
        ],
    ),
    "fly": (
        "fly.toml",
        fly.parse,
        [
            'app = "x"',
            "[http_service]",
            "internal_port = 8080",
            "[[services]]",
            "a.b = 1",
            '"q k" = 2',
            'x = """',
            '"""',
            "arr = [1,",
            "2]",
            "t = { a = 1 }",
            "# c",
            "\r",
        ],
    ),
    "terraform": (
        "main.tf",
        terraform.parse,
        [
            'resource "aws_s3_bucket" "b" {',
            "}",
            'x = "${var.a}"',
            "y = [1, {a = 2}]",
            "<<EOT",
            "EOT",
            "// c",
            "/* c */",
            "z = a ? b : c",
            "for_each = { for k, v in x : k => v }",
        ],
    ),
    "workflow": (
        ".github/workflows/ci.yml",
        workflow.parse,
        [
            "on: push",
            "jobs:",
            "  a:",
            "    runs-on: x",
            "    steps:",
            "      - run: |",
            "          echo ${{ github.event.issue.title }}",
            "- &a [1]",
            "- *a",
            "{",
            "}",
            "\t",
        ],
    ),
    "dockerignore": (".dockerignore", dockerignore.parse, [".git", "!keep", "**/*.env", "#c"]),
    "migration": (
        "db/migrate/1_x.rb",
        migration.parse,
        ["def change", "remove_column :a, :b", "def down", "drop_table :x", "# drop_table"],
    ),
}


def spans(value: Any) -> Iterator[Span]:
    """Every Span reachable from a document (dataclass fields, tuples, mappings)."""
    stack = [value]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if isinstance(item, Span):
            yield item
            continue
        if isinstance(item, (str, int, float, bool, type(None), Source)) or id(item) in seen:
            continue
        seen.add(id(item))
        if dataclasses.is_dataclass(item):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
        elif hasattr(item, "values") and callable(item.values):
            stack.extend(item.values())


def pairs(value: Any) -> Iterator[Pair]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            for pair in item.pairs:
                yield pair
                stack.append(pair.value)
        elif dataclasses.is_dataclass(item) and not isinstance(item, (Span, Source)):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, tuple):
            stack.extend(item)


def check(kind: str, text: str) -> None:
    name, parse, _ = PIECES[kind]
    source = Source(name, text)
    failure: ParseError | None = None
    try:
        doc = parse(source)
    except ParseError as error:
        failure = error
    if failure is not None:
        assert failure.line >= 1
        assert failure.column >= 1
        return
    lines = source.lines
    last = max(len(lines), 1)
    for span in spans(doc):
        assert 1 <= span.line <= span.end_line <= last + 1, (span, kind)
        if span.line == span.end_line:
            assert span.column <= span.end_column, (span, kind)
        assert 1 <= span.column <= len(source.line(span.line)) + 2, (span, kind)
    for pair in pairs(doc):
        key = str(pair.key.value)
        excerpt = source.excerpt(pair.key.span)
        if pair.key.tag == "str" and excerpt and key.isidentifier():
            # A dotted or quoted key may show more than the key itself, never something else.
            assert key in excerpt or excerpt in key, (key, excerpt, kind)


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_parsers_on_generated_text(kind: str) -> None:
    pieces = PIECES[kind][2]

    @settings(max_examples=EXAMPLES, deadline=None, database=None)
    @given(
        st.lists(st.sampled_from(pieces), max_size=14),
        st.text(max_size=20),
        st.sampled_from(["\n", "\r\n"]),
    )
    def run(lines: list[str], noise: str, newline: str) -> None:
        check(kind, newline.join(lines) + noise)

    run()


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_parsers_on_arbitrary_text(kind: str) -> None:
    @settings(max_examples=max(EXAMPLES * 2 // 3, 1), deadline=None, database=None)
    @given(st.text(max_size=120))
    def run(text: str) -> None:
        check(kind, text)

    run()


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_the_walk_sees_spans(kind: str) -> None:
    """The properties above are not vacuous: a valid document has spans (and keys)."""
    name, parse, _ = PIECES[kind]
    valid = {
        "dockerfile": "FROM node:22\nRUN a | b\n",
        "fly": 'app = "x"\n[http_service]\ninternal_port = 8080\n',
        "terraform": 'resource "a" "b" {\n  x = 1\n}\n',
        "workflow": "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n",
        "dockerignore": ".git\n",
        "migration": "def change\n  remove_column :a, :b\nend\n",
    }[kind]
    doc = parse(Source(name, valid))
    assert list(spans(doc))
    if kind in ("fly", "workflow"):
        assert {"app", "on"} & {str(p.key.value) for p in pairs(doc)}
