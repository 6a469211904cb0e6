from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._base_images import external_images


@rule(
    code="DF202",
    name="untagged-base-image",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="FROM with no tag and no digest",
)
def untagged_base_image(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _stage, image in external_images(doc):
        if image.tag is not None or image.digest:
            continue
        yield Problem(
            image.span,
            f"FROM {image.value} has no tag, so it means `latest` and changes under you; pin a "
            f"version tag and digest (`{image.value}:<version>@sha256:…`)",
        )
