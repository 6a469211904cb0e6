"""Secret detection and redaction: the one place that knows what a secret looks like.

Public API (used by the SEC rules and by every target rule that looks for secrets):

- :class:`SecretMatch` — one secret found in a text (kind, value, char offsets, SEC rule).
- :func:`is_sensitive_name` — does a variable/key/attribute name look like it holds a secret?
- :func:`is_placeholder` — is a value obviously not a literal secret (empty, a reference, a
  template, an example word)?
- :func:`scan_value` — every secret found in a value or a line (any text).
- :func:`scan_text` — the same for a whole file, aware of its name (lock files, file type);
  ``TextDocument.secrets`` holds it per file, so the SEC rules share one scan.
- :func:`secret_hash` — a stable SHA-256 of a secret (fingerprints, dedupe); never the secret.
- :func:`mask` — a preview for messages: a few leading characters and the length.
- :func:`is_lock_file`, :func:`is_env_file` — file names the SEC rules treat specially.

Modules behind it: ``secrets_names`` (name/value heuristics and their word tables),
``secrets_providers`` (the table of token formats), ``secrets_scan`` (prefilter and detectors),
``secrets_ds`` (detect-secrets, imported lazily, only when a candidate line needs its keyword or
entropy plugins).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .secrets_names import is_placeholder, is_sensitive_name

__all__ = [
    "SecretMatch",
    "is_env_file",
    "is_lock_file",
    "is_placeholder",
    "is_sensitive_name",
    "mask",
    "scan_text",
    "scan_value",
    "secret_hash",
]


@dataclass(frozen=True)
class SecretMatch:
    """A secret found in a text. ``start``/``end`` are character offsets into that text."""

    kind: str
    value: str
    start: int
    end: int
    rule: str
    #: The name the secret is assigned to, when the detector saw one (``DB_PASSWORD``).
    name: str = ""

    @property
    def hash(self) -> str:
        return secret_hash(self.value)

    @property
    def preview(self) -> str:
        return mask(self.value)


# --- redaction ------------------------------------------------------------------------------

_KEY_NOISE = re.compile(r"\\[nr]|\s|[\"']")


def secret_hash(value: str) -> str:
    """SHA-256 (hex) of a secret, stable across runs and platforms.

    Private key blocks are hashed without whitespace and ``\\n`` escapes, so the same key found in
    raw text and in a decoded string value hashes the same.
    """
    if "PRIVATE KEY" in value:
        value = _KEY_NOISE.sub("", value)
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def mask(value: str) -> str:
    """A redacted preview: at most 4 leading characters (2 for short secrets) and the length.

    ``mask("ghp_" + 36 chars) == "ghp_…(40 chars)"``; secrets under 6 characters show none.
    """
    n = len(value)
    shown = 4 if n >= 16 else 2 if n >= 8 else 0
    head = value[:shown].replace("\n", " ").replace("\r", " ")
    return f"{head}…({n} chars)"


# --- files ----------------------------------------------------------------------------------

_LOCK_FILE_NAMES = frozenset(
    {
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "bun.lock",
        "poetry.lock",
        "pdm.lock",
        "uv.lock",
        "pipfile.lock",
        "cargo.lock",
        "go.sum",
        "go.work.sum",
        "composer.lock",
        "gemfile.lock",
        "podfile.lock",
        "packages.lock.json",
        "package.resolved",
        "cartfile.resolved",
        "brewfile.lock.json",
        "flake.lock",
        "mix.lock",
        "pubspec.lock",
        "gradle.lockfile",
        "deno.lock",
        ".terraform.lock.hcl",
        "requirements.lock",
    }
)


def is_lock_file(path: str) -> bool:
    """Dependency lock files: their integrity hashes are not secrets."""
    base = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return base in _LOCK_FILE_NAMES or base.endswith((".lock", ".lockfile"))


#: Dotted name parts that mark an env file as a template meant to be committed.
_ENV_TEMPLATE_PARTS = frozenset(
    {
        "example",
        "examples",
        "sample",
        "samples",
        "template",
        "templates",
        "tmpl",
        "tpl",
        "dist",
        "defaults",
        "default",
        "schema",
        "vault",
        "enc",
        "encrypted",
        "sops",
    }
)


def is_env_file(path: str) -> bool:
    """A dotenv-style file that should not be committed: ``.env``, ``.env.<stage>``, ``*.env``.

    Templates are not: any dotted part ``example``, ``sample``, ``template``, ``dist``,
    ``defaults``, ``schema``, ``tmpl``/``tpl`` (``.env.example``, ``sample.env``,
    ``.env.local.template``), nor encrypted ones (``.env.vault``, ``.env.enc``, ``*.sops.env``).
    """
    base = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if not (base == ".env" or base.startswith(".env.") or base.endswith(".env")):
        return False
    parts = [p for p in base.split(".") if p]
    return not any(p in _ENV_TEMPLATE_PARTS for p in parts)


# --- scanning -------------------------------------------------------------------------------


def scan_value(text: str) -> list[SecretMatch]:
    """Every secret found in ``text`` (a value, a line or several lines), in text order.

    Known formats (SEC302 provider tokens, SEC301 private key blocks, SEC303 credentials in
    URLs) are found anywhere; keyword assignments (SEC304) and high-entropy strings (SEC305)
    only where the text itself gives the context (``password = "…"``). Placeholders are never
    returned. Offsets are into ``text``.
    """
    from .secrets_scan import scan

    return list(scan(text, ""))


def scan_text(text: str, path: str = "") -> tuple[SecretMatch, ...]:
    """Every secret in a whole file's text; ``path`` tunes the scan (lock files, file type)."""
    from .secrets_scan import scan

    return scan(text, path)
