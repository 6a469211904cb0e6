"""What a rule is: metadata plus a pure generator over the model.

A rule module looks like this::

    @rule(
        code="DF201",
        name="latest-base-image",
        target=Target.DOCKERFILE,
        category=Category.ROLLBACK,
        severity=Severity.ERROR,
        summary="FROM with tag `latest`",
    )
    def check(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
        ...
        yield Problem(span, "message")

The decorator returns a :class:`Rule` value; nothing is registered globally. ``registry.py`` lists
every rule explicitly. A check does no I/O and keeps no state; severity, suppressions and the
finding's code and path are the engine's business.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Generic, TypeVar

from ..model import Category, Problem, Project, Severity, Target

HELP_BASE = "https://github.com/resonance-lint/resonance-lint/blob/main/rules/"

D = TypeVar("D")


@dataclass(frozen=True)
class RuleContext:
    """What a check may consult besides its document: the whole project and its options."""

    project: Project
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def option(self, name: str) -> Any:
        return self.options[name]


@dataclass(frozen=True)
class RuleMeta:
    code: str
    name: str
    target: Target
    category: Category
    severity: Severity
    summary: str
    enabled: bool = True
    security_severity: float | None = None
    precision: str = "high"
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    tags: tuple[str, ...] = ()

    @property
    def help_uri(self) -> str:
        return f"{HELP_BASE}{self.code}.md"

    @property
    def all_tags(self) -> tuple[str, ...]:
        base = [self.category.label, self.target.value]
        if self.category >= Category.SECRET:
            base.append("security")
        return tuple(dict.fromkeys([*base, *self.tags]))


@dataclass(frozen=True)
class Rule(Generic[D]):
    meta: RuleMeta
    check: Callable[[D, RuleContext], Iterable[Problem]]

    @property
    def code(self) -> str:
        return self.meta.code

    def __reduce__(self) -> tuple[Callable[[str, str], Rule[Any]], tuple[str, str]]:
        # The decorated name holds the Rule, so pickle by reference to it (process pools).
        return (_load_rule, (self.check.__module__, self.check.__name__))

    @property
    def name(self) -> str:
        return self.meta.name


def _load_rule(module: str, name: str) -> Rule[Any]:
    import importlib

    found = getattr(importlib.import_module(module), name)
    if not isinstance(found, Rule):
        raise TypeError(f"{module}.{name} is not a rule")
    return found


def rule(
    *,
    code: str,
    name: str,
    target: Target,
    category: Category,
    severity: Severity,
    summary: str,
    enabled: bool = True,
    security_severity: float | None = None,
    precision: str = "high",
    options: Mapping[str, Any] | None = None,
    tags: tuple[str, ...] = (),
) -> Callable[[Callable[[D, RuleContext], Iterable[Problem]]], Rule[D]]:
    """Wrap a check function into a :class:`Rule` value carrying its metadata."""
    if category >= Category.SECRET and security_severity is None:
        raise ValueError(f"{code}: rules of category {category.label} need security_severity")
    meta = RuleMeta(
        code=code,
        name=name,
        target=target,
        category=category,
        severity=severity,
        summary=summary,
        enabled=enabled,
        security_severity=security_severity,
        precision=precision,
        options=MappingProxyType(dict(options or {})),
        tags=tags,
    )

    def wrap(fn: Callable[[D, RuleContext], Iterable[Problem]]) -> Rule[D]:
        return Rule(meta=meta, check=fn)

    return wrap
