"""TF201: a module called from Git without a ref, or from a registry without a version."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule

#: Source prefixes that mean a Git (or Mercurial) repository.
VCS_PREFIXES = (
    "git::",
    "hg::",
    "git@",
    "github.com/",
    "bitbucket.org/",
    "ssh://",
)
#: ``?ref=`` values that name a moving branch rather than a tag or commit.
MOVING_REFS = frozenset({"main", "master", "head", "develop", "dev", "trunk", "latest"})

_REGISTRY = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)+/)?"  # optional host with a dot
    r"[A-Za-z0-9][\w\-]*/[A-Za-z0-9][\w\-]*/[a-z0-9]+$",  # namespace/name/provider
)
_SHA = re.compile(r"^[0-9a-f]{40}$")


def _strip_subdir(address: str) -> str:
    """``host/ns/name/provider//sub/dir`` without the ``//sub/dir``."""
    scheme = address.find("://")
    start = scheme + 3 if scheme >= 0 else 0
    cut = address.find("//", start)
    return address if cut < 0 else address[:cut]


def _is_vcs(source: str) -> bool:
    lower = source.lower()
    if lower.startswith(VCS_PREFIXES):
        return True
    path = lower.split("?", 1)[0]
    return lower.startswith(("https://", "http://")) and path.endswith(".git")


@rule(
    code="TF201",
    name="module-source-unpinned",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="git module without `?ref=` (a commit SHA is best), registry module without `version`",
)
def module_source_unpinned(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for call in module.blocks_of("module"):
        node = call.get("source")
        if not isinstance(node, Scalar) or node.tag != "str":
            continue
        source = str(node.value).strip()
        if source.startswith(("./", "../", "/")):
            continue
        if _is_vcs(source):
            query = source.split("?", 1)[1] if "?" in source else ""
            refs = parse_qs(query).get("ref", [])
            ref = refs[-1].strip() if refs else ""
            if not ref:
                yield Problem(
                    node.span,
                    f"module.{call.label(0)} comes from Git without `?ref=`: every init takes "
                    "the default branch as it is that day; pin `?ref=` to a commit SHA or tag",
                    path=call.path,
                )
            elif ref.lower() in MOVING_REFS and not _SHA.match(ref):
                yield Problem(
                    node.span,
                    f"module.{call.label(0)} is pinned to the branch `{ref}`, which moves; pin "
                    "`?ref=` to a commit SHA or tag",
                    path=call.path,
                )
            continue
        if _REGISTRY.match(_strip_subdir(source)) and call.attribute("version") is None:
            yield Problem(
                node.span,
                f"registry module.{call.label(0)} has no `version`: every init takes the newest "
                'release, breaking changes included; add `version = "X.Y.Z"`',
                path=call.path,
            )
