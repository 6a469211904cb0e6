"""Bad input is normal input: the run completes, other files are checked, exit code per contract."""

from __future__ import annotations

import builtins
import datetime as dt
import os
import socket
from pathlib import Path
from typing import Any

import pytest
from fake_rules import REGISTRY

from helpers import write_tree
from resonance_lint import engine
from resonance_lint.config import Config
from resonance_lint.engine import Report, run

TODAY = dt.date(2026, 12, 4)


def lint(tmp_path: Path, config: Config | None = None, **kwargs: Any) -> Report:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return run(["."], config or Config(), registry=REGISTRY, today=TODAY, **kwargs)
    finally:
        os.chdir(old)


def where(report: Report) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.span.line, f.span.column, f.code) for f in report.findings]


def test_time_budget_stops_a_hanging_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "HANG\n", "b.txt": "BAD\n"})
    report = lint(tmp_path, Config(file_time_budget=0.3))
    assert where(report) == [("a.txt", 1, 1, "RL002"), ("b.txt", 1, 1, "TX101")]
    assert "file-time-budget" in report.findings[0].message


def test_pool_gives_the_same_result_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"d{n // 10}/f{n}.txt": ("BAD\n" if n % 3 else "ok\n") for n in range(300)}
    files["crash.txt"] = "CRASH\n"
    write_tree(tmp_path, files)
    one = lint(tmp_path, jobs=1)
    spawned: list[int] = []
    real_pool = engine.new_pool

    def counting_pool(workers: int) -> Any:
        spawned.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(engine, "new_pool", counting_pool)
    two = lint(tmp_path, jobs=2)
    assert spawned == [2]
    assert where(one) == where(two)
    assert [f.fingerprint for f in one.findings] == [f.fingerprint for f in two.findings]
    assert len(one.findings) == 200
    assert [e.where for e in two.internal_errors] == ["TX103"]


def test_file_deleted_during_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"Dockerfile": "FROM a\n", "b.txt": "BAD\n"})
    real_open = builtins.open

    def vanishing(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("Dockerfile"):
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", vanishing)
    report = lint(tmp_path)
    assert where(report) == [("Dockerfile", 1, 1, "RL002"), ("b.txt", 1, 1, "TX101")]
    assert "No such file" in report.findings[0].message


def test_unreadable_file(tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading")
    write_tree(tmp_path, {"Dockerfile": "FROM a\n", "b.txt": "BAD\n"})
    (tmp_path / "Dockerfile").chmod(0)
    try:
        report = lint(tmp_path)
    finally:
        (tmp_path / "Dockerfile").chmod(0o644)
    assert where(report) == [("Dockerfile", 1, 1, "RL002"), ("b.txt", 1, 1, "TX101")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"FROM a\n\xff\xfe\xfd\n", "not valid UTF-8"),
        (b"FROM a\x00\n", "binary"),
    ],
)
def test_undecodable_target_file(tmp_path: Path, content: bytes, message: str) -> None:
    write_tree(tmp_path, {"Dockerfile": content, "b.txt": "BAD\n"})
    report = lint(tmp_path)
    assert where(report) == [("Dockerfile", 1, 1, "RL002"), ("b.txt", 1, 1, "TX101")]
    assert message in report.findings[0].message


def test_huge_file_is_not_read(tmp_path: Path) -> None:
    write_tree(tmp_path, {"b.txt": "BAD\n"})
    with open(tmp_path / "main.tf", "wb") as handle:  # 100 MB, sparse: cheap to make
        handle.truncate(100 * 1024 * 1024)
    report = lint(tmp_path)
    assert where(report) == [("b.txt", 1, 1, "TX101"), ("main.tf", 1, 1, "RL002")]
    assert "size limit" in report.findings[1].message


def test_empty_files_and_a_folder_named_dockerfile(tmp_path: Path) -> None:
    write_tree(tmp_path, {"empty.txt": "", "Dockerfile/inner.txt": "BAD\n"})
    assert where(lint(tmp_path)) == [("Dockerfile/inner.txt", 1, 1, "TX101")]


def test_crlf_and_tabs_keep_positions(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": b"ok\r\n\tBAD\r\nx\rBAD\n"})
    assert where(lint(tmp_path)) == [("a.txt", 2, 2, "TX101"), ("a.txt", 4, 1, "TX101")]


def test_no_network_during_a_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a socket was opened during a scan")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    write_tree(tmp_path, {"a.txt": "BAD\n"})
    assert where(lint(tmp_path)) == [("a.txt", 1, 1, "TX101")]


def test_scanned_files_are_never_written(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "BAD\n", "Dockerfile": "FROM a\n"})
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()}
    lint(tmp_path)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file()}
    assert before == after


def test_unusual_line_separators_do_not_shift_lines(tmp_path: Path) -> None:
    # \x0c, \x0b, \x85 and \u2028 are not line breaks for any of our formats.
    write_tree(tmp_path, {"a.txt": "x\x0cy\x0bz\x85w\u2028v\nBAD\n"})
    assert where(lint(tmp_path)) == [("a.txt", 2, 1, "TX101")]


def test_pool_only_for_trees_of_mostly_secret_scanned_files() -> None:
    from resonance_lint.discovery import FileEntry
    from resonance_lint.engine import _FileJob, _workers
    from resonance_lint.model import Target

    def job(n: int, parsed: bool) -> _FileJob:
        targets = (Target.DOCKERFILE, Target.TEXT) if parsed else (Target.TEXT,)
        entry = FileEntry(f"f{n}", f"/f{n}", targets)
        return _FileJob(entry, True, targets[:1] if parsed else (), 1, 1.0)

    assert _workers(2, [job(n, n < 50) for n in range(300)]) == 2
    assert _workers(2, [job(n, n < 200) for n in range(300)]) == 1  # mostly parsed targets
    assert _workers(2, [job(n, False) for n in range(100)]) == 1  # small run
    assert _workers(1, [job(n, False) for n in range(900)]) == 1


def test_terraform_folders_checked_in_workers_match_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resonance_lint.registry import default_registry

    files: dict[str, str] = {}
    for n in range(120):
        files[f"mod{n % 3}/f{n}.tf"] = (
            f'resource "aws_db_instance" "db{n}" {{\n  skip_final_snapshot = true\n}}\n'
        )
    # a suppression above a multi-line attribute covers a finding inside it (statement
    # structure sent back from the worker)
    files["mod0/suppressed.tf"] = (
        'resource "aws_ecs_task_definition" "t" {\n  family = "x"\n'
        "  # resonance-lint: ignore[TF209]\n"
        "  container_definitions = jsonencode([\n"
        '    {\n      name  = "app"\n      image = "nginx:latest"\n    }\n  ])\n}\n'
    )
    files["Dockerfile"] = "FROM node:latest\n"
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    registry = default_registry()
    config = Config().with_cli(select=("TF205", "TF209", "DF201", "SEC"))
    one = run(["."], config, registry=registry, today=TODAY, jobs=1)
    spawned: list[int] = []
    real_pool = engine.new_pool

    def counting_pool(workers: int) -> Any:
        spawned.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(engine, "new_pool", counting_pool)
    two = run(["."], config, registry=registry, today=TODAY, jobs=2)
    assert spawned == [2]
    assert where(one) == where(two)
    assert [f.fingerprint for f in one.findings] == [f.fingerprint for f in two.findings]
    assert len([f for f in two.findings if f.code == "TF205"]) == 120
    assert not any(f.path == "mod0/suppressed.tf" for f in two.findings)
    assert two.suppressed == one.suppressed == 1
