from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Mapping, Pair, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ...secrets import is_placeholder, is_sensitive_name, mask, scan_value, secret_hash
from ..base import RuleContext, rule
from ._common import env_mappings

# Lowercase words joined by dashes (``github-actions``): a label, not a secret.
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)+\Z")
# Action inputs whose name says "key" but that take a cache key (``Swatinem/rust-cache``).
_CACHE_KEY_INPUTS = frozenset({"shared-key", "cache-key", "prefix-key", "save-key"})
_ONLY_EXPRESSION = re.compile(r"\A\s*\$\{\{[^}]*\}\}\s*\Z")


def _value_mappings(doc: WorkflowDocument) -> Iterator[tuple[str, Mapping]]:
    for env in env_mappings(doc):
        yield "env", env
    for job in doc.jobs:
        if job.with_ is not None:
            yield "with", job.with_
        if isinstance(job.secrets, Mapping):
            yield "secrets", job.secrets
    for _, step in doc.all_steps():
        if step.with_ is not None:
            yield "with", step.with_


def _check(doc: WorkflowDocument, where: str, pair: Pair) -> Iterator[Problem]:
    value = pair.value
    if not isinstance(value, Scalar) or value.value is None or isinstance(value.value, bool):
        return
    name = str(pair.key.value)
    literal = str(value.value)
    if _ONLY_EXPRESSION.match(literal):
        return  # `${{ secrets.X }}` and the like: a reference, no literal to leak
    fix = f"store it as a repository or environment secret and use `${{{{ secrets.{name} }}}}`"
    found = False
    for match in scan_value(literal):
        found = True
        span = (
            doc.locate(value, match.start, match.end)
            if isinstance(value.value, str)
            else value.span
        )
        yield Problem(
            span,
            f"{where} `{name}` holds a literal {match.kind} ({mask(match.value)}); {fix}",
            secret_hash=secret_hash(match.value),
        )
    if found or "${{" in literal or not is_sensitive_name(name) or is_placeholder(literal):
        return
    if _WORDS.match(literal) or (where == "with" and name.lower() in _CACHE_KEY_INPUTS):
        return  # `github-actions`, or a cache key (`shared-key: ruff-linux`) rather than a secret
    yield Problem(
        value.span,
        f"{where} `{name}` is set to a literal secret ({mask(literal)}); {fix}",
        secret_hash=secret_hash(literal),
    )


@rule(
    code="GHA301",
    name="hardcoded-secret",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="literal secret in `env`/`with` values (use `${{ secrets.X }}`)",
    security_severity=8.5,
)
def hardcoded_secret(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    seen: set[int] = set()
    for where, mapping in _value_mappings(doc):
        if id(mapping) in seen:
            continue
        seen.add(id(mapping))
        for pair in mapping.pairs:
            yield from _check(doc, where, pair)
