from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Related, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import strategy


@rule(
    code="FLY205",
    name="strategy-conflicts-with-volumes",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="`canary`/`bluegreen` strategy with `[[mounts]]`",
)
def strategy_conflicts_with_volumes(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    node = strategy(doc)
    if node is None or node.value not in ("canary", "bluegreen") or not doc.mounts:
        return
    mount = doc.mounts[0]
    yield Problem(
        node.span,
        f'deploy strategy "{node.value}" cannot run with volumes: it boots extra Machines that '
        'have no volume to attach, so the deploy fails; use "rolling" or drop `[[mounts]]`',
        related=(Related(doc.path, mount.span, "volume mounted here"),),
    )
