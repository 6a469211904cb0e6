"""The scanner behind :func:`resonance_lint.secrets.scan_text` and ``scan_value``.

A prefilter picks candidate lines with ``str.find`` only (provider markers in the text, keyword
hints in its lowercase copy, ``://`` with ``@``): no regex runs over the whole file. Each candidate
line goes through the detectors in rule order, and a later detector never reports a span an
earlier one already claimed:

1. SEC301 private key blocks (whole text, only when ``PRIVATE KEY``/``PuTTY`` occurs);
2. SEC302 provider formats (``secrets_providers.PROVIDERS``; a provider's regex only runs on
   lines holding one of its literal markers);
3. SEC303 ``scheme://user:password@host``;
4. SEC304 assignments to a sensitive name with a literal value (our assignment parser plus
   detect-secrets' KeywordDetector), on lines with a sensitive keyword;
5. SEC305 high-entropy strings (detect-secrets' entropy plugins) on lines with a sensitive
   keyword.

Lock files get 1–3 only (their integrity hashes are not secrets), and SRI hashes, image digests,
``go.sum``/``.terraform.lock.hcl`` hashes and UUIDs are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .secrets import SecretMatch, is_lock_file, is_placeholder, is_sensitive_name
from .secrets_providers import PROVIDERS, prefilter_markers

#: Lines longer than this (minified code, data blobs) only get the format detectors (1–3).
MAX_CONTEXT_LINE = 1000

#: Lowercase hints that make a line a candidate for the context detectors (SEC304, SEC305) and
#: for the providers without a literal prefix. Found with ``str.find`` on the lowercased text.
KEYWORD_HINTS: tuple[str, ...] = (
    "pass",
    "pwd",
    "secret",
    "token",
    "auth",
    "cred",
    "bearer",
    "jwt",
    "dsn",
    "cookie",
    "salt",
    "pepper",
    "key",
    "contrase",
    "_pat",
    "twilio",
    "mailchimp",
    "discord",
)
_KEYWORD_RE = re.compile("|".join(re.escape(k) for k in KEYWORD_HINTS), re.IGNORECASE)

#: Literal markers of the format detectors (case-sensitive). ``://`` lines count only with an
#: ``@`` on them (credentials in URLs).
FORMAT_MARKERS: tuple[str, ...] = (*prefilter_markers(), "PuTTY-User-Key")


def _add_lines(text: str, needle: str, starts: set[int], need_at: bool = False) -> None:
    """Add the start offset of every line of ``text`` that contains ``needle``."""
    find = text.find
    pos = find(needle)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = find("\n", pos)
        if end < 0:
            end = len(text)
        if not need_at or text.find("@", start, end) >= 0:
            starts.add(start)
        pos = find(needle, end)


def candidate_starts(text: str, keywords: bool = True) -> list[int]:
    """Sorted start offsets of the candidate lines of ``text`` (the prefilter).

    A line is a candidate when it holds a provider marker, ``://`` together with ``@``, or
    (``keywords``) a keyword hint in any case. Only ``str.find`` runs over the whole text.
    """
    starts: set[int] = set()
    for marker in FORMAT_MARKERS:
        if marker in text:
            _add_lines(text, marker, starts)
    if "://" in text and "@" in text:
        _add_lines(text, "://", starts, need_at=True)
    if keywords:
        lower = text.lower()
        if len(lower) == len(text):
            for hint in KEYWORD_HINTS:
                if hint in lower:
                    _add_lines(lower, hint, starts)
        else:  # lowercasing changed offsets (rare Unicode): fall back to the regex
            for m in _KEYWORD_RE.finditer(text):
                starts.add(text.rfind("\n", 0, m.start()) + 1)
    return sorted(starts)


def candidate_lines(text: str, keywords: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the candidate lines (end excludes ``\\r\\n``)."""
    n = len(text)
    for start in candidate_starts(text, keywords):
        end = text.find("\n", start)
        if end < 0:
            end = n
        if end > start and text[end - 1] == "\r":
            end -= 1
        yield start, end


