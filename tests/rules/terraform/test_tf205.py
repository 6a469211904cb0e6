from __future__ import annotations

import pytest

from helpers import hits, hits_multi

BAD = 'resource "aws_db_instance" "db" {\n  skip_final_snapshot = true\n}\n'


@pytest.mark.parametrize(
    "kind",
    [
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_docdb_cluster",
        "aws_neptune_cluster",
        "aws_redshift_cluster",
    ],
)
def test_skip_final_snapshot_true(kind: str) -> None:
    text = f'resource "{kind}" "db" {{\n  skip_final_snapshot = true\n}}\n'
    assert hits("main.tf", text, "TF205") == [(2, 25, "TF205")]


def test_false_or_absent() -> None:
    assert hits("main.tf", BAD.replace("true", "false"), "TF205") == []
    assert hits("main.tf", 'resource "aws_db_instance" "db" {}\n', "TF205") == []


def test_module_input_and_variable_default() -> None:
    text = 'module "db" {\n  source = "./db"\n  skip_final_snapshot = true\n}\n'
    assert hits("main.tf", text, "TF205") == [(3, 25, "TF205")]
    files = {
        "main.tf": 'resource "aws_rds_cluster" "c" {\n  skip_final_snapshot = var.skip\n}\n',
        "vars.tf": 'variable "skip" {\n  default = true\n}\n',
    }
    assert hits_multi(files, "TF205") == [("main.tf", 2, 25, "TF205")]


@pytest.mark.parametrize(
    "text",
    [
        # comment at the end of the line, each comment style
        BAD.replace("true\n", "true # resonance-lint: ignore[TF205]\n"),
        BAD.replace("true\n", "true // resonance-lint: ignore[TF205]\n"),
        BAD.replace("true\n", "true /* resonance-lint: ignore[final-snapshot-skipped] */\n"),
        # comment on the line above, each comment style
        BAD.replace("  skip", "  # resonance-lint: ignore[TF205] dev database\n  skip"),
        BAD.replace("  skip", "  // resonance-lint: ignore[TF205] dev database\n  skip"),
        BAD.replace("  skip", "  /* resonance-lint: ignore[TF205] dev database */\n  skip"),
        # above a multi-line attribute: covers all its lines
        'resource "aws_db_instance" "db" {\n  # resonance-lint: ignore[TF205]\n'
        "  skip_final_snapshot = (\n    true\n  )\n}\n",
    ],
)
def test_inline_suppressions(text: str) -> None:
    assert hits("main.tf", text, "TF205") == []
