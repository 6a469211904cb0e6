"""End to end: the hook in .pre-commit-hooks.yaml, run by pre-commit itself (`try-repo`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, write_tree


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit() -> list[str]:
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable))
    if exe is None:
        try:
            import pre_commit  # noqa: F401
        except ImportError:
            pytest.skip("pre-commit is not installed (pip install '.[test]')")
        return [sys.executable, "-m", "pre_commit"]
    return [exe]


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not available")
    work = tmp_path / "work"
    write_tree(
        work,
        {
            "Dockerfile": 'FROM node:latest\nUSER node\nCMD ["node", "app.js"]\n',
            "svc/Dockerfile": 'FROM node:22.11.0\nUSER node\nCMD ["node", "app.js"]\n',
            "README.md": "hello\n",
        },
    )
    _git(work, "init", "-q")
    _git(work, "add", ".")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    proc = subprocess.run(
        [*_pre_commit(), "try-repo", str(REPO), "resonance-lint", "--all-files", "--verbose"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = proc.stdout + proc.stderr
    if "CalledProcessError" in output and ("pip" in output or "install" in output):
        pytest.skip(f"pre-commit could not build the hook environment here:\n{output[-2000:]}")
    assert proc.returncode == 1, output
    assert "Dockerfile:1:11: DF201 [error]" in output
    assert "svc/Dockerfile:1:11: DF201" not in output
    assert "Traceback" not in output
