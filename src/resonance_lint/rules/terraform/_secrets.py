"""Helpers shared by the Terraform secret rules (TF301–TF304)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Mapping, Node, Problem, Related, Scalar, Span
from ...secrets import is_placeholder, is_sensitive_name, mask, scan_value, secret_hash

#: Literal values that point at a secret instead of holding one: ARNs, resource names, paths.
_REFERENCE_VALUE = re.compile(
    r"^(?:arn:|projects/|secretsmanager:|ssm:|vault:|sm://|gcp-secret://|/|\./|\.\./|~/)"
    r"|^[\w./\-]+\.(?:json|pem|key|p12|pfx|crt|cer|txt)$",
    re.IGNORECASE,
)


#: Names that read as sensitive but hold public data in Terraform (CA bundles …).
NOT_SECRET_NAMES = frozenset(
    {
        "cluster_auth_base64",
        "certificate_authority_data",
        "cluster_certificate_authority_data",
    }
)
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def sensitive_name(name: str) -> bool:
    """:func:`~resonance_lint.secrets.is_sensitive_name`, minus Terraform's public names."""
    return is_sensitive_name(name) and name.lower() not in NOT_SECRET_NAMES


def candidate(text: str) -> bool:
    """Could this literal text be a secret (not empty, a placeholder, an ARN or a path, nor
    the name of the variable to put there, like ``"HF_TOKEN"``)?"""
    stripped = text.strip()
    if not stripped or is_placeholder(text) or _REFERENCE_VALUE.search(stripped):
        return False
    return not (_ENV_NAME.match(stripped) and is_sensitive_name(stripped))


def literal_text(node: Node | None) -> str | None:
    """The text of a literal string/number that could be a secret."""
    if not isinstance(node, Scalar) or node.tag not in ("str", "int"):
        return None
    text = str(node.value)
    return text if candidate(text) else None


_WHITESPACE = re.compile(r"\s")


def _worth_scanning(text: str) -> bool:
    """Could an unnamed literal hold a token of a known format? (Skips the detector for short
    words and prose; the SEC rules still scan the whole file.)"""
    if len(text) < 16:
        return False
    return "PRIVATE KEY" in text or "://" in text or not _WHITESPACE.search(text)


@dataclass(frozen=True)
class SecretValue:
    """A literal secret: by name (``text``) and/or by format (``kind`` from the detector)."""

    text: str
    hash: str
    kind: str | None  # detector kind (``GitHub token`` …) when its format was recognised
    preview: str


def find_secret(name: str | None, node: Node | None) -> SecretValue | None:
    """A secret held by ``node``: a literal under a sensitive ``name``, or a known format."""
    text = literal_text(node)
    return find_secret_text(name, text) if text is not None else None


def find_secret_text(name: str | None, text: str) -> SecretValue | None:
    """The same for a literal string (e.g. a value inside JSON text)."""
    if not candidate(text):
        return None
    named = name is not None and sensitive_name(name)
    matches = scan_value(text) if named or _worth_scanning(text) else []
    if matches:
        first = matches[0]
        return SecretValue(first.value, secret_hash(first.value), first.kind, mask(first.value))
    if named:
        return SecretValue(text, secret_hash(text), None, mask(text))
    return None


def secret_problem(
    span: Span,
    path: str,
    what: str,
    secret: SecretValue,
    advice: str,
    related: tuple[Related, ...] = (),
) -> Problem:
    kind = f" ({secret.kind})" if secret.kind else ""
    return Problem(
        span,
        f"{what} holds a literal secret{kind} {secret.preview}: it stays in Git history, "
        f"readable by everyone with the repository; {advice}",
        path=path,
        related=related,
        secret_hash=secret.hash,
    )


def pairs_below(node: Node, depth: int = 0) -> Iterator[tuple[str, Node, Span]]:
    """``(key, value, key span)`` of every object element below ``node`` (nested objects and
    lists included), so ``{ master = { password = "…" } }`` is seen."""
    if depth > 32:
        return
    if isinstance(node, Mapping):
        for pair in node.pairs:
            if pair.key.tag == "str":
                yield str(pair.key.value), pair.value, pair.key.span
            yield from pairs_below(pair.value, depth + 1)
    elif not isinstance(node, Scalar):
        for item in node.items:
            yield from pairs_below(item, depth + 1)
