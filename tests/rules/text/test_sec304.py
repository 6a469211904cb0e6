from __future__ import annotations

import pytest
import secrets_fakes as fake

from helpers import findings, hits


@pytest.mark.parametrize(
    ("filename", "text", "position"),
    [
        (".env.production", f"PORT=8080\nDB_PASSWORD={fake.password(1)}\n", (2, 13)),
        ("values.yaml", f'db:\n  password: "{fake.password(2)}"\n', (2, 14)),
        (
            "application.properties",
            f"spring.datasource.password={fake.password(3)}\n",
            (1, 28),
        ),
        (
            "settings.xml",
            f"<server>\n  <password>{fake.password(4, 10)}</password>\n</server>\n",
            (2, 13),
        ),
        ("run.sh", f"mysql --user root --password '{fake.password(5)}' app\n", (1, 31)),
        ("oauth.json", f'{{"client_secret": "{fake.token(6, 28)}"}}\n', (1, 20)),
        ("app.py", f'api_key = "{fake.rand(fake.HEX, 32, 7)}"\n', (1, 12)),
        ("main.tf", 'resource "x" "y" {\n  master_password = "SuperSecretPassw0rd"\n}\n', (2, 22)),
        (
            "call.sh",
            f'curl -H "Authorization: Bearer {fake.token(8)}" https://api/\n',
            (1, 32),
        ),
    ],
    ids=[
        "dotenv",
        "yaml",
        "properties",
        "xml",
        "cli-flag",
        "json",
        "python",
        "terraform",
        "bearer",
    ],
)
def test_literal_secret_assignments(filename: str, text: str, position: tuple[int, int]) -> None:
    assert hits(filename, text, "SEC304") == [(*position, "SEC304")]


@pytest.mark.parametrize(
    ("filename", "text"),
    [
        (".github/workflows/ci.yml", "      token: ${{ secrets.GITHUB_TOKEN }}\n"),
        ("main.tf", "  password = var.db_password\n"),
        ("main.tf", "  password = random_password.db.result\n"),
        ("app.env", "API_KEY=changeme\nSECRET=\nTOKEN=<token>\n"),
        ("auth.py", "PASSWORD_MIN_LENGTH = 12\nTOKEN_EXPIRY = 3600\n"),
        ("app.py", "password = hunter2x\n"),
        ("db.py", "password = get_password()\n"),
        ("README.md", "- password: the one you chose during setup\n"),
        (".github/workflows/ci.yml", "permissions:\n  id-token: write\n"),
        ("k8s.yaml", "  secretName: db-credentials\n  secret: my-app-secret\n"),
        ("Dockerfile", "ENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/sa.json\n"),
        ("main.tf", '  secret_data = "this is secret data"\n'),
        ("config.yml", "password: ENC[AES256_GCM,data:abc,iv:def]\n"),
        ("url.py", 'HEX_PAT = "[0-9A-Fa-f]{1,4}"\nTOKEN_RE = "(?P<t>[a-z]+)"\n'),
        ("auth.py", "credentials = '%s:%s' % (user, pw)\n"),
        ("docs.md", "API_KEY = 'WillAlsoBeIgnored'\n"),
        ("style.py", '    Token: "#ddd0c0",\n'),
        ("deps.py", '    "auth0": "types-auth0-python",\n'),
    ],
    ids=[
        "gha-secret",
        "tf-var",
        "tf-ref",
        "placeholders",
        "not-secret-names",
        "unquoted-in-code",
        "call",
        "prose",
        "permission",
        "k8s-names",
        "path",
        "sentence",
        "sops",
        "regex",
        "format-string",
        "camel-words",
        "colour",
        "package-name",
    ],
)
def test_not_keyword_secrets(filename: str, text: str) -> None:
    assert hits(filename, text, "SEC304") == []


def test_message_names_the_key_and_masks_the_value() -> None:
    value = fake.password(9)
    [finding] = findings({".env": f"SMTP_PASSWORD={value}\n"}, "SEC304")
    assert finding.message == (
        f"`SMTP_PASSWORD` is set to a literal password `{value[:4]}…({len(value)} chars)`; "
        "read it from the environment or a secret store instead"
    )


def test_provider_token_under_a_keyword_is_reported_once_as_sec302() -> None:
    text = f"GITHUB_TOKEN={fake.github_classic(3)}\n"
    assert hits(".env", text, "SEC304") == []
    assert hits(".env", text, "SEC302") == [(1, 14, "SEC302")]


def test_detect_secrets_allowlist_pragmas_are_honoured() -> None:
    value = fake.password(10)
    text = (
        f'secret = "{value}"  # pragma: allowlist secret\n'
        "// pragma: allowlist nextline secret\n"
        f'const secret = "{value}";\n'
        f'other_secret = "{value}"\n'
    )
    assert hits("app.js", text, "SEC304") == [(4, 17, "SEC304")]
