from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Mapping, Node, Problem, Scalar, Sequence, Severity, Span, Target
from ...parsers.workflow import Job, Step, WorkflowDocument
from ..base import RuleContext, rule
from ._common import suggestion

WORKFLOW_KEYS = (
    "name",
    "run-name",
    "on",
    "permissions",
    "env",
    "defaults",
    "concurrency",
    "jobs",
)
JOB_KEYS = (
    "name",
    "permissions",
    "needs",
    "if",
    "runs-on",
    "snapshot",
    "environment",
    "concurrency",
    "outputs",
    "env",
    "defaults",
    "steps",
    "timeout-minutes",
    "strategy",
    "continue-on-error",
    "container",
    "services",
    "uses",
    "with",
    "secrets",
)
# Keys a job that calls a reusable workflow may have.
CALL_JOB_KEYS = frozenset(
    {"name", "uses", "with", "secrets", "strategy", "needs", "if", "permissions", "concurrency"}
)
STEP_KEYS = (
    "id",
    "if",
    "name",
    "uses",
    "run",
    "shell",
    "with",
    "env",
    "continue-on-error",
    "timeout-minutes",
    "working-directory",
)
ACTION_KEYS = ("name", "author", "description", "inputs", "outputs", "runs", "branding")
EVENTS = frozenset(
    {
        "branch_protection_rule",
        "check_run",
        "check_suite",
        "create",
        "delete",
        "deployment",
        "deployment_status",
        "discussion",
        "discussion_comment",
        "fork",
        "gollum",
        "image_version",
        "issue_comment",
        "issues",
        "label",
        "merge_group",
        "milestone",
        "page_build",
        "project",
        "project_card",
        "project_column",
        "public",
        "pull_request",
        "pull_request_review",
        "pull_request_review_comment",
        "pull_request_target",
        "push",
        "registry_package",
        "release",
        "repository_dispatch",
        "schedule",
        "status",
        "watch",
        "workflow_call",
        "workflow_dispatch",
        "workflow_run",
    }
)
_JOB_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def _first_span(doc: WorkflowDocument) -> Span:
    root = doc.root
    return root.pairs[0].key.span if root.pairs else Span.point(1)


def _unknown_keys(node: Mapping, known: tuple[str, ...], where: str) -> Iterator[Problem]:
    for pair in node.pairs:
        name = str(pair.key.value)
        if name not in known:
            yield Problem(
                pair.key.span,
                f"unknown key `{name}` in {where}{suggestion(name, known)}",
            )


def _is_empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.value in (None, ""))


def _check_step(step: Step, where: str, composite: bool) -> Iterator[Problem]:
    node = step.node
    if not isinstance(node, Mapping):
        yield Problem(node.span, f"step {step.index + 1} of {where} is not a mapping")
        return
    label = f"step {step.index + 1} of {where}"
    yield from _unknown_keys(node, STEP_KEYS, label)
    uses, run = node.pair("uses"), node.pair("run")
    if uses is None and run is None:
        yield Problem(
            node.pairs[0].key.span if node.pairs else node.span,
            f"{label} has neither `uses` nor `run`",
        )
    elif uses is not None and run is not None:
        yield Problem(run.key.span, f"{label} has both `uses` and `run`; split it in two")
    elif run is not None and composite and "shell" not in node:
        yield Problem(run.key.span, f"{label} runs a script without `shell` (required in actions)")
    elif uses is not None and _is_empty(uses.value):
        yield Problem(uses.key.span, f"{label} has an empty `uses`")


def _check_steps(
    steps_node: Node | None, steps: tuple[Step, ...], where: str, composite: bool
) -> Iterator[Problem]:
    if steps_node is not None and not isinstance(steps_node, Sequence):
        yield Problem(steps_node.span, f"`steps` of {where} must be a list")
        return
    for step in steps:
        yield from _check_step(step, where, composite)


def _check_job(job: Job, job_ids: frozenset[str]) -> Iterator[Problem]:
    where = f"job `{job.id}`"
    if not _JOB_ID.match(job.id):
        yield Problem(
            job.key.span,
            f"job id `{job.id}` must start with a letter or `_` and contain only letters, "
            "digits, `-` and `_`",
        )
    node = job.node
    if not isinstance(node, Mapping):
        yield Problem(job.key.span, f"{where} is not a mapping")
        return
    yield from _unknown_keys(node, JOB_KEYS, where)
    if job.is_call:
        for pair in node.pairs:
            name = str(pair.key.value)
            if name in JOB_KEYS and name not in CALL_JOB_KEYS:
                yield Problem(
                    pair.key.span,
                    f"{where} calls a reusable workflow and cannot have `{name}`",
                )
    elif "runs-on" not in node:
        yield Problem(job.key.span, f"{where} has neither `runs-on` nor `uses`")
    elif job.steps_node is None:
        yield Problem(job.key.span, f"{where} has no `steps`")
    if not job.is_call:
        yield from _check_steps(job.steps_node, job.steps, where, composite=False)
    for need in job.needs:
        name = str(need.value)
        if name == job.id:
            yield Problem(need.span, f"{where} needs itself")
        elif name not in job_ids and "${{" not in name:
            yield Problem(
                need.span,
                f"{where} needs `{name}`, which is not a job of this workflow"
                f"{suggestion(name, sorted(job_ids))}",
            )


