from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target, TextDocument
from ...secrets import SecretMatch, mask
from ..base import RuleContext, rule
from ._secrets import secret_problems


def _describe(match: SecretMatch) -> str:
    return (
        f"URL embeds the literal password `{mask(match.value)}`; move the credentials to a "
        "secret and build the URL at runtime"
    )


@rule(
    code="SEC303",
    name="credentials-in-url",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="`scheme://user:password@host` with a literal password",
    security_severity=8.0,
)
def credentials_in_url(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    yield from secret_problems(doc, "SEC303", _describe)