def all_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of every line (no prefilter; for measurements)."""
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        yield start, stop
        start = end + 1


class _Hit(NamedTuple):
    """A detector's raw result, offsets into the line."""

    value: str
    start: int
    end: int
    kind: str
    name: str = ""


# --- file kinds -------------------------------------------------------------------------------

#: Source code: only quoted values count as literals (``password = get()`` is code).
_CODE_EXTENSIONS = frozenset(
    {
        "py", "pyi", "js", "jsx", "mjs", "cjs", "ts", "tsx", "go", "java", "kt", "kts", "scala",
        "rb", "php", "cs", "c", "h", "cc", "cpp", "hpp", "rs", "swift", "m", "dart", "lua", "tf",
        "tofu", "hcl", "groovy", "gradle", "ex", "exs", "erl", "clj", "vue", "svelte", "sql",
    }
)  # fmt: skip
#: Prose: unquoted values count only when they look random (a README's shell snippet).
_PROSE_EXTENSIONS = frozenset(
    {"md", "markdown", "rst", "txt", "adoc", "asciidoc", "html", "htm", "tex", "ipynb"}
)
_NETRC_NAMES = frozenset({".netrc", "_netrc"})

#: How unquoted values are treated, by file kind.
UNQUOTED_ANY = "any"
UNQUOTED_RANDOM = "random"
UNQUOTED_NEVER = "never"


def _unquoted_mode(path: str) -> str:
    base = path.rsplit("/", 1)[-1].lower()
    if "." not in base.lstrip("."):
        return UNQUOTED_ANY
    ext = base.rsplit(".", 1)[1]
    if ext in _CODE_EXTENSIONS:
        return UNQUOTED_NEVER
    if ext in _PROSE_EXTENSIONS:
        return UNQUOTED_RANDOM
    return UNQUOTED_ANY


def _random_looking(value: str) -> bool:
    return (
        len(value) >= 16
        and any(c.islower() for c in value)
        and any(c.isupper() for c in value)
        and any(c.isdigit() for c in value)
    )


def _unquoted_ok(value: str, mode: str) -> bool:
    if mode == UNQUOTED_NEVER:
        return False
    return mode == UNQUOTED_ANY or _random_looking(value)


# --- not secrets ----------------------------------------------------------------------------

_NOT_SECRET_TOKENS = re.compile(
    r"sha(?:1|224|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}"  # SRI integrity
    r"|(?:sha1|sha256|sha384|sha512|md5|h1|zh):[A-Za-z0-9+/]{32,128}={0,2}"  # digests, go.sum
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"  # UUID
)
_DIGEST_CONTEXT = re.compile(
    r"sha|commit|digest|hash|checksum|integrity|revision|\brev\b|\bref\b|@|version", re.I
)
_FAKE_TOKEN = re.compile(
    r"example|dummy|fake|sample|placeholder|redacted|x{4}|X{4}|\*{3}|\.\.\.|…|(.)\1{7}"
    r"|(?:^|[^A-Za-z])(?:test|mock)(?:[^A-Za-z]|$)",
    re.IGNORECASE,
)


def _fake_token(value: str) -> bool:
    """A provider-shaped example value (``AKIA…EXAMPLE``, ``ghp_xxxx…``, ``sk_test_…``)."""
    return bool(_FAKE_TOKEN.search(value))


# --- SEC301 -----------------------------------------------------------------------------------

_KEY_BEGIN = re.compile(
    r"-----BEGIN[ ]?(?P<label>(?:[A-Z0-9]+ )*)PRIVATE KEY(?P<block> BLOCK)?-----"
)
_KEY_BODY = re.compile(r"(?:[A-Za-z0-9+/=\s:,.\-\"'|]|\\[nrt])*")
_KEY_TAIL = re.compile(r"(?:\\[nrt]|[\s\"'|])+$")
_KEY_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}")
_PUTTY = re.compile(
    r"PuTTY-User-Key-File-\d: [^\r\n]*(?:\r?\n[^\r\n]*){0,60}?"
    r"\r?\nPrivate-Lines: \d+(?:\r?\n[A-Za-z0-9+/=]+)+"
)
_KEY_KINDS = (
    ("OPENSSH", "OpenSSH private key"),
    ("RSA", "RSA private key"),
    ("DSA", "DSA private key"),
    ("EC", "EC private key"),
    ("PGP", "PGP private key"),
    ("ENCRYPTED", "encrypted private key"),
)


