from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import step_commands

# (program, subcommand..., flag): flags that return before the release is healthy.
_DETACHING = (
    (("fly", "deploy"), "--detach"),
    (("flyctl", "deploy"), "--detach"),
    (("gcloud", "run", "deploy"), "--async"),
    (("gcloud", "app", "deploy"), "--async"),
)


@rule(
    code="GHA202",
    name="deploy-detached",
    target=Target.WORKFLOW,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`fly deploy --detach`: the job cannot see the release fail",
)
def deploy_detached(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _, step in doc.all_steps():
        for command in step_commands(doc, step):
            for call, flag in _DETACHING:
                if not command.is_call(*call):
                    continue
                for word, _, value in command.option(flag):
                    if word.value != flag and (value or "").lower() in ("false", "0"):
                        continue
                    yield Problem(
                        word.span,
                        f"`{' '.join(call)} {flag}` returns before the release is healthy, so a "
                        "failed rollout still passes the job; drop the flag",
                    )
