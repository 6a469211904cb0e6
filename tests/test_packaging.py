"""Every third-party module the package imports is a declared runtime dependency.

(Test tools such as mypy bring some libraries along, so a missing declaration would pass the
suite and break `pip install .` — this test catches it.)
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from helpers import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SRC = REPO / "src" / "resonance_lint"
STDLIB = set(getattr(sys, "stdlib_module_names", ())) | {"tomllib"}


def imported_top_level(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_runtime_imports_are_declared() -> None:
    if sys.version_info < (3, 10):
        import pytest

        pytest.skip("sys.stdlib_module_names and packages_distributions need Python 3.10")
    from importlib.metadata import packages_distributions

    declared = {
        re.split(r"[<>=;\[ ]", dep, maxsplit=1)[0].lower().replace("_", "-")
        for dep in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    distributions = packages_distributions()
    missing = {}
    for path in SRC.rglob("*.py"):
        for module in imported_top_level(path) - STDLIB - {"resonance_lint", "__future__"}:
            dists = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
            if not dists & declared and module != "tomli":
                missing[module] = path.relative_to(REPO).as_posix()
    assert missing == {}
