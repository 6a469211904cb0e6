from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.workflow import Step, WorkflowDocument, expressions
from ..base import RuleContext, rule
from ._contexts import attacker_controlled, context_refs, reaches_output


def _code_scalars(step: Step) -> Iterator[tuple[str, Scalar]]:
    """The scalars of a step whose text runs as code: ``run`` and github-script's ``script``."""
    if step.run is not None:
        yield "run", step.run
    if step.uses_action("actions/github-script") and step.with_ is not None:
        script = step.with_.scalar("script")
        if script is not None:
            yield "script", script


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
