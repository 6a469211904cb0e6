"""Benchmark of the secret scanner over a tree (default: ../shared/corpus).

    python bench/secrets_bench.py [ROOT] [--list] [--compare] [--repeat N]

Reports, for every text file under ROOT (binaries and ``.git`` skipped):

- files, bytes, lines; the lines the prefilter selects (what the detectors see) and what the
  prefilter saves (the same detectors run on every line, no prefilter);
- our in-process scan time (``resonance_lint.secrets.scan_text``, best of ``--repeat``);
- findings per rule and kind (``--list`` prints each finding, secret masked);
- with ``--compare``: ``detect-secrets scan --all-files`` on the same tree, timed, run from the
  separate venv ``/work/peers`` (or ``$DETECT_SECRETS``), and its findings per type.

Secrets are never printed: only ``mask()`` previews.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from resonance_lint import secrets_scan  # noqa: E402
from resonance_lint.secrets import mask, scan_text  # noqa: E402

DEFAULT_ROOT = REPO.parent / "shared" / "corpus"
DETECT_SECRETS = os.environ.get("DETECT_SECRETS", "/work/peers/bin/detect-secrets")


def read_tree(root: Path) -> list[tuple[str, str]]:
    files: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            data = path.read_bytes()
            if b"\x00" in data[:8192]:
                continue
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                continue
            files.append((path.relative_to(root).as_posix(), text))
    return files


def best_of(repeat: int, fn: object) -> float:
    assert callable(fn)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run_ours(files: list[tuple[str, str]]) -> list[tuple[str, object]]:
    secrets_scan.scan.cache_clear()
    out: list[tuple[str, object]] = []
    for path, text in files:
        for match in scan_text(text, path):
            out.append((path, match))
    return out


def run_no_prefilter(files: list[tuple[str, str]]) -> None:
    """The same detectors on every line (what the prefilter saves)."""
    for path, text in files:
        lock = secrets_scan.is_lock_file(path)
        ctx = secrets_scan._Context(path, secrets_scan._unquoted_mode(path), not lock)
        claimed: list[tuple[int, int]] = []
        for start, end in secrets_scan.all_lines(text):
            line = text[start:end]
            secrets_scan._scan_line(line, start, ctx, claimed)
            if ctx.context_rules and len(line) <= secrets_scan.MAX_CONTEXT_LINE:
                # without a prefilter the context detectors would run on every line too
                list(secrets_scan._keyword_plugin(line, ctx))
                list(secrets_scan._high_entropy(line))


def run_detect_secrets(root: Path) -> tuple[float, Counter[str], int]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [DETECT_SECRETS, "scan", "--all-files", "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - t0
    results = json.loads(proc.stdout)["results"]
    types: Counter[str] = Counter()
    total = 0
    for items in results.values():
        for item in items:
            types[item["type"]] += 1
            total += 1
    return elapsed, types, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=str(DEFAULT_ROOT))
    parser.add_argument("--list", action="store_true", help="print every finding (masked)")
    parser.add_argument("--compare", action="store_true", help="also time detect-secrets")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not root.is_dir():
        print(f"no such directory: {root}")
        return 2

    files = read_tree(root)
    n_bytes = sum(len(t) for _, t in files)
    n_lines = sum(t.count("\n") + 1 for _, t in files)
    n_candidates = sum(sum(1 for _ in secrets_scan.candidate_lines(t)) for _, t in files)
    print(f"files: {len(files)}  chars: {n_bytes:,}  lines: {n_lines:,}")
    print(
        f"prefilter: {n_candidates:,} candidate lines "
        f"({100 * n_candidates / max(n_lines, 1):.1f}% of lines reach the detectors)"
    )

    t0 = time.perf_counter()
    import resonance_lint.secrets_ds as ds

    ds.engine()
    print(f"detect-secrets import + plugin setup (once): {time.perf_counter() - t0:.3f}s")

    found: list[tuple[str, object]] = []

    def ours() -> None:
        found[:] = run_ours(files)

    ours_time = best_of(args.repeat, ours)
    print(
        f"ours: {ours_time:.3f}s for {len(files)} files "
        f"({1000 * ours_time / max(len(files), 1):.3f} ms/file, "
        f"{n_bytes / ours_time / 1e6:.1f} MB/s)"
    )
    no_pre = best_of(1, lambda: run_no_prefilter(files))
    print(
        f"same detectors without prefilter: {no_pre:.3f}s "
        f"(prefilter saves {no_pre / ours_time:.1f}x)"
    )

    by_rule: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    for _, match in found:
        by_rule[match.rule] += 1  # type: ignore[attr-defined]
        by_kind[(match.rule, match.kind)] += 1  # type: ignore[attr-defined]
    print(f"findings: {len(found)}  " + "  ".join(f"{r}={c}" for r, c in sorted(by_rule.items())))
    for (rule, kind), count in sorted(by_kind.items()):
        print(f"  {rule} {kind}: {count}")
    if args.list:
        for path, match in found:
            text = dict(files)[path]
            line = text.count("\n", 0, match.start) + 1  # type: ignore[attr-defined]
            name = f" name={match.name}" if match.name else ""  # type: ignore[attr-defined]
            print(
                f"  {path}:{line}: {match.rule} {match.kind} "  # type: ignore[attr-defined]
                f"{mask(match.value)}{name}"  # type: ignore[attr-defined]
            )

    if args.compare:
        if not Path(DETECT_SECRETS).exists():
            print(f"detect-secrets CLI not found at {DETECT_SECRETS}; skipping the comparison")
            return 0
        ds_time, ds_types, ds_total = run_detect_secrets(root)
        print(f"detect-secrets scan --all-files: {ds_time:.3f}s, {ds_total} findings")
        for kind, count in ds_types.most_common():
            print(f"  {kind}: {count}")
        print(f"speed-up: {ds_time / ours_time:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