def _private_keys(text: str) -> Iterator[SecretMatch]:
    for begin in _KEY_BEGIN.finditer(text):
        label = begin.group("label").strip()
        end_marker = f"-----END {label} PRIVATE KEY" if label else "-----END PRIVATE KEY"
        if begin.group("block"):
            end_marker += " BLOCK"
        end_marker += "-----"
        limit = begin.end() + 20000
        end_at = text.find(end_marker, begin.end(), limit)
        if end_at < 0:
            end_at = text.find(end_marker.replace("END ", "END"), begin.end(), limit)
        if end_at >= 0:
            body = text[begin.end() : end_at]
            stop = end_at + len(end_marker)
        else:
            run = _KEY_BODY.match(text, begin.end(), limit)
            stop = run.end() if run else begin.end()
            body = text[begin.end() : stop]
            stop = begin.end() + len(_KEY_TAIL.sub("", body))
        material = "".join(_KEY_BASE64.findall(body.replace("\\n", "\n").replace("\\r", "\n")))
        if len(material) < 64 or is_placeholder(body) or "..." in body or "…" in body:
            continue
        kind = "private key"
        for word, name in _KEY_KINDS:
            if word in label.split():
                kind = name
                break
        if "ENCRYPTED" in body[:200] and kind == "private key":
            kind = "encrypted private key"
        yield SecretMatch(kind, text[begin.start() : stop], begin.start(), stop, "SEC301")
    if "PuTTY-User-Key-File" in text:
        for m in _PUTTY.finditer(text):
            yield SecretMatch("PuTTY private key", m.group(0), m.start(), m.end(), "SEC301")


# --- SEC303 -----------------------------------------------------------------------------------

_URL_CREDENTIALS = re.compile(
    r"(?<![A-Za-z0-9+.\-])(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]{1,30})://"
    r"(?P<user>[^\s:/@'\"`<>{}()\[\]]*):(?P<password>[^\s/@'\"`<>]+)@"
    r"(?P<host>[A-Za-z0-9\-._~%\[\]]+)"
)


def _url_credentials(line: str) -> Iterator[_Hit]:
    for m in _URL_CREDENTIALS.finditer(line):
        password = m.group("password")
        host = m.group("host").lower()
        if is_placeholder(password) or "example" in host or host in ("host", "hostname"):
            continue
        if password.startswith(("%", "$")) or "{" in password:
            continue
        yield _Hit(password, m.start("password"), m.end("password"), "password in URL")


# --- SEC304 -----------------------------------------------------------------------------------

_ASSIGNMENT = re.compile(
    r"(?P<key>[A-Za-z_][\w.\-]*)[\"']?\]?[ \t]*(?::=|=>|=|:)(?![=:/])[ \t]*(?P<q>[\"'`]?)"
)
_FLAG = re.compile(r"(?<![\w\-])--(?P<key>[A-Za-z][\w\-]*)[ \t]+(?P<q>[\"']?)(?=[^\s\-])")
_XML_ELEMENT = re.compile(r"<(?P<key>[A-Za-z][\w.\-]*)>(?P<value>[^<>\s]{1,200})</(?P=key)>")
_NETRC_PASSWORD = re.compile(r"(?:^|\s)password\s+(?P<value>\S+)")
_UNQUOTED_VALUE = re.compile(r"[^\s\"'`,;#)}\]]+")
_BLANKS = re.compile(r"[ \t]+")
_AUTH_SCHEME = re.compile(r"(?i)(?:bearer|basic|token|digest)[ \t]+")
_IDENTIFIER = re.compile(
    r"[a-z][a-z0-9]*(?:[\-_.][a-z][a-z0-9]*)+"  # db-credentials, types-auth0-python
    r"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"  # DB_PASSWORD
    r"|(?:[A-Z][a-z]+){3,}"  # WillAlsoBeIgnored, UberSecretPassword
    r"|#[0-9a-fA-F]{3,8}"  # a colour
)
#: Regular expressions are not secrets (``HEX_PAT = "[0-9A-Fa-f]{1,4}"``).
_REGEX_VALUE = re.compile(r"\(\?|\[(?:0-9|a-z|A-Z|\^)|\\[dwsbDWS]|\{\d+,\d*\}|\.\*|\.\+")
#: What may follow an unquoted value on its line (else the "value" is the start of prose).
_REST_OK = ("#", "//", ";", ",", "}", ")", "]", "--", "\\", '"', "'", "`", "&&", "||", "|")
_SHORT_WORD = re.compile(r"[a-z]{1,10}")
_CODE_VALUE = re.compile(r"[(\[{<$]|^\w+\.\w+")
_PATH_VALUE = re.compile(
    r"(?:/|\./|\.\./|~/|[A-Za-z]:\\)\S*"
    r"|[\w.\-/]+\.(?:json|pem|key|crt|cer|txt|ya?ml|env|p12|pfx|jks|keystore|gpg|asc|enc|pub)"
)
_URL_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")


