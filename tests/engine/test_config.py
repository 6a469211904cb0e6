from __future__ import annotations

from pathlib import Path

import pytest

from resonance_lint.config import find_config, load_config, parse_config, resolve_config
from resonance_lint.errors import ResonanceError
from resonance_lint.model import Severity


def test_pyproject_table_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.resonance-lint]\nignore = ["DF203"]\nfail-on = "warning"\n'
    )
    (tmp_path / "a" / "b").mkdir(parents=True)
    found = find_config(tmp_path / "a" / "b")
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.ignore == ("DF203",)
    assert config.fail_on is Severity.WARNING
    assert config.root == str(tmp_path)


def test_dot_file_wins_and_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.resonance-lint]\nignore = ["A"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(sub) == tmp_path / "pyproject.toml"
    (sub / ".resonance-lint.toml").write_text('select = ["DF"]\n')
    assert find_config(sub) == sub / ".resonance-lint.toml"
    assert load_config(sub / ".resonance-lint.toml").select == ("DF",)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selec": ["DF"]}, "unknown config key `selec`"),
        ({"select": "DF"}, None),
        ({"select": [1]}, "list of strings"),
        ({"fail-on": "fatal"}, "invalid severity"),
        ({"severity": {"DF201": "loud"}}, "invalid severity"),
        ({"max-file-size": -1}, "positive"),
        ({"rules": {"DF201": 1}}, "one table per rule"),
        ({"per-file-ignores": ["x"]}, "per-file-ignores"),
        ({"respect-gitignore": "yes"}, "true or false"),
    ],
)
def test_validation(table: dict[str, object], message: str | None) -> None:
    if message is None:
        parse_config(table, source="cfg", root=".")
        return
    with pytest.raises(ResonanceError, match=message):
        parse_config(table, source="cfg", root=".")


def test_invalid_toml_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / ".resonance-lint.toml"
    bad.write_text("select = [\n")
    with pytest.raises(ResonanceError) as info:
        load_config(bad)
    assert "invalid TOML" in str(info.value)
    assert "\n" not in str(info.value)


def test_explicit_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ResonanceError, match="not found"):
        resolve_config(str(tmp_path / "nope.toml"), ".")
