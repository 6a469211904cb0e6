from __future__ import annotations

from collections.abc import Iterator

from ...links import fly_deploys
from ...model import Category, Problem, Project, Related, Severity, Target
from ..base import RuleContext, rule

_NEEDS_NEW_MACHINES = ("canary", "bluegreen")


@rule(
    code="XF202",
    name="deploy-strategy-conflicts-with-volumes",
    target=Target.PROJECT,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="workflow passes `--strategy canary/bluegreen` while the fly.toml has `[[mounts]]`",
)
def deploy_strategy_conflicts_with_volumes(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    for deploy in fly_deploys(project):
        fly = deploy.fly
        if fly is None or not fly.mounts:
            continue
        for word, value_word, value in deploy.run.command.option("--strategy"):
            strategy = (value or "").strip().lower()
            if strategy not in _NEEDS_NEW_MACHINES:
                continue
            span = word.span if value_word is None else word.span.cover(value_word.span)
            yield Problem(
                span,
                f"`--strategy {strategy}` boots new Machines next to the old ones, but {fly.path} "
                "mounts volumes, which attach to one Machine each: the deploy fails; use "
                "`rolling` (the default for apps with volumes)",
                path=deploy.run.workflow.path,
                related=tuple(Related(fly.path, m.span, "[[mounts]]") for m in fly.mounts),
            )
