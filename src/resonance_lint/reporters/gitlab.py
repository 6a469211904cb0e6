"""GitLab Code Quality report (JSON array; ``fingerprint`` unique per finding)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Category, Severity
from . import RenderContext, rule_of


def _severity(level: Severity, category: Category) -> str:
    if level is Severity.ERROR:
        return "critical" if category >= Category.SECRET else "major"
    return "minor" if level is Severity.WARNING else "info"


def render(ctx: RenderContext) -> str:
    items: list[dict[str, Any]] = []
    for f in ctx.report.findings:
        meta = rule_of(ctx, f.code).meta
        items.append(
            {
                "type": "issue",
                "check_name": f"{f.code} {meta.name}",
                "description": f"{f.code}: {f.message}",
                "categories": ["Security" if meta.category >= Category.SECRET else "Bug Risk"],
                "severity": _severity(f.severity, meta.category),
                "fingerprint": f.fingerprint,
                "location": {
                    "path": f.path,
                    "lines": {"begin": f.span.line, "end": f.span.end_line},
                },
            }
        )
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
