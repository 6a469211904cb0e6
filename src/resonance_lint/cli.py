"""Command line: ``resonance-lint [PATHS]``, ``resonance-lint rules``, ``resonance-lint explain``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, config or internal error
(never hidden by ``--exit-zero``). The one user-facing error type, ResonanceError, is caught
here and printed as one line.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import Any, Callable

import click

from . import __version__
from .errors import ResonanceError
from .model import Target

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

_FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "checklist")


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.command(
    name="resonance-lint",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Also: `resonance-lint rules` lists the rules, `resonance-lint explain CODE` shows one.",
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--select", multiple=True, help="Only these rules (codes, names or prefixes; comma-separated)."
)
@click.option("--ignore", multiple=True, help="Skip these rules (codes, names or prefixes).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note"]),
    help="Lowest severity that makes the exit code 1 [default: note].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (errors still exit 2).")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file and exit 0.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: nearest .resonance-lint.toml or pyproject.toml).",
)
@click.option("--no-inline-ignores", is_flag=True, help="Disregard inline suppression comments.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (0: one per core).",
)
@click.option(
    "--target",
    "forced",
    type=click.Choice(
        [t.value for t in (Target.DOCKERFILE, Target.FLY, Target.TERRAFORM, Target.WORKFLOW)]
    ),
    help="Treat explicitly given files as this target.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Rich terminal report (auto: when stdout is a terminal).",
)
@click.option("--quiet", "-q", is_flag=True, help="Findings only: no code frames or summary table.")
@click.version_option(__version__, "--version", prog_name="resonance-lint")
def lint_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    baseline: str | None,
    write_baseline: str | None,
    config_path: str | None,
    no_inline_ignores: bool,
    jobs: int,
    forced: str | None,
    color: str,
    quiet: bool,
) -> int:
    """Check Dockerfiles, fly.toml, Terraform and GitHub Actions workflows in PATHS (default: .)."""
    from . import baseline as baseline_mod
    from .config import resolve_config
    from .engine import run
    from .registry import default_registry
    from .reporters import RenderContext, render

    targets = paths or (".",)
    config = resolve_config(config_path, targets[0]).with_cli(
        select=_split(select),
        ignore=_split(ignore),
        fail_on=fail_on,
        no_inline_ignores=no_inline_ignores,
    )
    registry = default_registry()
    known = baseline_mod.load(baseline) if baseline else None
    report = run(
        targets,
        config,
        registry=registry,
        jobs=jobs or (os.cpu_count() or 1),
        forced_target=Target(forced) if forced else None,
        baseline=known,
        progress=_progress_bar() if sys.stderr.isatty() and not quiet else None,
    )
    if write_baseline:
        baseline_mod.write(write_baseline, report.findings)
        click.echo(
            f"wrote {len(report.findings)} finding(s) to baseline {write_baseline}", err=True
        )
        return _internal(report)
    use_color = (
        fmt in ("text", "checklist")
        and output is None
        and (color == "always" or (color == "auto" and sys.stdout.isatty()))
    )
    text = render(
        fmt,
        RenderContext(report=report, registry=registry, color=use_color, quiet=quiet),
    )
    if output:
        write_atomic(output, text)
    elif use_color:
        _print_rich(text)
    else:
        click.echo(text, nl=False)
    code = _internal(report)
    if code:
        return code
    if exit_zero:
        return EXIT_OK
    threshold = config.fail_on.rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK


def _progress_bar() -> Callable[[int, int], None]:
    """A one-line progress counter on stderr (terminals only), for runs of many files."""
    import time

    started = time.monotonic()
    shown = [0.0]

    def update(done: int, total: int) -> None:
        now = time.monotonic()
        if total < 200 or (now - shown[0] < 0.1 and done != total):
            return
        shown[0] = now
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rchecking [{bar}] {done}/{total} files {now - started:4.1f}s{end}")
        sys.stderr.flush()

    return update


def _print_rich(text: str) -> None:
    if os.environ.get("NO_COLOR"):
        from rich.text import Text

        text = Text.from_ansi(text).plain
    sys.stdout.write(text)
    sys.stdout.flush()


def _internal(report: Any) -> int:
    for err in report.internal_errors:
        click.echo(
            f"resonance-lint: internal error in {err.where} on {err.path}: {err.error}", err=True
        )
    return EXIT_ERROR if report.internal_errors else EXIT_OK


def write_atomic(path: str, text: str) -> None:
    """Write via a temporary file in the same folder, then rename over the target."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".resonance-lint-", dir=folder)
    except OSError as exc:
        raise ResonanceError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise ResonanceError(f"cannot write {path}: {exc.strerror or exc}") from exc


@click.command(name="rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules_command(fmt: str) -> int:
    """List every rule: code, name, target, category, default severity."""
    from .registry import default_registry

    registry = default_registry()
    if fmt == "json":
        payload = [
            {
                "code": r.code,
                "name": r.name,
                "target": r.meta.target.value,
                "category": r.meta.category.label,
                "severity": r.meta.severity.value,
                "enabled": r.meta.enabled,
                "security_severity": r.meta.security_severity,
                "summary": r.meta.summary,
                "help_uri": r.meta.help_uri,
            }
            for r in registry.rules
        ]
        click.echo(json.dumps(payload, indent=2))
        return EXIT_OK
    for r in registry.rules:
        state = "" if r.meta.enabled else " (off)"
        click.echo(
            f"{r.code:<8} {r.name:<40} {r.meta.target.value:<16} {r.meta.category.label:<10} "
            f"{r.meta.severity.value}{state}"
        )
    return EXIT_OK


@click.command(name="explain")
@click.argument("rule")
def explain_command(rule: str) -> int:
    """Show the documentation of a rule by code or name (offline)."""
    from .pages import page
    from .registry import default_registry

    found = default_registry().lookup(rule)
    if found is None:
        raise ResonanceError(f"unknown rule {rule!r}; `resonance-lint rules` lists them")
    text = page(found.code) or f"# {found.code}: {found.name}\n\n{found.meta.summary}\n"
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        click.echo(text, nl=not text.endswith("\n"))
    return EXIT_OK


_SUBCOMMANDS = {"rules": rules_command, "explain": explain_command}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = lint_command
    if args and args[0] in _SUBCOMMANDS:
        command = _SUBCOMMANDS[args.pop(0)]
    try:
        result = command.main(args=args, prog_name="resonance-lint", standalone_mode=False)
    except ResonanceError as exc:
        click.echo(f"resonance-lint: error: {exc}", err=True)
        return EXIT_ERROR
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("resonance-lint: aborted", err=True)
        return EXIT_ERROR
    except BrokenPipeError:  # pragma: no cover - `resonance-lint | head`
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("RESONANCE_LINT_DEBUG"):
            raise
        click.echo(
            f"resonance-lint: internal error: {type(exc).__name__}: {exc} "
            "(set RESONANCE_LINT_DEBUG=1 for a traceback)",
            err=True,
        )
        return EXIT_ERROR
    return int(result or 0)


def entry() -> None:  # pragma: no cover - console script
    sys.exit(main())