def _cycles(doc: WorkflowDocument) -> Iterator[Problem]:
    """One finding per `needs` cycle, at the edge that closes it."""
    graph = {job.id: job for job in doc.jobs}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported: set[frozenset[str]] = set()

    def visit(start: str) -> Iterator[Problem]:
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        state[start] = 1
        while stack:
            name, index = stack[-1]
            needs = graph[name].needs
            if index >= len(needs):
                stack.pop()
                path.pop()
                state[name] = 2
                continue
            stack[-1] = (name, index + 1)
            need = needs[index]
            target = str(need.value)
            if target not in graph or target == name:
                continue
            if state.get(target) == 1:
                cycle = path[path.index(target) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    chain = " -> ".join([*cycle, target])
                    yield Problem(need.span, f"`needs` forms a cycle: {chain}")
            elif target not in state:
                state[target] = 1
                stack.append((target, 0))
                path.append(target)

    for job_id in graph:
        if job_id not in state:
            yield from visit(job_id)


def _check_workflow(doc: WorkflowDocument) -> Iterator[Problem]:
    root = doc.root
    yield from _unknown_keys(root, WORKFLOW_KEYS, "the workflow")
    if doc.on_key is None:
        yield Problem(_first_span(doc), "the workflow has no `on` (no event triggers it)")
    elif not doc.triggers:
        yield Problem(doc.on_key.span, "`on` names no event")
    else:
        for trigger in doc.triggers:
            if trigger.name not in EVENTS:
                yield Problem(
                    trigger.key.span,
                    f"unknown event `{trigger.name}`{suggestion(trigger.name, sorted(EVENTS))}",
                )
    jobs = doc.jobs_node
    if jobs is None:
        yield Problem(_first_span(doc), "the workflow has no `jobs`")
        return
    if not isinstance(jobs, Mapping) or not jobs.pairs:
        pair = root.pair("jobs")
        assert pair is not None
        yield Problem(pair.key.span, "`jobs` must be a mapping with at least one job")
        return
    job_ids = frozenset(job.id for job in doc.jobs)
    for job in doc.jobs:
        yield from _check_job(job, job_ids)
    yield from _cycles(doc)


def _check_action(doc: WorkflowDocument) -> Iterator[Problem]:
    yield from _unknown_keys(doc.root, ACTION_KEYS, "the action")
    runs = doc.root.get("runs")
    if runs is None:
        yield Problem(_first_span(doc), "the action has no `runs`")
        return
    if not isinstance(runs, Mapping):
        yield Problem(runs.span, "`runs` must be a mapping")
        return
    using = runs.scalar("using")
    if using is None:
        pair = doc.root.pair("runs")
        assert pair is not None
        yield Problem(pair.key.span, "`runs` has no `using`")
        return
    if str(using.value).lower() == "composite":
        steps_node = runs.get("steps")
        if steps_node is None:
            yield Problem(using.span, "a composite action needs `runs.steps`")
        else:
            yield from _check_steps(steps_node, doc.steps, "the action", composite=True)


@rule(
    code="GHA106",
    name="invalid-workflow",
    target=Target.WORKFLOW,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="structural errors: no `on`/`jobs`, job without `runs-on`/`uses`, step without "
    "`uses`/`run`, `needs` naming no job, cycles",
)
def invalid_workflow(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for duplicate in doc.duplicates:
        yield Problem(
            duplicate.key.span,
            f"duplicate key `{duplicate.key.value}` (first on line {duplicate.first.span.line}); "
            "GitHub rejects the file",
        )
    if doc.root_node is None or not isinstance(doc.root_node, Mapping):
        what = "empty" if doc.root_node is None else "not a mapping"
        span = doc.root_node.span if doc.root_node is not None else Span.point(1)
        yield Problem(span, f"the {'action' if doc.is_action else 'workflow'} file is {what}")
        return
    if doc.is_action:
        yield from _check_action(doc)
    else:
        yield from _check_workflow(doc)
