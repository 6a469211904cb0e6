from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule


@rule(
    code="DF112",
    name="must-start-with-from",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="First instruction (after parser directives and ARGs) is not FROM",
)
def must_start_with_from(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    if not doc.instructions:
        return
    for instr in doc.instructions:
        if instr.keyword == "ARG":
            continue
        if instr.keyword != "FROM":
            yield Problem(
                instr.keyword_span,
                f"{instr.keyword} comes before any FROM; a Dockerfile must start with FROM "
                "(only ARG may precede it)",
            )
        return
    first = doc.instructions[0]
    yield Problem(first.keyword_span, "the Dockerfile has no FROM instruction; add `FROM <image>`")
