"""Snapshot tests of what a person reads: the terminal report and the checklist (both renderings).

Regenerate after an intended change with ``UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import lint_tree
from resonance_lint.registry import default_registry
from resonance_lint.reporters import RenderContext, render

SNAPSHOTS = Path(__file__).parent / "snapshots"

APP = {
    "fly.toml": (
        'app = "shop"\nprimary_region = "ams"\nkill_signal = "SIGTERM"\n\n'
        "[http_service]\n  internal_port = 8080\n  force_https = true\n"
    ),
    "Dockerfile": (
        "FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm ci\nEXPOSE 3000\nCMD npm start\n"
    ),
    ".dockerignore": ".git\n.env\nnode_modules\n",
    ".github/workflows/deploy.yml": (
        "name: deploy\non:\n  push:\n    branches: [main]\npermissions:\n  contents: read\n"
        "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: flyctl deploy --remote-only\n"
        "        env:\n          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}\n"
    ),
}


def plain(text: str) -> str:
    from rich.text import Text

    return "\n".join(line.rstrip() for line in Text.from_ansi(text).plain.splitlines()) + "\n"


def check(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    if not path.is_file():
        pytest.fail(f"snapshot {name} missing: run with UPDATE_SNAPSHOTS=1 and review it")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def context() -> RenderContext:
    report = lint_tree(APP)
    assert not report.internal_errors
    return RenderContext(report=report, registry=default_registry(), width=100)


def test_plain_text_report(context: RenderContext) -> None:
    check("report.txt", render("text", context))


def test_terminal_report(context: RenderContext) -> None:
    rich = render(
        "text",
        RenderContext(report=context.report, registry=context.registry, color=True, width=100),
    )
    assert "\x1b[" in rich  # it is coloured ...
    check("report.terminal.txt", plain(rich))  # ... and this is what it says


def test_checklist_markdown(context: RenderContext) -> None:
    check("checklist.md", render("checklist", context))


def test_checklist_terminal(context: RenderContext) -> None:
    rich = render(
        "checklist",
        RenderContext(report=context.report, registry=context.registry, color=True, width=100),
    )
    check("checklist.terminal.txt", plain(rich))
