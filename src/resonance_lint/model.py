"""The common model: every parser produces it, every rule reads only it.

Positions are 1-based lines and 1-based columns counted in characters; ``end_column`` is
exclusive (the column just after the last character), as in SARIF regions.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, Union

if TYPE_CHECKING:
    from .secrets import SecretMatch


class Target(str, enum.Enum):
    """What kind of file a document is (or, for PROJECT, the whole run)."""

    DOCKERFILE = "dockerfile"
    DOCKERIGNORE = "dockerignore"
    FLY = "fly"
    TERRAFORM = "terraform"
    TERRAFORM_MODULE = "terraform-module"
    WORKFLOW = "workflow"
    MIGRATION = "migration"
    TEXT = "text"
    PROJECT = "project"
    ENGINE = "engine"


class Category(enum.IntEnum):
    ENGINE = 0
    READINESS = 1
    ROLLBACK = 2
    SECRET = 3
    SECURITY = 4

    @property
    def label(self) -> str:
        return self.name.lower()


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


@dataclass(frozen=True, order=True)
class Span:
    """A region of a file: 1-based line/column, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column + 1)

    @classmethod
    def whole_line(cls, line: int, text: str) -> Span:
        return cls(line, 1, line, max(len(text), 1) + 1)

    def contains(self, other: Span) -> bool:
        return (self.line, self.column) <= (other.line, other.column) and (
            other.end_line,
            other.end_column,
        ) <= (self.end_line, self.end_column)

    def cover(self, other: Span) -> Span:
        """The smallest span covering both."""
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(start[0], start[1], end[0], end[1])


@dataclass(frozen=True)
class Source:
    """A file's text as read from disk, with its display path (POSIX, relative when possible)."""

    path: str
    text: str

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The file's lines without terminators.

        Only ``\\r\\n``, ``\\n`` and ``\\r`` end a line (not form feeds or Unicode separators,
        as ``str.splitlines`` would have it), matching :meth:`position`.
        """
        lines = _LINE_BREAK.split(self.text)
        if lines and lines[-1] == "":
            lines.pop()
        return tuple(lines)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` (empty when out of range)."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return ""

    def excerpt(self, span: Span) -> str:
        """The text covered by ``span`` (lines joined with ``\\n``)."""
        if span.line == span.end_line:
            return self.line(span.line)[span.column - 1 : span.end_column - 1]
        parts = [self.line(span.line)[span.column - 1 :]]
        parts.extend(self.line(n) for n in range(span.line + 1, span.end_line))
        parts.append(self.line(span.end_line)[: span.end_column - 1])
        return "\n".join(parts)

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        return (0, *(m.end() for m in _LINE_BREAK.finditer(self.text)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset into ``text``."""
        starts = self._line_starts
        index = bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def span_of(self, start: int, end: int) -> Span:
        """The span of the character offsets ``[start, end)``."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)


# --- generic structured nodes (TOML, YAML, HCL attribute values) -------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

ScalarValue = Union[str, int, float, bool, None]


@dataclass(frozen=True)
class Scalar:
    """A leaf value. ``tag`` says what it was in the source (``str``, ``int``, ``expr`` …)."""

    value: ScalarValue
    span: Span
    tag: str = ""


@dataclass(frozen=True)
class Pair:
    key: Scalar
    value: Node

    @property
    def span(self) -> Span:
        return self.key.span.cover(self.value.span)


@dataclass(frozen=True)
class Mapping:
    pairs: tuple[Pair, ...]
    span: Span
    # Key -> first pair with that key (later duplicates are for GHA106 and the like to report).
    # Built once: mappings are looked up far more often than they are built.
    _index: dict[str, Pair] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, Pair] = {}
        for pair in self.pairs:
            index.setdefault(str(pair.key.value), pair)
        object.__setattr__(self, "_index", index)

    def pair(self, key: str) -> Pair | None:
        return self._index.get(key)

    def get(self, key: str) -> Node | None:
        found = self._index.get(key)
        return found.value if found is not None else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._index

    def keys(self) -> tuple[str, ...]:
        return tuple(str(p.key.value) for p in self.pairs)

    def scalar(self, key: str) -> Scalar | None:
        node = self.get(key)
        return node if isinstance(node, Scalar) else None

    def mapping(self, key: str) -> Mapping | None:
        node = self.get(key)
        return node if isinstance(node, Mapping) else None

    def sequence(self, key: str) -> Sequence | None:
        node = self.get(key)
        return node if isinstance(node, Sequence) else None


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    span: Span

    def __iter__(self) -> Iterator[Node]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


Node = Union[Scalar, Mapping, Sequence]


def to_python(node: Node) -> object:
    """Plain Python data (dict/list/scalars) of a node tree, for rules that only need values."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return {str(p.key.value): to_python(p.value) for p in node.pairs}


# --- documents ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One parsed file. Targets subclass this with their own model."""

    source: Source

    target: ClassVar[Target] = Target.TEXT

    @property
    def path(self) -> str:
        return self.source.path

    def statement_start(self, line: int) -> int:
        """First line of the statement containing ``line`` (for multi-line instructions).

        Inline suppressions written above a statement cover every line of it.
        """
        return line


@dataclass(frozen=True)
class TextDocument(Document):
    """Any text file; the secret rules (SEC) read these."""

    target: ClassVar[Target] = Target.TEXT

    @cached_property
    def secrets(self) -> tuple[SecretMatch, ...]:
        """Every secret in the file, scanned once and shared by the SEC rules."""
        from .secrets import scan_text

        return scan_text(self.source.text, self.source.path)


@dataclass(frozen=True)
class Related:
    """Another place that explains a finding (the other file of a cross-file rule)."""

    path: str
    span: Span
    message: str


@dataclass(frozen=True)
class Problem:
    """What a rule yields: where and what. The engine adds code, severity and path.

    ``severity`` is for the rare rule whose catalogue row names a lesser case (DF301: an ARG
    without a default is a warning); the config's severity for the rule still wins over it.
    """

    span: Span
    message: str
    path: str | None = None
    related: tuple[Related, ...] = ()
    secret_hash: str | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Finding:
    """A stamped result of a run."""

    code: str
    path: str
    span: Span
    message: str
    severity: Severity
    related: tuple[Related, ...] = ()
    secret_hash: str | None = None
    fingerprint: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)


@dataclass(frozen=True)
class Project:
    """Every document of a run, plus the listing of all files under the root.

    ``files`` holds POSIX paths (the same form as ``Document.path``) of every file discovery saw,
    target or not, so rules can ask whether ``.dockerignore`` or a migration exists.
    """

    root: str
    documents: tuple[Document, ...]
    files: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def _by_path(self) -> dict[str, list[Document]]:
        index: dict[str, list[Document]] = {}
        for doc in self.documents:
            index.setdefault(doc.path, []).append(doc)
        return index

    @cached_property
    def _by_target(self) -> dict[Target, tuple[Document, ...]]:
        index: dict[Target, list[Document]] = {}
        for doc in self.documents:
            index.setdefault(doc.target, []).append(doc)
        return {target: tuple(docs) for target, docs in index.items()}

    def of_target(self, target: Target) -> Iterator[Document]:
        return iter(self._by_target.get(target, ()))

    def document(self, path: str, target: Target) -> Document | None:
        for doc in self._by_path.get(path, ()):
            if doc.target == target:
                return doc
        return None
