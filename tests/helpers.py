"""Test helpers: run the real engine over files written to a temporary folder.

hits("Dockerfile", "FROM node:latest\n", "DF201") == [(1, 6, "DF201")]
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Union

from resonance_lint.config import load_config
from resonance_lint.engine import Report, run
from resonance_lint.model import Finding

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SCHEMAS = REPO.parent / "shared" / "schemas"
TODAY = dt.date(2026, 12, 4)

FileContent = Union[str, bytes]


def write_tree(root: Path, files: Mapping[str, FileContent]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))


def lint_tree(
    files: Mapping[str, FileContent],
    select: str | None = None,
    *,
    config: str | None = None,
    today: dt.date = TODAY,
    passed: tuple[str, ...] = (),
) -> Report:
    """Run the engine on ``files`` (paths relative to a fresh temp folder, which is the cwd).

    ``passed`` lints only those files, as pre-commit passes them (the tree is context).
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, files)
        if config is not None:
            (root / ".resonance-lint.toml").write_text(config, encoding="utf-8")
        old = os.getcwd()
        os.chdir(root)
        try:
            cfg = load_config(root / ".resonance-lint.toml" if config is not None else None)
            if select is not None:
                cfg = cfg.with_cli(select=(select,))
            (root / ".git").mkdir(exist_ok=True)  # the repository root for context loading
            return run(list(passed) or ["."], cfg, today=today, jobs=1)
        finally:
            os.chdir(old)


def findings(
    files: Mapping[str, FileContent],
    code: str,
    *,
    config: str | None = None,
    passed: tuple[str, ...] = (),
) -> list[Finding]:
    report = lint_tree(files, code, config=config, passed=passed)
    assert not report.internal_errors, report.internal_errors
    return [f for f in report.findings if f.code == code]


def hits_multi(
    files: Mapping[str, FileContent],
    code: str,
    *,
    config: str | None = None,
    passed: tuple[str, ...] = (),
) -> list[tuple[str, int, int, str]]:
    """``(path, line, column, code)`` of the findings; ``passed``: a pre-commit-style run."""
    return sorted(
        (f.path, f.span.line, f.span.column, f.code)
        for f in findings(files, code, config=config, passed=passed)
    )


def hits(
    filename: str, text: str, code: str, *, config: str | None = None
) -> list[tuple[int, int, str]]:
    return sorted(
        (f.span.line, f.span.column, f.code)
        for f in findings({filename: text}, code, config=config)
        if f.path == filename
    )
