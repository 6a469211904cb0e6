from __future__ import annotations

import base64
import binascii
import posixpath
import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument, scalar_str
from ...secrets import is_sensitive_name, mask, scan_value, secret_hash
from ..base import RuleContext, rule
from ._secrets import find_secret

_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]{16,}")


def decoded(value: str) -> str | None:
    """``value`` base64-decoded to text, if it is base64 of UTF-8 text."""
    if not _BASE64.fullmatch(value):
        return None
    try:
        return base64.b64decode("".join(value.split()), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


@rule(
    code="FLY304",
    name="raw-file-secret",
    target=Target.FLY,
    category=Category.SECRET,
    severity=Severity.WARNING,
    security_severity=6.5,
    summary="`[[files]] raw_value` holding secret material",
)
def raw_file_secret(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    for entry in doc.files:
        node = entry.node.scalar("raw_value")
        if node is None or not isinstance(node.value, str):
            continue
        guest = scalar_str(entry.node.scalar("guest_path")) or ""
        name = posixpath.basename(guest)
        leak = find_secret(doc.source, name, node, sensitive=is_sensitive_name(name))
        if leak is not None:
            span, preview, digest = leak.span, leak.preview, leak.hash
        else:
            text = decoded(node.value)
            matches = scan_value(text) if text else []
            if not matches:
                continue
            span, preview, digest = node.span, mask(matches[0].value), secret_hash(matches[0].value)
        yield Problem(
            span,
            f"`[[files]]` writes secret material to `{guest or '?'}` from a literal "
            f"`raw_value` ({preview}) committed to Git; store it with `fly secrets set` and use "
            "`secret_name` instead",
            secret_hash=digest,
        )
