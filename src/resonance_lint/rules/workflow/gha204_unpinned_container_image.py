from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import containers, image_of, mutable_image


@rule(
    code="GHA204",
    name="unpinned-container-image",
    target=Target.WORKFLOW,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="job `container`/`services` image with `latest` or no tag/digest",
)
def unpinned_container_image(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for job in doc.jobs:
        for label, node in containers(job):
            image = image_of(node)
            if image is None:
                continue
            value = str(image.value)
            kind = mutable_image(value)
            if kind is None:
                continue
            what = "the mutable tag `latest`" if kind == "latest" else "no tag or digest"
            yield Problem(
                image.span,
                f"{label} of job `{job.id}` uses image `{value.strip()}` with {what}, so the "
                "job can change under you; pin a version tag (and digest)",
            )
