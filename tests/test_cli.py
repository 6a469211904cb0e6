from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import write_tree
from resonance_lint import __version__
from resonance_lint.cli import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_tree(tmp_path, {"Dockerfile": "FROM node:latest\nUSER node\n"})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_latest_base_image_exit_1(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([".", "--select", "DF201"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Dockerfile:1:11: DF201 [error] ")


def test_exit_zero(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([".", "--select", "DF201", "--exit-zero"]) == 0
    assert "DF201" in capsys.readouterr().out


def test_fail_on_threshold(repo: Path) -> None:
    write_tree(repo, {"Dockerfile": "FROM node:22.1.0\nUSER node\n"})
    assert main(["--select", "DF203"]) == 1  # a note fails with the default threshold
    assert main(["--select", "DF203", "--fail-on", "warning"]) == 0


def test_clean_tree_exit_0(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(repo, {"Dockerfile": "FROM node:22.1.0\n"})
    assert main(["--select", "DF201"]) == 0
    assert capsys.readouterr().out == ""


def test_malformed_config_is_exit_2_one_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".resonance-lint.toml").write_text("select = [\n")
    assert main(["."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("resonance-lint: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["--select", "NOPE123"],
        ["--format", "xml"],
        ["--fail-on", "fatal"],
        ["does-not-exist"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(
    repo: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_rules_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {"code", "name", "target", "category", "severity"} <= set(rules[0])
    codes = [r["code"] for r in rules]
    assert "RL001" in codes
    assert len(codes) == len(set(codes))


def test_rules_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "RL004  " in capsys.readouterr().out


@pytest.mark.parametrize("key", ["RL005", "expired-suppression", "rl005"])
def test_explain(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", key]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# RL005: expired-suppression")
    assert "## What it does" in out


def test_explain_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "XX999"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_json_output_schema(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--select", "DF201", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert data["summary"]["findings"] == 1
    (finding,) = data["findings"]
    assert (finding["path"], finding["line"], finding["column"], finding["code"]) == (
        "Dockerfile",
        1,
        11,
        "DF201",
    )
    assert finding["name"] == "latest-base-image"
    assert finding["fingerprint"]


def test_output_file_written_atomically(repo: Path) -> None:
    assert main(["--select", "DF201", "--format", "json", "--output", "out.json"]) == 1
    assert json.loads((repo / "out.json").read_text())["summary"]["findings"] == 1
    assert not [p for p in os.listdir(repo) if p.startswith(".resonance-lint-")]


def test_output_to_missing_folder_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--select", "DF201", "--output", "no/such/dir/out.txt"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_baseline_round_trip(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--select", "DF201", "--write-baseline", "base.json"]) == 0
    assert main(["--select", "DF201", "--baseline", "base.json"]) == 0
    write_tree(repo, {"Dockerfile": "# moved\n\nFROM node:latest\nFROM python:latest\n"})
    capsys.readouterr()
    assert main(["--select", "DF201", "--baseline", "base.json"]) == 1
    assert capsys.readouterr().out.startswith("Dockerfile:4:13: DF201")


def test_rich_output_in_terminal_mode(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--select", "DF201", "--color", "always"]) == 1
    out = capsys.readouterr().out
    assert "latest-base-image" in out
    assert "FROM node:latest" in out
    assert "1 finding in 1 file" in out


def test_console_script_runs_without_traceback(repo: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "resonance_lint", ".", "--select", "DF201"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "DF201" in proc.stdout
    assert proc.stderr == ""


def test_baseline_holds_no_secret(repo: Path) -> None:
    token = "ghp_" + "Zq7" * 12
    write_tree(repo, {"deploy.sh": f'export GITHUB_TOKEN="{token}"\n'})
    assert main(["--select", "SEC", "--write-baseline", "base.json"]) == 0
    text = (repo / "base.json").read_text()
    assert token not in text
    assert token[4:20] not in text
    assert json.loads(text)["findings"]
    assert main(["--select", "SEC", "--baseline", "base.json"]) == 0
