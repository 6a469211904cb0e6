"""TOML with exact positions: tomllib/tomli for the values, a light scanner for the spans.

tomllib validates the text and gives the values but no positions. This module scans the
(already valid) text once more to find where every key, value, table header and
array-of-tables entry is, and builds the common model: a :class:`~resonance_lint.model.Mapping`
tree whose :class:`~resonance_lint.model.Scalar` leaves carry tomllib's value, a tag (``str``,
``int``, ``float``, ``bool``, ``datetime``) and the exact span of the value token (quotes
included), and whose :class:`~resonance_lint.model.Pair` keys carry the span of the key. For a
table or array of tables the key span is the header's name (``services.concurrency`` in
``[services.concurrency]``); sub-tables of an array of tables attach to its last entry, as TOML
says.

Invalid TOML raises :class:`~resonance_lint.errors.ParseError` at tomllib's line and column;
nothing else ever escapes (deep nesting included).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
import sys
from collections.abc import Mapping as TMapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Union

from ..errors import ParseError
from ..model import Mapping, Node, Pair, Scalar, ScalarValue, Sequence, Source, Span

#: Deeper nesting (arrays, inline tables, tables) is refused with a ParseError.
MAX_DEPTH = 64

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_BLANK = " \t"
_SCALAR_STOP = frozenset(" \t\r\n,]}#")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ESCAPES = MappingProxyType(
    {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "e": "\x1b"}
)
_ERROR_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_ERROR_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


@dataclass(frozen=True)
class TomlTree:
    """A parsed TOML file: the root mapping plus position side tables.

    ``headers`` maps the start ``(line, column)`` of every table and array-of-tables entry
    defined by a header to the span of the header's name; ``statement_starts`` maps every
    continuation line of a multi-line key/value to the line of its key.
    """

    root: Mapping
    headers: TMapping[tuple[int, int], Span] = field(default_factory=dict)
    statement_starts: TMapping[int, int] = field(default_factory=dict)

    def header_span(self, node: Node) -> Span | None:
        """The header-name span of a table or array-of-tables entry, if a header defined it."""
        return self.headers.get((node.span.line, node.span.column))


def parse_toml(source: Source) -> TomlTree:
    """Parse ``source`` into a :class:`TomlTree`; raise ParseError for invalid TOML."""
    data = load(source.text)
    try:
        scanner = _Scanner(source.text)
        scanner.run()
        builder = _Freezer(source)
        root, _start, _end = builder.table(scanner.root, data, 0)
        root = Mapping(root.pairs, source.span_of(0, len(source.text)))
        headers = {
            source.position(start): source.span_of(name_start, name_end)
            for start, (name_start, name_end) in scanner.headers.items()
        }
        starts: dict[int, int] = {}
        for begin, end in scanner.statements:
            first = source.position(begin)[0]
            last = source.position(end)[0]
            for line in range(first + 1, last + 1):
                starts[line] = first
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(f"TOML nesting is deeper than {MAX_DEPTH} levels") from None
    except Exception as exc:  # a scanner bug must not crash the run
        raise ParseError(f"could not recover TOML positions: {exc}") from None
    return TomlTree(root, headers, starts)


def load(text: str) -> dict[str, Any]:
    """tomllib.loads (tomli before Python 3.11) with errors as ParseError."""
    lib = _toml_lib()
    try:
        data: dict[str, Any] = lib.loads(text)
    except lib.TOMLDecodeError as exc:
        raise _decode_error(exc, text) from None
    except RecursionError:
        raise ParseError(f"TOML nesting is deeper than {MAX_DEPTH} levels") from None
    except (ValueError, TypeError, OverflowError) as exc:  # pragma: no cover - defensive
        raise ParseError(f"invalid TOML: {exc}") from None
    return data


def _toml_lib() -> Any:
    name = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    return importlib.import_module(name)


def _decode_error(exc: Exception, text: str) -> ParseError:
    message = str(exc)
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    found = _ERROR_AT.search(message)
    if found:
        message = message[: found.start()]
        if not isinstance(line, int) or not isinstance(column, int):
            line, column = int(found.group(1)), int(found.group(2))
    else:
        end = _ERROR_AT_END.search(message)
        if end:
            message = message[: end.start()]
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
    if not isinstance(line, int) or not isinstance(column, int):
        line, column = 1, 1
    return ParseError(f"invalid TOML: {message.strip() or 'syntax error'}", line, column)


# --- scanning ---------------------------------------------------------------------------------


@dataclass
class _Part:
    name: str
    start: int
    end: int


@dataclass
class _Scalar:
    start: int
    end: int


@dataclass
class _Array:
    start: int
    end: int
    items: list[_Value] = field(default_factory=list)


@dataclass
class _Table:
    start: int = -1  # '[' of its header, '{' of an inline table; -1 when implicit
    end: int = -1
    entries: dict[str, _Entry] = field(default_factory=dict)


@dataclass
class _ArrayOfTables:
    items: list[_Table] = field(default_factory=list)


_Value = Union[_Scalar, _Array, _Table, _ArrayOfTables]


@dataclass
class _Entry:
    name: str
    key_start: int
    key_end: int
    value: _Value


class _Scanner:
    """Finds the positions in valid TOML (tomllib has accepted the text already)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.pos = 0
        self.root = _Table(start=0, end=0)
        self.current = self.root
        self.headers: dict[int, tuple[int, int]] = {}
        self.statements: list[tuple[int, int]] = []

    # low-level helpers

    def error(self, message: str) -> ParseError:
        before = self.text[: self.pos]
        line = before.count("\n") + 1
        column = self.pos - (before.rfind("\n") + 1) + 1
        return ParseError(f"could not recover TOML positions: {message}", line, column)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < self.size else ""

    def skip_blank(self) -> None:
        text, pos, size = self.text, self.pos, self.size
        while pos < size and text[pos] in _BLANK:
            pos += 1
        self.pos = pos

    def skip_comment(self) -> None:
        if self.peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = self.size if end < 0 else end

    def skip_space(self) -> None:
        """Blanks, newlines and comments."""
        text, size = self.text, self.size
        while self.pos < size:
            ch = text[self.pos]
            if ch in " \t\r\n":
                self.pos += 1
            elif ch == "#":
                self.skip_comment()
            else:
                return

    def expect(self, token: str) -> None:
        if not self.text.startswith(token, self.pos):
            raise self.error(f"expected {token!r}")
        self.pos += len(token)

    # document level

    def run(self) -> None:
        while True:
            self.skip_space()
            if self.pos >= self.size:
                break
            if self.text.startswith("[[", self.pos):
                self.array_table_header()
            elif self.peek() == "[":
                self.table_header()
            else:
                start = self.pos
                self.keyval(self.current, 0)
                self.current.end = max(self.current.end, self.pos)
                if "\n" in self.text[start : self.pos]:
                    self.statements.append((start, self.pos))
            self.skip_blank()
            self.skip_comment()
        self.root.end = self.size

    def header_parts(self, close: str) -> tuple[list[_Part], int, int]:
        self.skip_blank()
        parts = self.key()
        self.skip_blank()
        self.expect(close)
        return parts, parts[0].start, parts[-1].end

    def table_header(self) -> None:
        start = self.pos
        self.pos += 1
        parts, name_start, name_end = self.header_parts("]")
        parent = self.descend(self.root, parts[:-1])
        last = parts[-1]
        entry = parent.entries.get(last.name)
        if entry is None:
            table = _Table(start=start, end=self.pos)
            parent.entries[last.name] = _Entry(last.name, name_start, name_end, table)
        elif isinstance(entry.value, _Table):
            table = entry.value
            table.start, table.end = start, self.pos
            entry.key_start, entry.key_end = name_start, name_end
        else:
            raise self.error(f"table {last.name!r} redefined")
        self.headers[start] = (name_start, name_end)
        self.current = table

    def array_table_header(self) -> None:
        start = self.pos
        self.pos += 2
        parts, name_start, name_end = self.header_parts("]]")
        parent = self.descend(self.root, parts[:-1])
        last = parts[-1]
        entry = parent.entries.get(last.name)
        if entry is None:
            array = _ArrayOfTables()
            parent.entries[last.name] = _Entry(last.name, name_start, name_end, array)
        elif isinstance(entry.value, _ArrayOfTables):
            array = entry.value
        else:
            raise self.error(f"{last.name!r} is not an array of tables")
        table = _Table(start=start, end=self.pos)
        array.items.append(table)
        self.headers[start] = (name_start, name_end)
        self.current = table

    def descend(self, table: _Table, parts: list[_Part]) -> _Table:
        """Walk header parts, creating implicit tables; arrays of tables give their last entry."""
        for part in parts:
            entry = table.entries.get(part.name)
            if entry is None:
                child = _Table()
                table.entries[part.name] = _Entry(part.name, part.start, part.end, child)
                table = child
            elif isinstance(entry.value, _Table):
                table = entry.value
            elif isinstance(entry.value, _ArrayOfTables) and entry.value.items:
                table = entry.value.items[-1]
            else:
                raise self.error(f"{part.name!r} is not a table")
        return table

    # keys and values

    def key(self) -> list[_Part]:
        parts: list[_Part] = []
        text = self.text
        while True:
            self.skip_blank()
            start = self.pos
            ch = self.peek()
            if ch == '"':
                name = self.basic_string()
            elif ch == "'":
                end = text.find("'", start + 1)
                if end < 0:
                    raise self.error("unterminated key")
                name = text[start + 1 : end]
                self.pos = end + 1
            else:
                pos = start
                while pos < self.size and text[pos] in _BARE_KEY:
                    pos += 1
                if pos == start:
                    raise self.error("expected a key")
                name = text[start:pos]
                self.pos = pos
            parts.append(_Part(name, start, self.pos))
            self.skip_blank()
            if self.peek() != ".":
                return parts
            self.pos += 1

    def keyval(self, table: _Table, depth: int) -> None:
        parts = self.key()
        self.skip_blank()
        self.expect("=")
        self.skip_blank()
        value = self.value(depth)
        parent = table
        for part in parts[:-1]:
            entry = parent.entries.get(part.name)
            if entry is None:
                child = _Table()
                parent.entries[part.name] = _Entry(part.name, part.start, part.end, child)
                parent = child
            elif isinstance(entry.value, _Table):
                parent = entry.value
            else:
                raise self.error(f"{part.name!r} is not a table")
        last = parts[-1]
        parent.entries[last.name] = _Entry(last.name, last.start, last.end, value)

    def value(self, depth: int) -> _Value:
        if depth >= MAX_DEPTH:
            raise self.error(f"nesting is deeper than {MAX_DEPTH} levels")
        text, start = self.text, self.pos
        ch = self.peek()
        if text.startswith('"""', start):
            self.pos = self.multiline_end(start, '"')
            return _Scalar(start, self.pos)
        if text.startswith("'''", start):
            self.pos = self.multiline_end(start, "'")
            return _Scalar(start, self.pos)
        if ch == '"':
            self.basic_string()
            return _Scalar(start, self.pos)
        if ch == "'":
            end = text.find("'", start + 1)
            if end < 0:
                raise self.error("unterminated string")
            self.pos = end + 1
            return _Scalar(start, self.pos)
        if ch == "[":
            return self.array(depth + 1)
        if ch == "{":
            return self.inline_table(depth + 1)
        pos = start
        while pos < self.size and text[pos] not in _SCALAR_STOP:
            pos += 1
        if (
            _DATE.fullmatch(text, start, pos)
            and pos + 1 < self.size
            and text[pos] == " "
            and text[pos + 1].isdigit()
        ):
            pos += 1
            while pos < self.size and text[pos] not in _SCALAR_STOP:
                pos += 1
        if pos == start:
            raise self.error("expected a value")
        self.pos = pos
        return _Scalar(start, pos)

    def basic_string(self) -> str:
        """Scan a single-line basic string at ``pos``; return its decoded text."""
        text = self.text
        pos = self.pos + 1
        chunks: list[str] = []
        while pos < self.size:
            ch = text[pos]
            if ch == '"':
                self.pos = pos + 1
                return "".join(chunks)
            if ch == "\\" and pos + 1 < self.size:
                code = text[pos + 1]
                if code in _ESCAPES:
                    chunks.append(_ESCAPES[code])
                    pos += 2
                    continue
                width = {"u": 4, "U": 8, "x": 2}.get(code, 0)
                digits = text[pos + 2 : pos + 2 + width]
                if width and len(digits) == width:
                    chunks.append(chr(int(digits, 16)))
                    pos += 2 + width
                    continue
                raise self.error("invalid escape")
            if ch == "\n":
                break
            chunks.append(ch)
            pos += 1
        raise self.error("unterminated string")

    def multiline_end(self, start: int, quote: str) -> int:
        """Offset just after a multi-line string opened at ``start`` (3 quotes)."""
        text = self.text
        pos = start + 3
        closing = quote * 3
        while pos < self.size:
            ch = text[pos]
            if ch == "\\" and quote == '"':
                pos += 2
                continue
            if ch == quote and text.startswith(closing, pos):
                run = 3
                while run < 5 and pos + run < self.size and text[pos + run] == quote:
                    run += 1
                return pos + run
            pos += 1
        raise self.error("unterminated multi-line string")

    def array(self, depth: int) -> _Array:
        array = _Array(self.pos, self.pos)
        self.pos += 1
        while True:
            self.skip_space()
            if self.peek() == "]":
                self.pos += 1
                break
            array.items.append(self.value(depth))
            self.skip_space()
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "]":
                raise self.error("expected ',' or ']'")
        array.end = self.pos
        return array

    def inline_table(self, depth: int) -> _Table:
        table = _Table(start=self.pos)
        self.pos += 1
        while True:
            self.skip_space()
            if self.peek() == "}":
                self.pos += 1
                break
            self.keyval(table, depth)
            self.skip_space()
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "}":
                raise self.error("expected ',' or '}'")
        table.end = self.pos
        return table


