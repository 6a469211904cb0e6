from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Problem, Scalar, Sequence, Severity, Span, Target
from ...parsers.workflow import Job, Step, WorkflowDocument
from ..base import RuleContext, rule
from ._common import has_expression, is_true, mutable_image, step_commands


@dataclass(frozen=True)
class _Push:
    image: str
    kind: str  # "latest" | "untagged" | "" (pinned or unknown)
    span: Span
    verb: str


def _repository(image: str) -> str:
    slash = image.rfind("/")
    colon = image.rfind(":")
    return image[:colon] if colon > slash else image


def _run_pushes(doc: WorkflowDocument, step: Step) -> Iterator[_Push]:
    if step.run is None:
        return
    for cmd in step_commands(doc, step):
        argv = cmd.argv
        if not argv:
            continue
        images: list[tuple[str, Span, str]] = []
        if cmd.is_call("docker", "push") or cmd.is_call("docker", "image", "push"):
            if any(w.value in ("-a", "--all-tags") for w in argv):
                continue
            args = [w for w in argv[2:] if not w.value.startswith("-")]
            if cmd.is_call("docker", "image", "push"):
                args = [w for w in argv[3:] if not w.value.startswith("-")]
            if args:
                images.append((args[0].value, args[0].find(args[0].value), "docker push"))
        elif cmd.is_call("fly", "deploy") or cmd.is_call("flyctl", "deploy"):
            for _flag, word, value in cmd.option("--image", "-i"):
                if word is not None and value is not None:
                    images.append((value, word.find(value), f"{argv[0].value} deploy --image"))
        elif cmd.is_call("gcloud", "run", "deploy"):
            for _flag, word, value in cmd.option("--image"):
                if word is not None and value is not None:
                    images.append((value, word.find(value), "gcloud run deploy --image"))
        elif cmd.is_call("kubectl", "set", "image"):
            for word in argv[3:]:
                if "=" in word.value and not word.value.startswith("-"):
                    value = word.value.split("=", 1)[1]
                    images.append((value, word.find(value), "kubectl set image"))
        for image, span, verb in images:
            yield _Push(image, mutable_image(image) or "", span, verb)


def _action_tags(step: Step) -> Iterator[tuple[Scalar, list[str]]]:
    """``docker/build-push-action`` with ``push: true``: the tags scalar and its tags."""
    if not step.uses_action("docker/build-push-action") or not is_true(step.input("push")):
        return
    tags = step.input("tags")
    if isinstance(tags, Scalar) and isinstance(tags.value, str) and not has_expression(tags):
        yield tags, [t.strip() for t in tags.value.replace(",", "\n").split("\n") if t.strip()]
    elif isinstance(tags, Sequence):
        values = [i for i in tags.items if isinstance(i, Scalar)]
        if values and not any(has_expression(i) for i in values):
            yield values[0], [str(i.value) for i in values]


def _job_problems(
    doc: WorkflowDocument, job: Job | None, steps: tuple[Step, ...]
) -> Iterator[Problem]:
    pushes = [p for step in steps for p in _run_pushes(doc, step)]
    pinned_repos = {
        _repository(p.image) for p in pushes if p.kind == "" and p.verb == "docker push"
    }
    for push in pushes:
        if not push.kind:
            continue
        if push.verb == "docker push" and _repository(push.image) in pinned_repos:
            continue  # `latest` pushed next to a versioned tag
        what = "only `:latest`" if push.kind == "latest" else "an untagged image (`:latest`)"
        yield Problem(
            push.span,
            f"`{push.verb} {push.image}` ships {what}: the release cannot be identified or "
            "rolled back; tag images with the commit SHA or version",
        )
    for step in steps:
        for tags, values in _action_tags(step):
            if values and all(mutable_image(v) for v in values):
                yield Problem(
                    tags.span,
                    "docker/build-push-action pushes only `:latest`/untagged tags: the release "
                    "cannot be identified or rolled back; add a tag with the commit SHA or version",
                )


@rule(
    code="GHA201",
    name="deploy-mutable-image",
    target=Target.WORKFLOW,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="deploy step deploys or pushes only `:latest`/an untagged image",
)
def deploy_mutable_image(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for job in doc.jobs:
        yield from _job_problems(doc, job, job.steps)
    if doc.steps:
        yield from _job_problems(doc, None, doc.steps)
