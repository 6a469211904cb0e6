from __future__ import annotations

import pytest
import secrets_fakes as fake

from helpers import hits


def test_rsa_key_file() -> None:
    assert hits("id_rsa", fake.private_key("RSA") + "\n", "SEC301") == [(1, 1, "SEC301")]


def test_openssh_key_in_yaml_block() -> None:
    key = fake.private_key("OPENSSH", 3).replace("\n", "\n    ")
    text = f"deploy:\n  ssh_key: |\n    {key}\n"
    assert hits("values.yaml", text, "SEC301") == [(3, 5, "SEC301")]


def test_escaped_key_in_json_service_account() -> None:
    key = fake.private_key("", 5, escaped=True)
    text = '{\n  "type": "service_account",\n  "private_key": "' + key + '\\n"\n}\n'
    assert hits("sa.json", text, "SEC301") == [(3, 19, "SEC301")]


def test_pgp_private_key_block() -> None:
    body = "\n".join(fake.rand(fake.B64, 64, i) for i in range(6))
    text = (
        "-----BEGIN PGP PRIVATE" + " KEY BLOCK-----\n\n" + body + "\n-----END PGP PRIVATE"
        " KEY BLOCK-----\n"
    )
    assert hits("secret.asc", text, "SEC301") == [(1, 1, "SEC301")]


def test_two_keys_two_findings() -> None:
    text = fake.private_key("EC", 1) + "\n\n" + fake.private_key("EC", 20) + "\n"
    assert hits("keys.pem", text, "SEC301") == [(1, 1, "SEC301"), (12, 1, "SEC301")]


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN PUBLIC KEY-----\n"
        + fake.rand(fake.B64, 64, 1)
        + "\n-----END PUBLIC KEY-----\n",
        "-----BEGIN CERTIFICATE-----\n"
        + fake.rand(fake.B64, 64, 2)
        + "\n-----END CERTIFICATE-----\n",
        "-----BEGIN RSA PRIVATE" + " KEY-----\n...\n-----END RSA PRIVATE" + " KEY-----\n",
        "-----BEGIN RSA PRIVATE"
        + " KEY-----\nMIIE"
        + "x" * 60
        + "\n-----END RSA PRIVATE KEY-----\n",
        "Paste the key that starts with -----BEGIN OPENSSH PRIVATE" + " KEY----- here.\n",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5" + fake.rand(fake.B64, 40, 3) + " me@laptop\n",
    ],
    ids=["public-key", "certificate", "ellipsis-body", "xxx-body", "prose", "ssh-public-key"],
)
def test_not_private_keys(text: str) -> None:
    assert hits("docs.md", text, "SEC301") == []


def test_message_has_kind_and_no_key_material() -> None:
    from helpers import findings

    key = fake.private_key("RSA", 11)
    [finding] = findings({"id_rsa": key + "\n"}, "SEC301")
    assert finding.message.startswith("RSA private key block committed")
    assert key.splitlines()[1][:8] not in finding.message
    assert finding.secret_hash


def test_allowlisted_test_fixture_key() -> None:
    key = fake.private_key("RSA", 12)
    text = "# pragma: allowlist nextline secret\n" + key + "\n"
    assert hits("fixtures/key.pem", text, "SEC301") == []
