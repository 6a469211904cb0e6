from __future__ import annotations

from collections.abc import Iterator

from ...links import fly_apps
from ...model import Category, Problem, Project, Related, Scalar, Severity, Target
from ...parsers.fly import scalar_str
from ..base import RuleContext, rule
from ._app import int_value, listening_ports


@rule(
    code="XF101",
    name="port-mismatch",
    target=Target.PROJECT,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="fly `internal_port` not among the Dockerfile's EXPOSE ports / ENV PORT",
)
def port_mismatch(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    for app in fly_apps(project):
        if app.dockerfile is None or app.stage is None:
            continue
        ports = listening_ports(app.dockerfile, app.stage)
        env_port = next((p for p in app.fly.env if p.key.value == "PORT"), None)
        known = {p.number for p in ports}
        if env_port is not None:
            node = env_port.value if isinstance(env_port.value, Scalar) else None
            value = scalar_str(node) or str(int_value(node) or "")
            if value.strip().isdigit():
                known.add(int(value.strip()))
        if not ports:
            continue  # the image declares nothing: no evidence either way
        for service in app.fly.services:
            node = service.node.scalar("internal_port")
            port = int_value(node)
            if node is None or port is None or port in known:
                continue
            listed = ", ".join(str(n) for n in sorted(known))
            yield Problem(
                node.span,
                f"{service.label} routes to internal_port {port}, but the image "
                f"({app.dockerfile.path}, stage {app.stage.label}) listens on {listed}: "
                "every request and health check fails; make them agree",
                path=app.fly.path,
                related=tuple(
                    Related(app.dockerfile.path, p.span, f"{p.how} {p.number}") for p in ports
                ),
            )
