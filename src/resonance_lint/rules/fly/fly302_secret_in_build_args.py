from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._secrets import find_secret


@rule(
    code="FLY302",
    name="secret-in-build-args",
    target=Target.FLY,
    category=Category.SECRET,
    severity=Severity.ERROR,
    security_severity=8.0,
    summary="`[build.args]` with a secret",
)
def secret_in_build_args(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for pair in doc.build_args:
        if not isinstance(pair.value, Scalar):
            continue
        name = str(pair.key.value)
        leak = find_secret(doc.source, name, pair.value)
        if leak is None:
            continue
        yield Problem(
            leak.span,
            f"`[build.args]` `{name}` holds a secret ({leak.kind}, {leak.preview}): build "
            "arguments are stored in the image history for anyone who can pull it; use "
            f"`fly deploy --build-secret {name}=…` and a `RUN --mount=type=secret`",
            secret_hash=leak.hash,
        )
