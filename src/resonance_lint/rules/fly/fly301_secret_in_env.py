from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._secrets import leaks


@rule(
    code="FLY301",
    name="secret-in-env",
    target=Target.FLY,
    category=Category.SECRET,
    severity=Severity.ERROR,
    security_severity=8.0,
    summary="`[env]` value that is a secret",
)
def secret_in_env(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for name, leak in leaks(doc.source, doc.env):
        yield Problem(
            leak.span,
            f"`[env]` `{name}` holds a secret ({leak.kind}, {leak.preview}) in plain text in Git "
            f"and in every Machine's config; remove it and run `fly secrets set {name}=…`",
            secret_hash=leak.hash,
        )
