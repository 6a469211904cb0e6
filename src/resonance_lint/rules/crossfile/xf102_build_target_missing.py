from __future__ import annotations

from collections.abc import Iterator

from ...links import build_target, fly_apps, named_dockerfile, stage_chain
from ...model import Category, Problem, Project, Related, Severity, Target
from ...parsers.dockerfile import DockerfileDocument, Stage
from ...parsers.fly import FlyDocument, scalar_str
from ..base import RuleContext, rule
from ._app import command_instructions

# Base images whose own CMD starts the service, so a stage built on them needs none.
_SERVING_BASES = frozenset(
    {
        "nginx",
        "httpd",
        "caddy",
        "traefik",
        "haproxy",
        "envoyproxy/envoy",
        "postgres",
        "mysql",
        "mariadb",
        "redis",
        "valkey/valkey",
        "memcached",
        "rabbitmq",
        "mongo",
        "grafana/grafana",
        "prom/prometheus",
        "minio/minio",
        "nginxinc/nginx-unprivileged",
    }
)


@rule(
    code="XF102",
    name="build-target-missing",
    target=Target.PROJECT,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="fly `[build] dockerfile` missing, `build-target` not a stage, or the stage has no CMD",
)
def build_target_missing(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    for app in fly_apps(project):
        fly = app.fly
        named = named_dockerfile(fly)
        node = fly.build.scalar("dockerfile") if fly.build is not None else None
        if named not in (None, "<url>") and node is not None and named not in project.files:
            yield Problem(
                node.span,
                f"[build] dockerfile points at {named}, which does not exist: "
                "`fly deploy` fails before anything ships",
                path=fly.path,
            )
            continue
        target = build_target(fly)
        doc = app.dockerfile
        if target is None or doc is None:
            continue
        name = scalar_str(target) or ""
        if app.stage is None:
            stages = ", ".join(s.name for s in doc.stages if s.name) or "none named"
            yield Problem(
                target.span,
                f"build-target {name!r} is not a stage of {doc.path} (stages: {stages}): "
                "the build fails",
                path=fly.path,
                related=(
                    Related(doc.path, doc.stages[0].from_instruction.span, "stages start here"),
                )
                if doc.stages
                else (),
            )
            continue
        if fly.processes is not None or _has_cmd_override(fly):
            continue
        entrypoint, cmd = command_instructions(doc, app.stage)
        if entrypoint is not None or cmd is not None:
            continue
        base = _root_image(doc, app.stage)
        if base is None or base in _SERVING_BASES:
            continue
        yield Problem(
            target.span,
            f"build-target {name!r} ({doc.path}) has no CMD or ENTRYPOINT and fly.toml defines "
            "no [processes]: the Machine starts the base image's default command, not the app",
            path=fly.path,
            related=(
                Related(doc.path, app.stage.from_instruction.span, f"stage {app.stage.label}"),
            ),
        )


def _has_cmd_override(fly: FlyDocument) -> bool:
    experimental = fly.experimental
    return experimental is not None and any(k in experimental for k in ("cmd", "entrypoint"))


def _root_image(doc: DockerfileDocument, stage: Stage) -> str | None:
    """The external image a stage finally builds on (``nginx``), None if unknown or scratch."""
    image = stage_chain(doc, stage)[-1].image
    if image is None or not image.resolved or image.is_scratch:
        return None
    return image.repository.lower().removeprefix("library/")
