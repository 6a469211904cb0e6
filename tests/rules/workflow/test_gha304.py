from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/ci.yml"
STEP = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        env:\n"


@pytest.mark.parametrize(
    ("value", "token"),
    [
        ("${{ toJSON(secrets) }}", "secrets"),
        ("${{ toJson( secrets ) }}", "secrets"),
        ("${{ secrets[format('{0}_TOKEN', matrix.env)] }}", "secrets["),
        ("${{ secrets[matrix.name] }}", "secrets["),
    ],
)
def test_whole_or_dynamic_secrets(value: str, token: str) -> None:
    text = STEP + f'          ALL: "{value}"\n'
    column = 17 + value.index(token)  # `          ALL: "` puts the value at column 17
    assert hits(WF, text, "GHA304") == [(8, column, "GHA304")]


@pytest.mark.parametrize(
    "value",
    [
        "${{ secrets.TOKEN }}",
        "${{ secrets['TOKEN'] }}",
        "${{ toJSON(github) }}",
        "${{ toJSON(matrix) }}",
    ],
)
def test_named_secrets_are_fine(value: str) -> None:
    text = STEP + f'          X: "{value}"\n'
    assert hits(WF, text, "GHA304") == []
