from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import target_stages


@rule(
    code="DF102",
    name="shell-form-entrypoint",
    target=Target.DOCKERFILE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="CMD/ENTRYPOINT in shell form: signals go to /bin/sh, not the app",
)
def shell_form_entrypoint(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for stage in target_stages(doc):
        for keyword in ("ENTRYPOINT", "CMD"):
            last = None
            for instr in stage.of(keyword):
                last = instr
            if last is None or last.is_exec_form or last.arguments_span is None:
                continue
            if last.arguments.split(None, 1)[0] == "exec":
                continue  # ``CMD exec app``: the shell replaces itself with the app
            yield Problem(
                last.arguments_span,
                f"{keyword} uses shell form, so the app runs under `/bin/sh -c` and never gets "
                f'SIGTERM; use exec form: {keyword} ["executable", "arg"]',
            )
