from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import Job, Step, WorkflowDocument
from ..base import RuleContext, rule
from ._deploy import DEPLOY_OPTIONS, DeployDetector, command_text, compile_patterns

DEFAULT_CHECK_JOB_PATTERNS: tuple[str, ...] = (
    r"test",
    r"build",
    r"check",
    r"lint",
    r"verify",
    r"validat",
    r"(?<![a-z])ci(?![a-z])",
    r"spec",
    r"e2e",
    r"(?<![a-z])qa(?![a-z])",
    r"smoke",
)

DEFAULT_TEST_COMMAND_PATTERNS: tuple[str, ...] = (
    r"\b(?:pytest|tox|nox|jest|vitest|mocha|karma|rspec|phpunit|ctest|prove|cypress|playwright)\b",
    r"\bgo\s+(?:test|vet)\b",
    r"\bcargo\s+(?:test|nextest|clippy)\b",
    r"\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|check|lint)\b",
    r"\bmake\s+(?:\S+\s+)*(?:test|check|lint)\b",
    r"\b(?:gradle|gradlew|mvn|mvnw)\b.*\b(?:test|check|verify)\b",
    r"\bdotnet\s+test\b",
    r"\b(?:rake|mix|deno|swift|bun|zig)\s+test\b",
    r"\bpython[0-9.]*\s+-m\s+(?:pytest|unittest|tox|nox)\b",
    r"\bterraform\s+(?:validate|plan)\b",
)

_OPTIONS: MappingProxyType[str, Any] = MappingProxyType(
    {
        **DEPLOY_OPTIONS,
        "check-job-patterns": DEFAULT_CHECK_JOB_PATTERNS,
        "test-command-patterns": DEFAULT_TEST_COMMAND_PATTERNS,
    }
)

# Workflows started by another workflow (or called by one) are gated by their caller.
_GATED_TRIGGERS = frozenset({"workflow_run", "workflow_call"})
_TEST_STEP_NAME = re.compile(r"(?<![a-z])(?:tests?|testing|lint|check)(?![a-z])", re.IGNORECASE)


def _is_test_step(doc: WorkflowDocument, step: Step, commands: re.Pattern[str] | None) -> bool:
    script = command_text(doc, step) if commands is not None else None
    if script is not None and commands is not None and commands.search(script):
        return True
    for node in (step.name, step.uses):
        label = node.value if node is not None else None
        if isinstance(label, str) and _TEST_STEP_NAME.search(label):
            return True
    return False


def _needed(doc: WorkflowDocument, job: Job) -> list[Job]:
    """Every job ``job`` needs, directly or transitively."""
    seen: dict[str, Job] = {}
    stack = [str(n.value) for n in job.needs]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        found = doc.job(name)
        if found is None:
            continue
        seen[name] = found
        stack.extend(str(n.value) for n in found.needs)
    return list(seen.values())


@rule(
    code="GHA104",
    name="deploy-without-checks",
    target=Target.WORKFLOW,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="deploy job that `needs` no test/build job and runs in a workflow with no test step",
    options=_OPTIONS,
)
def deploy_without_checks(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    if doc.trigger_names & _GATED_TRIGGERS:
        return
    detector = DeployDetector.from_context(ctx)
    deploy_jobs = [(job, reason) for job in doc.jobs if (reason := detector.reason(doc, job))]
    if not deploy_jobs:
        return
    tests = compile_patterns(tuple(ctx.option("test-command-patterns")), "test-command-patterns")
    if any(_is_test_step(doc, step, tests) for _, step in doc.all_steps()):
        return
    check_names = compile_patterns(tuple(ctx.option("check-job-patterns")), "check-job-patterns")
    for job, reason in deploy_jobs:
        if check_names is not None and any(
            check_names.search(label) for label in (job.id, job.display_name)
        ):
            continue  # the job is itself a test or build job (with an environment for secrets)
        gate = False
        for needed in _needed(doc, job):
            if needed.is_call:
                gate = True  # a reusable workflow (often the CI) runs first
                break
            label = needed.display_name
            if check_names is not None and (
                check_names.search(needed.id) or check_names.search(label)
            ):
                gate = True
                break
        if gate:
            continue
        yield Problem(
            job.key.span,
            f"deploy job `{job.id}` ({reason}) needs no test or build job and the workflow "
            "runs no tests, so an untested commit can ship; add `needs: [test]` or gate the "
            "workflow on CI with `workflow_run`",
        )
