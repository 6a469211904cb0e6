from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import copy_like
from .df206_remote_add_without_checksum import sources

#: File name patterns of secret material (matched case-insensitively against the basename).
SECRET_FILES = (
    ".env",
    ".env.*",
    "*.pem",
    "*.key",
    "id_rsa*",
    "id_dsa*",
    "id_ecdsa*",
    "id_ed25519*",
    ".npmrc",
    ".pypirc",
    ".netrc",
    ".git-credentials",
    ".dockercfg",
    "credentials*",
    "*.p12",
    "*.pfx",
    "*.jks",
    "*.keystore",
)
#: Folders whose content is secret material.
SECRET_DIRS = frozenset({".ssh", ".aws", ".gnupg"})
#: Examples and templates, public keys and certificate bundles.
_HARMLESS = re.compile(
    r"\.(example|sample|template|tpl|dist|defaults?|pub)$"
    r"|(^|[-_.])(ca|cacerts?|certs?|certificates?|chain|fullchain|bundle|root|pub|public|gpg|pgp|signing)([-_.]|$)",
    re.I,
)
_REMOTE = re.compile(r"[a-z][a-z0-9+.-]*://|git@", re.I)


def secret_file(path: str) -> str | None:
    """Why ``path`` (a COPY/ADD source) is secret material, or None."""
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts:
        return None
    for part in parts[:-1]:
        if part.lower() in SECRET_DIRS:
            return f"`{part}/`"
    base = parts[-1].lower()
    if base in SECRET_DIRS:
        return f"`{base}/`"
    if _HARMLESS.search(base):
        return None
    for pattern in SECRET_FILES:
        if fnmatch.fnmatchcase(base, pattern):
            return f"`{pattern}`"
    return None


@rule(
    code="DF302",
    name="secret-file-copied",
    target=Target.DOCKERFILE,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="COPY/ADD of `.env`, keys, `.npmrc`, credentials and similar files into the image",
    security_severity=8.0,
)
def secret_file_copied(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in copy_like(doc, "COPY", "ADD"):
        for token in sources(instr):
            value = token.value
            if _REMOTE.match(value) or "$" in value:
                continue
            why = secret_file(value)
            if why is None:
                continue
            yield Problem(
                token.span,
                f"{instr.keyword} puts `{value}` (matches {why}) into an image layer, where "
                "anyone with the image can read it; use `RUN --mount=type=secret` or inject it "
                "at run time",
            )
