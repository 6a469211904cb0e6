"""Secret detection and redaction: the one place that knows what a secret looks like.

Public API (used by the SEC rules and by every target rule that looks for secrets):

- :class:`SecretMatch` — one secret found in a text (kind, value, char offsets, SEC rule).
- :func:`is_sensitive_name` — does a variable/key/attribute name look like it holds a secret?
- :func:`is_placeholder` — is a value obviously not a literal secret (empty, a reference, a
  template, an example word)?
- :func:`scan_value` — every secret found in a value or a line (any text).
- :func:`scan_text` — the same for a whole file, aware of its name (lock files, file type).
- :func:`secret_hash` — a stable SHA-256 of a secret (fingerprints, dedupe); never the secret.
- :func:`mask` — a preview for messages: a few leading characters and the length.

How a text is scanned (see ``_scan``): one compiled prefilter regex runs over the whole text and
selects candidate lines (a provider prefix, a sensitive keyword, ``://`` or ``PRIVATE KEY``);
only those lines go through the detectors. detect-secrets is imported lazily, only when a
candidate line needs its keyword or entropy plugins (``secrets_ds``).
"""

from __future__ import annotations

import hashlib
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

from .model import Source

__all__ = [
    "SecretMatch",
    "is_env_file",
    "is_lock_file",
    "is_placeholder",
    "is_sensitive_name",
    "mask",
    "scan_source",
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


# --- names ----------------------------------------------------------------------------------

_NAME_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")

#: A name with one of these words holds a secret.
_SENSITIVE_WORDS = frozenset(
    {
        "password",
        "passwd",
        "passphrase",
        "passwords",
        "pwd",
        "pass",
        "secret",
        "secrets",
        "token",
        "apikey",
        "apitoken",
        "authtoken",
        "accesstoken",
        "privatekey",
        "privkey",
        "secretkey",
        "accesskey",
        "clientsecret",
        "credential",
        "credentials",
        "creds",
        "auth",
        "authorization",
        "bearer",
        "jwt",
        "dsn",
        "cookie",
        "salt",
        "pepper",
        "contraseña",
        "contrasena",
    }
)

#: ``<word>_pat`` is a personal access token for these words (``GH_PAT``), a pattern otherwise.
_PAT_QUALIFIERS = frozenset(
    {
        "gh",
        "github",
        "gitlab",
        "gl",
        "ado",
        "azdo",
        "azure",
        "devops",
        "bitbucket",
        "docker",
        "dockerhub",
        "hub",
        "hf",
        "jira",
        "confluence",
        "atlassian",
        "personal",
        "access",
        "npm",
        "registry",
        "ci",
        "bot",
        "deploy",
        "release",
        "admin",
        "my",
        "user",
        "org",
    }
)

#: ``<word>_key`` is sensitive for these words (``api_key``, ``signing_key`` …), not for
#: ``primary_key``, ``cache_key``, ``public_key``.
_KEY_QUALIFIERS = frozenset(
    {
        "api",
        "access",
        "secret",
        "private",
        "priv",
        "signing",
        "sign",
        "encryption",
        "encrypt",
        "crypto",
        "master",
        "account",
        "service",
        "client",
        "auth",
        "app",
        "ssh",
        "deploy",
        "session",
        "license",
        "licence",
        "hmac",
        "jwt",
        "webhook",
        "storage",
        "admin",
        "db",
        "database",
        "sas",
        "shared",
        "subscription",
        "ingest",
        "ingestion",
        "write",
        "read",
        "rpc",
        "enc",
        "aes",
    }
)

#: A name whose last word is one of these describes a secret without holding it.
_NON_SECRET_LAST_WORDS = frozenset(
    {
        "file",
        "files",
        "path",
        "paths",
        "dir",
        "directory",
        "url",
        "uri",
        "urls",
        "endpoint",
        "host",
        "hostname",
        "port",
        "name",
        "names",
        "id",
        "ids",
        "arn",
        "ref",
        "refs",
        "type",
        "types",
        "kind",
        "expiry",
        "expires",
        "expiration",
        "expire",
        "ttl",
        "timeout",
        "lifetime",
        "duration",
        "age",
        "length",
        "len",
        "size",
        "min",
        "max",
        "count",
        "limit",
        "enabled",
        "enable",
        "disabled",
        "required",
        "header",
        "headers",
        "field",
        "param",
        "parameter",
        "prefix",
        "suffix",
        "region",
        "mode",
        "method",
        "methods",
        "provider",
        "version",
        "env",
        "var",
        "variable",
        "format",
        "policy",
        "rotation",
        "location",
        "source",
        "store",
        "manager",
        "backend",
        "user",
        "username",
        "login",
        "email",
        "fingerprint",
        "algorithm",
        "alg",
        "scope",
        "scopes",
        "audience",
        "issuer",
        "label",
        "key_id",
        "hint",
        "pattern",
        "regex",
        "strength",
        "reset",
        "changed",
        "updated",
        "created",
        "generator",
        "command",
        "cmd",
        "script",
        "class",
        "handler",
        "expression",
        "schedule",
        "interval",
        "period",
        "days",
        "permission",
        "permissions",
        "rule",
        "rules",
        "config",
        "configuration",
        "settings",
        "options",
        "annotation",
        "selector",
        "template",
        "output",
        "outputs",
        "input",
        "inputs",
        "description",
        "desc",
        "help",
        "doc",
        "docs",
        "example",
        "placeholder",
    }
)

#: A name whose first word is one of these is a flag or a measure, not the secret itself.
_NON_SECRET_FIRST_WORDS = frozenset(
    {
        "is",
        "has",
        "use",
        "uses",
        "enable",
        "enabled",
        "disable",
        "disabled",
        "require",
        "requires",
        "allow",
        "skip",
        "no",
        "max",
        "min",
        "num",
        "show",
        "hide",
        "with",
        "without",
        "generate",
        "rotate",
        "validate",
        "verify",
        "check",
        "should",
        "public",
    }
)

#: Whole names that look sensitive but hold no secret by definition.
_NON_SECRET_NAMES = frozenset(
    {
        "pwd",
        "oldpwd",
        "google_application_credentials",
        "aws_access_key_id",
        "token_endpoint_auth_method",
        "auth_type",
        "passenger",
        "github_token_permissions",
    }
)


@lru_cache(maxsize=4096)
def is_sensitive_name(name: str) -> bool:
    """Does ``name`` (a variable, key or attribute name) look like it holds a secret?

    Words are split on non-alphanumerics and camelCase. Sensitive: a sensitive word
    (``password``, ``secret``, ``token``, ``credentials``, ``auth`` …), a compound such as
    ``apikey``/``privatekey``, or ``<qualifier>_key`` (``api_key``, ``signing_key``,
    ``access_key`` …). Not sensitive: names ending in a describing word (``_file``, ``_path``,
    ``_url``, ``_name``, ``_id``, ``_expiry``, ``_length`` …), names starting with a flag or
    measure word (``is_``, ``enable_``, ``max_`` …), ``PWD``, ``GOOGLE_APPLICATION_CREDENTIALS``,
    ``AWS_ACCESS_KEY_ID``.
    """
    if not name:
        return False
    words = [w.lower() for w in _NAME_WORDS.findall(name)]
    if not words:
        return False
    if "_".join(words) in _NON_SECRET_NAMES:
        return False
    if words[-1] in _NON_SECRET_LAST_WORDS or words[0] in _NON_SECRET_FIRST_WORDS:
        return False
    if len(words) >= 2 and words[-2:] == ["key", "id"]:
        return False
    for index, word in enumerate(words):
        if word == "pat":
            if index > 0 and words[index - 1] in _PAT_QUALIFIERS:
                return True
            continue
        if word in _SENSITIVE_WORDS:
            return True
        if word in ("key", "keys") and index > 0 and words[index - 1] in _KEY_QUALIFIERS:
            return True
        if word.endswith(("password", "passwd", "secret", "token", "apikey")):
            return True
    return False


# --- placeholders ---------------------------------------------------------------------------

_PLACEHOLDER_WORDS = frozenset(
    {
        "",
        "changeme",
        "change_me",
        "change-me",
        "changethis",
        "changeit",
        "replaceme",
        "replace_me",
        "replace-me",
        "todo",
        "tbd",
        "fixme",
        "none",
        "null",
        "nil",
        "undefined",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "password",
        "passwd",
        "pass",
        "pwd",
        "secret",
        "token",
        "apikey",
        "api_key",
        "api-key",
        "key",
        "mypassword",
        "mysecret",
        "supersecret",
        "super_secret",
        "secretpassword",
        "secret123",
        "password123",
        "password1",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "admin",
        "administrator",
        "root",
        "guest",
        "user",
        "username",
        "postgres",
        "postgresql",
        "mysql",
        "mariadb",
        "redis",
        "mongo",
        "rabbitmq",
        "minio",
        "minioadmin",
        "default",
        "example",
        "sample",
        "placeholder",
        "dummy",
        "fake",
        "mock",
        "test",
        "testing",
        "foo",
        "bar",
        "baz",
        "foobar",
        "qwerty",
        "abc",
        "abc123",
        "abcdef",
        "123",
        "1234",
        "12345",
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "letmein",
        "hunter2",
        "redacted",
        "hidden",
        "masked",
        "sensitive",
        "required",
        "optional",
        "string",
        "str",
        "value",
        "empty",
        "unset",
        "notset",
        "not_set",
        "n/a",
        "na",
    }
)

#: A value containing one of these (case-insensitive) is an example, not a secret.
_PLACEHOLDER_MARKERS = (
    "example",
    "changeme",
    "change_me",
    "change-me",
    "replace_me",
    "replace-me",
    "replaceme",
    "placeholder",
    "dummy",
    "sample",
    "fake",
    "redacted",
    "your_",
    "your-",
    "yourpassword",
    "yoursecret",
    "yourtoken",
    "_here",
    "-here",
    "xxxx",
    "****",
    "••",
    "...",
    "…",
    "process.env",
    "os.environ",
    "os.getenv",
    "getenv(",
    "env(",
    "env[",
    "secrets.",
    "secretkeyref",
    "valuefrom",
    "<%",
    "{{",
    "${",
    "#{",
    "%s",
    "%d",
    "%(",
    "{}",
    "{0}",
)

_PLACEHOLDER_RE = re.compile(
    r"""^(?:
        \$[A-Za-z_({].*                            # $VAR ${VAR} $(cmd) ${{ expr }}
      | <[^<>]*>                                    # <password>
      | \[[A-Za-z _\-]*\]                           # [password]
      | \{[A-Za-z0-9_.\- ]*\}                       # {password} {0}
      | %[sdr]|%\([A-Za-z_]+\)[sdr]                 # %s %(password)s
      | (?:var|local|data|module|each|count|path|terraform|self|random_[a-z_]+)
        \.[A-Za-z_][\w.\[\]"*\-]*                    # Terraform references
      | !(?:Ref|Sub|GetAtt|ImportValue|vault|secret)\b.*   # YAML tags
      | (?:ENC|vault|AGE)\[.*\]                     # encrypted value wrappers
      | (.)\1{2,}                                   # xxx, ***, 000
      | [^A-Za-z0-9]+                               # only punctuation
      | [a-z][a-z0-9_]*(?:\.[a-z0-9_\-]+){2,}       # resource references a.b.c
      | (?i:your|my|the|some|a|an)[_\-\s]?[A-Za-z_\-\s]*   # your-api-key, my_token
    )$""",
    re.VERBOSE,
)

_TEST_WORD = re.compile(
    r"(?:^|[^A-Za-z])(?:test|tests|testing|fake|mock|sample)(?:[^A-Za-z]|$)", re.I
)


@lru_cache(maxsize=8192)
def is_placeholder(value: str) -> bool:
    """Is ``value`` obviously not a literal secret?

    True for: empty values; references and templates (``$VAR``, ``${VAR}``, ``${{ … }}``,
    ``{{ … }}``, ``<%= … %>``, ``var.x``/``local.x``/``data.x.y``, ``a.b.c`` resource
    references, ``process.env.X``, ``os.environ[…]``, ``!Ref``); bracketed names
    (``<password>``, ``[token]``, ``{secret}``); format specifiers (``%s``); repeated
    characters (``xxx``, ``****``, ``000``); punctuation only; ``your-…``/``my_…`` words; values
    containing ``example``, ``changeme``, ``placeholder``, ``dummy``, ``redacted``, ``xxxx``,
    ``_here``; whole values that are well-known example or default words (``password``,
    ``secret``, ``admin``, ``postgres``, ``test``, ``12345678`` …); values with a separate
    ``test``/``fake``/``mock``/``sample`` word (``test-token``, ``sk_test_…``).
    """
    v = value.strip().strip("\"'`").strip()
    if not v:
        return True
    lower = v.lower()
    if lower in _PLACEHOLDER_WORDS or lower.strip(":;,.!?-_ ") in _PLACEHOLDER_WORDS:
        return True
    if any(marker in lower for marker in _PLACEHOLDER_MARKERS):
        return True
    if _PLACEHOLDER_RE.match(v):
        return True
    return bool(_TEST_WORD.search(v))


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


def scan_source(source: Source) -> tuple[SecretMatch, ...]:
    """:func:`scan_text` of a file, memoised per :class:`Source` object.

    The SEC rules each ask for the same file's secrets; the memo (weakly keyed, so it dies with
    the run's sources) makes that one scan per file whatever order the engine runs rules in.
    """
    found = _BY_SOURCE.get(source)
    if found is None:
        found = scan_text(source.text, source.path)
        _BY_SOURCE[source] = found
    return found


#: Memo of :func:`scan_source`; entries vanish with their Source (not observable state).
_BY_SOURCE: weakref.WeakKeyDictionary[Source, tuple[SecretMatch, ...]] = weakref.WeakKeyDictionary()
