from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._base_images import external_images


@rule(
    code="DF201",
    name="latest-base-image",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="FROM with tag `latest`",
)
def latest_base_image(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _stage, image in external_images(doc):
        if image.tag is None or image.tag.lower() != "latest" or image.digest:
            continue
        yield Problem(
            image.tag_span or image.span,
            f"FROM {image.value} uses the mutable tag `latest`: a rebuild or rollback can get a "
            "different image; pin a version tag and digest",
        )
