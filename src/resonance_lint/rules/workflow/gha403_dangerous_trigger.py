from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Related, Scalar, Severity, Span, Target
from ...parsers.workflow import Step, WorkflowDocument, expressions
from ..base import RuleContext, rule
from ._contexts import context_refs

_DANGEROUS = {
    "pull_request_target": "runs with a write token and secrets on pull requests from forks",
    "workflow_run": "runs with a write token and secrets after workflows that forks can trigger",
}

# Context paths that name the untrusted head of a pull request.
_HEAD_PATHS = (
    "github.event.pull_request.head.sha",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.repo.full_name",
    "github.event.pull_request.merge_commit_sha",
    "github.event.pull_request.number",
    "github.event.number",
    "github.head_ref",
    "github.event.workflow_run.head_sha",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_repository.full_name",
)
_PR_REF = re.compile(r"refs/pull/|\bpull/\$|\bgh\s+pr\s+checkout\b")
_GIT_CHECKOUT = re.compile(r"\bgit\s+(?:checkout|switch|fetch|pull)\b|\bgh\s+pr\s+checkout\b")


def _mentions_head(scalar: Scalar | None) -> bool:
    if scalar is None:
        return False
    for expr in expressions(scalar):
        for ref in context_refs(expr.text):
            if ref.path in _HEAD_PATHS:
                return True
    return isinstance(scalar.value, str) and bool(_PR_REF.search(scalar.value))


def _head_checkout(step: Step) -> Span | None:
    """Where ``step`` checks out the pull request's head, or ``None``."""
    if step.uses_action("actions/checkout") and step.with_ is not None:
        for name in ("ref", "repository"):
            node = step.with_.get(name)
            if isinstance(node, Scalar) and _mentions_head(node):
                return node.span
        return None
    run = step.run
    if (
        run is not None
        and isinstance(run.value, str)
        and _GIT_CHECKOUT.search(run.value)
        and ("gh pr checkout" in " ".join(run.value.split()) or _mentions_head(run))
    ):
        return run.span
    return None


@rule(
    code="GHA403",
    name="dangerous-trigger",
    target=Target.WORKFLOW,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    summary="`pull_request_target` or `workflow_run` (error when it also checks out the PR head)",
    security_severity=7.5,
)
def dangerous_trigger(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    risky = [t for t in doc.triggers if t.name in _DANGEROUS]
    if not risky:
        return
    checkout: Span | None = None
    for _, step in doc.all_steps():
        checkout = _head_checkout(step)
        if checkout is not None:
            break
    for trigger in risky:
        if checkout is not None:
            yield Problem(
                trigger.key.span,
                f"`{trigger.name}` {_DANGEROUS[trigger.name]}, and this workflow checks out the "
                f"pull request's code (line {checkout.line}): untrusted code runs with those "
                "privileges; use `pull_request`, or never run the checked-out code",
                related=(Related(doc.path, checkout, "checkout of the untrusted head"),),
            )
        else:
            yield Problem(
                trigger.key.span,
                f"`{trigger.name}` {_DANGEROUS[trigger.name]}; prefer `pull_request`, and never "
                "check out or run the pull request's code here",
            )
