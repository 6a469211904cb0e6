"""Walk a fly.toml against the schema: unknown keys, invalid values, legacy keys.

One pure pass yields :class:`Event` values; FLY103 keeps the ``unknown`` ones, FLY104 the
``invalid`` ones and FLY110 the ``legacy`` ones.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ... import fly_schema as fs
from ...model import Mapping, Node, Pair, Scalar, Sequence, Span
from ...parsers.fly import FlyDocument

UNKNOWN = "unknown"
INVALID = "invalid"
LEGACY = "legacy"

_NUMERIC = re.compile(r"[+-]?\d+")


@dataclass(frozen=True)
class Event:
    kind: str
    span: Span
    message: str


def walk(doc: FlyDocument) -> Iterator[Event]:
    """Every unknown, invalid and legacy key or value of ``doc``, in file order."""
    events = list(_Walker(doc).section(doc.root, fs.ROOT, ()))
    events.sort(key=lambda e: (e.span.line, e.span.column))
    return iter(events)


def describe(node: Node) -> str:
    """A short description of a value for messages: type and (short) value."""
    if isinstance(node, Mapping):
        return "a table"
    if isinstance(node, Sequence):
        return "an array"
    value = node.value
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"float {value}"
    if node.tag == "datetime":
        return f"date-time {value}"
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f'string "{text}"'


def display(path: tuple[str, ...]) -> str:
    return ".".join(path)


def section_label(path: tuple[str, ...]) -> str:
    return f"`[{display(path)}]`" if path else "the top level"


def key_label(name: str, key: fs.Key, parent: tuple[str, ...]) -> str:
    """How a known key is written: ``[[mounts]]``, ``[http_service.concurrency]``, ``app``."""
    full = display((*parent, name))
    if key.kind == fs.TABLES:
        return f"[[{full}]]"
    if key.kind in (fs.TABLE, fs.MAP):
        return f"[{full}]"
    return name


class _Walker:
    def __init__(self, doc: FlyDocument) -> None:
        self.doc = doc

    # sections

    def section(
        self, node: Mapping, section: fs.Section, path: tuple[str, ...], label: str = ""
    ) -> Iterator[Event]:
        label = label or section_label(path)
        for pair in node.pairs:
            name = str(pair.key.value)
            key = section.keys.get(name)
            if key is None:
                if section.free is not None:
                    yield from self.value(pair, pair.value, section.free, (*path, name))
                else:
                    yield self.unknown(pair, section, path, label)
                continue
            if key.legacy:
                yield Event(LEGACY, pair.key.span, self.legacy_message(pair, key, path, label))
            yield from self.value(pair, pair.value, key, (*path, name))

    def shape_label(self, pair: Pair, path: tuple[str, ...]) -> str:
        """``[[a.b]]`` / ``[a.b]`` when the pair is written as (arrays of) tables, else ""."""
        value = pair.value
        full = display((*path, str(pair.key.value)))
        if (
            isinstance(value, Sequence)
            and value.items
            and all(
                isinstance(i, Mapping) and self.doc.header_span(i) is not None for i in value.items
            )
        ):
            return f"[[{full}]]"
        if isinstance(value, Mapping) and self.doc.header_span(value) is not None:
            return f"[{full}]"
        return ""

    def unknown(self, pair: Pair, section: fs.Section, path: tuple[str, ...], label: str) -> Event:
        name = str(pair.key.value)
        shape = self.shape_label(pair, path)
        if shape:
            what = f"unknown section `{shape}`"
        elif path:
            what = f"unknown key `{name}` in {label}"
        else:
            what = f"unknown key `{name}`"
        hint = self.suggest(name, section, path)
        if hint:
            return Event(UNKNOWN, pair.key.span, f"{what} — did you mean {hint}?")
        return Event(UNKNOWN, pair.key.span, f"{what}; flyctl does not know it")

    def suggest(self, name: str, section: fs.Section, path: tuple[str, ...]) -> str:
        candidates = {known: section.keys[known] for known in section.known()}
        lowered = name.lower().replace("-", "_")
        for known, key in candidates.items():
            if known.replace("-", "_") == lowered:
                return f"`{key_label(known, key, path)}`"
        close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(lowered, list(candidates), n=1, cutoff=0.6)
        if close:
            return f"`{key_label(close[0], candidates[close[0]], path)}`"
        for known, key in candidates.items():  # a key written one level too high
            child = key.section
            if child is not None and name in child.keys and not child.keys[name].legacy:
                return f"`{name}` in `{key_label(known, key, path)}`"
        return ""

    def legacy_message(self, pair: Pair, key: fs.Key, path: tuple[str, ...], label: str) -> str:
        shape = self.shape_label(pair, path)
        if shape:
            return f"legacy section `{shape}`: {key.legacy}"
        where = f" in {label}" if path else ""
        return f"legacy key `{pair.key.value}`{where}: {key.legacy}"

    # values

    def value(self, pair: Pair, node: Node, key: fs.Key, path: tuple[str, ...]) -> Iterator[Event]:
        kind = key.kind
        if kind == fs.TABLE:
            yield from self.table(pair, node, key, path)
        elif kind == fs.TABLES:
            yield from self.tables(node, key, path)
        elif kind == fs.MAP:
            yield from self.map(pair, node, key, path)
        elif kind == fs.HEADERS:
            yield from self.headers(pair, node, key, path)
        else:
            problem = check_scalar(node, key)
            if problem:
                yield Event(INVALID, node.span, f"`{display(path)}` {problem}")

    def table(self, pair: Pair, node: Node, key: fs.Key, path: tuple[str, ...]) -> Iterator[Event]:
        if (
            key.legacy_string
            and isinstance(node, Scalar)
            and isinstance(node.value, str)
            and re.fullmatch(key.legacy_string_pattern, node.value)
        ):
            yield Event(
                LEGACY, pair.key.span, f"legacy `{display(path)}` string: {key.legacy_string}"
            )
            return
        if not isinstance(node, Mapping) or key.section is None:
            yield self.wrong_shape(node, path, f"a table `[{display(path)}]`")
            return
        yield from self.section(node, key.section, path)

    def tables(self, node: Node, key: fs.Key, path: tuple[str, ...]) -> Iterator[Event]:
        assert key.section is not None
        if isinstance(node, Mapping):
            if not key.single:
                yield self.wrong_shape(node, path, f"an array of tables `[[{display(path)}]]`")
                return
            yield from self.section(node, key.section, path)
            return
        label = f"`[[{display(path)}]]`"
        if not isinstance(node, Sequence):
            yield self.wrong_shape(node, path, f"an array of tables `[[{display(path)}]]`")
            return
        for item in node.items:
            if isinstance(item, Mapping):
                yield from self.section(item, key.section, path, label)
            else:
                yield self.wrong_shape(item, path, "tables")

    def map(self, pair: Pair, node: Node, key: fs.Key, path: tuple[str, ...]) -> Iterator[Event]:
        item = key.item or fs.Key(fs.ANY)
        if isinstance(node, Mapping):
            for entry in node.pairs:
                yield from self.value(entry, entry.value, item, (*path, str(entry.key.value)))
            return
        if isinstance(node, Sequence) and key.legacy_list:
            yield Event(
                LEGACY, pair.key.span, f"legacy list form of `{display(path)}`: {key.legacy_list}"
            )
            for element in node.items:
                if not isinstance(element, Mapping):
                    yield self.wrong_shape(element, path, "tables")
                elif key.list_item is not None:
                    yield from self.section(element, key.list_item, path)
                else:
                    yield from self.map(pair, element, fs.Key(fs.MAP, item=item), path)
            return
        yield self.wrong_shape(node, path, f"a table `[{display(path)}]`")

    def headers(
        self, pair: Pair, node: Node, key: fs.Key, path: tuple[str, ...]
    ) -> Iterator[Event]:
        if isinstance(node, Mapping):
            for entry in node.pairs:
                if not isinstance(entry.value, Scalar):
                    yield Event(
                        INVALID,
                        entry.value.span,
                        f"`{display((*path, str(entry.key.value)))}` must be a single value, "
                        f"got {describe(entry.value)}",
                    )
            return
        if isinstance(node, Sequence):
            if node.items:
                yield Event(
                    LEGACY,
                    pair.key.span,
                    f"legacy list form of `{display(path)}`: {key.legacy_list}",
                )
            for element in node.items:
                if isinstance(element, Mapping) and key.list_item is not None:
                    yield from self.section(element, key.list_item, path)
                else:
                    yield self.wrong_shape(element, path, "tables with `name` and `value`")
            return
        yield self.wrong_shape(node, path, f"a table `[{display(path)}]`")

    @staticmethod
    def wrong_shape(node: Node, path: tuple[str, ...], expected: str) -> Event:
        return Event(
            INVALID, node.span, f"`{display(path)}` must be {expected}, got {describe(node)}"
        )


def check_scalar(node: Node, key: fs.Key) -> str | None:
    """Why ``node`` is not a valid value for ``key`` (the message tail), or None."""
    kind = key.kind
    if kind == fs.ANY:
        return None
    if kind == fs.STRINGS:
        return _check_list(node, None)
    if kind == fs.ENUMS:
        return _check_list(node, key.enum)
    if kind == fs.STRING_OR_STRINGS:
        if isinstance(node, Scalar) and isinstance(node.value, str):
            return None
        return _check_list(node, None)
    if not isinstance(node, Scalar):
        return f"must be {_expected(key)}, got {describe(node)}"
    value = node.value
    if kind == fs.STRING:
        return None if isinstance(value, str) else f"must be a string, got {describe(node)}"
    if kind == fs.BOOL:
        return None if isinstance(value, bool) else f"must be true or false, got {describe(node)}"
    if kind in (fs.INT, fs.INT_OR_NUMERIC_STRING, fs.NUMBER):
        return _check_number(node, key)
    if kind == fs.ENUM:
        if isinstance(value, str) and value in key.enum:
            return None
        return f"must be one of {_choices(key.enum)}, got {describe(node)}"
    if kind == fs.SIGNAL:
        if isinstance(value, str) and value.upper() in fs.SIGNALS:
            return None
        return f'must be a signal such as "SIGTERM" or "SIGINT", got {describe(node)}'
    if kind == fs.AUTOSTOP:
        if isinstance(value, bool) or (isinstance(value, str) and value in fs.AUTOSTOP_VALUES):
            return None
        return f'must be "off", "stop", "suspend" or a boolean, got {describe(node)}'
    if kind == fs.DURATION:
        return _check_duration(node, key)
    if kind == fs.SIZE:
        return _check_size(node, key)
    return None


def _expected(key: fs.Key) -> str:
    return {
        fs.STRING: "a string",
        fs.BOOL: "true or false",
        fs.INT: "an integer",
        fs.INT_OR_NUMERIC_STRING: "an integer",
        fs.NUMBER: "a number",
        fs.ENUM: f"one of {_choices(key.enum)}",
        fs.SIGNAL: "a signal name",
        fs.AUTOSTOP: '"off", "stop", "suspend" or a boolean',
        fs.DURATION: 'a duration such as "10s"',
        fs.SIZE: 'a size such as "1gb"',
    }.get(key.kind, "a single value")


def _choices(values: object) -> str:
    items = list(values) if isinstance(values, (list, tuple)) else []
    return ", ".join(f'"{v}"' for v in items)


def _check_list(node: Node, enum: tuple[str, ...] | None) -> str | None:
    if not isinstance(node, Sequence):
        return f"must be an array of strings, got {describe(node)}"
    for item in node.items:
        if not (isinstance(item, Scalar) and isinstance(item.value, str)):
            return f"must be an array of strings, got an item that is {describe(item)}"
        if enum is not None and item.value not in enum:
            return f'has unknown value "{item.value}"; known: {_choices(enum)}'
    return None


def _check_number(node: Scalar, key: fs.Key) -> str | None:
    value = node.value
    number: float | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = float(value)
    elif isinstance(value, float) and key.kind == fs.NUMBER:
        number = value
    elif (
        isinstance(value, str)
        and key.kind == fs.INT_OR_NUMERIC_STRING
        and _NUMERIC.fullmatch(value.strip())
    ):
        number = float(int(value.strip()))
    if number is None:
        return f"must be {_expected(key)}, got {describe(node)}"
    if key.minimum is not None and number < key.minimum:
        return f"must be at least {_fmt(key.minimum)}, got {_fmt(number)}"
    if key.maximum is not None and number > key.maximum:
        return f"must be at most {_fmt(key.maximum)}, got {_fmt(number)}"
    return None


def _check_duration(node: Scalar, key: fs.Key) -> str | None:
    value = node.value
    if isinstance(value, str):
        if not value.strip():
            return None  # flyctl ignores an empty duration
        seconds = fs.go_duration(value)
        if seconds is None:
            return f'is not a duration flyctl can parse ("10s", "1m30s"), got "{value}"'
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if key.unit == "ns":
            return (
                f"is an integer, which flyctl reads as {value} nanoseconds; "
                f'write a duration string such as "{_suggest_duration(value)}"'
            )
        seconds = fs.duration_seconds(value, key.unit)
    else:
        return f'must be a duration such as "10s", got {describe(node)}'
    if seconds is not None and seconds < 0:
        return "must not be negative"
    if seconds is not None and key.maximum is not None and seconds > key.maximum:
        return f"is {_fmt(seconds)}s; the maximum is {_fmt(key.maximum)}s"
    return None


def _suggest_duration(value: float) -> str:
    return f"{int(value)}s" if value < 3600 else f"{int(value // 60)}m"


def _check_size(node: Scalar, key: fs.Key) -> str | None:
    value = node.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not key.int_ok:
        return f'must be a size string such as "10gb", got {describe(node)}'
    amount = fs.size_in_units(value, key.unit)
    if amount is None:
        return f'is not a size flyctl can parse ("1gb", "512mb"), got {describe(node)}'
    if key.minimum is not None and amount < key.minimum:
        return (
            f"is under the minimum of {_fmt(key.minimum)}{key.unit.upper()}, got {describe(node)}"
        )
    if key.maximum is not None and amount > key.maximum:
        return f"is over the maximum of {_fmt(key.maximum)}{key.unit.upper()}"
    return None


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"
