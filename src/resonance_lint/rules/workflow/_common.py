"""Small helpers shared by the GitHub Actions rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from ...model import Mapping, Node, Scalar
from ...parsers.shell import Command
from ...parsers.workflow import Job, Step, WorkflowDocument


def is_false(node: Node | None) -> bool:
    """A YAML ``false`` (bool or the string ``"false"``)."""
    if not isinstance(node, Scalar):
        return False
    value = node.value
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def is_true(node: Node | None) -> bool:
    """A YAML ``true`` (bool or the string ``"true"``)."""
    if not isinstance(node, Scalar):
        return False
    value = node.value
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def has_expression(node: Node | None) -> bool:
    return isinstance(node, Scalar) and isinstance(node.value, str) and "${{" in node.value


def text(node: Node | None) -> str:
    """A scalar's value as text (``""`` for null and non-scalars)."""
    if isinstance(node, Scalar) and node.value is not None:
        if isinstance(node.value, bool):
            return "true" if node.value else "false"
        return str(node.value)
    return ""


def env_mappings(doc: WorkflowDocument) -> Iterator[Mapping]:
    """Every ``env`` mapping: workflow, jobs, job containers and services, steps."""
    if doc.env is not None:
        yield doc.env
    for job in doc.jobs:
        if job.env is not None:
            yield job.env
        for _, container in containers(job):
            if isinstance(container, Mapping):
                env = container.mapping("env")
                if env is not None:
                    yield env
    for _, step in doc.all_steps():
        if step.env is not None:
            yield step.env


def containers(job: Job) -> Iterator[tuple[str, Node]]:
    """``("container", node)`` and ``("service `name`", node)`` of a job."""
    if job.container is not None:
        yield "container", job.container
    if job.services is not None:
        for pair in job.services.pairs:
            yield f"service `{pair.key.value}`", pair.value


def image_of(node: Node) -> Scalar | None:
    """The image scalar of ``container: image`` or ``container: {image: …}``."""
    if isinstance(node, Scalar):
        return node if isinstance(node.value, str) else None
    if isinstance(node, Mapping):
        found = node.scalar("image")
        return found if found is not None and isinstance(found.value, str) else None
    return None


def mutable_image(ref: str) -> str | None:
    """``"latest"`` or ``"untagged"`` for a mutable image reference, ``None`` when pinned or
    unknown (a variable or expression)."""
    ref = ref.strip()
    if not ref or "$" in ref or "@" in ref:
        return None
    if ref.lower().startswith("docker://"):
        ref = ref[len("docker://") :]
    slash = ref.rfind("/")
    colon = ref.rfind(":")
    if colon <= slash:
        return "untagged"
    tag = ref[colon + 1 :]
    return "latest" if tag.lower() == "latest" else None


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` for the closest choice, or ``""``."""
    normalised = word.replace("_", "-").lower()
    options = list(choices)
    for choice in options:
        if choice.lower() == normalised:
            return f"; did you mean `{choice}`?"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return f"; did you mean `{close[0]}`?" if close else ""


def step_commands(doc: WorkflowDocument, step: Step) -> Iterator[Command]:
    """Shell commands a step runs, with exact spans (see :meth:`WorkflowDocument.commands`)."""
    return iter(doc.commands(step))
