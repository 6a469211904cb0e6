"""fly.toml -> :class:`FlyDocument`: the TOML tree plus Fly-shaped accessors.

The accessors normalise what flyctl normalises when it loads a config (``internal/appconfig``
``patches.go``): ``[http_service]`` and ``[[services]]`` are both services; ``[[mounts]]``,
``[mounts]`` and the legacy ``[mount]`` are mounts; ``[[vm]]``, ``[vm]`` and the legacy
``[[compute]]`` are VM sections; ``[env]`` may be the legacy ``[[env]]`` list; top-level
``[checks]`` may be the legacy list of named checks. Rules read these instead of re-deriving
them, and every accessor keeps the nodes (with spans) rules point at.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping as TMapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from ..model import Document, Mapping, Node, Pair, Scalar, Sequence, Source, Span, Target
from .toml import parse_toml


@dataclass(frozen=True)
class Section:
    """One table of a (possibly repeated) section: the table and where to point at it."""

    node: Mapping
    key: Scalar  # the header name ([[mounts]]) or the key of an inline table
    index: int = 0  # position in an array of tables

    @property
    def span(self) -> Span:
        return self.key.span


@dataclass(frozen=True)
class FlyService:
    """An ``[http_service]`` or one ``[[services]]`` entry, normalised."""

    kind: str  # "http_service" or "services"
    section: Section
    headers: TMapping[tuple[int, int], Span] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def node(self) -> Mapping:
        return self.section.node

    @property
    def span(self) -> Span:
        return self.section.span

    @property
    def label(self) -> str:
        if self.kind == "http_service":
            return "[http_service]"
        return f"[[services]] #{self.section.index + 1}"

    @property
    def is_http_service(self) -> bool:
        return self.kind == "http_service"

    @property
    def http_check_key(self) -> str:
        return "checks" if self.is_http_service else "http_checks"

    def _sections(self, key: str) -> tuple[Section, ...]:
        pair = self.node.pair(key)
        return sections_of(pair, self.headers) if pair is not None else ()

    @property
    def http_checks(self) -> tuple[Section, ...]:
        return self._sections(self.http_check_key)

    @property
    def tcp_checks(self) -> tuple[Section, ...]:
        return () if self.is_http_service else self._sections("tcp_checks")

    @property
    def machine_checks(self) -> tuple[Section, ...]:
        return self._sections("machine_checks")

    @property
    def ports(self) -> tuple[Section, ...]:
        return () if self.is_http_service else self._sections("ports")

    @property
    def has_health_checks(self) -> bool:
        """Proxy health checks (HTTP or TCP) that gate routing and deploys."""
        return bool(self.http_checks or self.tcp_checks)

    @property
    def protocol(self) -> str:
        value = scalar_str(self.node.scalar("protocol"))
        return "tcp" if self.is_http_service else (value or "").lower()

    @property
    def handlers(self) -> frozenset[str]:
        """Every handler of every port (``http``, ``tls`` …); http_service has http + tls."""
        if self.is_http_service:
            return frozenset({"http", "tls"})
        found: set[str] = set()
        for port in self.ports:
            found.update(string_items(port.node.get("handlers")))
        return frozenset(h.lower() for h in found)

    @property
    def is_http(self) -> bool:
        """Serves HTTP: ``[http_service]``, or a ``[[services]]`` port with the http handler."""
        return self.is_http_service or "http" in self.handlers

    @property
    def concurrency(self) -> Mapping | None:
        return self.node.mapping("concurrency")

    @property
    def is_empty(self) -> bool:
        return not self.node.pairs


@dataclass(frozen=True)
class FlyCheck:
    """A top-level ``[checks.<name>]`` check."""

    name: str
    section: Section

    @property
    def node(self) -> Mapping:
        return self.section.node


@dataclass(frozen=True)
class FlyDocument(Document):
    """A parsed fly.toml (or any TOML linted as a Fly config)."""

    root: Mapping = field(default_factory=lambda: Mapping((), Span(1, 1, 1, 1)))
    headers: TMapping[tuple[int, int], Span] = field(default_factory=dict)
    statement_starts: TMapping[int, int] = field(default_factory=dict)

    target: ClassVar[Target] = Target.FLY

    def statement_start(self, line: int) -> int:
        return self.statement_starts.get(line, line)

    # --- generic helpers ---------------------------------------------------------------

    def sections(self, *keys: str, node: Mapping | None = None) -> tuple[Section, ...]:
        """Every table under ``keys`` (aliases in order), whether a table or an array of tables."""
        base = self.root if node is None else node
        found: list[Section] = []
        for key in keys:
            pair = base.pair(key)
            if pair is not None:
                found.extend(sections_of(pair, self.headers))
        return tuple(found)

    def section(self, key: str) -> Mapping | None:
        return self.root.mapping(key)

    # --- top level ---------------------------------------------------------------------

    @property
    def app(self) -> Scalar | None:
        return self.root.scalar("app")

    @property
    def app_name(self) -> str | None:
        return scalar_str(self.app)

    @property
    def primary_region(self) -> Scalar | None:
        return self.root.scalar("primary_region")

    @property
    def anchor(self) -> Span:
        """Where to report a whole-file finding: the ``app`` key, else line 1."""
        pair = self.root.pair("app")
        return pair.key.span if pair is not None else Span.point(1, 1)

    @property
    def build(self) -> Mapping | None:
        return self.root.mapping("build")

    @property
    def deploy(self) -> Mapping | None:
        return self.root.mapping("deploy")

    @property
    def experimental(self) -> Mapping | None:
        return self.root.mapping("experimental")

    @property
    def http_service(self) -> Mapping | None:
        return self.root.mapping("http_service")

    @property
    def processes(self) -> Mapping | None:
        """The ``[processes]`` map (the legacy list form gives None)."""
        return self.root.mapping("processes")

    @property
    def process_names(self) -> tuple[str, ...]:
        procs = self.processes
        return procs.keys() if procs is not None else ()

    @cached_property
    def env(self) -> tuple[Pair, ...]:
        """Every ``[env]`` entry, also from the legacy ``[[env]]`` list form."""
        return tuple(pair for section in self.sections("env") for pair in section.node.pairs)

    @cached_property
    def build_args(self) -> tuple[Pair, ...]:
        build = self.build
        args = build.mapping("args") if build is not None else None
        return args.pairs if args is not None else ()

    @cached_property
    def services(self) -> tuple[FlyService, ...]:
        """``[http_service]`` first, then every ``[[services]]`` entry, in file order."""
        found = [
            FlyService(kind, section, self.headers)
            for kind in ("http_service", "services")
            for section in self.sections(kind)
        ]
        return tuple(found)

    @cached_property
    def checks(self) -> tuple[FlyCheck, ...]:
        """Top-level named checks (``[checks.<name>]``, or the legacy list with ``name``)."""
        pair = self.root.pair("checks")
        if pair is None:
            return ()
        if isinstance(pair.value, Mapping):
            return tuple(
                FlyCheck(str(p.key.value), Section(p.value, p.key))
                for p in pair.value.pairs
                if isinstance(p.value, Mapping)
            )
        found: list[FlyCheck] = []
        for section in sections_of(pair, self.headers):
            name = scalar_str(section.node.scalar("name")) or f"#{section.index + 1}"
            found.append(FlyCheck(name, section))
        return tuple(found)

    @cached_property
    def mounts(self) -> tuple[Section, ...]:
        return self.sections("mounts", "mount")

    @cached_property
    def vms(self) -> tuple[Section, ...]:
        return self.sections("vm", "compute", "computes")

    @cached_property
    def metrics(self) -> tuple[Section, ...]:
        return self.sections("metrics", "metric")

    @cached_property
    def files(self) -> tuple[Section, ...]:
        return self.sections("files")

    @cached_property
    def statics(self) -> tuple[Section, ...]:
        return self.sections("statics")

    @property
    def has_any_health_check(self) -> bool:
        """Any service check or top-level check (what flyctl's HasHealthChecks counts)."""
        return bool(self.checks) or any(s.has_health_checks for s in self.services)

    def header_span(self, node: Node) -> Span | None:
        return self.headers.get((node.span.line, node.span.column))


def sections_of(pair: Pair, headers: TMapping[tuple[int, int], Span]) -> tuple[Section, ...]:
    """The tables of ``pair``: its table, or each table of its array (others are skipped)."""
    value = pair.value
    if isinstance(value, Mapping):
        return (Section(value, pair.key, 0),)
    if not isinstance(value, Sequence):
        return ()
    found: list[Section] = []
    for index, item in enumerate(value.items):
        if not isinstance(item, Mapping):
            continue
        span = headers.get((item.span.line, item.span.column))
        if span is None:  # an inline table in an array: point at its brace
            span = Span(item.span.line, item.span.column, item.span.line, item.span.column + 1)
        found.append(Section(item, Scalar(pair.key.value, span, "str"), index))
    return tuple(found)


def scalar_str(node: Node | None) -> str | None:
    """The value of a string scalar, else None."""
    if isinstance(node, Scalar) and isinstance(node.value, str):
        return node.value
    return None


def string_items(node: Node | None) -> Iterator[str]:
    """The strings of a list (or of a single string)."""
    if isinstance(node, Scalar) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Scalar) and isinstance(item.value, str):
                yield item.value


def parse(source: Source) -> FlyDocument:
    """Parse a fly.toml; raise ParseError for invalid TOML."""
    tree = parse_toml(source)
    return FlyDocument(
        source=source,
        root=tree.root,
        headers=tree.headers,
        statement_starts=tree.statement_starts,
    )
