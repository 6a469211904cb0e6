"""``--format checklist``: the production-readiness checklist evaluated on this repository.

Items come from ``references/production_readiness_checklist.md`` (shipped in the package). An
item **fails** when one of its rules reported a finding, **passes** when its rules ran on files
of their target and found nothing, is **n/a** when no file of its rules' targets was scanned,
**not checked** when its rules were deselected, and **manual** when no rule checks it. Each
section gets a score: passed items out of applicable ones.

Rendered rich in a terminal, Markdown otherwise (``--output report.md`` for a PR comment).
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..model import Finding, Target
from ..pages import reference
from . import RenderContext

CHECKLIST = "production_readiness_checklist.md"
_ITEM = re.compile(r"^- \[ \] \*\*([a-z0-9-]+)\*\* (.+?) — (?:checked by (.+)|manual)$")
_CODE = re.compile(r"`([A-Z]+\d{3})`")
# Cross-file rules apply when one of these was scanned (the file the rule starts from).
_PROJECT_NEEDS = {"XF203": (Target.TERRAFORM, Target.TERRAFORM_MODULE)}
_PROJECT_DEFAULT = (Target.FLY,)

PASS, FAIL, NA, UNCHECKED, MANUAL = "pass", "fail", "n/a", "not checked", "manual"
_MARK = {PASS: "✅", FAIL: "❌", NA: "➖", UNCHECKED: "⏸", MANUAL: "👤"}


@dataclass(frozen=True)
class Item:
    section: str
    ident: str
    statement: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Evaluated:
    item: Item
    status: str
    findings: tuple[Finding, ...]


def parse_checklist(markdown: str) -> tuple[Item, ...]:
    items: list[Item] = []
    section = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        match = _ITEM.match(line)
        if match:
            codes = tuple(_CODE.findall(match.group(3) or ""))
            items.append(Item(section, match.group(1), match.group(2), codes))
    return tuple(items)


def _applicable(code: str, rule: Any, seen: frozenset[Target]) -> bool:
    target = rule.meta.target
    if target == Target.TEXT:
        return bool(seen)
    if target == Target.PROJECT:
        return any(t in seen for t in _PROJECT_NEEDS.get(code, _PROJECT_DEFAULT))
    return target in seen


def evaluate(ctx: RenderContext) -> tuple[Evaluated, ...]:
    text = reference(CHECKLIST)
    if text is None:  # pragma: no cover - packaging error
        raise RuntimeError(f"{CHECKLIST} is missing from the installation")
    report = ctx.report
    active = {r.code for r in report.rules}
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_code[f.code].append(f)
    out: list[Evaluated] = []
    for item in parse_checklist(text):
        if not item.codes:
            out.append(Evaluated(item, MANUAL, ()))
            continue
        found = tuple(f for code in item.codes for f in by_code.get(code, ()))
        applicable = [
            c
            for c in item.codes
            if (rule := ctx.registry.lookup(c)) is not None
            and _applicable(c, rule, report.targets_seen)
        ]
        if found:
            status = FAIL
        elif not applicable:
            status = NA  # nothing of these rules' targets was scanned
        elif not any(c in active for c in applicable):
            status = UNCHECKED  # deselected (select/ignore)
        else:
            status = PASS
        out.append(Evaluated(item, status, found))
    return tuple(out)


def _scores(items: tuple[Evaluated, ...]) -> dict[str, tuple[int, int]]:
    scores: dict[str, list[int]] = {}
    for ev in items:
        entry = scores.setdefault(ev.item.section, [0, 0])
        if ev.status in (PASS, FAIL):
            entry[1] += 1
            entry[0] += ev.status == PASS
    return {k: (v[0], v[1]) for k, v in scores.items()}


def _where(f: Finding) -> str:
    return f"{f.path}:{f.span.line}:{f.span.column}"


def render_markdown(ctx: RenderContext, items: tuple[Evaluated, ...]) -> str:
    scores = _scores(items)
    passed = sum(p for p, _ in scores.values())
    total = sum(t for _, t in scores.values())
    lines = ["# Production readiness", ""]
    lines.append(
        f"**{passed}/{total}** applicable checks pass · {ctx.report.files_checked} files checked"
        f" · {len(ctx.report.findings)} findings"
    )
    lines += ["", "| section | score |", "|---|---|"]
    for section, (p, t) in scores.items():
        lines.append(f"| {section} | {p}/{t} |" if t else f"| {section} | n/a |")
    current = ""
    for ev in items:
        if ev.item.section != current:
            current = ev.item.section
            lines += ["", f"## {current}", ""]
        codes = ", ".join(f"`{c}`" for c in ev.item.codes) or "manual"
        lines.append(
            f"- {_MARK[ev.status]} **{ev.item.ident}** ({ev.status}) {ev.item.statement} — {codes}"
        )
        shown = ev.findings[:10]
        for f in shown:
            lines.append(f"  - `{_where(f)}` {f.code}: {f.message}")
        if len(ev.findings) > len(shown):
            lines.append(f"  - … and {len(ev.findings) - len(shown)} more")
    return "\n".join(lines) + "\n"


def render_rich(ctx: RenderContext, items: tuple[Evaluated, ...]) -> str:
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    style = {PASS: "green", FAIL: "bold red", NA: "dim", UNCHECKED: "dim", MANUAL: "cyan"}
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, width=ctx.width or 110, color_system="standard"
    )
    scores = _scores(items)
    current = ""
    for ev in items:
        if ev.item.section != current:
            current = ev.item.section
            p, t = scores[current]
            console.print()
            console.print(
                Text.assemble((current, "bold underline"), f"  {p}/{t}" if t else "  n/a")
            )
        console.print(
            Text.assemble(
                (f"  {ev.status:<11}", style[ev.status]),
                (ev.item.ident, "bold"),
                "  ",
                (", ".join(ev.item.codes) or "manual", "dim"),
            )
        )
        if not ctx.quiet:
            console.print(Padding(Text(ev.item.statement, style="dim"), (0, 0, 0, 6)))
        for f in ev.findings[:5]:
            console.print(
                Text(f"      {_where(f)} {f.code} {f.message}"), overflow="ellipsis", no_wrap=True
            )
        if len(ev.findings) > 5:
            console.print(Text(f"      … and {len(ev.findings) - 5} more", style="dim"))
    table = Table(title="Score", show_edge=False, title_justify="left")
    table.add_column("section")
    table.add_column("passed", justify="right")
    for section, (p, t) in scores.items():
        table.add_row(section, f"{p}/{t}" if t else "n/a")
    console.print()
    console.print(table)
    return buffer.getvalue()


def render(ctx: RenderContext) -> str:
    items = evaluate(ctx)
    return render_rich(ctx, items) if ctx.color else render_markdown(ctx, items)
