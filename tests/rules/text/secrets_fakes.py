"""Fake secrets for the tests, assembled at run time (no realistic literal is committed).

Every value is built from pieces and a seeded PRNG, so the test files never contain a string a
secret scanner (ours or GitHub's push protection) would flag.
"""

from __future__ import annotations

import base64
import json
import random
import string

ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"


def rand(alphabet: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def github_classic(seed: int = 1, kind: str = "p") -> str:
    return "gh" + kind + "_" + rand(ALNUM, 36, seed)


def github_fine_grained(seed: int = 2) -> str:
    return "github" + "_pat_" + rand(ALNUM, 22, seed) + "_" + rand(ALNUM, 59, seed + 1)


def gitlab(seed: int = 3) -> str:
    return "gl" + "pat-" + rand(URLSAFE, 20, seed)


def slack_bot(seed: int = 4) -> str:
    return (
        "xo" + "xb-" + "2" * 1 + "3456789012" + "-" + "4567890123456" + "-" + rand(ALNUM, 24, seed)
    )


def slack_webhook(seed: int = 5) -> str:
    return (
        "https://hooks.slack.com/services/"
        + "T"
        + rand(UPPER_DIGITS, 8, seed)
        + "/B"
        + rand(UPPER_DIGITS, 8, seed + 1)
        + "/"
        + rand(ALNUM, 24, seed + 2)
    )


def stripe(seed: int = 6) -> str:
    return "sk" + "_live_" + rand(ALNUM, 24, seed)


def npm(seed: int = 7) -> str:
    return "np" + "m_" + rand(ALNUM, 36, seed)


def pypi(seed: int = 8) -> str:
    return "py" + "pi-" + "AgEIcHlwaS5vcmc" + rand(URLSAFE, 70, seed)


def openai_project(seed: int = 9) -> str:
    return "sk-" + "proj-" + rand(URLSAFE, 80, seed)


def openai_legacy(seed: int = 10) -> str:
    return "sk-" + rand(ALNUM, 20, seed) + "T3Blbk" + "FJ" + rand(ALNUM, 20, seed + 1)


def anthropic(seed: int = 11) -> str:
    return "sk-" + "ant-" + "api03-" + rand(URLSAFE, 93, seed)


def sendgrid(seed: int = 12) -> str:
    return "SG" + "." + rand(URLSAFE, 22, seed) + "." + rand(URLSAFE, 43, seed + 1)


def twilio(seed: int = 13) -> str:
    return "S" + "K" + rand(HEX, 32, seed)


def azure_account_key(seed: int = 14) -> str:
    return rand(B64, 86, seed) + "=="


def google_api_key(seed: int = 15) -> str:
    return "AI" + "za" + rand(URLSAFE, 35, seed)


def jwt(seed: int = 16, alg: str = "HS256") -> str:
    header = _b64url(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    payload = _b64url(json.dumps({"sub": rand(ALNUM, 10, seed), "iat": 1700000000}).encode())
    signature = rand(URLSAFE, 43, seed + 1) if alg != "none" else ""
    return f"{header}.{payload}.{signature}"


def aws_access_key_id(seed: int = 17) -> str:
    return "AK" + "IA" + rand(UPPER_DIGITS, 16, seed)


def aws_secret_key(seed: int = 18) -> str:
    return rand(ALNUM + "/+", 40, seed)


def fly_macaroon(seed: int = 19) -> str:
    return "FlyV1 " + "fm2_" + rand(B64, 120, seed) + "," + "fm2_" + rand(B64, 80, seed + 1)


def fly_org_token(seed: int = 20) -> str:
    return "fo" + "1_" + rand(URLSAFE, 43, seed)


def hugging_face(seed: int = 21) -> str:
    return "h" + "f_" + rand(ALNUM, 34, seed)


def docker_hub(seed: int = 22) -> str:
    return "dckr" + "_pat_" + rand(URLSAFE, 27, seed)


def digitalocean(seed: int = 23) -> str:
    return "do" + "p_v1_" + rand(HEX, 64, seed)


def vault(seed: int = 24) -> str:
    return "hv" + "s." + rand(URLSAFE, 95, seed)


def mailchimp(seed: int = 25) -> str:
    return rand(HEX, 32, seed) + "-us" + "12"


def telegram(seed: int = 26) -> str:
    return "123456789" + ":AA" + rand(URLSAFE, 33, seed)


def private_key(label: str = "RSA", seed: int = 27, escaped: bool = False) -> str:
    head = f"-----BEGIN {label} " if label else "-----BEGIN "
    tail = f"-----END {label} " if label else "-----END "
    nl = "\\n" if escaped else "\n"
    body = nl.join(rand(B64, 64, seed + i) for i in range(8))
    return head + "PRIVATE" + " KEY-----" + nl + body + nl + tail + "PRIVATE" + " KEY-----"


def password(seed: int = 28, n: int = 14) -> str:
    """A random password with letters, digits and symbols."""
    return rand(ALNUM + "!#%&*+", n, seed) + "9a"


def token(seed: int = 29, n: int = 40) -> str:
    return rand(ALNUM, n, seed)
