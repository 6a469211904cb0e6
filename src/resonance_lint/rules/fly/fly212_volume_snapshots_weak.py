from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument, scalar_str
from ..base import RuleContext, rule
from ._common import number

MIN_RETENTION = 1
MAX_RETENTION = 60


@rule(
    code="FLY212",
    name="volume-snapshots-weak",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`[[mounts]]` with `scheduled_snapshots = false` or `snapshot_retention` outside 1-60",
)
def volume_snapshots_weak(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for mount in doc.mounts:
        name = scalar_str(mount.node.scalar("source")) or "volume"
        scheduled = mount.node.scalar("scheduled_snapshots")
        if scheduled is not None and scheduled.value is False:
            yield Problem(
                scheduled.span,
                f"mount `{name}` turns daily snapshots off: a deleted or corrupted volume "
                "cannot be restored; remove `scheduled_snapshots = false`",
            )
        retention = mount.node.scalar("snapshot_retention")
        days = number(retention)
        if (
            retention is not None
            and days is not None
            and not (MIN_RETENTION <= days <= MAX_RETENTION)
        ):
            yield Problem(
                retention.span,
                f"mount `{name}` sets `snapshot_retention = {retention.value}`, outside the 1-60 "
                "days Fly accepts: the deploy is rejected; pick a retention between 1 and 60",
            )
