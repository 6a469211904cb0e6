from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Mapping, Problem, Scalar, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._common import all_checks
from ._secrets import find_secret

#: Headers whose value is a credential whatever it looks like.
CREDENTIAL_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "x-api-key",
        "api-key",
        "apikey",
        "x-auth-token",
        "x-access-token",
        "x-csrf-token",
    }
)


@rule(
    code="FLY303",
    name="secret-in-check-headers",
    target=Target.FLY,
    category=Category.SECRET,
    severity=Severity.ERROR,
    security_severity=7.0,
    summary="literal credentials in health-check `headers`",
)
def secret_in_check_headers(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for check in all_checks(doc):
        headers = check.node.get("headers")
        if not isinstance(headers, Mapping):
            continue
        for pair in headers.pairs:
            if not isinstance(pair.value, Scalar):
                continue
            name = str(pair.key.value)
            sensitive = name.lower() in CREDENTIAL_HEADERS
            leak = find_secret(doc.source, name, pair.value, sensitive=sensitive)
            if leak is None:
                continue
            yield Problem(
                leak.span,
                f"{check.label} sends a literal credential in header `{name}` ({leak.preview}): "
                "it is committed to Git and readable in the Machine config; make the health "
                "endpoint unauthenticated or restrict it by network instead",
                secret_hash=leak.hash,
            )
