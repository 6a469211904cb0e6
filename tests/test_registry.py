"""The registry, RULES.md and rules/*.md agree; every rule has its tests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from helpers import REPO
from resonance_lint.model import Category
from resonance_lint.registry import default_registry

RULES_MD = REPO.parent / "shared" / "RULES.md"
PAGES = REPO / "rules"
REGISTRY = default_registry()
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "References")
ROW = re.compile(r"^\|\s*([A-Z]+\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*([^|]+?)\s*\|", re.MULTILINE)


def catalogue() -> dict[str, tuple[str, str]]:
    if not RULES_MD.is_file():
        pytest.skip(f"rule catalogue not found at {RULES_MD}")
    return {code: (name, sev) for code, name, sev in ROW.findall(RULES_MD.read_text())}


def test_registry_matches_catalogue() -> None:
    rows = catalogue()
    ours = {
        r.code: (r.name, r.meta.severity.value + ("" if r.meta.enabled else ", off"))
        for r in REGISTRY.rules
    }
    assert ours == rows


def test_pages_match_registry() -> None:
    pages = {p.stem for p in PAGES.glob("*.md")}
    assert pages == set(REGISTRY.by_code)


@pytest.mark.parametrize("rule", REGISTRY.rules, ids=lambda r: r.code)
def test_page_shape(rule: object) -> None:
    code, name = rule.code, rule.name  # type: ignore[attr-defined]
    text = (PAGES / f"{code}.md").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {code}: {name}"
    for title in SECTIONS:
        assert f"\n## {title}\n" in text, f"{code}.md lacks '## {title}'"
    if rule.meta.options:  # type: ignore[attr-defined]
        assert "\n## Configuration\n" in text


@pytest.mark.parametrize("rule", REGISTRY.rules, ids=lambda r: r.code)
def test_metadata(rule: object) -> None:
    meta = rule.meta  # type: ignore[attr-defined]
    assert int(meta.code[-3]) == meta.category.value
    if meta.category >= Category.SECRET:
        assert meta.security_severity is not None
        assert 0 < meta.security_severity <= 10
    assert len(meta.all_tags) <= 20


@pytest.mark.parametrize(
    "rule", [r for r in REGISTRY.rules if not r.code.startswith("RL")], ids=lambda r: r.code
)
def test_every_rule_has_a_test_module(rule: object) -> None:
    code = rule.code.lower()  # type: ignore[attr-defined]
    assert list((REPO / "tests" / "rules").glob(f"*/test_{code}*.py")), f"no tests for {code}"


def test_rule_codes_follow_the_scheme() -> None:
    for r in REGISTRY.rules:
        assert re.fullmatch(r"(RL|DF|FLY|TF|GHA|SEC|XF)\d{3}", r.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name)


def test_registry_import_is_light() -> None:
    """Importing the registry must not import the parsers' heavy libraries."""
    import subprocess

    code = (
        "import sys, resonance_lint.registry, resonance_lint.engine, resonance_lint.cli;"
        "heavy = {'yaml', 'tree_sitter', 'detect_secrets', 'bashlex', 'dockerfile_parse', 'rich'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_dockerfile_run_loads_only_what_it_needs(tmp_path: Path) -> None:
    """Issue 9: a Dockerfile-only run imports neither the HCL nor the YAML parser, nor the
    Terraform, fly.toml or workflow rules."""
    import subprocess

    (tmp_path / "Dockerfile").write_text("FROM node:22.11.0\nUSER node\n")
    code = (
        "import sys; from resonance_lint.cli import main;"
        "main(['Dockerfile', '--format', 'json', '--output', 'out.json']);"
        "mods = [m for m in sys.modules if m.startswith(('resonance_lint.parsers', "
        "'resonance_lint.rules.', 'yaml', 'tree_sitter'))];"
        "print(' '.join(sorted(mods)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "resonance_lint.rules.dockerfile" in out
    for heavy in (
        "resonance_lint.parsers.hcl",
        "resonance_lint.parsers.terraform",
        "resonance_lint.parsers.yaml",
        "resonance_lint.parsers.workflow",
        "resonance_lint.rules.terraform",
        "resonance_lint.rules.workflow",
        "yaml",
    ):
        assert heavy not in out
