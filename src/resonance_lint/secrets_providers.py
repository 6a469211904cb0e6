"""The table of secret formats we recognise ourselves (data, easy to extend).

Each :class:`Provider` is one token format: a human ``kind``, the SEC rule it belongs to, a
regular expression whose group ``value`` is the secret, and optionally a validator that must
accept the value. Formats are specific (fixed prefixes, exact lengths, checksums where cheap)
so that they can be trusted without context: these are SEC302 findings.

Each provider names the literal ``markers`` a line must contain for its pattern to run;
:func:`prefilter_markers` collects them for the scanner's prefilter.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Callable

Validator = Callable[[str], bool]


@dataclass(frozen=True)
class Provider:
    kind: str
    rule: str
    pattern: re.Pattern[str]
    validator: Validator | None = None
    #: Literal substrings (case-sensitive): the prefilter selects lines holding one of them,
    #: and the pattern only runs on such lines. Empty: a format without a distinctive prefix
    #: (Twilio, Mailchimp, Discord), tried on lines that are candidates for another reason
    #: (a sensitive keyword such as key/token/secret/auth, or the provider's name).
    markers: tuple[str, ...] = ()


def _b64url_json(segment: str) -> object:
    padded = segment + "=" * (-len(segment) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.encode("ascii"))
        return json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None


def _valid_jwt(value: str) -> bool:
    """A JWT whose header decodes to JSON with an ``alg`` other than ``none`` (so: signed)."""
    parts = value.split(".")
    if len(parts) != 3 or not parts[2]:
        return False
    header = _b64url_json(parts[0])
    if not isinstance(header, dict):
        return False
    alg = header.get("alg")
    return isinstance(alg, str) and alg.lower() != "none"


def _mixed(value: str) -> bool:
    """At least one digit and one letter: filters words and sequences that match a shape."""
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def _mixed_case_and_digit(value: str) -> bool:
    return (
        any(c.isdigit() for c in value)
        and any(c.islower() for c in value)
        and any(c.isupper() for c in value)
    )


def _aws_key_id(value: str) -> bool:
    return "EXAMPLE" not in value and _mixed(value[4:])


def _p(regex: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(regex, flags)


# Left boundary: not preceded by a token character, so `xghp_…` inside a longer word is no match.
_L = r"(?<![A-Za-z0-9_\-])"
# Right boundary: not followed by a token character.
_R = r"(?![A-Za-z0-9_\-])"

PROVIDERS: tuple[Provider, ...] = (
    # --- Fly.io ---------------------------------------------------------------------------
    Provider(
        "Fly.io token",
        "SEC302",
        _p(
            r"(?P<value>FlyV1 fm\d[a-z]?_[A-Za-z0-9+/=_\-]{20,}"
            r"(?:,\s?fm\d[a-z]?_[A-Za-z0-9+/=_\-]{20,})*)"
        ),
        markers=("FlyV1 ",),
    ),
    Provider(
        "Fly.io token",
        "SEC302",
        _p(_L + r"(?P<value>(?:fo1_|fm1[ar]_|fm2_)[A-Za-z0-9+/=_\-]{20,})"),
        _mixed,
        markers=("fo1_", "fm1a_", "fm1r_", "fm2_"),
    ),
    # --- GitHub -----------------------------------------------------------------------------
    Provider(
        "GitHub fine-grained token",
        "SEC302",
        _p(_L + r"(?P<value>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})" + _R),
        markers=("github_pat_",),
    ),
    Provider(
        "GitHub token",
        "SEC302",
        _p(_L + r"(?P<value>gh[pousr]_[A-Za-z0-9]{36,251})" + _R),
        _mixed,
        markers=("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
    ),
    # --- GitLab -----------------------------------------------------------------------------
    Provider(
        "GitLab token",
        "SEC302",
        _p(
            _L + r"(?P<value>(?:glpat|glptt|gldt|glrt|glcbt|glft|glimt|glagent|gloas)-"
            r"[A-Za-z0-9_\-]{20,})" + _R
        ),
        _mixed,
        markers=(
            "glpat-",
            "glptt-",
            "gldt-",
            "glrt-",
            "glcbt-",
            "glft-",
            "glimt-",
            "glagent-",
            "gloas-",
        ),
    ),
    # --- Slack ------------------------------------------------------------------------------
    Provider(
        "Slack token",
        "SEC302",
        _p(_L + r"(?P<value>xox[baprse]-(?:\d+-)+[A-Za-z0-9\-]{10,})" + _R),
        markers=("xox",),
    ),
    Provider(
        "Slack token",
        "SEC302",
        _p(_L + r"(?P<value>xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,})" + _R),
        markers=("xapp-",),
    ),
    Provider(
        "Slack webhook URL",
        "SEC302",
        _p(
            r"(?P<value>https://hooks\.slack\.com/(?:services|workflows|triggers)/"
            r"T[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9/]{16,})"
        ),
        markers=("hooks.slack.com/",),
    ),
    Provider(
        "Discord webhook URL",
        "SEC302",
        _p(
            r"(?P<value>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/"
            r"\d{17,20}/[A-Za-z0-9_\-]{60,68})"
        ),
        markers=("/api/webhooks/",),
    ),
    # --- Stripe -----------------------------------------------------------------------------
    Provider(
        "Stripe secret key",
        "SEC302",
        _p(_L + r"(?P<value>(?:sk|rk)_live_[A-Za-z0-9]{20,247})" + _R),
        _mixed,
        markers=("k_live_",),
    ),
    # --- package registries -----------------------------------------------------------------
    Provider(
        "npm token",
        "SEC302",
        _p(_L + r"(?P<value>npm_[A-Za-z0-9]{36})" + _R),
        _mixed,
        markers=("npm_",),
    ),
    Provider(
        "PyPI token",
        "SEC302",
        _p(_L + r"(?P<value>pypi-AgE[A-Za-z0-9_\-]{50,})" + _R),
        markers=("pypi-AgE",),
    ),
    Provider(
        "RubyGems API key",
        "SEC302",
        _p(_L + r"(?P<value>rubygems_[a-f0-9]{48})" + _R),
        markers=("rubygems_",),
    ),
    Provider(
        "Docker Hub token",
        "SEC302",
        _p(_L + r"(?P<value>dckr_pat_[A-Za-z0-9_\-]{27,})" + _R),
        _mixed,
        markers=("dckr_pat_",),
    ),
    # --- AI providers -----------------------------------------------------------------------
    Provider(
        "Anthropic API key",
        "SEC302",
        _p(_L + r"(?P<value>sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_\-]{32,})" + _R),
        markers=("sk-ant-",),
    ),
    Provider(
        "OpenAI API key",
        "SEC302",
        _p(
            _L + r"(?P<value>sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_\-]{16,}"
            r"T3BlbkFJ[A-Za-z0-9_\-]{16,})" + _R
        ),
        markers=("T3BlbkFJ",),
    ),
    Provider(
        "OpenAI API key",
        "SEC302",
        _p(_L + r"(?P<value>sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,})" + _R),
        _mixed_case_and_digit,
        markers=("sk-proj-", "sk-svcacct-", "sk-admin-"),
    ),
    Provider(
        "OpenAI API key",
        "SEC302",
        _p(_L + r"(?P<value>sk-[A-Za-z0-9]{48})" + _R),
        _mixed_case_and_digit,
        markers=("sk-",),
    ),
    Provider(
        "Hugging Face token",
        "SEC302",
        _p(_L + r"(?P<value>hf_[A-Za-z0-9]{34,})" + _R),
        _mixed_case_and_digit,
        markers=("hf_",),
    ),
    # --- messaging / SaaS ---------------------------------------------------------------------
    Provider(
        "SendGrid API key",
        "SEC302",
        _p(_L + r"(?P<value>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})" + _R),
        markers=("SG.",),
    ),
    Provider(
        "Twilio API key",
        "SEC302",
        _p(_L + r"(?P<value>(?:SK|AC)[0-9a-f]{32})" + _R),
        _mixed,
    ),
    Provider(
        "Mailchimp API key",
        "SEC302",
        _p(_L + r"(?P<value>[0-9a-f]{32}-us\d{1,2})" + _R),
        _mixed,
    ),
    Provider(
        "Square token",
        "SEC302",
        _p(_L + r"(?P<value>(?:sq0csp|sq0atp)-[A-Za-z0-9_\-]{22,60})" + _R),
        _mixed,
        markers=("sq0",),
    ),
    Provider(
        "Shopify token",
        "SEC302",
        _p(_L + r"(?P<value>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + _R),
        markers=("shpat_", "shpca_", "shppa_", "shpss_"),
    ),
    Provider(
        "Linear API key",
        "SEC302",
        _p(_L + r"(?P<value>lin_api_[A-Za-z0-9]{40})" + _R),
        markers=("lin_api_",),
    ),
    Provider(
        "Postman API key",
        "SEC302",
        _p(_L + r"(?P<value>PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + _R),
        markers=("PMAK-",),
    ),
    Provider(
        "New Relic key",
        "SEC302",
        _p(_L + r"(?P<value>NRAK-[A-Z0-9]{27})" + _R),
        markers=("NRAK-",),
    ),
    Provider(
        "Grafana token",
        "SEC302",
        _p(_L + r"(?P<value>(?:glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/=]{32,}))" + _R),
        _mixed,
        markers=("glsa_", "glc_"),
    ),
    Provider(
        "Telegram bot token",
        "SEC302",
        _p(r"(?<![\d:])(?P<value>\d{8,10}:AA[A-Za-z0-9_\-]{33})" + _R),
        markers=(":AA",),
    ),
    Provider(
        "Discord bot token",
        "SEC302",
        _p(
            _L
            + r"(?P<value>[MNO][A-Za-z\d_\-]{23,25}\.[A-Za-z\d_\-]{6}\.[A-Za-z\d_\-]{27,38})"
            + _R
        ),
        _mixed_case_and_digit,
    ),
    # --- cloud --------------------------------------------------------------------------------
    Provider(
        "AWS access key",
        "SEC302",
        _p(r"(?<![A-Z0-9])(?P<value>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])"),
        _aws_key_id,
        markers=("AKIA", "ASIA", "ABIA", "ACCA"),
    ),
    Provider(
        "AWS secret key",
        "SEC302",
        _p(
            r"(?i:aws_?secret(?:_?access)?_?key|secret_?access_?key|aws_?secret)"
            r"[\"'\]]{0,2}\s*(?::=|=>|[:=])\s*[\"']?"
            r"(?P<value>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
        ),
        _mixed,
        markers=("ecret", "ECRET"),
    ),
    Provider(
        "Google API key",
        "SEC302",
        _p(_L + r"(?P<value>AIza[0-9A-Za-z_\-]{35})" + _R),
        markers=("AIza",),
    ),
    Provider(
        "Google OAuth client secret",
        "SEC302",
        _p(_L + r"(?P<value>GOCSPX-[A-Za-z0-9_\-]{28})" + _R),
        markers=("GOCSPX-",),
    ),
    Provider(
        "Azure storage account key",
        "SEC302",
        _p(r"AccountKey=(?P<value>[A-Za-z0-9+/]{86}==)"),
        markers=("AccountKey=",),
    ),
    Provider(
        "DigitalOcean token",
        "SEC302",
        _p(_L + r"(?P<value>do[opr]_v1_[a-f0-9]{64})" + _R),
        markers=("_v1_",),
    ),
    Provider(
        "HashiCorp Vault token",
        "SEC302",
        _p(_L + r"(?P<value>hv[sbr]\.[A-Za-z0-9_\-]{90,})" + _R),
        _mixed,
        markers=("hvs.", "hvb.", "hvr."),
    ),
    Provider(
        "Terraform Cloud token",
        "SEC302",
        _p(_L + r"(?P<value>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-=]{60,})" + _R),
        markers=(".atlasv1.",),
    ),
    Provider(
        "Doppler token",
        "SEC302",
        _p(_L + r"(?P<value>dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})" + _R),
        markers=("dp.",),
    ),
    Provider(
        "Databricks token",
        "SEC302",
        _p(_L + r"(?P<value>dapi[a-f0-9]{32}(?:-\d)?)" + _R),
        _mixed,
        markers=("dapi",),
    ),
    Provider(
        "Heroku API key",
        "SEC302",
        _p(_L + r"(?P<value>HRKU-[A-Za-z0-9_\-]{60})" + _R),
        markers=("HRKU-",),
    ),
    Provider(
        "Sentry auth token",
        "SEC302",
        _p(_L + r"(?P<value>sntr[ysu]_[A-Za-z0-9+/=_\-]{40,})" + _R),
        markers=("sntr",),
    ),
    Provider(
        "Artifactory token",
        "SEC302",
        _p(_L + r"(?P<value>AKCp[A-Za-z0-9]{69})" + _R),
        markers=("AKCp",),
    ),
    # --- JWT ----------------------------------------------------------------------------------
    Provider(
        "JSON Web Token",
        "SEC302",
        _p(
            _L
            + r"(?P<value>eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{16,})"
            + _R
        ),
        _valid_jwt,
        markers=("eyJ",),
    ),
)


def prefilter_markers() -> tuple[str, ...]:
    """The literal markers of all providers (deduplicated, table order)."""
    return tuple(dict.fromkeys(m for p in PROVIDERS for m in p.markers))
