from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target, TextDocument
from ...secrets import SecretMatch, mask
from ..base import RuleContext, rule
from ._secrets import secret_problems


def _describe(match: SecretMatch) -> str:
    return (
        f"{match.kind} `{mask(match.value)}` is committed; revoke it and inject it at runtime "
        "from a secret store (CI secrets, `fly secrets set`, a secret manager)"
    )


@rule(
    code="SEC302",
    name="provider-token",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="tokens with a known format (AWS, GitHub, GitLab, Slack, Stripe, Fly.io, …)",
    security_severity=9.0,
)
def provider_token(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    yield from secret_problems(doc, "SEC302", _describe)
