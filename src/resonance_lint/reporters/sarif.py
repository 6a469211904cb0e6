"""SARIF 2.1.0 for GitHub code scanning.

Every active rule is described in ``tool.driver.rules`` (help text from its page); results carry
ruleId + ruleIndex, level, a ``%SRCROOT%``-relative location with a full region and
``partialFingerprints.primaryLocationLineHash``. Suppressed results are left out (GitHub ignores
SARIF suppressions). At most 25,000 results per run (GitHub's limit): the rest are dropped with
a tool notification saying so.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Category, Finding, Span
from ..pages import page, section
from ..rules.base import Rule
from . import RenderContext

MAX_RESULTS = 25_000
MAX_TAGS = 20
INFORMATION_URI = "https://github.com/resonance-lint/resonance-lint"


def _uri(path: str) -> dict[str, str]:
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": max(span.end_column, 1),
    }


def _rule(rule: Rule[Any]) -> dict[str, Any]:
    meta = rule.meta
    markdown = page(meta.code) or f"# {meta.code}: {meta.name}\n\n{meta.summary}\n"
    full = section(markdown, "What it does") or meta.summary
    props: dict[str, Any] = {"tags": list(meta.all_tags)[:MAX_TAGS], "precision": meta.precision}
    if meta.category >= Category.SECRET and meta.security_severity is not None:
        props["security-severity"] = f"{meta.security_severity:.1f}"
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": full},
        "help": {"text": markdown, "markdown": markdown},
        "helpUri": meta.help_uri,
        "defaultConfiguration": {"level": meta.severity.value, "enabled": meta.enabled},
        "properties": props,
    }


def _result(f: Finding, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": f.severity.value,
        "message": {"text": f.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": _uri(f.path), "region": _region(f.span)}}
        ],
        "partialFingerprints": {"primaryLocationLineHash": f.fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [
            {
                "id": n,
                "physicalLocation": {"artifactLocation": _uri(r.path), "region": _region(r.span)},
                "message": {"text": r.message},
            }
            for n, r in enumerate(f.related, start=1)
        ]
    return result


def build(ctx: RenderContext) -> dict[str, Any]:
    report = ctx.report
    rules = list(report.rules)
    index = {r.code: n for n, r in enumerate(rules)}
    results = [_result(f, index[f.code]) for f in report.findings[:MAX_RESULTS]]
    notifications: list[dict[str, Any]] = []
    if len(report.findings) > MAX_RESULTS:
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{len(report.findings) - MAX_RESULTS} results left out: "
                    "GitHub accepts "
                    f"at most {MAX_RESULTS} per run"
                },
            }
        )
    for err in report.internal_errors:
        notifications.append(
            {
                "level": "error",
                "message": {"text": f"internal error in {err.where} on {err.path}: {err.error}"},
            }
        )
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "resonance-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }
        },
        "automationDetails": {"id": "resonance-lint/"},
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not report.internal_errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": results,
    }
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }


def render(ctx: RenderContext) -> str:
    return json.dumps(build(ctx), indent=2, ensure_ascii=False) + "\n"
