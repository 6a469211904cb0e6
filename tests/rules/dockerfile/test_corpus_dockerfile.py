"""The real-world Dockerfiles lint with no internal error and no parse error."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import lint_tree

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "docker"


def test_corpus_lints_cleanly() -> None:
    paths = sorted(CORPUS.glob("*/Dockerfile")) if CORPUS.is_dir() else []
    if not paths:
        pytest.skip(f"corpus not found at {CORPUS.resolve()}")
    files = {f"{p.parent.name}/Dockerfile": p.read_text(encoding="utf-8") for p in paths}
    report = lint_tree(files, "DF")
    assert report.internal_errors == ()
    codes = Counter(f.code for f in report.findings)
    print("DF findings on the corpus:", sorted(codes.items()))
    assert codes["RL001"] == 0
    # rules that catch real mistakes must stay rare on maintained Dockerfiles
    assert codes["DF111"] == 0
    assert codes["DF112"] == 0
