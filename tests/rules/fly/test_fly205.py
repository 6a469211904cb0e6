from __future__ import annotations

import pytest

from helpers import findings, hits


@pytest.mark.parametrize(
    ("strategy", "mounts"),
    [("canary", '[[mounts]]\nsource = "d"\n'), ("bluegreen", '[mounts]\nsource = "d"\n')],
)
def test_strategy_with_volumes(strategy: str, mounts: str) -> None:
    text = f'[deploy]\nstrategy = "{strategy}"\n{mounts}destination = "/data"\n'
    assert hits("fly.toml", text, "FLY205") == [(2, 12, "FLY205")]


def test_related_points_at_the_mount() -> None:
    text = '[deploy]\nstrategy = "canary"\n\n[[mounts]]\nsource = "d"\n'
    (found,) = findings({"fly.toml": text}, "FLY205")
    assert [(r.span.line, r.span.column) for r in found.related] == [(4, 3)]


@pytest.mark.parametrize(
    "text",
    [
        '[deploy]\nstrategy = "rolling"\n[[mounts]]\nsource = "d"\n',
        '[deploy]\nstrategy = "canary"\n',
        '[[mounts]]\nsource = "d"\n',
    ],
)
def test_fine(text: str) -> None:
    assert hits("fly.toml", text, "FLY205") == []
