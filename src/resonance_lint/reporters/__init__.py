"""Reporters turn a Report into text for one audience; each has ``render(ctx) -> str``."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable

from ..engine import Report
from ..registry import Registry

FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "text": "resonance_lint.reporters.text",
        "json": "resonance_lint.reporters.json",
        "sarif": "resonance_lint.reporters.sarif",
        "github": "resonance_lint.reporters.github",
        "gitlab": "resonance_lint.reporters.gitlab",
        "junit": "resonance_lint.reporters.junit",
        "checklist": "resonance_lint.reporters.checklist",
    }
)


@dataclass(frozen=True)
class RenderContext:
    report: Report
    registry: Registry
    color: bool = False  # rich output (terminal); plain lines otherwise
    width: int | None = None
    quiet: bool = False
    markdown: bool = False  # for reports written to a .md file


def render(fmt: str, ctx: RenderContext) -> str:
    module = importlib.import_module(FORMATS[fmt])
    fn: Callable[[RenderContext], str] = module.render
    return fn(ctx)


def rule_of(ctx: RenderContext, code: str) -> Any:
    """A finding's rule: one of the run's rules (no need to load the others)."""
    found = ctx.report.rule_index.get(code)
    return found if found is not None else ctx.registry.lookup(code)