def _value_at(line: str, start: int, quote: str) -> tuple[str, int, int] | None:
    """The value that starts at ``start`` (after an opening ``quote`` if any)."""
    if quote:
        end = line.find(quote, start)
        if end < 0:
            return None
        value = line[start:end]
    else:
        m = _UNQUOTED_VALUE.match(line, start)
        if m is None:
            return None
        value, end = m.group(0), m.end()
    scheme = _AUTH_SCHEME.match(value)
    if scheme and quote:
        start += scheme.end()
        value = line[start:end]
    elif not quote and value.lower() in ("bearer", "basic", "token", "digest"):
        rest = _BLANKS.match(line, end)
        if rest is None:
            return None
        m = _UNQUOTED_VALUE.match(line, rest.end())
        if m is None:
            return None
        start, end, value = m.start(), m.end(), m.group(0)
    return value, start, end


def _literal_secret(value: str, quoted: bool) -> bool:
    """Is ``value`` (already known to sit under a sensitive name) a literal secret?

    Not: shorter than 4, a placeholder, containing whitespace (prose, descriptions, commands),
    a short lowercase word (``write``, ``inherit``, ``required``: enum values), an identifier
    (``db-credentials``, ``DB_PASSWORD``), a path or a URL. Unquoted values must also not look
    like code and need a digit, mixed case, a symbol or 20+ characters.
    """
    if len(value) < 4 or is_placeholder(value):
        return False
    if any(c.isspace() for c in value) or _SHORT_WORD.fullmatch(value):
        return False
    if _IDENTIFIER.fullmatch(value) or _PATH_VALUE.fullmatch(value) or _URL_VALUE.match(value):
        return False
    if _REGEX_VALUE.search(value):
        return False
    if quoted:
        return True
    if _CODE_VALUE.search(value):
        return False
    has_digit = any(c.isdigit() for c in value)
    mixed = any(c.islower() for c in value) and any(c.isupper() for c in value)
    symbol = any(not c.isalnum() and c not in "-_." for c in value)
    return has_digit or mixed or symbol or len(value) >= 20


_NAME_KINDS = (
    ("passphrase", "passphrase"),
    ("pass", "password"),
    ("pwd", "password"),
    ("contrase", "password"),
    ("private", "private key"),
    ("client_secret", "client secret"),
    ("clientsecret", "client secret"),
    ("api", "API key"),
    ("token", "token"),
    ("cred", "credential"),
    ("auth", "credential"),
    ("bearer", "token"),
    ("access_key", "access key"),
    ("accesskey", "access key"),
    ("key", "key"),
)


def _kind_of_name(name: str) -> str:
    """A human type for a secret assigned to ``name`` (``DB_PASSWORD`` -> ``password``)."""
    lower = name.lower().replace("-", "_")
    for needle, kind in _NAME_KINDS:
        if needle in lower:
            return kind
    return "secret"


_NAME_BEFORE = re.compile(r"([A-Za-z_][\w.\-]*)[\"'\]]*\s*(?::=|=>|==?=?|!==?|:)?\s*[@\"'`(]*$")


