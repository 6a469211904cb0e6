from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule


def image_tag(reference: str) -> tuple[str | None, bool]:
    """The tag of an image reference and whether it has a digest."""
    name, _, digest = reference.partition("@")
    last = name.rsplit("/", 1)[-1]
    tag = last.split(":", 1)[1] if ":" in last else None
    return tag, bool(digest)


@rule(
    code="FLY210",
    name="mutable-build-image",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="`[build] image` with tag `latest` or no tag/digest",
)
def mutable_build_image(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    build = doc.build
    node = build.scalar("image") if build is not None else None
    if node is None or not isinstance(node.value, str) or not node.value.strip():
        return
    reference = node.value.strip()
    if "${" in reference or "{{" in reference:
        return  # templated by a deploy script
    tag, pinned = image_tag(reference)
    if pinned:
        return
    if tag is None:
        what = "has no tag, so it means `latest`"
    elif tag.lower() == "latest":
        what = "uses the mutable tag `latest`"
    else:
        return
    yield Problem(
        node.span,
        f'`[build] image = "{reference}"` {what}: each deploy may ship a different image and a '
        "rollback cannot return to the old one; pin a version tag and digest",
    )
