from __future__ import annotations

import posixpath
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.dockerignore import DockerignoreDocument
from ..base import RuleContext, rule
from ._common import copy_like
from .df206_remote_add_without_checksum import sources

_WHOLE_CONTEXT = frozenset({".", "./", "*", "./*", "/"})
_MUST_EXCLUDE = (".env", ".git")


def _ignore_problem(doc: DockerfileDocument, ctx: RuleContext) -> str | None:
    """What is wrong with the ``.dockerignore`` of the Dockerfile's context, or None."""
    folder = posixpath.dirname(doc.path)
    candidates = (
        posixpath.join(folder, posixpath.basename(doc.path) + ".dockerignore"),
        posixpath.join(folder, ".dockerignore"),
    )
    for path in candidates:
        if path not in ctx.project.files:
            continue
        ignore = ctx.project.document(path, Target.DOCKERIGNORE)
        if not isinstance(ignore, DockerignoreDocument):
            return None  # present but not parsed (unreadable): nothing to say
        missing = [name for name in _MUST_EXCLUDE if not ignore.excludes(name)]
        if not missing:
            return None
        listed = " and ".join(f"`{m}`" for m in missing)
        return f"`{path}` does not exclude {listed}; add {'them' if len(missing) > 1 else 'it'}"
    return "there is no `.dockerignore`, so `.git`, `.env` and any local secrets go in; add one"


@rule(
    code="DF303",
    name="context-without-dockerignore",
    target=Target.DOCKERFILE,
    category=Category.SECRET,
    severity=Severity.WARNING,
    summary="`COPY .` of the whole context with no `.dockerignore` excluding `.env`/`.git`",
    security_severity=5.5,
)
def context_without_dockerignore(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    checked = False
    problem: str | None = None
    for instr in copy_like(doc, "COPY", "ADD"):
        if instr.flag("from") is not None:
            continue
        for token in sources(instr):
            if token.value not in _WHOLE_CONTEXT:
                continue
            if not checked:
                problem, checked = _ignore_problem(doc, ctx), True
            if problem is not None:
                yield Problem(
                    token.span,
                    f"{instr.keyword} {token.value} copies the whole build context and {problem}",
                )
            break
