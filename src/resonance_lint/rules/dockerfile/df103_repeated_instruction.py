from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Related, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule

_ONCE = ("CMD", "ENTRYPOINT", "HEALTHCHECK")


@rule(
    code="DF103",
    name="repeated-instruction",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="CMD, ENTRYPOINT or HEALTHCHECK more than once in one stage",
)
def repeated_instruction(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for stage in doc.stages:
        for keyword in _ONCE:
            found = list(stage.of(keyword))
            if len(found) < 2:
                continue
            last = found[-1]
            for instr in found[:-1]:
                yield Problem(
                    instr.keyword_span,
                    f"this {keyword} has no effect: the {keyword} on line {last.line} of the "
                    "same stage overrides it; remove one of them",
                    related=(
                        Related(doc.path, last.keyword_span, f"the {keyword} that takes effect"),
                    ),
                )
