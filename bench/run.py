#!/usr/bin/env python3
"""Benchmark resonance-lint against its peer tools on the real-world corpus.

    python bench/run.py                     # table on ../shared/corpus, peers from /work/peers
    python bench/run.py --scaling           # + the tree copied 1x, 2x, 4x, 8x
    python bench/run.py --json out.json     # + raw numbers
    python bench/run.py --only whole,dockerfile --no-peers

Every measured command is a fresh process started with its stdout discarded; resonance-lint
always gets ``--format json --output /dev/null --exit-zero`` so terminal rendering is not
measured. Each task runs its commands interleaved (ours, peer, ours, peer, ...) and reports
the median wall time and the median peak memory of the process tree. See bench/README.md.

Standard library only: runs with any Python >= 3.9, whichever venv the tools live in.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"
DEFAULT_PEERS = Path(os.environ.get("PEERS_VENV", "/work/peers"))

# Appended to every resonance-lint command: no terminal rendering, findings are not failures.
RL_REPORT_ARGS = ("--format", "json", "--output", os.devnull, "--exit-zero")
RL_INTERNAL_ERROR = 2

# Peer executables looked up in PEERS/bin (bench/peers.sh links them there).
PEER_EXES = ("checkov", "hadolint", "zizmor", "detect-secrets")
CHECKOV_COMMON = ("--quiet", "--compact", "-o", "json", "--skip-download", "--soft-fail")
CHECKOV_ALL_FRAMEWORKS = ("dockerfile", "terraform", "github_actions", "secrets")

WORKFLOWS_DIR = ".github/workflows"
ZIZMOR_LOAD_FAILURE = re.compile(r"failed to load file://(\S+?) as ")

# Targets of issue 9 (checked from the numbers at the end of the report).
TARGET_WHOLE_VS_CHECKOV = 10.0  # at most 1/10 of checkov's wall time
TARGET_WHOLE_PEAK_MIB = 250.0
TARGET_GHA_VS_ZIZMOR = 2.0  # within 2x of zizmor
TARGET_COLD_SECONDS = 0.150


def _page_kib() -> int:
    try:
        return max(1, os.sysconf("SC_PAGE_SIZE") // 1024)
    except (AttributeError, OSError, ValueError):
        return 4


PAGE_KIB = _page_kib()


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    seconds: float
    exit_code: int  # negative: killed by that signal
    tree_peak_kib: int  # peak of the summed RSS of the process group (sampled from /proc)
    max_rss_kib: int  # ru_maxrss reported by the wrapper: the largest single process
    timed_out: bool
    stderr_tail: str

    @property
    def peak_kib(self) -> int:
        return max(self.tree_peak_kib, self.max_rss_kib)


def group_rss_kib(pgid: int, exclude: int) -> int:
    """Summed resident set size of the live processes of group ``pgid`` but ``exclude`` (Linux)."""
    total = 0
    try:
        names = os.listdir("/proc")
    except OSError:
        return 0
    for name in names:
        if not name.isdigit() or int(name) == exclude:
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
            # "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
            fields = stat[stat.rindex(b")") + 2 :].split()
            if int(fields[2]) != pgid:
                continue
            with open(f"/proc/{name}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * PAGE_KIB
        except (OSError, ValueError, IndexError):
            continue
    return total


class TreeSampler(threading.Thread):
    """Polls the summed RSS of a process group (less the wrapper) until stopped; keeps the peak."""

    def __init__(self, pgid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pgid = pgid
        self.interval = interval
        self.peak_kib = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            self.peak_kib = max(self.peak_kib, group_rss_kib(self.pgid, exclude=self.pgid))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(pgid, signal.SIGKILL)


# Every measured command runs under a small wrapper that forks it and reports the ru_maxrss of
# its waited-for tree. Not measured from here: Linux carries a process's pre-exec RSS into
# ru_maxrss, so a command forked from this Python process would report at least this process's
# size. GNU time is ~1 MiB; the Python fallback puts a floor of a bare interpreter (~8 MiB).
PY_WRAPPER = """\
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {code}\\n")
sys.exit(code if code >= 0 else 128 - code)
"""
SIGNALLED = re.compile(r"Command terminated by signal (\d+)")


def wrapped(argv: Sequence[str], report: str) -> list[str]:
    """``argv`` under the wrapper, which writes "<max RSS KiB> <exit code>" to ``report``."""
    gnu_time = find_gnu_time()
    if gnu_time:
        return [gnu_time, "-o", report, "-f", "%M %x", *argv]
    return [sys.executable, "-S", "-c", PY_WRAPPER, report, *argv]


@functools.cache
def find_gnu_time() -> str | None:
    """GNU time (``time -f %M`` prints the max RSS in KiB), or None."""
    path = shutil.which("time") if sys.platform.startswith("linux") else None
    if not path:
        return None
    try:
        proc = subprocess.run(
            [path, "-f", "%M", "true"], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return path if proc.returncode == 0 and proc.stderr.strip().isdigit() else None


def read_report(text: str, fallback_exit: int) -> tuple[int, int]:
    """(max RSS KiB, exit code: negative for a signal) from the wrapper's report."""
    signalled = SIGNALLED.search(text)
    lines = [ln.split() for ln in text.splitlines() if ln.strip()]
    max_rss, code = 0, fallback_exit
    if lines and len(lines[-1]) == 2:
        with contextlib.suppress(ValueError):
            max_rss, code = int(lines[-1][0]), int(lines[-1][1])
    if signalled:
        code = -int(signalled.group(1))
    return max_rss, code


