from __future__ import annotations

from collections.abc import Iterator

from ...links import fly_deploys
from ...model import Category, Problem, Project, Related, Severity, Target
from ..base import RuleContext, rule


@rule(
    code="XF201",
    name="deploy-without-health-checks",
    target=Target.PROJECT,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="a workflow deploys the app (`fly deploy`) and its fly.toml has no service check",
)
def deploy_without_health_checks(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    for deploy in fly_deploys(project):
        fly = deploy.fly
        if fly is None or not fly.services:
            continue  # unknown app, or no public service (a worker): nothing routes to it
        if any(service.has_health_checks for service in fly.services):
            continue
        command = deploy.run.command
        yield Problem(
            command.span,
            f"this job deploys {fly.path} automatically, but none of its services has a health "
            "check: the deploy cannot tell a broken release from a good one, so it goes live "
            "and nothing rolls it back; add `[[http_service.checks]]`",
            path=deploy.run.workflow.path,
            related=tuple(
                Related(fly.path, service.span, f"{service.label} without checks")
                for service in fly.services
            ),
        )
