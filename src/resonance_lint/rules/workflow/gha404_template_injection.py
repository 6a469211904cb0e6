from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.workflow import Step, WorkflowDocument, expressions
from ..base import RuleContext, rule
from ._contexts import attacker_controlled, context_refs, reaches_output

#: Action inputs whose text runs as code (``owner/repo``: input).
CODE_INPUTS: MappingProxyType[str, str] = MappingProxyType(
    {
        "actions/github-script": "script",
        "amadevus/pwsh-script": "script",
        "mikefarah/yq": "cmd",
        "addnab/docker-run-action": "run",
        "appleboy/ssh-action": "script",
    }
)


def _code_scalars(step: Step) -> Iterator[tuple[str, Scalar]]:
    """The scalars of a step whose text runs as code: ``run`` and script inputs of actions."""
    if step.run is not None:
        yield "run", step.run
    action = step.action
    if action is None or action.kind != "remote" or step.with_ is None:
        return
    name = CODE_INPUTS.get(action.action)
    if name is not None:
        script = step.with_.scalar(name)
        if script is not None:
            yield name, script


@rule(
    code="GHA404",
    name="template-injection",
    target=Target.WORKFLOW,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    summary="attacker-controllable `${{ github.event.* / github.head_ref … }}` expanded inside "
    "`run:` or `actions/github-script` `script:`",
    security_severity=9.0,
)
def template_injection(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _, step in doc.all_steps():
        for where, scalar in _code_scalars(step):
            for expr in expressions(scalar):
                for ref in context_refs(expr.text):
                    if not attacker_controlled(ref.path) or not reaches_output(expr.text, ref):
                        continue
                    name = ref.path.rsplit(".", 1)[-1].upper().replace("*", "VALUE")
                    yield Problem(
                        expr.span,
                        f"`{expr.raw}` pastes attacker-controlled `{ref.path}` into the "
                        f"`{where}` code, so crafted text runs as code; pass it through "
                        f"`env:` (e.g. `{name}: ${{{{ {expr.text} }}}}`) and use the variable",
                    )
                    break
