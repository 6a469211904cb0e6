from __future__ import annotations

import pytest

from helpers import hits

TEMPLATE = (
    'resource "aws_instance" "web" {{\n  lifecycle {{\n    ignore_changes = {value}\n  }}\n}}\n'
)


@pytest.mark.parametrize("value", ["all", '["*"]', '"all"'])
def test_ignore_changes_all(value: str) -> None:
    assert hits("main.tf", TEMPLATE.format(value=value), "TF106") == [(3, 22, "TF106")]


@pytest.mark.parametrize("value", ["[tags]", "[tags, ami]", "[]"])
def test_listed_attributes_are_fine(value: str) -> None:
    assert hits("main.tf", TEMPLATE.format(value=value), "TF106") == []


def test_one_line_lifecycle() -> None:
    text = 'resource "aws_instance" "web" {\n  lifecycle { ignore_changes = all }\n}\n'
    assert hits("main.tf", text, "TF106") == [(2, 32, "TF106")]
