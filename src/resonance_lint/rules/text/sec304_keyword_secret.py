from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target, TextDocument
from ...secrets import SecretMatch, mask
from ..base import RuleContext, rule
from ._secrets import secret_problems


def _describe(match: SecretMatch) -> str:
    where = f"`{match.name}`" if match.name else "a secret-named key"
    return (
        f"{where} is set to a literal {match.kind} `{mask(match.value)}`; read it from the "
        "environment or a secret store instead"
    )


@rule(
    code="SEC304",
    name="keyword-secret",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.WARNING,
    summary='`password = "…"`-style assignments with literal values',
    security_severity=7.0,
    precision="medium",
)
def keyword_secret(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    yield from secret_problems(doc, "SEC304", _describe)