def measure(argv: Sequence[str], cwd: Path, *, timeout: float, interval: float) -> Sample:
    """Run ``argv`` once in a new session; wall time, exit code, peak memory, stderr tail."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory(prefix="rl-bench-") as tmp:
        report = os.path.join(tmp, "rusage")
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped(argv, report),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,  # its own process group: the tree we sample
        )
        sampler = TreeSampler(proc.pid, interval)
        sampler.start()
        timed_out = threading.Event()

        def on_timeout() -> None:
            timed_out.set()
            _kill_group(proc.pid)

        timer = threading.Timer(timeout, on_timeout)
        timer.start()
        try:
            proc.wait()
        except BaseException:
            _kill_group(proc.pid)
            proc.wait()
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        sampler.stop()
        # Stragglers (a pool worker that outlived its parent) must not leak into the next run.
        _kill_group(proc.pid)
        try:
            with open(report, encoding="utf-8") as fh:
                max_rss, code = read_report(fh.read(), proc.returncode)
        except OSError:
            max_rss, code = 0, proc.returncode
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
    return Sample(
        seconds=seconds,
        exit_code=code,
        tree_peak_kib=sampler.peak_kib,
        max_rss_kib=max_rss,
        timed_out=timed_out.is_set(),
        stderr_tail=tail,
    )


# --------------------------------------------------------------------------- tasks


@dataclass(frozen=True)
class Command:
    tool: str  # "resonance-lint" or the peer's name
    argv: tuple[str, ...]
    files: int  # files this command is given (may differ from the task's: see Task.notes)


@dataclass(frozen=True)
class Task:
    key: str
    title: str
    files: int
    ours: Command
    peers: tuple[Command, ...]
    cold: bool = False  # one file, fresh process: uses --cold-runs
    notes: tuple[str, ...] = ()


@dataclass
class Series:
    command: Command
    target_runs: int
    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return statistics.median(s.peak_kib for s in self.samples) / 1024

    def bad_exits(self) -> list[int]:
        return sorted({s.exit_code for s in self.samples if s.exit_code != 0})

    def flag(self) -> str:
        """Loud marker for a run that did not end normally ('' when all exited 0)."""
        if any(s.timed_out for s in self.samples):
            return "**TIMEOUT**"
        codes = self.bad_exits()
        if not codes:
            return ""
        if self.command.tool == "resonance-lint" and RL_INTERNAL_ERROR in codes:
            return "**⚠ EXIT 2 (internal error)**"
        return "**⚠ " + ", ".join(describe_exit(c) for c in codes) + "**"


def describe_exit(code: int) -> str:
    return f"killed by signal {-code}" if code < 0 else f"exit {code}"


@dataclass
class TaskResult:
    task: Task
    ours: Series
    peers: list[Series]


@dataclass(frozen=True)
class Settings:
    runs: int
    slow_runs: int
    slow_threshold: float
    cold_runs: int
    timeout: float
    interval: float


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_task(task: Task, cwd: Path, settings: Settings) -> TaskResult:
    """Interleave ours and the peers round by round until each has its number of runs.

    A command whose first run takes longer than --slow-threshold gets --slow-runs runs.
    """
    runs = settings.cold_runs if task.cold else settings.runs
    series = [Series(cmd, runs) for cmd in (task.ours, *task.peers)]
    while any(len(s.samples) < s.target_runs for s in series):
        for s in series:
            if len(s.samples) >= s.target_runs:
                continue
            sample = measure(
                s.command.argv, cwd, timeout=settings.timeout, interval=settings.interval
            )
            s.samples.append(sample)
            if len(s.samples) == 1 and sample.seconds > settings.slow_threshold:
                s.target_runs = min(s.target_runs, settings.slow_runs)
            status = "" if sample.exit_code == 0 else f"  exit {sample.exit_code}"
            log(
                f"  [{task.key}] {s.command.tool:<15} run {len(s.samples)}/{s.target_runs}"
                f"  {sample.seconds:8.3f} s  {sample.peak_kib / 1024:7.1f} MiB{status}"
            )
    return TaskResult(task, series[0], series[1:])


# --------------------------------------------------------------------------- corpus


def count_files(root: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root))


def files_under(root: Path, rel: str) -> list[str]:
    """Regular files under ``root/rel`` as sorted POSIX paths relative to ``root``."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root / rel):
        dirnames.sort()
        base = Path(dirpath).relative_to(root).as_posix()
        found.extend(f"{base}/{name}" for name in sorted(filenames))
    return sorted(found)


