"""Generic YAML -> model nodes with exact spans, and ``${{ }}`` expressions inside scalars.

PyYAML's libyaml binding composes the node graph (about 0.17 ms per real workflow; the pure
Python composer is about 14 times slower and is used only when libyaml is missing). Nodes keep
start/end marks whose ``index`` counts characters of the decoded text, so every key and scalar
gets an exact :class:`~resonance_lint.model.Span`.

Semantics follow YAML 1.2 where it matters for GitHub Actions:

* mapping keys are always strings (``on``, ``yes``, ``off`` stay what they say);
* plain values resolve with the YAML 1.2 core schema: ``true``/``false`` (any case) are booleans,
  ``null``/``~``/empty are null, decimal/``0o``/``0x`` integers and floats are numbers; anything
  else, and every quoted or block scalar, is a string;
* anchors and aliases are converted once and the same model object is reused, so aliases never
  expand exponentially; a document whose alias-expanded size is over :data:`MAX_NODES`, or that
  nests deeper than :data:`MAX_DEPTH`, or whose aliases are recursive, is a :class:`ParseError`;
* merge keys (``<<``) are not merged (GitHub Actions does not support them): ``<<`` stays a key;
* duplicate keys are kept (the first wins on lookup) and recorded in :attr:`YamlTree.duplicates`;
* a stream with several documents is a :class:`ParseError` (GitHub reads one document).

The ``yaml`` library is imported inside :func:`load` only: importing this module is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import ParseError
from ..model import Mapping, Node, Pair, Scalar, ScalarValue, Sequence, Source, Span

MAX_DEPTH = 200
"""Deepest nesting of collections accepted (real workflows nest fewer than 15 levels)."""

MAX_NODES = 250_000
"""Largest alias-expanded node count accepted (a guard against alias bombs)."""

_CORE_TAGS = frozenset(
    {
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    }
)

_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_OCT_RE = re.compile(r"0o[0-7]+\Z")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF_RE = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN_RE = re.compile(r"\.(?:nan|NaN|NAN)\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Expression:
    """One ``${{ ... }}`` inside a scalar.

    ``text`` is the expression without the delimiters, stripped; ``raw`` is the whole
    ``${{ ... }}`` as it appears in the scalar's value; ``span`` is its place in the file (the
    whole scalar's span when the exact place cannot be recovered, e.g. across folded lines).
    """

    text: str
    raw: str
    span: Span
    exact: bool = True

    def subspan(self, start: int, end: int) -> Span:
        """The span of ``raw[start:end]`` (falls back to the whole expression's span)."""
        span = self.span
        if self.exact and span.line == span.end_line:
            return Span(span.line, span.column + start, span.line, span.column + end)
        return span


@dataclass(frozen=True)
class YamlScalar(Scalar):
    """A scalar that remembers where its text is, to locate offsets inside its value.

    ``style`` is ``""`` (plain), ``"'"``, ``'"'``, ``"|"`` or ``">"``; ``start``/``end`` are the
    character offsets of the scalar's source text (block scalars start at their ``|``/``>``).
    """

    style: str = ""
    start: int = 0
    end: int = 0
    expressions: tuple[Expression, ...] = ()


@dataclass(frozen=True)
class DuplicateKey:
    """A key that appears twice in one mapping: ``key`` is the later one."""

    key: Scalar
    first: Scalar


@dataclass(frozen=True)
class YamlTree:
    """A composed YAML document: ``root`` is ``None`` for an empty (or null) document."""

    root: Node | None
    duplicates: tuple[DuplicateKey, ...] = ()


# --- public helpers ---------------------------------------------------------------------------


def expressions(scalar: Scalar) -> tuple[Expression, ...]:
    """The ``${{ }}`` expressions inside ``scalar``'s value, each with its own span."""
    if isinstance(scalar, YamlScalar):
        return scalar.expressions
    if isinstance(scalar.value, str) and "${{" in scalar.value:
        return tuple(
            Expression(text, scalar.value[s:e], scalar.span, exact=False)
            for s, e, text in scan_expressions(scalar.value)
        )
    return ()


def scan_expressions(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, inner_text)`` of every complete ``${{ ... }}`` in ``text``.

    The closing ``}}`` is searched outside single-quoted expression strings (``'it''s'``).
    """
    pos = text.find("${{")
    n = len(text)
    while pos != -1:
        i = pos + 3
        in_string = False
        end = -1
        while i < n:
            ch = text[i]
            if in_string:
                if ch == "'":
                    if i + 1 < n and text[i + 1] == "'":
                        i += 1
                    else:
                        in_string = False
            elif ch == "'":
                in_string = True
            elif ch == "}" and i + 1 < n and text[i + 1] == "}":
                end = i + 2
                break
            i += 1
        if end == -1:
            return
        yield pos, end, text[pos + 3 : end - 2].strip()
        pos = text.find("${{", end)


def locate(source: Source, scalar: Scalar, start: int, end: int) -> Span:
    """The span of ``scalar.value[start:end]`` in the file (the scalar's span when unknown)."""
    if isinstance(scalar, YamlScalar) and isinstance(scalar.value, str):
        found = _map_offsets(source.text, scalar, start, end)
        if found is not None:
            return source.span_of(found[0], found[1])
    return scalar.span


# --- offsets inside scalars -------------------------------------------------------------------


def _map_offsets(text: str, scalar: YamlScalar, vstart: int, vend: int) -> tuple[int, int] | None:
    value = scalar.value
    assert isinstance(value, str)
    if not 0 <= vstart <= vend <= len(value):
        return None
    style = scalar.style
    src_start, src_end = scalar.start, scalar.end
    if style in ("|", ">"):
        if style == "|":
            exact = _map_literal(text, scalar, vstart, vend)
            if exact is not None:
                return exact
        newline = _LINE_BREAK.search(text, src_start, src_end)
        if newline is None:
            return None
        return _map_by_occurrence(text, newline.end(), src_end, value, vstart, vend)
    segment_start, segment_end = src_start, src_end
    if style in ("'", '"'):
        segment_start, segment_end = src_start + 1, src_end - 1
    if text[segment_start:segment_end] == value:
        return segment_start + vstart, segment_start + vend
    return _map_by_occurrence(text, segment_start, segment_end, value, vstart, vend)


def _map_by_occurrence(
    text: str, seg_start: int, seg_end: int, value: str, vstart: int, vend: int
) -> tuple[int, int] | None:
    """Find ``value[vstart:vend]`` in the source segment by its occurrence number."""
    sub = value[vstart:vend]
    if not sub or value.count(sub) != text.count(sub, seg_start, seg_end):
        return None
    nth = value.count(sub, 0, vstart)
    pos = seg_start - 1
    for _ in range(nth + 1):
        pos = text.find(sub, pos + 1, seg_end)
        if pos == -1:
            return None
    return pos, pos + len(sub)


def _map_literal(text: str, scalar: YamlScalar, vstart: int, vend: int) -> tuple[int, int] | None:
    """Map offsets in a literal block scalar line by line (value lines = source lines)."""
    value = scalar.value
    assert isinstance(value, str)
    header_break = _LINE_BREAK.search(text, scalar.start, scalar.end)
    if header_break is None:
        return None
    first_line = value.count("\n", 0, vstart)
    last_line = value.count("\n", 0, vend)
    value_lines = value.split("\n")
    pos = header_break.end()
    result: list[int] = []
    wanted = ((first_line, vstart), (last_line, vend))
    line_no = 0
    for target_line, offset in wanted:
        while line_no < target_line:
            brk = _LINE_BREAK.search(text, pos, scalar.end)
            if brk is None:
                return None
            pos = brk.end()
            line_no += 1
        brk = _LINE_BREAK.search(text, pos, len(text))
        line_end = brk.start() if brk is not None else len(text)
        src_line = text[pos:line_end]
        value_line = value_lines[target_line] if target_line < len(value_lines) else ""
        if not src_line.endswith(value_line):
            return None
        line_start_in_value = value.rfind("\n", 0, offset) + 1
        column = offset - line_start_in_value
        result.append(pos + len(src_line) - len(value_line) + column)
    return result[0], result[1]


# --- loading ----------------------------------------------------------------------------------


@cache
def _parser_class() -> Any:
    """libyaml's event parser (the pure-Python one when PyYAML was built without libyaml)."""
    import yaml

    try:
        from yaml._yaml import CParser

        return CParser
    except ImportError:  # pragma: no cover - PyYAML without libyaml

        class _PureParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
            def __init__(self, stream: str) -> None:
                yaml.reader.Reader.__init__(self, stream)
                yaml.scanner.Scanner.__init__(self)
                yaml.parser.Parser.__init__(self)

        return _PureParser


def load(source: Source) -> YamlTree:
    """Build model nodes from ``source``; raise :class:`ParseError` for unparsable input.

    The event stream is consumed with an explicit stack (no recursion): nesting is limited to
    :data:`MAX_DEPTH` before any deep structure is built, whatever the libyaml version.
    """
    import yaml

    text = source.text
    base = 0
    if text.startswith("\ufeff"):
        base = 1
        text = text[1:]
    parser: Any = None
    builder = _Builder(source, base)
    try:
        parser = _parser_class()(text)
        while parser.check_event():
            builder.feed(parser.get_event())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        if mark is not None:
            raise ParseError(message, mark.line + 1, mark.column + 1) from None
        raise ParseError(message) from None
    except yaml.reader.ReaderError as exc:
        line, column = source.position(min(exc.position + base, len(source.text)))
        char = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        raise ParseError(f"unacceptable character U+{code:04X}", line, column) from None
    except ParseError:
        raise
    except RecursionError:  # pragma: no cover - the builder does not recurse
        raise ParseError(f"nesting deeper than {MAX_DEPTH} levels") from None
    except Exception as exc:  # libyaml reports some errors without marks
        raise ParseError(str(exc) or type(exc).__name__) from None
    finally:
        dispose = getattr(parser, "dispose", None) if parser is not None else None
        if dispose is not None:
            dispose()
    root = builder.root
    if root is None or (isinstance(root, Scalar) and root.value is None):
        return YamlTree(None)  # no document, ``---`` alone, or ``~``
    return YamlTree(root, tuple(builder.duplicates))


class _Frame:
    """An open mapping or sequence while its events arrive."""

    __slots__ = ("anchor", "items", "key", "mapping", "seen", "size", "start_event")

    def __init__(self, mapping: bool, start_event: Any) -> None:
        self.mapping = mapping
        self.start_event = start_event
        self.anchor: str | None = start_event.anchor
        self.items: list[Any] = []
        self.key: YamlScalar | None = None
        self.seen: dict[str, Scalar] = {}
        self.size = 1


class _Builder:
    """Turns PyYAML events into model nodes; aliases reuse the anchored node's model object."""

    def __init__(self, source: Source, base: int) -> None:
        from yaml import events

        self.source = source
        self.text = source.text
        self.base = base
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.root: Node | None = None
        self.documents = 0
        self.duplicates: list[DuplicateKey] = []
        self.use_marks = not any(ch in self.text for ch in "\x85\u2028\u2029")
        self.events = events

    def _error(self, message: str, mark: Any) -> ParseError:
        return ParseError(message, mark.line + 1, mark.column + 1)

    def feed(self, event: Any) -> None:
        events = self.events
        kind = type(event)
        if kind is events.ScalarEvent:
            frame = self.stack[-1] if self.stack else None
            as_key = frame is not None and frame.mapping and frame.key is None
            scalar = self._scalar(event, event.start_mark, event.end_mark, key=as_key)
            if event.anchor is not None:
                self.anchors[event.anchor] = (scalar, 1)
            self._deliver(scalar, 1, event)
        elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
            if len(self.stack) >= MAX_DEPTH:
                raise self._error(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
            frame = self.stack[-1] if self.stack else None
            if frame is not None and frame.mapping and frame.key is None:
                raise self._error("complex mapping keys are not supported", event.start_mark)
            self.stack.append(_Frame(kind is events.MappingStartEvent, event))
        elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
            done = self.stack.pop()
            start = done.start_event.start_mark
            span = self._place(start, event.end_mark)[2]
            collection: Node
            if done.mapping:
                collection = Mapping(tuple(done.items), span)
            else:
                collection = Sequence(tuple(done.items), span)
            if done.anchor is not None:
                self.anchors[done.anchor] = (collection, done.size)
            self._deliver(collection, done.size, done.start_event)
        elif kind is events.AliasEvent:
            name = event.anchor
            if any(frame.anchor == name for frame in self.stack):
                raise self._error("recursive alias", event.start_mark)
            found = self.anchors.get(name)
            if found is None:
                raise self._error(f"found undefined alias {name!r}", event.start_mark)
            target, size = found
            frame = self.stack[-1] if self.stack else None
            if frame is not None and frame.mapping and frame.key is None:
                target = self._alias_key(target, event)
            self._deliver(target, size, event)
        elif kind is events.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise self._error(
                    "expected a single document in the stream but found another document",
                    event.start_mark,
                )

    def _deliver(self, node: Node, size: int, event: Any) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        frame.size += size
        if frame.size > MAX_NODES:
            raise self._error(f"alias expansion exceeds {MAX_NODES} nodes", event.start_mark)
        if not frame.mapping:
            frame.items.append(node)
            return
        if frame.key is None:
            assert isinstance(node, YamlScalar)
            frame.key = node
            return
        key = frame.key
        frame.key = None
        name = str(key.value)
        first = frame.seen.get(name)
        if first is None:
            frame.seen[name] = key
        else:
            self.duplicates.append(DuplicateKey(key, first))
        frame.items.append(Pair(key, node))

    def _alias_key(self, node: Node, event: Any) -> YamlScalar:
        if not isinstance(node, Scalar):
            raise self._error("complex mapping keys are not supported", event.start_mark)
        start, end, span = self._place(event.start_mark, event.end_mark)
        raw = "" if node.value is None else str(node.value)
        return YamlScalar(raw, span, "str", "", start, end)

    def _place(self, start_mark: Any, end_mark: Any) -> tuple[int, int, Span]:
        """Source offsets ``[start, end)`` between two marks and their span (trailing blanks
        trimmed from the span).

        The start mark's 0-based line/column (in characters) is used directly unless the text
        holds line breaks that YAML 1.1 knows but :class:`Source` does not; the end is counted
        from the start (libyaml's end marks are off at the end of a stream without a newline).
        """
        base = self.base
        text = self.text
        start = start_mark.index + base
        end = end_mark.index + base
        if end < start:
            end = start
        trimmed = end
        while trimmed > start and text[trimmed - 1] in " \t\r\n":
            trimmed -= 1
        if not self.use_marks:
            return start, end, self.source.span_of(start, trimmed)
        line = start_mark.line + 1
        column = start_mark.column + 1 + (base if line == 1 else 0)
        if trimmed == start:
            return start, end, Span(line, column, line, column)
        breaks = text.count("\n", start, trimmed) + text.count("\r", start, trimmed)
        if breaks == 0:
            return start, end, Span(line, column, line, column + trimmed - start)
        breaks -= text.count("\r\n", start, trimmed)
        line_start = max(text.rfind("\n", start, trimmed), text.rfind("\r", start, trimmed)) + 1
        end_line, end_column = line + breaks, trimmed - line_start + 1
        return start, end, Span(line, column, end_line, end_column)

    def _span_of(self, start: int, end: int) -> Span:
        """Like :meth:`Source.span_of`, without building the whole file's line table."""
        if not self.use_marks:
            return self.source.span_of(start, end)
        text = self.text
        line, column = _position(text, 0, 1, start)
        end_line, end_column = _position(text, start, line, end)
        return Span(line, column, end_line, end_column)

    def _scalar(self, event: Any, start_mark: Any, end_mark: Any, *, key: bool) -> YamlScalar:
        raw: str = event.value
        style = event.style or ""
        start, end, span = self._place(start_mark, end_mark)
        tag = event.tag
        value: ScalarValue
        if key:
            value, kind = raw, "str"
        elif (tag is None and not style and event.implicit[0]) or tag in _CORE_TAGS:
            value, kind = resolve_plain(raw)
        else:
            value, kind = raw, "str"
        found: tuple[Expression, ...] = ()
        if isinstance(value, str) and "${{" in value:
            if not key:
                kind = "expr"
            probe = YamlScalar(value, span, kind, style, start, end)
            found = tuple(self._expressions(probe))
        return YamlScalar(value, span, kind, style, start, end, found)

    def _expressions(self, scalar: YamlScalar) -> Iterator[Expression]:
        value = scalar.value
        assert isinstance(value, str)
        for start, end, inner in scan_expressions(value):
            mapped = _map_offsets(self.text, scalar, start, end)
            if mapped is None:
                yield Expression(inner, value[start:end], scalar.span, exact=False)
            else:
                yield Expression(inner, value[start:end], self._span_of(mapped[0], mapped[1]))


def _position(text: str, origin: int, origin_line: int, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``: ``origin`` (<= ``offset``) is on ``origin_line``."""
    breaks = text.count("\n", origin, offset) + text.count("\r", origin, offset)
    breaks -= text.count("\r\n", origin, offset)
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return origin_line + breaks, offset - line_start + 1


def resolve_plain(raw: str) -> tuple[ScalarValue, str]:
    """A plain scalar's value and tag under the YAML 1.2 core schema."""
    if raw in _NULLS:
        return None, "null"
    lowered = raw.lower()
    if lowered == "true":
        return True, "bool"
    if lowered == "false":
        return False, "bool"
    first = raw[0]
    if first.isdigit() or first in "+-.":
        if _INT_RE.match(raw):
            return int(raw), "int"
        if _OCT_RE.match(raw):
            return int(raw[2:], 8), "int"
        if _HEX_RE.match(raw):
            return int(raw[2:], 16), "int"
        if _FLOAT_RE.match(raw):
            return float(raw), "float"
        if _INF_RE.match(raw):
            return (float("-inf") if raw[0] == "-" else float("inf")), "float"
        if _NAN_RE.match(raw):
            return float("nan"), "float"
    return raw, "str"
