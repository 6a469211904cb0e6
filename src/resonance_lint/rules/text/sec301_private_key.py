from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target, TextDocument
from ...secrets import SecretMatch
from ..base import RuleContext, rule
from ._secrets import secret_problems


def _describe(match: SecretMatch) -> str:
    return (
        f"{match.kind} block committed ({len(match.value)} chars); remove it from the "
        "repository, rotate the key, and mount it from a secret store at runtime"
    )


@rule(
    code="SEC301",
    name="private-key",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="PEM/OpenSSH private key blocks",
    security_severity=9.0,
)
def private_key(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    yield from secret_problems(doc, "SEC301", _describe, head_only=True)