def _name_before(line: str, start: int) -> str:
    m = _NAME_BEFORE.search(line, 0, start)
    return m.group(1) if m else ""


@dataclass(frozen=True)
class _Context:
    path: str
    unquoted: str  # UNQUOTED_ANY / UNQUOTED_RANDOM / UNQUOTED_NEVER
    context_rules: bool
    netrc: bool = False


def _assignments(line: str, ctx: _Context) -> Iterator[_Hit]:
    candidates: list[tuple[str, int, str]] = []  # key, value start, quote
    for m in _ASSIGNMENT.finditer(line):
        candidates.append((m.group("key"), m.end(), m.group("q")))
    if "--" in line:
        for m in _FLAG.finditer(line):
            candidates.append((m.group("key"), m.end(), m.group("q")))
    for key, start, quote in candidates:
        if not is_sensitive_name(key):
            continue
        if not quote and ctx.unquoted == UNQUOTED_NEVER:
            continue
        found = _value_at(line, start, quote)
        if found is None:
            continue
        value, vstart, vend = found
        if not quote and vend != len(line):
            rest = line[vend:].strip()
            if rest and not rest.startswith(_REST_OK):
                continue  # prose: `password: the one you chose`
        if _literal_secret(value, bool(quote)) and (quote or _unquoted_ok(value, ctx.unquoted)):
            yield _Hit(value, vstart, vend, _kind_of_name(key), key)
    if ctx.netrc:
        for m in _NETRC_PASSWORD.finditer(line):
            if _literal_secret(m.group("value"), False):
                yield _Hit(
                    m.group("value"), m.start("value"), m.end("value"), "password", "password"
                )
    if "<" in line:
        for m in _XML_ELEMENT.finditer(line):
            if is_sensitive_name(m.group("key")) and _literal_secret(m.group("value"), True):
                key = m.group("key")
                yield _Hit(
                    m.group("value"), m.start("value"), m.end("value"), _kind_of_name(key), key
                )


def _keyword_plugin(line: str, ctx: _Context) -> Iterator[_Hit]:
    masked = _VARIABLE_REFERENCE.sub(lambda m: " " * len(m.group()), line)
    if not _SOME_VALUE.search(masked):
        return  # every value on the line is a reference: nothing to ask detect-secrets about
    from .secrets_ds import engine

    ds = engine()
    for value in ds.keyword_values(line, ctx.path):
        start = line.find(value)
        if start < 0 or ds.filtered(value, line):
            continue
        quoted = start > 0 and line[start - 1] in "\"'`"
        if not _literal_secret(value, quoted):
            continue
        if not quoted and not _unquoted_ok(value, ctx.unquoted):
            continue
        name = _name_before(line, start)
        yield _Hit(value, start, start + len(value), _kind_of_name(name), name)


# --- SEC305 -----------------------------------------------------------------------------------


_WORDS = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def _secret_context(line: str) -> bool:
    """A line that talks about a secret: a sensitive name on it, and not a public key."""
    if "public" in line.lower():
        return False
    return any(is_sensitive_name(w) for w in _WORDS.findall(line))


def _high_entropy(line: str) -> Iterator[_Hit]:
    from .secrets_ds import engine

    if not _secret_context(line):
        return
    ds = engine()
    for value, label in ds.entropy_values(line):
        if len(value) < (16 if label == "hex" else 20):
            continue
        if is_placeholder(value) or ds.filtered(value, line):
            continue
        if label == "hex" and len(value) in (32, 40, 64) and _DIGEST_CONTEXT.search(line):
            continue
        if "/" in value and value.count("/") >= 2 and not value.endswith("="):
            continue  # a path
        start = line.find(value)
        if start >= 0:
            yield _Hit(value, start, start + len(value), f"high-entropy {label} string")


# --- the scan -----------------------------------------------------------------------------------


# An assignment or mapping with a literal value after it (`= x`, `: "x"`, `=> x`).
_SOME_VALUE = re.compile(r"[=:]>?\s*[^\s]")
_VARIABLE_REFERENCE = re.compile(
    r"\$\{\{.*?\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*"
)


