"""GitHub Actions workflow commands: ``::error file=…,line=…::message`` (annotations on the PR)."""

from __future__ import annotations

from . import RenderContext, rule_of

_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(ctx: RenderContext) -> str:
    lines = []
    for f in ctx.report.findings:
        name = rule_of(ctx, f.code).name
        props = ",".join(
            (
                f"file={escape_property(f.path)}",
                f"line={f.span.line}",
                f"col={f.span.column}",
                f"endLine={f.span.end_line}",
                f"endColumn={f.span.end_column}",
                f"title={escape_property(f'{f.code} {name}')}",
            )
        )
        lines.append(f"::{_LEVEL[f.severity.value]} {props}::{escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
