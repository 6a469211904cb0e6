"""Finding literal secrets in fly.toml values (FLY301-FLY304)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...model import Pair, Scalar, Source, Span
from ...secrets import is_placeholder, is_sensitive_name, mask, scan_value, secret_hash


@dataclass(frozen=True)
class Leak:
    """A secret found in a value: where, what kind, and its hash."""

    span: Span
    kind: str
    preview: str
    hash: str


def find_secret(source: Source, name: str, node: Scalar, *, sensitive: bool = False) -> Leak | None:
    """The secret in string value ``node`` of key ``name``, if any.

    A known token or credential anywhere in the value is a secret; so is any literal,
    non-placeholder value of a key whose name says it holds a secret (``sensitive`` forces that
    reading, e.g. for an ``Authorization`` header).
    """
    value = node.value
    if not isinstance(value, str) or not value.strip():
        return None
    matches = scan_value(value)
    if matches:
        match = matches[0]
        return Leak(
            _inner_span(source, node, match.start, match.end),
            match.kind,
            mask(match.value),
            secret_hash(match.value),
        )
    if (sensitive or is_sensitive_name(name)) and not is_placeholder(value):
        return Leak(node.span, "literal value", mask(value), secret_hash(value))
    return None


def _inner_span(source: Source, node: Scalar, start: int, end: int) -> Span:
    """The span of ``value[start:end]`` when the string is written as is (no escapes).

    Pointing at the secret itself (not the whole string) puts the finding on the secret's
    line, so a SEC finding for the same secret is recognised as a duplicate.
    """
    span = node.span
    raw = source.excerpt(span)
    quote = raw[:3] if raw[:3] in ('"""', "'''") else raw[:1]
    if quote not in ('"', "'", '"""', "'''") or not raw.endswith(quote):
        return span
    inner = raw[len(quote) : len(raw) - len(quote)]
    lead = ""
    if len(quote) == 3 and inner.startswith("\n"):  # TOML trims a newline after the quotes
        lead, inner = "\n", inner[1:]
    if inner != node.value:
        return span
    begin = _advance(span.line, span.column + len(quote), lead + inner[:start])
    finish = _advance(begin[0], begin[1], inner[start:end])
    return Span(begin[0], begin[1], finish[0], finish[1])


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The position after ``text`` written from (``line``, ``column``)."""
    newlines = text.count("\n")
    if not newlines:
        return line, column + len(text)
    return line + newlines, len(text) - text.rfind("\n")


def leaks(source: Source, pairs: Iterable[Pair]) -> Iterator[tuple[str, Leak]]:
    """``(name, leak)`` for each ``name = value`` pair whose literal value is a secret."""
    for pair in pairs:
        if isinstance(pair.value, Scalar):
            name = str(pair.key.value)
            leak = find_secret(source, name, pair.value)
            if leak is not None:
                yield name, leak
