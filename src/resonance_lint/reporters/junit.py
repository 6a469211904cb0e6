"""JUnit XML: one test case per checked file; each finding is a failure of its file's case."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from ..model import Finding
from . import RenderContext


def render(ctx: RenderContext) -> str:
    report = ctx.report
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    paths = sorted(set(report.sources) | set(by_path))
    suites = ET.Element("testsuites", name="resonance-lint")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="resonance-lint",
        tests=str(len(paths)),
        failures=str(sum(1 for p in paths if by_path.get(p))),
        errors="0",
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="resonance-lint", name=path)
        findings = by_path.get(path, [])
        if findings:
            body = "\n".join(
                f"{f.path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity.value}] {f.message}"
                for f in findings
            )
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(findings)} finding(s)",
                type=max(findings, key=lambda f: f.severity.rank).severity.value,
            )
            failure.text = body
    ET.indent(suites) if hasattr(ET, "indent") else None
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
