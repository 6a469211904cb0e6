"""Helpers shared by the FLY rules: checks, strategies, autostop, durations, image refs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ... import fly_schema as fs
from ...model import Mapping, Scalar, Span
from ...parsers.fly import FlyDocument, FlyService, Section, scalar_str

AUTOSTOP_ON = frozenset({"stop", "suspend"})


@dataclass(frozen=True)
class CheckRef:
    """A health check anywhere in fly.toml."""

    kind: str  # "http" or "tcp"
    section: Section
    label: str  # how to name it in a message: "[[http_service.checks]]", "[checks.status]"
    service: FlyService | None = None  # None for top-level [checks]

    @property
    def node(self) -> Mapping:
        return self.section.node

    @property
    def span(self) -> Span:
        return self.section.span


def service_checks(service: FlyService) -> Iterator[CheckRef]:
    label = f"[[{service.kind}.{service.http_check_key}]]"
    for section in service.http_checks:
        yield CheckRef("http", section, label, service)
    for section in service.tcp_checks:
        yield CheckRef("tcp", section, "[[services.tcp_checks]]", service)


def all_checks(doc: FlyDocument) -> Iterator[CheckRef]:
    """Service checks of every service, then the top-level ``[checks]``."""
    for service in doc.services:
        yield from service_checks(service)
    for check in doc.checks:
        kind = (scalar_str(check.node.scalar("type")) or "").lower()
        yield CheckRef(kind, check.section, f"[checks.{check.name}]")


def autostop_on(node: Scalar | None) -> bool:
    """``auto_stop_machines`` stops Machines: ``true``, ``"stop"`` or ``"suspend"``."""
    if node is None:
        return False
    if isinstance(node.value, bool):
        return node.value
    return isinstance(node.value, str) and node.value.lower() in AUTOSTOP_ON


def strategy(doc: FlyDocument) -> Scalar | None:
    deploy = doc.deploy
    return deploy.scalar("strategy") if deploy is not None else None


def check_seconds(node: Mapping, key: str) -> tuple[Scalar | None, float | None]:
    """A check timing value and its seconds (integers are milliseconds)."""
    value = node.scalar(key)
    if value is None:
        return None, None
    return value, fs.duration_seconds(value.value, "ms")


def number(node: Scalar | None) -> float | None:
    if node is None or isinstance(node.value, bool):
        return None
    if isinstance(node.value, (int, float)):
        return float(node.value)
    return None


def seconds_text(seconds: float) -> str:
    if seconds >= 1 and float(seconds).is_integer():
        return f"{int(seconds)}s"
    if seconds < 1:
        return f"{seconds * 1000:g}ms"
    return f"{seconds:g}s"
