"""Which fly.toml deploys which Dockerfile (for cross-target rules such as DF101).

A fly.toml builds a Dockerfile when its ``[build] dockerfile`` resolves to that file (relative to
the fly.toml's folder, as flyctl resolves it), or when it sits in the same folder and names no
other Dockerfile and no other build source (``image``, ``builder``, ``buildpacks``, ``builtin``).
"""

from __future__ import annotations

import posixpath

from .model import Project, Target
from .parsers.fly import FlyDocument, scalar_str

_OTHER_BUILD_SOURCES = ("image", "builder", "buildpacks", "builtin")


def fly_configs_for_dockerfile(project: Project, dockerfile_path: str) -> list[FlyDocument]:
    """Every fly.toml of ``project`` that deploys the Dockerfile at ``dockerfile_path``."""
    target = posixpath.normpath(dockerfile_path)
    folder = posixpath.dirname(target)
    found: list[FlyDocument] = []
    for doc in project.of_target(Target.FLY):
        if not isinstance(doc, FlyDocument):
            continue
        named = _named_dockerfile(doc)
        fly_folder = posixpath.dirname(posixpath.normpath(doc.path))
        if named is not None:
            if named == target:
                found.append(doc)
        elif fly_folder == folder and not _other_build_source(doc):
            found.append(doc)
    return found


def has_service_checks(doc: FlyDocument) -> bool:
    """Does the app define Fly health checks (service checks or top-level ``[checks]``)?"""
    return doc.has_any_health_check


def _named_dockerfile(doc: FlyDocument) -> str | None:
    """The Dockerfile ``[build] dockerfile`` names, as a project path (None if not local)."""
    build = doc.build
    value = scalar_str(build.scalar("dockerfile")) if build is not None else None
    if value is None or not value.strip():
        return None
    value = value.strip()
    if "://" in value:
        return "<url>"
    if value.startswith("/"):
        return posixpath.normpath(value)
    base = posixpath.dirname(posixpath.normpath(doc.path))
    return posixpath.normpath(posixpath.join(base, value))


def _other_build_source(doc: FlyDocument) -> bool:
    build = doc.build
    return build is not None and any(key in build for key in _OTHER_BUILD_SOURCES)
