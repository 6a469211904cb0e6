"""Hostile input through the real parsers and rules: the run completes, the other files are still
checked, there is no internal error, and the exit code follows the contract."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import FileContent, lint_tree, write_tree
from resonance_lint.cli import main

WITNESS = {"witness/Dockerfile": "FROM node:latest\n"}  # must always give DF201 at 1:11
DEEP = 10_000


def where(files: dict[str, FileContent]) -> list[tuple[str, int, int, str]]:
    report = lint_tree({**WITNESS, **files})
    assert not report.internal_errors, report.internal_errors
    found = [(f.path, f.span.line, f.span.column, f.code) for f in report.findings]
    assert ("witness/Dockerfile", 1, 11, "DF201") in found
    return [f for f in found if not f[0].startswith("witness/")]


def codes(files: dict[str, FileContent]) -> set[str]:
    return {code for _, _, _, code in where(files)}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".github/workflows/deep.yml", "on: " + "[" * DEEP + "]" * DEEP + "\n"),
        (".github/workflows/deepmap.yml", "on: " + "{a: " * DEEP + "1" + "}" * DEEP + "\n"),
        (".github/workflows/json.yml", '{"on": ' + '{"a": ' * DEEP + "1" + "}" * DEEP + "}\n"),
        ("fly.toml", "a = " + "[" * DEEP + "]" * DEEP + "\n"),
        ("fly.inline.toml", "a = " + "{b = " * DEEP + "1" + "}" * DEEP + "\n"),
        ("main.tf", "x = " + "[" * DEEP + "]" * DEEP + "\n"),
        ("obj.tf", "x = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n"),
        ("paren.tf", "x = " + "(" * DEEP + "1" + ")" * DEEP + "\n"),
    ],
)
def test_deep_nesting_is_a_parse_error(name: str, text: str) -> None:
    assert codes({name: text}) == {"RL001"}


def test_deep_json_is_just_text() -> None:
    assert where({"data.json": '{"a": ' * DEEP + "1" + "}" * DEEP}) == []


def test_yaml_alias_bomb() -> None:
    lines = ["on: push", 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    found = where({".github/workflows/bomb.yml": "\n".join(lines) + "\n"})
    assert {c for *_, c in found} <= {"RL001", "GHA106"}


def test_duplicate_keys() -> None:
    workflow = "on: push\njobs:\n  a:\n    runs-on: x\n    runs-on: y\n    steps: []\n"
    assert (".github/workflows/d.yml", 5, 5, "GHA106") in where(
        {".github/workflows/d.yml": workflow}
    )
    # TOML forbids duplicate keys: a parse error on the second one (tomllib's position)
    assert where({"fly.toml": 'app = "a"\napp = "b"\n'}) == [("fly.toml", 2, 10, "RL001")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_keep_positions(newline: str) -> None:
    files = {
        "app/Dockerfile": newline.join(["# c", "FROM python:latest", ""]),
        "app/main.tf": newline.join(
            ['resource "aws_db_instance" "db" {', "  skip_final_snapshot = true", "}", ""]
        ),
    }
    found = where(files)
    assert ("app/Dockerfile", 2, 13, "DF201") in found
    assert ("app/main.tf", 2, 25, "TF205") in found


def test_tabs_and_utf16() -> None:
    utf16 = "FROM\tnode:latest\n".encode("utf-16")
    assert ("u/Dockerfile", 1, 11, "DF201") in where({"u/Dockerfile": utf16})


@pytest.mark.parametrize(
    "content",
    [b"FROM node:latest\n\xff\xfe\xfa\n", b"FROM node:latest\x00\n", b"\x89PNG\r\n\x1a\n\x00\x00"],
)
def test_undecodable_target_is_rl002(content: bytes) -> None:
    assert where({"bad/Dockerfile": content}) == [("bad/Dockerfile", 1, 1, "RL002")]


@pytest.mark.parametrize(
    "name",
    ["Dockerfile", "fly.toml", "main.tf", ".github/workflows/e.yml", ".dockerignore", "x.env"],
)
def test_empty_files(name: str) -> None:
    assert codes({name: ""}) <= {"GHA106", "DF112", "FLY101", "FLY102", "FLY108", "FLY109"}


def test_huge_file_is_skipped_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, WITNESS)
    with open(tmp_path / "main.tf", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    monkeypatch.chdir(tmp_path)
    assert main([".", "--format", "json", "--output", "out.json"]) == 1
    text = (tmp_path / "out.json").read_text()
    assert '"code": "RL002"' in text
    assert '"code": "DF201"' in text


def test_symlink_loop_and_escape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside"
    write_tree(outside, {"Dockerfile": "FROM evil:latest\n"})
    root = tmp_path / "root"
    write_tree(root, WITNESS)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "escape").symlink_to(outside, target_is_directory=True)
    (root / "Dockerfile").symlink_to(outside / "Dockerfile")
    monkeypatch.chdir(root)
    assert main([".", "--select", "DF201"]) == 1


def test_exit_code_two_is_not_hidden_by_exit_zero(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["missing-path", "--exit-zero"]) == 2


def test_unreadable_config_value_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(
        tmp_path, {**WITNESS, ".resonance-lint.toml": "[rules.DF203]\ntrusted-registries = 3\n"}
    )
    monkeypatch.chdir(tmp_path)
    assert main(["."]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "trusted-registries" in err


def test_nothing_is_written_to_scanned_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {**WITNESS, "fly.toml": 'app = "x"\n', "main.tf": "x = 1\n"})
    stamp = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()}
    monkeypatch.chdir(tmp_path)
    main([".", "--format", "sarif", "--output", os.devnull])
    assert stamp == {
        p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()
    }


def test_no_network_during_a_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened during a scan")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    token = "ghp_" + "Aa1" * 12
    found = where(
        {
            ".env": f"GITHUB_TOKEN={token}\nPASSWORD=Vq8{token[4:]}\n",
            "fly.toml": 'app = "x"\n[http_service]\n  internal_port = 8080\n',
            "main.tf": 'provider "aws" {\n  access_key = "AKIA' + "J7Q2W9X4K1M8" + 'P3R6"\n}\n',
            ".github/workflows/d.yml": "on: push\njobs:\n  d:\n    runs-on: x\n"
            "    steps:\n      - run: fly deploy\n",
        }
    )
    assert {"SEC306", "SEC302", "XF201", "TF302"} <= {code for *_, code in found}
