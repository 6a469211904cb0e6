from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._base_images import external_images, is_trusted
from ._common import mapping_get


@rule(
    code="DF203",
    name="base-image-not-digest-pinned",
    target=Target.DOCKERFILE,
    category=Category.ROLLBACK,
    severity=Severity.NOTE,
    summary="FROM pinned by tag only, not by `@sha256:` digest",
    options={"trusted-registries": ()},
)
def base_image_not_digest_pinned(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    trusted = mapping_get(ctx.options, "trusted-registries")
    for _stage, image in external_images(doc):
        if image.tag is None or image.digest or image.tag.lower() == "latest":
            continue
        if is_trusted(image, trusted):
            continue
        yield Problem(
            image.span,
            f"FROM {image.value} is pinned by tag only and a tag can be moved; add the digest "
            f"(`{image.value}@sha256:…`) so rebuilds and rollbacks get the same image",
        )