# --- building the model -----------------------------------------------------------------------


class _Mismatch(Exception):
    """The scanner and tomllib disagree: a bug, reported as a ParseError."""


class _Freezer:
    """Turns the scanner's tree plus tomllib's data into immutable model nodes."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def node(self, value: _Value, data: Any, depth: int) -> tuple[Node, int, int]:
        if depth > MAX_DEPTH:
            raise ParseError(f"TOML nesting is deeper than {MAX_DEPTH} levels")
        if isinstance(value, _Scalar):
            converted, tag = _scalar(data)
            span = self.source.span_of(value.start, value.end)
            return Scalar(converted, span, tag), value.start, value.end
        if isinstance(value, _Table):
            return self.table(value, data, depth)
        items = value.items
        if not isinstance(data, list) or len(data) != len(items):
            raise _Mismatch("array length")
        nodes: list[Node] = []
        first, last = -1, -1
        for item, item_data in zip(items, data):
            node, start, end = self.node(item, item_data, depth + 1)
            nodes.append(node)
            first = start if first < 0 else min(first, start)
            last = max(last, end)
        if isinstance(value, _Array):
            first, last = value.start, value.end
        span = self.source.span_of(max(first, 0), max(last, 0))
        return Sequence(tuple(nodes), span), first, last

    def table(self, table: _Table, data: Any, depth: int) -> tuple[Mapping, int, int]:
        if not isinstance(data, dict):
            raise _Mismatch("table")
        pairs: list[Pair] = []
        first = table.start
        last = table.end
        for name, entry in table.entries.items():
            if name not in data:
                raise _Mismatch(f"key {name!r}")
            node, start, end = self.node(entry.value, data[name], depth + 1)
            key_span = self.source.span_of(entry.key_start, entry.key_end)
            pairs.append(Pair(Scalar(name, key_span, "str"), node))
            for offset in (entry.key_start, start):
                if offset >= 0:
                    first = offset if first < 0 else min(first, offset)
            last = max(last, end)
        span = self.source.span_of(max(first, 0), max(last, first, 0))
        return Mapping(tuple(pairs), span), first, last


def _scalar(data: Any) -> tuple[ScalarValue, str]:
    if isinstance(data, bool):
        return data, "bool"
    if isinstance(data, int):
        return data, "int"
    if isinstance(data, float):
        return data, "float"
    if isinstance(data, str):
        return data, "str"
    if isinstance(data, (_dt.datetime, _dt.date, _dt.time)):
        return data.isoformat(), "datetime"
    raise _Mismatch(f"scalar {type(data).__name__}")
