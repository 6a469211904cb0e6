"""Text output.

Plain (piped, pre-commit, CI logs): one line per finding, ``path:line:col: CODE [severity]
message``, related places on indented ``note:`` lines — grep- and editor-friendly.

Rich (a terminal): findings grouped by file with a code frame and the rule's link, then a
summary by category and severity.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..model import Category, Finding, Severity
from . import RenderContext, rule_of

if TYPE_CHECKING:
    from rich.text import Text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


def plain_line(f: Finding) -> str:
    return f"{f.path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity.value}] {f.message}"


def render_plain(ctx: RenderContext) -> str:
    out = []
    for f in ctx.report.findings:
        out.append(plain_line(f))
        for r in f.related:
            out.append(f"    {r.path}:{r.span.line}:{r.span.column}: note: {r.message}")
    return "".join(line + "\n" for line in out)


def summary_counts(findings: tuple[Finding, ...]) -> Counter[Severity]:
    return Counter(f.severity for f in findings)


def summary_line(ctx: RenderContext) -> str:
    report = ctx.report
    counts = summary_counts(report.findings)
    parts = [
        f"{counts.get(s, 0)} {s.value}{'s' if counts.get(s, 0) != 1 else ''}" for s in Severity
    ]
    extra = []
    if report.suppressed:
        extra.append(f"{report.suppressed} suppressed")
    if report.baselined:
        extra.append(f"{report.baselined} in baseline")
    tail = f" ({', '.join(extra)})" if extra else ""
    files = report.files_checked
    return (
        f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} in "
        f"{files} file{'s' if files != 1 else ''}: {', '.join(parts)}{tail}"
    )


def render_rich(ctx: RenderContext) -> str:
    from rich.console import Console, Group
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        width=ctx.width or 100,
        color_system="standard",
        highlight=False,
    )
    report = ctx.report
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    secret_lines = {(f.path, f.span.line) for f in report.findings if f.secret_hash}
    for path in sorted(by_path):
        console.print(Text(path, style="bold underline"))
        source = report.sources.get(path)
        for f in by_path[path]:
            meta = rule_of(ctx, f.code).meta
            head = Text.assemble(
                (f"  {f.span.line}:{f.span.column}", "dim"),
                "  ",
                (f.severity.value, _STYLE[f.severity]),
                "  ",
                (f.code, "bold"),
                " ",
                (meta.name, "dim"),
            )
            console.print(head)
            console.print(Padding(Text(f.message), (0, 0, 0, 4)))
            if source is not None and not ctx.quiet:
                frame = _frame(source.lines, f, (path, f.span.line) in secret_lines)
                if frame:
                    console.print(Group(*frame))
            for r in f.related:
                where = f"↳ {r.path}:{r.span.line}:{r.span.column}: {r.message}"
                console.print(Padding(Text(where, style="dim"), (0, 0, 0, 4)))
            console.print(Text(f"    {meta.help_uri}", style="dim blue"))
        console.print()
    if report.findings and not ctx.quiet:
        table = Table(title="Summary", show_edge=False, title_justify="left")
        table.add_column("category")
        for sev in Severity:
            table.add_column(sev.value, justify="right", style=_STYLE[sev])
        grid: dict[Category, Counter[Severity]] = defaultdict(Counter)
        for f in report.findings:
            grid[rule_of(ctx, f.code).meta.category][f.severity] += 1
        for cat in sorted(grid):
            table.add_row(cat.label, *(str(grid[cat].get(s, 0) or "") for s in Severity))
        console.print(table)
    style = "bold red" if report.findings else "bold green"
    console.print(Text(escape(summary_line(ctx)), style=style))
    return buffer.getvalue()


def _frame(lines: tuple[str, ...], f: Finding, hide: bool) -> list[Text]:
    """The finding's line with a caret under its span; lines holding a secret are not shown."""
    from rich.text import Text

    if not 1 <= f.span.line <= len(lines):
        return []
    out: list[Text] = []
    width = len(str(f.span.line))
    if hide:
        return [
            Text(f"    {f.span.line:>{width}} │ (line not shown: it holds a secret)", style="dim")
        ]
    code = lines[f.span.line - 1].expandtabs(1)
    if len(code) > 160:
        code = code[:157] + "..."
    out.append(Text.assemble((f"    {f.span.line:>{width}} │ ", "dim"), code))
    start = f.span.column
    end = f.span.end_column if f.span.end_line == f.span.line else len(code) + 1
    end = max(min(end, len(code) + 1), start + 1)
    caret = " " * (start - 1) + "^" * (end - start)
    out.append(Text.assemble((f"    {'':>{width}} │ ", "dim"), (caret, _STYLE[f.severity])))
    return out


def render(ctx: RenderContext) -> str:
    return render_rich(ctx) if ctx.color else render_plain(ctx)
