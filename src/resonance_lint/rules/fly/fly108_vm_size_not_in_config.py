from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY108",
    name="vm-size-not-in-config",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="no `[[vm]]`: Machine size lives only in the platform",
)
def vm_size_not_in_config(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    if not doc.vms:
        yield Problem(
            doc.anchor,
            "fly.toml has no `[[vm]]` section: Machine size and memory live only in the "
            "platform (set by `fly scale`), not in Git; add `[[vm]]` with `size` or `memory`",
        )
