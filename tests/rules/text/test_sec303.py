from __future__ import annotations

import pytest
import secrets_fakes as fake

from helpers import findings, hits


@pytest.mark.parametrize(
    ("filename", "text", "position"),
    [
        (
            "compose.yml",
            f"  DATABASE_URL: postgres://app:{fake.token(1, 16)}@db:5432/app\n",
            (1, 32),
        ),
        ("settings.py", f'CACHE = "redis://:{fake.token(2, 20)}@cache:6379/0"\n', (1, 19)),
        (".env", f"AMQP=amqps://svc:{fake.token(3, 18)}@mq.internal/vhost\n", (1, 18)),
        (
            "repo.cfg",
            f"\turl = https://deploy:{fake.token(4, 24)}@git.internal/org/repo.git\n",
            (1, 23),
        ),
    ],
    ids=["postgres", "redis-empty-user", "amqps", "https-remote"],
)
def test_credentials_in_urls(filename: str, text: str, position: tuple[int, int]) -> None:
    assert hits(filename, text, "SEC303") == [(*position, "SEC303")]


@pytest.mark.parametrize(
    "text",
    [
        "url: postgres://app:${DB_PASSWORD}@db/app\n",
        "url: mongodb://<user>:<password>@cluster0.mongodb.net/x\n",
        "url: https://user@github.com/org/repo\n",
        "url: postgres://app:s3cretpw1@db.example.com/app\n",
        'dsn = "mysql://%s:%s@%s/%s" % (u, p, h, d)\n',
        "url: postgres://postgres:postgres@localhost:5432/dev\n",
        "url: amqp://guest:guest@localhost:5672/\n",
        "url: https://x-access-token:${{ secrets.GITHUB_TOKEN }}@github.com/o/r\n",
    ],
    ids=[
        "env-ref",
        "angle",
        "no-password",
        "example-host",
        "format",
        "default-pg",
        "default-guest",
        "gha-expr",
    ],
)
def test_not_credentials(text: str) -> None:
    assert hits("config.yml", text, "SEC303") == []


def test_provider_token_in_url_is_sec302_only() -> None:
    text = f"git clone https://oauth2:{fake.gitlab(5)}@gitlab.com/g/r.git\n"
    assert hits("clone.sh", text, "SEC303") == []
    assert hits("clone.sh", text, "SEC302") == [(1, 26, "SEC302")]


def test_message_masks_the_password() -> None:
    password = fake.token(6, 16)
    [finding] = findings({"a.yml": f"u: postgres://a:{password}@db/x\n"}, "SEC303")
    assert password not in finding.message
    assert f"`{password[:4]}…(16 chars)`" in finding.message
