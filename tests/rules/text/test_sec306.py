from __future__ import annotations

import pytest
import secrets_fakes as fake

from helpers import findings, hits, hits_multi


@pytest.mark.parametrize(
    ("filename", "text", "position"),
    [
        (".env", "# local settings\n\nPORT=8080\nDEBUG=1\n", (3, 1)),
        (".env.production", "EMPTY=\n  export API_URL=https://api.internal\n", (2, 10)),
        ("config/prod.env", "LOG_LEVEL='info'\n", (1, 1)),
        ("app/.env.local", 'NAME = "x"\n', (1, 1)),
    ],
    ids=["dotenv", "stage-export", "suffix", "nested-local"],
)
def test_committed_env_files(filename: str, text: str, position: tuple[int, int]) -> None:
    assert hits(filename, text, "SEC306") == [(*position, "SEC306")]


@pytest.mark.parametrize(
    ("filename", "text"),
    [
        (".env.example", "API_KEY=changeme\nPORT=8080\n"),
        (".env.sample", "PORT=8080\n"),
        (".env.template", "PORT=8080\n"),
        ("config/example.env", "PORT=8080\n"),
        (".env", "# fill in\nAPI_KEY=\nSECRET=''\n"),
        (".env", "API_KEY=${API_KEY}\nTOKEN=$TOKEN\n"),
        (".envrc", "export PORT=8080\n"),
        (".env.vault", 'DOTENV_VAULT_PRODUCTION="encrypted"\n'),
    ],
    ids=["example", "sample", "template", "example-stem", "empty", "references", "envrc", "vault"],
)
def test_not_committed_env_files(filename: str, text: str) -> None:
    assert hits(filename, text, "SEC306") == []


def test_secrets_inside_are_still_reported_by_their_rules() -> None:
    files = {".env": f"PORT=8080\nDB_PASSWORD={fake.password(1)}\n"}
    assert hits_multi(files, "SEC306") == [(".env", 1, 1, "SEC306")]
    assert hits_multi(files, "SEC304") == [(".env", 2, 13, "SEC304")]


def test_message_counts_values_without_showing_them() -> None:
    value = fake.password(2)
    [finding] = findings({".env": f"A=1\nB={value}\n"}, "SEC306")
    assert value not in finding.message
    assert "2 values (first: `A`)" in finding.message
    assert finding.secret_hash is None
