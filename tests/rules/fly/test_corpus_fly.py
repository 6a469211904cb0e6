"""The real-world corpus lints with no internal error and no parse error."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import lint_tree

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"


def corpus_files() -> dict[str, str]:
    files: dict[str, str] = {}
    for folder in ("fly", "fly-fixtures"):
        base = CORPUS / folder
        if not base.is_dir():
            continue
        for index, path in enumerate(sorted(p for p in base.rglob("*.toml") if p.is_file())):
            files[f"{folder}/{index:02d}/fly.toml"] = path.read_text(encoding="utf-8")
    return files


def test_corpus_lints_cleanly() -> None:
    files = corpus_files()
    if not files:
        pytest.skip(f"corpus not found at {CORPUS.resolve()}")
    report = lint_tree(files, "FLY")
    assert report.internal_errors == ()
    codes = Counter(f.code for f in report.findings)
    assert codes["RL001"] == 0
    assert codes["FLY103"] == 0  # every key of flyctl's fixtures is known
    assert codes["FLY104"] >= 1  # always-invalid-v2.toml
