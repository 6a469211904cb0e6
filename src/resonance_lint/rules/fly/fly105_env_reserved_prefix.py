from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


@rule(
    code="FLY105",
    name="env-reserved-prefix",
    target=Target.FLY,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="`[env]` name starting with `FLY_`",
)
def env_reserved_prefix(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for pair in doc.env:
        name = str(pair.key.value)
        if name.startswith("FLY_"):
            yield Problem(
                pair.key.span,
                f"`[env]` variable `{name}` uses the reserved `FLY_` prefix: the runtime sets "
                "`FLY_*` variables and clashes are rejected or overwritten; rename it",
            )
