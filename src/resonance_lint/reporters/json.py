"""JSON output, schema version 1 (documented in README, "JSON output").

``{"version": 1, "tool": {...}, "summary": {...}, "findings": [...]}``; each finding has code,
name, severity, category, path, line, column, end_line, end_column, message, fingerprint and
related locations. Keys are only ever added within a version.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .. import __version__
from ..model import Finding
from . import RenderContext, rule_of

SCHEMA_VERSION = 1


def finding_dict(ctx: RenderContext, f: Finding) -> dict[str, Any]:
    meta = rule_of(ctx, f.code).meta
    return {
        "code": f.code,
        "name": meta.name,
        "severity": f.severity.value,
        "category": meta.category.label,
        "path": f.path,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "message": f.message,
        "fingerprint": f.fingerprint,
        "help_uri": meta.help_uri,
        "related": [
            {
                "path": r.path,
                "line": r.span.line,
                "column": r.span.column,
                "end_line": r.span.end_line,
                "end_column": r.span.end_column,
                "message": r.message,
            }
            for r in f.related
        ],
    }


def render(ctx: RenderContext) -> str:
    report = ctx.report
    by_severity = Counter(f.severity.value for f in report.findings)
    payload = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "resonance-lint", "version": __version__},
        "summary": {
            "files_checked": report.files_checked,
            "findings": len(report.findings),
            "by_severity": {k: by_severity.get(k, 0) for k in ("error", "warning", "note")},
            "suppressed": report.suppressed,
            "baselined": report.baselined,
            "internal_errors": len(report.internal_errors),
        },
        "findings": [finding_dict(ctx, f) for f in report.findings],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
