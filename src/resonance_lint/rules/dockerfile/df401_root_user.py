from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument, Instruction
from ..base import RuleContext, rule
from ._common import expand, is_root, stage_chain

#: Base image tags that already run as a non-root user (distroless ``:nonroot`` and the like).
_NONROOT_TAGS = ("nonroot", "non-root", "rootless")


@rule(
    code="DF401",
    name="root-user",
    target=Target.DOCKERFILE,
    category=Category.SECURITY,
    severity=Severity.WARNING,
    summary="Final stage runs as root: no USER, or last USER is root/0",
    security_severity=5.0,
)
def root_user(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    final = doc.final_stage
    if final is None:
        return
    last: Instruction | None = None
    base_image = None
    for stage in stage_chain(doc, final):
        users = [i for i in stage.of("USER") if i.words]
        if users:
            last = users[-1]
            break
        base_image = stage.image
    if last is None:
        tag = (base_image.tag or "") if base_image is not None else ""
        if any(word in tag.lower() for word in _NONROOT_TAGS):
            return
        yield Problem(
            final.from_instruction.keyword_span,
            f"final stage {final.label} sets no USER, so the container runs as root; add a "
            "non-root user and `USER <name>`",
        )
        return
    word = last.words[0]
    value, known = expand(doc, last, word.value)
    if known and is_root(value):
        yield Problem(
            word.span,
            f"the final stage runs as `{value}`; switch to a non-root user with `USER <name>` "
            "after the steps that need root",
        )
