from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule
from ._secrets import leaks


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
    for name, leak in leaks(doc.source, doc.build_args):
        yield Problem(
            leak.span,
            f"`[build.args]` `{name}` holds a secret ({leak.kind}, {leak.preview}): build "
            "arguments are stored in the image history for anyone who can pull it; use "
            f"`fly deploy --build-secret {name}=…` and a `RUN --mount=type=secret`",
            secret_hash=leak.hash,
        )
