"""references/*.md cite real rules, every rule is cited, the checklist is machine-readable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO
from resonance_lint.registry import default_registry

REFERENCES = REPO / "references"
CHECKLIST = REFERENCES / "production_readiness_checklist.md"
CODE = re.compile(r"\b(?:RL|DF|FLY|TF|GHA|SEC|XF)\d{3}\b")
CHECKED_ITEM = re.compile(r"^- \[ \] \*\*([a-z0-9-]+)\*\* (.+?) — checked by (.+)$")
MANUAL_ITEM = re.compile(r"^- \[ \] \*\*([a-z0-9-]+)\*\* (.+?) — manual$")
CODE_LIST = re.compile(r"^`[A-Z]+\d{3}`(?:, `[A-Z]+\d{3}`)*$")
SECTIONS = (
    "Health and graceful shutdown",
    "Immutable artifacts and rollback",
    "Secrets and rotation",
    "CI/CD gates",
    "IaC state and protection",
    "Observability",
)
REQUIRED_FILES = (
    "production_readiness_checklist.md",
    "rollback_matrix.md",
    "platform_tree.md",
    "docker_optimization.md",
    "secret_rotation.md",
)


def reference_files() -> list[Path]:
    return sorted(REFERENCES.glob("*.md"))


def item_lines() -> list[tuple[int, str]]:
    lines = CHECKLIST.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line.startswith("- [ ]")]


def test_required_files_exist() -> None:
    assert set(REQUIRED_FILES) <= {p.name for p in reference_files()}


@pytest.mark.parametrize("path", reference_files(), ids=lambda p: p.name)
def test_cited_codes_exist(path: Path) -> None:
    known = default_registry().by_code
    cited = set(CODE.findall(path.read_text(encoding="utf-8")))
    assert cited, f"{path.name} cites no rule"
    assert sorted(cited - set(known)) == []


def test_every_rule_is_cited() -> None:
    cited: set[str] = set()
    for path in reference_files():
        cited.update(CODE.findall(path.read_text(encoding="utf-8")))
    expected = {code for code in default_registry().by_code if not code.startswith("RL")}
    assert sorted(expected - cited) == []


def test_checklist_items_are_machine_readable() -> None:
    bad = [
        f"line {n}: {line}"
        for n, line in item_lines()
        if not (CHECKED_ITEM.match(line) or MANUAL_ITEM.match(line))
    ]
    assert bad == []


def test_checklist_code_lists() -> None:
    for n, line in item_lines():
        match = CHECKED_ITEM.match(line)
        if match is None:
            continue
        codes = match.group(3)
        assert CODE_LIST.match(codes), f"line {n}: codes must be backticked, comma-separated"
        listed = re.findall(r"`([A-Z]+\d{3})`", codes)
        assert len(listed) == len(set(listed)), f"line {n}: a code is listed twice"
        statement = match.group(2)
        assert not CODE.search(statement), f"line {n}: codes belong after 'checked by'"


def test_checklist_ids_unique() -> None:
    ids = [
        m.group(1)
        for _, line in item_lines()
        for m in (CHECKED_ITEM.match(line) or MANUAL_ITEM.match(line),)
        if m is not None
    ]
    assert ids, "the checklist has no items"
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_checklist_sections() -> None:
    headings = re.findall(r"^## (.+)$", CHECKLIST.read_text(encoding="utf-8"), re.MULTILINE)
    for section in SECTIONS:
        assert section in headings


def test_item_format_rejects_malformed_lines() -> None:
    good = "- [ ] **health-checks-gate-traffic** Checks gate traffic — checked by `FLY201`, `XF201`"
    match = CHECKED_ITEM.match(good)
    assert match is not None
    assert match.group(1) == "health-checks-gate-traffic"
    assert CODE_LIST.match(match.group(3))
    assert MANUAL_ITEM.match("- [ ] **graceful-drain** The app drains — manual")
    for line in (
        "- [ ] **Health_Checks** Checks gate traffic — checked by `FLY201`",
        "- [ ] health-checks Checks gate traffic — checked by `FLY201`",
        "- [ ] **health-checks** Checks gate traffic - checked by `FLY201`",
    ):
        assert CHECKED_ITEM.match(line) is None
        assert MANUAL_ITEM.match(line) is None
    assert not CODE_LIST.match("FLY201, XF201")
    assert not CODE_LIST.match("`FLY201` `XF201`")
