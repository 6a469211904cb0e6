from __future__ import annotations

import pytest
import secrets_fakes as fake

from helpers import findings, hits


@pytest.mark.parametrize(
    ("filename", "text", "position"),
    [
        (".github/workflows/ci.yml", f"env:\n  GH: {fake.github_classic()}\n", (2, 7)),
        ("deploy.sh", f"flyctl deploy --access-token '{fake.fly_macaroon()}'\n", (1, 31)),
        ("fly.env", f"FLY_TOKEN={fake.fly_org_token()}\n", (1, 11)),
        (".npmrc", f"//registry.npmjs.org/:_authToken={fake.npm()}\n", (1, 34)),
        ("pay.py", f'stripe.api_key = "{fake.stripe()}"\n', (1, 19)),
        ("notify.txt", f"hook {fake.slack_webhook()}\n", (1, 6)),
        ("jwt.txt", f"Authorization: Bearer {fake.jwt()}\n", (1, 23)),
        ("aws.cfg", f"[default]\nkey = {fake.aws_access_key_id()}\n", (2, 7)),
        ("ai.py", f'KEY = "{fake.anthropic()}"\n', (1, 8)),
    ],
    ids=[
        "github",
        "fly-macaroon",
        "fly-org",
        "npm",
        "stripe",
        "slack-webhook",
        "jwt",
        "aws",
        "anthropic",
    ],
)
def test_provider_tokens(filename: str, text: str, position: tuple[int, int]) -> None:
    assert hits(filename, text, "SEC302") == [(*position, "SEC302")]


@pytest.mark.parametrize(
    "text",
    [
        "aws_access_key_id = AKIAIOSFODNN7" + "EXAMPLE\n",
        "token: gh" + "p_" + "x" * 36 + "\n",
        "token: {}\n".format(fake.jwt(3, alg="none")),
        f'const pk = "pk_live_{fake.rand(fake.ALNUM, 24, 1)}";\n',
        f'STRIPE_KEY = "sk_test_{fake.rand(fake.ALNUM, 24, 2)}"\n',
        f"bghp_{fake.rand(fake.ALNUM, 36, 3)}\n",
        f"image: ghcr.io/org/app@sha256:{fake.rand(fake.HEX, 64, 4)}\n",
    ],
    ids=[
        "aws-example",
        "repeated",
        "unsigned-jwt",
        "publishable",
        "stripe-test",
        "embedded",
        "digest",
    ],
)
def test_not_provider_tokens(text: str) -> None:
    assert hits("config.txt", text, "SEC302") == []


def test_integrity_hashes_in_lock_files_are_not_tokens() -> None:
    # an SRI hash may contain any base64 run, e.g. one that looks like an AWS key id
    sri = (
        "sha512-"
        + fake.rand(fake.B64, 20, 1)
        + "/AKIA"
        + fake.rand(fake.UPPER_DIGITS, 16, 2)
        + "/"
        + fake.rand(fake.B64, 45, 3)
        + "=="
    )
    text = f'{{\n  "integrity": "{sri}"\n}}\n'
    assert hits("package-lock.json", text, "SEC302") == []
    assert hits("data.json", text, "SEC302") == []


def test_message_is_masked_and_carries_the_hash() -> None:
    token = fake.github_classic(9)
    [finding] = findings({"a.txt": f"t={token}\n"}, "SEC302")
    assert token not in finding.message
    assert f"`{token[:4]}…(40 chars)`" in finding.message
    assert finding.message.startswith("GitHub token")
    assert finding.secret_hash is not None
    assert len(finding.secret_hash) == 64


def test_same_token_twice_on_a_line_is_two_findings() -> None:
    token = fake.npm(4)
    assert hits("a.txt", f"{token} {token}\n", "SEC302") == [(1, 1, "SEC302"), (1, 42, "SEC302")]
