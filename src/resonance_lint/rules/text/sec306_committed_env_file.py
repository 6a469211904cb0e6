from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Span, Target, TextDocument
from ...secrets import is_env_file
from ..base import RuleContext, rule

_ASSIGNMENT = re.compile(
    r"^[ \t]*(?:export[ \t]+)?(?P<key>[A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*[=:][ \t]*(?P<value>.*)$"
)
_REFERENCE = re.compile(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")


def _value(raw: str) -> str:
    """The assigned value without quotes and trailing comment."""
    raw = raw.strip()
    if raw[:1] in ("'", '"', "`"):
        end = raw.find(raw[0], 1)
        return raw[1:end] if end > 0 else raw[1:]
    hash_at = raw.find(" #")
    if hash_at >= 0:
        raw = raw[:hash_at]
    return raw.strip()


def _has_value(raw: str) -> bool:
    value = _value(raw)
    return bool(value) and not _REFERENCE.fullmatch(value)


@rule(
    code="SEC306",
    name="committed-env-file",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="a `.env`-style file with non-empty values in the scanned tree",
    security_severity=7.5,
)
def committed_env_file(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    if not is_env_file(doc.path):
        return
    first: Span | None = None
    first_key = ""
    count = 0
    for number, line in enumerate(doc.source.lines, start=1):
        if line.lstrip().startswith("#"):
            continue
        m = _ASSIGNMENT.match(line)
        if m is None or not _has_value(m.group("value")):
            continue
        count += 1
        if first is None:
            first = Span(number, m.start("key") + 1, number, m.end("key") + 1)
            first_key = m.group("key")
    if first is None:
        return
    name = posixpath.basename(doc.path)
    values = "1 value" if count == 1 else f"{count} values"
    yield Problem(
        first,
        f"`{name}` is an environment file with {values} (first: `{first_key}`) in the tree; "
        "remove it from the repository, ignore it in `.gitignore`, and commit a "
        f"`{name}.example` without values instead",
    )
