from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...model import Category, Problem, Related, Severity, Span, Target
from ...parsers.dockerfile import DockerfileDocument, Flag, expand_variables
from ..base import RuleContext, rule
from ._common import global_variables, stage_sources
from ._images import OFFICIAL_IMAGES


def _looks_like_image(reference: str) -> bool:
    return any(ch in reference for ch in "/:@") or reference.lower() in OFFICIAL_IMAGES


@rule(
    code="DF111",
    name="bad-stage-reference",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="`COPY --from=` naming no earlier stage, its own stage, or duplicate stage names",
)
def bad_stage_reference(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    first_named: dict[str, int] = {}
    for stage in doc.stages:
        if stage.name is None or stage.name_span is None:
            continue
        if stage.name in first_named:
            earlier = doc.stages[first_named[stage.name]]
            yield Problem(
                stage.name_span,
                f"stage name `{stage.name}` is already used by the stage on line "
                f"{earlier.from_instruction.line}; give each stage a unique name",
                related=(
                    Related(
                        doc.path,
                        earlier.name_span or earlier.from_instruction.keyword_span,
                        "first stage with this name",
                    ),
                ),
            )
        else:
            first_named[stage.name] = stage.index

    globals_ = global_variables(doc)
    names = {s.name: s for s in reversed(doc.stages) if s.name}
    for stage in doc.stages:
        for instr in stage.instructions[1:]:
            for reference, flag in stage_sources(instr):
                value, ok = expand_variables(reference, globals_, doc.escape)
                if not ok or "$" in value or not isinstance(flag, Flag):
                    continue
                span: Span = flag.value_span or flag.span
                option = "--from" if instr.keyword != "RUN" else "--mount from"
                if value.isdigit():
                    if int(value) >= stage.index:
                        yield Problem(
                            span,
                            f"`{option}={value}` refers to stage #{value}, which is not an earlier "
                            f"stage (this is stage #{stage.index}); copy from an earlier stage",
                        )
                    continue
                lowered = value.lower()
                target = names.get(lowered)
                if target is not None and target.index < stage.index:
                    continue
                if target is not None and target.index == stage.index:
                    yield Problem(
                        span,
                        f"`{option}={value}` refers to its own stage; copy from an earlier stage",
                    )
                elif target is not None:
                    yield Problem(
                        span,
                        f"`{option}={value}` refers to a stage defined later (line "
                        f"{target.from_instruction.line}); move that stage before this one",
                    )
                elif not _looks_like_image(value):
                    candidates = [n for n, s in names.items() if s.index < stage.index]
                    close = difflib.get_close_matches(lowered, candidates, n=1)
                    hint = (
                        f"did you mean `{close[0]}`?"
                        if close
                        else "name an earlier stage or a full image reference"
                    )
                    yield Problem(
                        span,
                        f"`{option}={value}` names no earlier stage and is not an image; {hint}",
                    )
