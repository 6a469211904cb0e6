from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...secrets import is_placeholder, is_sensitive_name, mask, scan_value, secret_hash
from ..base import RuleContext, rule
from ._common import copy_like, shipped_stages


@rule(
    code="DF301",
    name="secret-in-arg-or-env",
    target=Target.DOCKERFILE,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="ARG/ENV with a secret-looking name and a literal value (or a secret build arg)",
    security_severity=8.0,
)
def secret_in_arg_or_env(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    shipped = shipped_stages(doc)
    reported_args: set[str] = set()
    for instr in copy_like(doc, "ARG", "ENV"):
        for pair in instr.pairs:
            value = pair.value
            if value is None:
                if (
                    instr.keyword == "ARG"
                    and instr.stage in shipped
                    and is_sensitive_name(pair.key)
                    and pair.key not in reported_args
                ):
                    reported_args.add(pair.key)
                    yield Problem(
                        pair.key_span,
                        f"build arg `{pair.key}` looks like a secret: build args are recorded in "
                        "the image history; use `RUN --mount=type=secret` instead",
                        severity=Severity.WARNING,
                    )
                continue
            span = pair.value_span or pair.key_span
            if is_sensitive_name(pair.key) and not is_placeholder(value):
                yield Problem(
                    span,
                    f"{instr.keyword} `{pair.key}` has the literal value {mask(value)}: it is "
                    "stored in the Dockerfile and the image; pass it as a build secret "
                    "(`RUN --mount=type=secret`) or at run time",
                    secret_hash=secret_hash(value),
                )
                continue
            for match in scan_value(value)[:1]:
                yield Problem(
                    span,
                    f"{instr.keyword} `{pair.key}` contains a {match.kind} "
                    f"({mask(match.value)}): it is stored in the Dockerfile and the image; "
                    "pass it as a build secret or at run time",
                    secret_hash=secret_hash(match.value),
                )
