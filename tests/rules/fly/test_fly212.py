from __future__ import annotations

import pytest

from helpers import hits

MOUNT = '[[mounts]]\nsource = "data"\ndestination = "/data"\n'


@pytest.mark.parametrize(
    ("extra", "position"),
    [
        ("scheduled_snapshots = false\n", (4, 23)),
        ("snapshot_retention = 90\n", (4, 22)),
        ("snapshot_retention = 0\n", (4, 22)),
    ],
)
def test_weak_snapshots(extra: str, position: tuple[int, int]) -> None:
    assert hits("fly.toml", MOUNT + extra, "FLY212") == [(*position, "FLY212")]


def test_legacy_single_mount_too() -> None:
    text = '[mount]\nsource = "data"\nscheduled_snapshots = false\n'
    assert hits("fly.toml", text, "FLY212") == [(3, 23, "FLY212")]


@pytest.mark.parametrize(
    "extra",
    ["", "scheduled_snapshots = true\nsnapshot_retention = 14\n", "snapshot_retention = 60\n"],
)
def test_snapshots_kept(extra: str) -> None:
    assert hits("fly.toml", MOUNT + extra, "FLY212") == []
