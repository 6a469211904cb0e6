"""Finding literal secrets in fly.toml values (FLY301-FLY304)."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Scalar, Source, Span
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
    """The span of ``value[start:end]`` when the string is written without escapes."""
    span = node.span
    if span.line != span.end_line:
        return span
    raw = source.excerpt(span)
    if len(raw) >= 2 and raw[0] in "\"'" and raw[-1] == raw[0] and raw[1:-1] == node.value:
        column = span.column + 1
        return Span(span.line, column + start, span.line, column + end)
    return span
