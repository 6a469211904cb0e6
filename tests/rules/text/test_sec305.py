from __future__ import annotations

import pytest
import secrets_fakes as fake

from helpers import hits


@pytest.mark.parametrize(
    ("filename", "text", "position"),
    [
        ("client.py", f'requests.get(url, auth=("svc", "{fake.token(1, 32)}"))\n', (1, 33)),
        ("login.js", f'client.login("svc", "{fake.token(2, 36)}"); // password\n', (1, 22)),
        (
            "setup.rb",
            f'set_credentials("deploy", "{fake.rand(fake.HEX, 40, 3)}")\n',
            (1, 28),
        ),
    ],
    ids=["auth-tuple", "comment-context", "hex-credentials"],
)
def test_high_entropy_strings_in_secret_context(
    filename: str, text: str, position: tuple[int, int]
) -> None:
    assert hits(filename, text, "SEC305") == [(*position, "SEC305")]


@pytest.mark.parametrize(
    ("filename", "text"),
    [
        ("data.py", f'blob = "{fake.token(4, 40)}"\n'),
        ("keyset.tf", f'value = "{fake.rand(fake.URLSAFE, 43, 5)}" # Ed25519 public key\n'),
        ("ci.yml", f'  token_sha256: "{fake.rand(fake.HEX, 64, 6)}"\n'),
        ("ids.py", 'auth_request("123e4567-e89b-12d3-a456-426614174000")\n'),
        ("yarn.lock", f'  auth-header "{fake.token(7, 40)}"\n'),
        ("seq.py", 'login("u", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # password\n'),
        (
            "Dockerfile",
            f'RUN curl -fsSL "$URL" -o x.tgz && echo "{fake.rand(fake.HEX, 64, 8)}  x.tgz" '
            "| sha256sum -c # token\n",
        ),
    ],
    ids=["no-context", "public-key", "digest", "uuid", "lock-file", "sequential", "checksum"],
)
def test_not_high_entropy_secrets(filename: str, text: str) -> None:
    assert hits(filename, text, "SEC305") == []


def test_assignment_is_sec304_not_sec305() -> None:
    text = f'api_secret = "{fake.token(9, 40)}"\n'
    assert hits("a.py", text, "SEC305") == []
    assert hits("a.py", text, "SEC304") == [(1, 15, "SEC304")]
