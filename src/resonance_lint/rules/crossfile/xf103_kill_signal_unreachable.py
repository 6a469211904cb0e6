from __future__ import annotations

from collections.abc import Iterator

from ...links import fly_apps
from ...model import Category, Problem, Project, Related, Severity, Target
from ...parsers.fly import scalar_str
from ..base import RuleContext, rule
from ._app import command_instructions


@rule(
    code="XF103",
    name="kill-signal-unreachable",
    target=Target.PROJECT,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="fly `kill_signal` set while the Dockerfile's CMD/ENTRYPOINT is shell form",
)
def kill_signal_unreachable(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    for app in fly_apps(project):
        signal = app.fly.root.scalar("kill_signal")
        if signal is None or app.dockerfile is None or app.stage is None:
            continue
        entrypoint, cmd = command_instructions(app.dockerfile, app.stage)
        # [processes] replace CMD, so then only the ENTRYPOINT decides who receives the signal.
        runner = entrypoint if entrypoint is not None or app.fly.processes is not None else cmd
        if runner is None or runner.is_exec_form:
            continue
        if runner.arguments.lstrip().startswith("exec "):
            continue  # `CMD exec app` replaces the shell with the app
        name = scalar_str(signal) or str(signal.value)
        yield Problem(
            signal.span,
            f"kill_signal {name} goes to PID 1, which is `/bin/sh -c` because {runner.keyword} in "
            f"{app.dockerfile.path} is in shell form: the app never sees it and is killed "
            'after kill_timeout; use exec form (`CMD ["app"]`)',
            path=app.fly.path,
            related=(Related(app.dockerfile.path, runner.span, f"{runner.keyword} in shell form"),),
        )
