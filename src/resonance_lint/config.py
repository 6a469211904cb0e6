"""Configuration: ``[tool.resonance-lint]`` in pyproject.toml or ``.resonance-lint.toml``.

The file is found from the first scanned path upward (``.resonance-lint.toml`` wins over
``pyproject.toml`` in the same folder). Every key is validated; a bad key or value raises
:class:`ResonanceError` (exit code 2 with one line).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import ResonanceError
from .model import Severity

CONFIG_FILE = ".resonance-lint.toml"
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
DEFAULT_FILE_TIME_BUDGET = 10.0
DEFAULT_EXCLUDES = (
    ".git",
    "node_modules",
    ".terraform",
    "vendor",
    ".venv",
    "venv",
    "__pycache__",
    ".tox",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)

_KNOWN_KEYS = frozenset(
    {
        "select",
        "extend-select",
        "ignore",
        "fail-on",
        "exclude",
        "extend-exclude",
        "per-file-ignores",
        "severity",
        "rules",
        "options",
        "max-file-size",
        "file-time-budget",
        "respect-gitignore",
        "no-inline-ignores",
    }
)


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Config:
    """Validated settings of one run. CLI options are merged in with :meth:`with_cli`."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.NOTE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = field(default_factory=_empty)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=_empty)
    options: Mapping[str, Any] = field(default_factory=_empty)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    file_time_budget: float = DEFAULT_FILE_TIME_BUDGET
    respect_gitignore: bool = True
    inline_ignores: bool = True
    root: str = "."
    path: str | None = None

    def with_cli(
        self,
        *,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        fail_on: str | None = None,
        no_inline_ignores: bool = False,
    ) -> Config:
        updated = self
        if select:
            updated = replace(updated, select=tuple(select))
        if ignore:
            updated = replace(updated, ignore=(*updated.ignore, *ignore))
        if fail_on:
            updated = replace(updated, fail_on=_severity(fail_on, "--fail-on"))
        if no_inline_ignores:
            updated = replace(updated, inline_ignores=False)
        return updated


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except OSError as exc:
        raise ResonanceError(f"{path}: cannot read config: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ResonanceError(f"{path}: invalid TOML: {exc}") from exc


def find_config(start: Path) -> Path | None:
    """The nearest ``.resonance-lint.toml`` or pyproject.toml with our table, upward from start."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if re.search(r"^\s*\[tool\.resonance-lint[\].]", text, re.MULTILINE):
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("resonance-lint", {})
    else:
        table = data.get("tool", {}).get("resonance-lint", data)
    if not isinstance(table, dict):
        raise ResonanceError(f"{path}: [tool.resonance-lint] must be a table")
    return parse_config(table, source=str(path), root=str(path.parent))


def _strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ResonanceError(f"{source}: `{key}` must be a list of strings")


def _severity(value: Any, key: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ResonanceError(
            f"{key}: invalid severity {value!r} (expected error, warning or note)"
        ) from None


def parse_config(table: Mapping[str, Any], *, source: str, root: str) -> Config:
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ResonanceError(
            f"{source}: unknown config key `{unknown[0]}` (known: {', '.join(sorted(_KNOWN_KEYS))})"
        )
    config = Config(root=root, path=source)
    if "select" in table:
        config = replace(config, select=_strings(table["select"], "select", source))
    if "extend-select" in table:
        config = replace(
            config, extend_select=_strings(table["extend-select"], "extend-select", source)
        )
    if "ignore" in table:
        config = replace(config, ignore=_strings(table["ignore"], "ignore", source))
    if "fail-on" in table:
        config = replace(config, fail_on=_severity(table["fail-on"], f"{source}: fail-on"))
    if "exclude" in table:
        config = replace(config, exclude=_strings(table["exclude"], "exclude", source))
    if "extend-exclude" in table:
        extra = _strings(table["extend-exclude"], "extend-exclude", source)
        config = replace(config, exclude=(*config.exclude, *extra))
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ResonanceError(f"{source}: `per-file-ignores` must be a table of glob = [codes]")
        config = replace(
            config,
            per_file_ignores=tuple(
                (glob, _strings(codes, f"per-file-ignores.{glob}", source))
                for glob, codes in pfi.items()
            ),
        )
    if "severity" in table:
        sev = table["severity"]
        if not isinstance(sev, dict):
            raise ResonanceError(f'{source}: `severity` must be a table of CODE = "level"')
        checked: dict[str, str] = {}
        for code, level in sev.items():
            if str(level).lower() != "off":
                _severity(level, f"{source}: severity.{code}")
            checked[code] = str(level).lower()
        config = replace(config, severity=MappingProxyType(checked))
    if "rules" in table:
        rules = table["rules"]
        if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
            raise ResonanceError(f"{source}: `rules` must hold one table per rule: [rules.DF201]")
        config = replace(
            config,
            rule_options=MappingProxyType(
                {code: MappingProxyType(dict(opts)) for code, opts in rules.items()}
            ),
        )
    if "options" in table:
        opts = table["options"]
        if not isinstance(opts, dict):
            raise ResonanceError(f"{source}: `options` must be a table")
        config = replace(config, options=MappingProxyType(dict(opts)))
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ResonanceError(f"{source}: `max-file-size` must be a positive number of bytes")
        config = replace(config, max_file_size=size)
    if "file-time-budget" in table:
        budget = table["file-time-budget"]
        if isinstance(budget, bool) or not isinstance(budget, (int, float)) or budget < 0:
            raise ResonanceError(f"{source}: `file-time-budget` must be seconds (0 for no limit)")
        config = replace(config, file_time_budget=float(budget))
    for key, attr in (("respect-gitignore", "respect_gitignore"),):
        if key in table:
            if not isinstance(table[key], bool):
                raise ResonanceError(f"{source}: `{key}` must be true or false")
            config = replace(config, **{attr: table[key]})
    if "no-inline-ignores" in table:
        if not isinstance(table["no-inline-ignores"], bool):
            raise ResonanceError(f"{source}: `no-inline-ignores` must be true or false")
        config = replace(config, inline_ignores=not table["no-inline-ignores"])
    return config


def resolve_config(explicit: str | None, first_path: str) -> Config:
    """Load ``--config FILE`` or the nearest config above the first scanned path."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ResonanceError(f"config file not found: {explicit}")
        return load_config(path)
    return load_config(find_config(Path(first_path) if os.path.exists(first_path) else Path(".")))