def _overlaps(start: int, end: int, claimed: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in claimed)


def _scan_line(
    line: str, base: int, ctx: _Context, claimed: list[tuple[int, int]]
) -> list[SecretMatch]:
    found: list[SecretMatch] = []

    def claim(hit: _Hit, rule: str) -> None:
        a, b = base + hit.start, base + hit.end
        if _overlaps(a, b, claimed):
            return
        claimed.append((a, b))
        found.append(SecretMatch(hit.kind, hit.value, a, b, rule, hit.name))

    excluded: list[tuple[int, int]] | None = None

    def not_a_secret(start: int, end: int) -> bool:
        nonlocal excluded
        if excluded is None:
            excluded = [m.span() for m in _NOT_SECRET_TOKENS.finditer(line)]
        return any(s <= start and end <= e for s, e in excluded)

    for provider in PROVIDERS:
        if provider.markers and not any(m in line for m in provider.markers):
            continue
        for m in provider.pattern.finditer(line):
            value = m.group("value")
            if provider.validator is not None and not provider.validator(value):
                continue
            if _fake_token(value) or not_a_secret(m.start("value"), m.end("value")):
                continue
            claim(_Hit(value, m.start("value"), m.end("value"), provider.kind), provider.rule)
    if "://" in line and "@" in line:
        for hit in _url_credentials(line):
            claim(hit, "SEC303")
    if (
        ctx.context_rules
        and len(line) <= MAX_CONTEXT_LINE
        and _KEYWORD_RE.search(line)
        # a keyword only inside references (`${PWD}`, `$API_TOKEN`, `${{ secrets.X }}`) is no
        # assignment of a literal
        and _KEYWORD_RE.search(_VARIABLE_REFERENCE.sub(" ", line))
    ):
        for hit in _assignments(line, ctx):
            if not not_a_secret(hit.start, hit.end):
                claim(hit, "SEC304")
        for hit in _keyword_plugin(line, ctx):
            if not not_a_secret(hit.start, hit.end):
                claim(hit, "SEC304")
        for hit in _high_entropy(line):
            if not not_a_secret(hit.start, hit.end):
                claim(hit, "SEC305")
    return found


_ALLOWLIST = "pragma: allowlist secret"
_ALLOWLIST_NEXT = "pragma: allowlist nextline secret"


def _allowlisted(text: str, start: int, end: int) -> bool:
    """detect-secrets' inline allowlist comments, honoured for users coming from it."""
    if _ALLOWLIST in text[start:end]:
        return True
    if start == 0:
        return False
    previous = text.rfind("\n", 0, start - 1) + 1
    return _ALLOWLIST_NEXT in text[previous:start]


@lru_cache(maxsize=16)
def scan(text: str, path: str) -> tuple[SecretMatch, ...]:
    """All secrets in ``text`` (a file named ``path``, or a value when ``path`` is empty)."""
    lock = bool(path) and is_lock_file(path)
    base = path.rsplit("/", 1)[-1].lower()
    ctx = _Context(path, _unquoted_mode(path), not lock, base in _NETRC_NAMES)
    allowlist = "pragma: allowlist" in text
    claimed: list[tuple[int, int]] = []
    found: list[SecretMatch] = []
    if "PRIVATE KEY" in text or "PuTTY-User-Key-File" in text:
        for key in _private_keys(text):
            claimed.append((key.start, key.end))
            if allowlist:
                line_start = text.rfind("\n", 0, key.start) + 1
                line_end = text.find("\n", key.start)
                if _allowlisted(text, line_start, line_end if line_end >= 0 else len(text)):
                    continue
            found.append(key)
    blocks = list(claimed)
    for start, end in candidate_lines(text, keywords=not lock):
        if blocks and any(s <= start and end <= e for s, e in blocks):
            continue  # a line inside a private key block: the block is reported already
        if allowlist and _allowlisted(text, start, end):
            continue
        found.extend(_scan_line(text[start:end], start, ctx, claimed))
    found.sort(key=lambda m: (m.start, m.end))
    return tuple(found)