def median_sized(root: Path, paths: Sequence[str]) -> str | None:
    """The file of median size (ties by path): a typical file for the cold runs."""
    if not paths:
        return None
    ordered = sorted(paths, key=lambda p: ((root / p).stat().st_size, p))
    return ordered[len(ordered) // 2]


def copy_tree(src: Path, dst: Path) -> None:
    """Copy file contents only (the corpus is read-only; the copies must be removable)."""
    for dirpath, _, filenames in os.walk(src):
        target = dst / Path(dirpath).relative_to(src)
        target.mkdir(parents=True, exist_ok=True)
        for name in filenames:
            shutil.copyfile(os.path.join(dirpath, name), target / name)


# --------------------------------------------------------------------------- tools


def default_rl() -> list[str]:
    beside = Path(sys.executable).parent / "resonance-lint"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("resonance-lint")
    if found:
        return [found]
    sys.exit("error: no resonance-lint next to this python nor on PATH; pass --rl CMD")


def tool_output(argv: Sequence[str], cwd: Path | None = None) -> tuple[int, str, str]:
    try:
        proc = subprocess.run(
            list(argv),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return -1, "", str(exc)
    return proc.returncode, proc.stdout, proc.stderr


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return "?"


def find_peers(peers_dir: Path) -> dict[str, str]:
    """Installed peer executables by name (PEERS/bin, or PEERS/venvs/<tool>/bin)."""
    found: dict[str, str] = {}
    for exe in PEER_EXES:
        for candidate in (peers_dir / "bin" / exe, peers_dir / "venvs" / exe / "bin" / exe):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                found[exe] = str(candidate)
                break
    return found


def versions(rl: Sequence[str], peers: dict[str, str]) -> dict[str, str]:
    result = {"resonance-lint": first_line(tool_output([*rl, "--version"])[1])}
    for name, exe in peers.items():
        _rc, out, err = tool_output([exe, "--version"])
        result[name] = first_line(out or err)
    return result


def installed_rules(rl: Sequence[str]) -> Counter[str]:
    """Rules the resonance-lint under test has, counted by code prefix (DF, TF, ...)."""
    _, out, _ = tool_output([*rl, "rules"])
    prefixes: Counter[str] = Counter()
    for line in out.splitlines():
        match = re.match(r"([A-Z]+)\d+\s", line)
        if match:
            prefixes[match.group(1)] += 1
    return prefixes


@dataclass(frozen=True)
class ZizmorInputs:
    paths: tuple[str, ...]
    excluded: tuple[str, ...]
    error: str = ""


def zizmor_inputs(zizmor: Sequence[str], corpus: Path, files: Sequence[str]) -> ZizmorInputs:
    """zizmor aborts the whole run on one workflow it cannot load: find those and leave them out.

    Tries the directory first; on failure, drops each file named in "failed to load" and
    retries with the explicit list of the rest.
    """
    excluded: list[str] = []
    paths: list[str] = [WORKFLOWS_DIR]
    for _ in range(50):
        rc, _, err = tool_output([*zizmor, *paths], cwd=corpus)
        if rc == 0:
            return ZizmorInputs(tuple(paths), tuple(excluded))
        failed = [
            m
            for m in dict.fromkeys(ZIZMOR_LOAD_FAILURE.findall(err))
            if m in files and m not in excluded
        ]
        if not failed:
            lines = [ln for ln in err.splitlines() if "error" in ln.lower()] or err.splitlines()
            return ZizmorInputs((), tuple(excluded), (lines or ["?"])[0].strip())
        excluded.extend(failed)
        paths = [f for f in files if f not in excluded]
    return ZizmorInputs((), tuple(excluded), "too many files zizmor cannot load")


def zizmor_base(exe: str) -> list[str]:
    """zizmor with the offline / no-exit-code / JSON flags its version knows."""
    _, out, err = tool_output([exe, "--help"])
    help_text = out + err
    argv = [exe]
    for flag in ("--offline", "--no-exit-codes"):
        if flag in help_text:
            argv.append(flag)
    if "--format" in help_text:
        argv += ["--format", "json"]
    return argv


@dataclass(frozen=True)
class Sanity:
    """One untimed whole-tree run of ours (also warms the page cache)."""

    exit_code: int
    summary: dict[str, Any]
    by_code: dict[str, int]
    stderr_tail: str


def sanity_run(rl: Sequence[str], corpus: Path) -> Sanity:
    with tempfile.TemporaryDirectory(prefix="rl-bench-") as tmp:
        report = Path(tmp) / "report.json"
        rc, _, err = tool_output(
            [*rl, ".", "--format", "json", "--output", str(report), "--exit-zero"], cwd=corpus
        )
        summary: dict[str, Any] = {}
        by_code: Counter[str] = Counter()
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
            summary = dict(data.get("summary", {}))
            by_code.update(str(f.get("code")) for f in data.get("findings", []))
        except (OSError, ValueError, AttributeError):
            pass
    return Sanity(rc, summary, dict(sorted(by_code.items())), err[-4000:])


# --------------------------------------------------------------------------- plan


def build_tasks(corpus: Path, rl: Sequence[str], peers: dict[str, str]) -> list[Task]:
    def ours(*args: str, files: int) -> Command:
        return Command("resonance-lint", (*rl, *args, *RL_REPORT_ARGS), files)

    dockerfiles = files_under(corpus, "docker")
    terraform = files_under(corpus, "terraform")
    workflows = files_under(corpus, WORKFLOWS_DIR)
    fly = files_under(corpus, "fly") + files_under(corpus, "fly-fixtures")
    total = count_files(corpus)

    checkov = peers.get("checkov")
    hadolint = peers.get("hadolint")
    detect_secrets = peers.get("detect-secrets")
    zizmor = zizmor_base(peers["zizmor"]) if "zizmor" in peers else None

    def checkov_cmd(files: int, *target: str, frameworks: Sequence[str]) -> tuple[Command, ...]:
        if not checkov:
            return ()
        argv = (checkov, *target, "--framework", *frameworks, *CHECKOV_COMMON)
        return (Command("checkov", argv, files),)

    zizmor_cmds: tuple[Command, ...] = ()
    workflow_notes: list[str] = []
    loadable = list(workflows)
    if zizmor:
        found = zizmor_inputs(zizmor, corpus, workflows)
        if found.error:
            workflow_notes.append(f"zizmor left out: it fails on the workflows ({found.error}).")
        else:
            loadable = [f for f in workflows if f not in found.excluded]
            if found.excluded:
                workflow_notes.append(
                    f"zizmor aborts the whole run on a workflow it cannot load; "
                    f"{len(found.excluded)} left out for it: "
                    + ", ".join(found.excluded)
                    + " (resonance-lint still lints all of them)."
                )
            zizmor_cmds = (Command("zizmor", (*zizmor, *found.paths), len(loadable)),)

    tasks = [
        Task(
            "whole",
            "whole tree (all targets + secrets)",
            total,
            ours(".", files=total),
            checkov_cmd(total, "-d", ".", frameworks=CHECKOV_ALL_FRAMEWORKS),
        ),
        Task(
            "dockerfile",
            "Dockerfiles (`docker/`, DF)",
            len(dockerfiles),
            ours("docker", "--select", "DF", files=len(dockerfiles)),
            (
                Command(
                    "hadolint",
                    (hadolint, "--no-fail", "-f", "json", *dockerfiles),
                    len(dockerfiles),
                ),
            )
            if hadolint
            else (),
        ),
        Task(
            "terraform",
            "Terraform (`terraform/`, TF)",
            len(terraform),
            ours("terraform", "--select", "TF", files=len(terraform)),
            checkov_cmd(len(terraform), "-d", "terraform", frameworks=("terraform",)),
        ),
        Task(
            "workflow",
            "workflows (`.github/workflows`, GHA)",
            len(workflows),
            ours(WORKFLOWS_DIR, "--select", "GHA", files=len(workflows)),
            zizmor_cmds,
            notes=tuple(workflow_notes),
        ),
        Task(
            "fly",
            "fly.toml (`fly/` + `fly-fixtures/`, FLY)",
            len(fly),
            ours("fly", "fly-fixtures", "--select", "FLY", files=len(fly)),
            (),
        ),
        Task(
            "secrets",
            "secrets (whole tree, SEC)",
            total,
            ours(".", "--select", "SEC", files=total),
            (Command("detect-secrets", (detect_secrets, "scan", "--all-files", "."), total),)
            if detect_secrets
            else (),
        ),
    ]

    one_dockerfile = median_sized(corpus, dockerfiles)
    if one_dockerfile:
        lines = len((corpus / one_dockerfile).read_bytes().splitlines())
        cold_peers: list[Command] = []
        if hadolint:
            cold_peers.append(
                Command("hadolint", (hadolint, "--no-fail", "-f", "json", one_dockerfile), 1)
            )
        cold_peers.extend(checkov_cmd(1, "-f", one_dockerfile, frameworks=("dockerfile",)))
        tasks.append(
            Task(
                "cold-dockerfile",
                "one Dockerfile, cold process (all rules)",
                1,
                ours(one_dockerfile, files=1),
                tuple(cold_peers),
                cold=True,
                notes=(f"Cold Dockerfile: `{one_dockerfile}` ({lines} lines, median size).",),
            )
        )
    one_workflow = median_sized(corpus, loadable)
    if one_workflow:
        tasks.append(
            Task(
                "cold-workflow",
                "one workflow, cold process (all rules)",
                1,
                ours(one_workflow, files=1),
                (Command("zizmor", (*zizmor, one_workflow), 1),) if zizmor else (),
                cold=True,
                notes=(f"Cold workflow: `{one_workflow}` (median size).",),
            )
        )
    return tasks


# --------------------------------------------------------------------------- report


def fmt_seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def fmt_cell(series: Series) -> str:
    text = fmt_seconds(series.seconds)
    flag = series.flag()
    return f"{flag} {text}" if flag else text


def table(results: Sequence[TaskResult]) -> str:
    head = (
        "| task | files | resonance-lint s | peer | peer s | ratio | peak MiB ours "
        "| peak MiB peer |"
    )
    rows = [head, "|---|---:|---:|---|---:|---:|---:|---:|"]
    for result in results:
        ours = result.ours
        peers: Sequence[Series | None] = result.peers or [None]
        for peer in peers:
            if peer is None:
                peer_cells = ["—", "—", "—", "—"]
            else:
                name = peer.command.tool
                if peer.command.files != result.task.files:
                    name += f" ({peer.command.files} files)"
                ratio = f"{peer.seconds / ours.seconds:.1f}×" if ours.seconds > 0 else "—"
                peer_cells = [name, fmt_cell(peer), ratio, f"{peer.peak_mib:.0f}"]
            rows.append(
                "| "
                + " | ".join(
                    [
                        result.task.title,
                        str(result.task.files),
                        fmt_cell(ours),
                        peer_cells[0],
                        peer_cells[1],
                        peer_cells[2],
                        f"{ours.peak_mib:.0f}",
                        peer_cells[3],
                    ]
                )
                + " |"
            )
    return "\n".join(rows)


def _find(results: Sequence[TaskResult], key: str) -> TaskResult | None:
    return next((r for r in results if r.task.key == key), None)


def _peer(result: TaskResult | None, tool: str) -> Series | None:
    if result is None:
        return None
    return next((p for p in result.peers if p.command.tool == tool), None)


def target_lines(results: Sequence[TaskResult]) -> Iterator[str]:
    """The targets of issue 9, each ✓ / ✗ / n/a (n/a: a side missing or not run)."""

    def verdict(ok: bool | None, text: str) -> str:
        mark = "n/a" if ok is None else ("✓" if ok else "✗")
        return f"- {mark} {text}"

    def clean(*series: Series | None) -> bool:
        return all(s is not None and not s.flag() for s in series)

    whole = _find(results, "whole")
    checkov = _peer(whole, "checkov")
    if whole and checkov and clean(whole.ours, checkov):
        budget = checkov.seconds / TARGET_WHOLE_VS_CHECKOV
        yield verdict(
            whole.ours.seconds <= budget,
            f"whole tree ≤ 1/10 of checkov: {whole.ours.seconds:.2f} s vs budget {budget:.2f} s",
        )
    else:
        yield verdict(None, "whole tree ≤ 1/10 of checkov")
    if whole and clean(whole.ours):
        yield verdict(
            whole.ours.peak_mib <= TARGET_WHOLE_PEAK_MIB,
            f"whole tree peak RSS ≤ {TARGET_WHOLE_PEAK_MIB:.0f} MiB: {whole.ours.peak_mib:.0f} MiB",
        )
    else:
        yield verdict(None, f"whole tree peak RSS ≤ {TARGET_WHOLE_PEAK_MIB:.0f} MiB")
    docker = _find(results, "dockerfile")
    hadolint = _peer(docker, "hadolint")
    if docker and hadolint and clean(docker.ours, hadolint):
        yield verdict(
            docker.ours.seconds <= hadolint.seconds,
            f"Dockerfiles no slower than hadolint: {docker.ours.seconds:.2f} s vs "
            f"{hadolint.seconds:.2f} s",
        )
    else:
        yield verdict(None, "Dockerfiles no slower than hadolint")
    workflow = _find(results, "workflow")
    zizmor = _peer(workflow, "zizmor")
    if workflow and zizmor and clean(workflow.ours, zizmor):
        budget = zizmor.seconds * TARGET_GHA_VS_ZIZMOR
        yield verdict(
            workflow.ours.seconds <= budget,
            f"workflows within 2× of zizmor: {workflow.ours.seconds:.2f} s vs budget "
            f"{budget:.2f} s",
        )
    else:
        yield verdict(None, "workflows within 2× of zizmor")
    cold = _find(results, "cold-dockerfile")
    if cold and clean(cold.ours):
        ms = cold.ours.seconds * 1000
        yield verdict(
            cold.ours.seconds <= TARGET_COLD_SECONDS,
            f"one Dockerfile cold ≤ {TARGET_COLD_SECONDS * 1000:.0f} ms median: {ms:.0f} ms",
        )
    else:
        yield verdict(None, f"one Dockerfile cold ≤ {TARGET_COLD_SECONDS * 1000:.0f} ms")


def failure_report(labelled: Sequence[tuple[str, Series]]) -> Iterator[str]:
    """stderr of every command that did not exit 0 (its first bad run, once per label)."""
    for label, series in labelled:
        bad = next((s for s in series.samples if s.exit_code != 0 or s.timed_out), None)
        if bad is None:
            continue
        runs = sum(1 for s in series.samples if s.exit_code != 0 or s.timed_out)
        yield (
            f"### {label}: {series.command.tool}: {describe_exit(bad.exit_code)}"
            + (" (timeout)" if bad.timed_out else "")
            + f" in {runs} of {len(series.samples)} runs"
        )
        yield "```"
        yield from bad.stderr_tail.rstrip().splitlines()[-25:]
        yield "```"


# --------------------------------------------------------------------------- scaling


@dataclass
class ScalePoint:
    factor: int
    files: int
    series: Series

    @property
    def per_1000(self) -> float:
        return self.series.seconds / self.files * 1000


def run_scaling(
    rl: Sequence[str], corpus: Path, factors: Sequence[int], runs: int, settings: Settings
) -> list[ScalePoint]:
    points: list[ScalePoint] = []
    with tempfile.TemporaryDirectory(prefix="rl-bench-scale-") as tmp:
        for factor in factors:
            root = Path(tmp) / f"x{factor}"
            log(f"  [scaling] copying the corpus {factor}× into {root}")
            for i in range(factor):
                copy_tree(corpus, root / f"copy{i}")
            files = count_files(root)
            series = Series(Command("resonance-lint", (*rl, ".", *RL_REPORT_ARGS), files), runs)
            for run in range(runs):
                sample = measure(
                    series.command.argv, root, timeout=settings.timeout, interval=settings.interval
                )
                series.samples.append(sample)
                log(
                    f"  [scaling {factor}×] run {run + 1}/{runs}  {sample.seconds:8.3f} s"
                    f"  {sample.peak_kib / 1024:7.1f} MiB"
                    + ("" if sample.exit_code == 0 else f"  exit {sample.exit_code}")
                )
            points.append(ScalePoint(factor, files, series))
            shutil.rmtree(root, ignore_errors=True)
    return points


def scaling_table(points: Sequence[ScalePoint]) -> str:
    rows = [
        "| copies | files | resonance-lint s | s / 1000 files | vs 1× per file | peak MiB |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    base = points[0].per_1000 if points else 0.0
    for point in points:
        relative = f"{point.per_1000 / base:.2f}" if base else "—"
        rows.append(
            f"| {point.factor}× | {point.files} | {fmt_cell(point.series)} "
            f"| {point.per_1000:.3f} | {relative} | {point.series.peak_mib:.0f} |"
        )
    return "\n".join(rows)


# --------------------------------------------------------------------------- main


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "system": f"{platform.system()} {platform.release()}",
        "python (bench)": platform.python_version(),
    }


def load_average() -> str:
    """1/5/15-minute load averages: other work on the machine skews every number."""
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        return "?"


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def factor_list(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("comma-separated integers, e.g. 1,2,4,8") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("comma-separated integers >= 1")
    return values


TASK_KEYS = (
    "whole",
    "dockerfile",
    "terraform",
    "workflow",
    "fly",
    "secrets",
    "cold-dockerfile",
    "cold-workflow",
)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Time resonance-lint against checkov, hadolint, zizmor and detect-secrets.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="tree to lint")
    p.add_argument(
        "--rl",
        default=None,
        help="resonance-lint command (shell words; default: resonance-lint next to this python)",
    )
    p.add_argument(
        "--peers",
        type=Path,
        default=DEFAULT_PEERS,
        help="peers venv made by bench/peers.sh ($PEERS_VENV)",
    )
    p.add_argument("--no-peers", action="store_true", help="time resonance-lint alone")
    p.add_argument("--runs", type=positive, default=5, help="runs per command (median)")
    p.add_argument(
        "--slow-runs", type=positive, default=3, help="runs for a command slower than the threshold"
    )
    p.add_argument(
        "--slow-threshold",
        type=float,
        default=10.0,
        help="seconds: a first run longer than this makes the command slow",
    )
    p.add_argument("--cold-runs", type=positive, default=10, help="runs of the one-file tasks")
    p.add_argument(
        "--only",
        default="",
        help="comma-separated tasks to run (" + ", ".join(TASK_KEYS) + ")",
    )
    p.add_argument("--scaling", action="store_true", help="also time 1×, 2×, 4×, 8× copies")
    p.add_argument("--scaling-factors", type=factor_list, default=[1, 2, 4, 8])
    p.add_argument("--scaling-runs", type=positive, default=3)
    p.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    p.add_argument(
        "--sample-interval", type=float, default=0.05, help="seconds between memory samples"
    )
    p.add_argument("--json", type=Path, default=None, metavar="OUT", help="save raw numbers")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpus: Path = args.corpus.resolve()
    if not corpus.is_dir():
        print(f"error: corpus not found: {corpus}", file=sys.stderr)
        return 2
    rl = shlex.split(args.rl) if args.rl else default_rl()
    peers = {} if args.no_peers else find_peers(args.peers)
    if not args.no_peers and not peers:
        log(f"note: no peers in {args.peers} (run bench/peers.sh); timing resonance-lint alone")
    settings = Settings(
        runs=args.runs,
        slow_runs=args.slow_runs,
        slow_threshold=args.slow_threshold,
        cold_runs=args.cold_runs,
        timeout=args.timeout,
        interval=args.sample_interval,
    )

    info = machine()
    info["load average at start (1/5/15 min)"] = load_average()
    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if busy > 1.0:
        log(f"warning: load average {busy:.2f} at start: other work will skew the numbers")
    tool_versions = versions(rl, peers)
    rules = installed_rules(rl)
    log(f"corpus {corpus}; tools: " + "; ".join(f"{k} {v}" for k, v in tool_versions.items()))
    log("untimed whole-tree run of resonance-lint (sanity check, warms the page cache)")
    sanity = sanity_run(rl, corpus)

    tasks = build_tasks(corpus, rl, peers)
    if args.only:
        wanted = {k.strip() for k in args.only.split(",") if k.strip()}
        tasks = [t for t in tasks if t.key in wanted]
    results: list[TaskResult] = []
    for task in tasks:
        log(f"{task.key}: {task.title}")
        results.append(run_task(task, corpus, settings))

    points: list[ScalePoint] = []
    if args.scaling:
        log("scaling")
        points = run_scaling(rl, corpus, args.scaling_factors, args.scaling_runs, settings)

    out: list[str] = ["## resonance-lint benchmark", ""]
    info["load average at end (1/5/15 min)"] = load_average()
    out += [f"- {k}: {v}" for k, v in info.items()]
    out += [f"- {k}: {v}" for k, v in tool_versions.items()]
    out.append(
        "- rules installed: "
        + (", ".join(f"{k} {n}" for k, n in sorted(rules.items())) or "none found")
    )
    out.append(
        f"- runs: median of {settings.runs} (slow commands, first run > "
        f"{settings.slow_threshold:g} s: {settings.slow_runs}; one-file tasks: "
        f"{settings.cold_runs}), interleaved"
    )
    out.append(
        f"- sanity run (untimed, whole tree): exit {sanity.exit_code}, "
        + ", ".join(
            f"{k} {sanity.summary[k]}"
            for k in ("files_checked", "findings", "internal_errors")
            if k in sanity.summary
        )
    )
    if sanity.by_code:
        out.append(
            "- findings by code: " + ", ".join(f"{k} {n}" for k, n in sanity.by_code.items())
        )
    out += ["", table(results), ""]
    notes = [note for r in results for note in r.task.notes]
    out += [f"- {note}" for note in notes]
    out += ["", "Targets (issue 9):", *target_lines(results)]
    if points:
        out += ["", "### Scaling (whole tree, the corpus copied k×)", "", scaling_table(points)]
    labelled = [(r.task.key, series) for r in results for series in (r.ours, *r.peers)]
    labelled += [(f"scaling {p.factor}×", p.series) for p in points]
    failures = list(failure_report(labelled))
    if sanity.exit_code not in (0, 1):
        failures = [
            f"### sanity run: resonance-lint: {describe_exit(sanity.exit_code)}",
            "```",
            *sanity.stderr_tail.rstrip().splitlines()[-25:],
            "```",
            *failures,
        ]
    if failures:
        out += ["", "## ⚠ Runs that did not exit 0", "", *failures]
    print("\n".join(out))

    if args.json:
        payload = {
            "machine": info,
            "versions": tool_versions,
            "corpus": str(corpus),
            "rules": dict(rules),
            "settings": asdict(settings),
            "sanity": asdict(sanity),
            "notes": notes,
            "tasks": [
                {
                    "key": r.task.key,
                    "title": r.task.title,
                    "files": r.task.files,
                    "commands": [
                        {
                            "tool": s.command.tool,
                            "argv": list(s.command.argv)[:20],
                            "argc": len(s.command.argv),
                            "files": s.command.files,
                            "median_seconds": s.seconds,
                            "median_peak_mib": s.peak_mib,
                            "samples": [asdict(x) for x in s.samples],
                        }
                        for s in (r.ours, *r.peers)
                    ],
                }
                for r in results
            ],
            "scaling": [
                {
                    "factor": p.factor,
                    "files": p.files,
                    "median_seconds": p.series.seconds,
                    "seconds_per_1000_files": p.per_1000,
                    "median_peak_mib": p.series.peak_mib,
                    "samples": [asdict(x) for x in p.series.samples],
                }
                for p in points
            ],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        log(f"raw numbers written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
