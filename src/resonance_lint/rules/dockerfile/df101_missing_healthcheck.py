from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import stage_chain


def _fly_health_checked(doc: DockerfileDocument, ctx: RuleContext) -> bool:
    """Whether a fly.toml of the same app defines health checks.

    The platform's checks then gate the app, so a missing HEALTHCHECK is not worth a note.
    """
    from ...links import fly_configs_for_dockerfile, has_service_checks

    return any(has_service_checks(fly) for fly in fly_configs_for_dockerfile(ctx.project, doc.path))


@rule(
    code="DF101",
    name="missing-healthcheck",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="Final stage has no HEALTHCHECK",
)
def missing_healthcheck(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    final = doc.final_stage
    if final is None:
        return
    for stage in stage_chain(doc, final):
        if any(True for _ in stage.of("HEALTHCHECK")):
            return  # HEALTHCHECK NONE is an explicit decision, inherited ones count too
    if _fly_health_checked(doc, ctx):
        return
    yield Problem(
        final.from_instruction.keyword_span,
        f"final stage {final.label} has no HEALTHCHECK; add one so the runtime can detect "
        "and replace an unhealthy container",
    )
