"""Name and value heuristics of the secret detector, with their word tables (data).

- :func:`is_sensitive_name`: does a variable/key/attribute name look like it holds a secret?
- :func:`is_placeholder`: is a value obviously not a literal secret?

Both are re-exported by :mod:`resonance_lint.secrets`; import them from there.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
