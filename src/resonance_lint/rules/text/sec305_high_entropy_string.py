from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target, TextDocument
from ...secrets import SecretMatch, mask
from ..base import RuleContext, rule
from ._secrets import secret_problems


def _describe(match: SecretMatch) -> str:
    return (
        f"{match.kind} `{mask(match.value)}` on a line about credentials looks like a secret; "
        "if it is one, move it to a secret store (suppress the finding if it is not)"
    )


@rule(
    code="SEC305",
    name="high-entropy-string",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.NOTE,
    summary="high-entropy base64/hex strings in secret-looking context",
    security_severity=5.0,
    precision="low",
)
def high_entropy_string(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    yield from secret_problems(doc, "SEC305", _describe)
