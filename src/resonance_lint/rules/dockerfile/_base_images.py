"""The FROM images the base-image rules look at: real images, fully resolved."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...parsers.dockerfile import DockerfileDocument, ImageRef, Stage


def external_images(doc: DockerfileDocument) -> Iterator[tuple[Stage, ImageRef]]:
    """Stages built on an image (not ``scratch``, not an earlier stage, no unknown variable)."""
    for stage in doc.stages:
        image = stage.image
        if image is None or stage.base_stage is not None or image.is_scratch:
            continue
        if not image.resolved or "$" in image.value or not image.repository:
            continue
        yield stage, image


def is_trusted(image: ImageRef, prefixes: Sequence[str]) -> bool:
    """Whether the image comes from one of the ``trusted-registries`` prefixes."""
    for prefix in prefixes:
        prefix = prefix.strip().rstrip("/").lower()
        if not prefix:
            continue
        for name in (image.name.lower(), image.full_name.lower()):
            if name == prefix or name.startswith(prefix + "/"):
                return True
        if image.registry_host.lower() == prefix:
            return True
    return False
