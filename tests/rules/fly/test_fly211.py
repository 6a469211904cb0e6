from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    "command",
    [
        "bin/rails db:migrate",
        "bin/rails db:prepare",
        "npx prisma migrate deploy",
        "python manage.py migrate --noinput",
        "alembic upgrade head",
        "/app/bin/migrate",
        "/app/entry eval MyApp.Release.migrate",
        "goose -dir db up",
    ],
)
def test_migrating_release_command(command: str) -> None:
    assert hits("fly.toml", f'[deploy]\n  release_command = "{command}"\n', "FLY211") == [
        (2, 21, "FLY211")
    ]


@pytest.mark.parametrize("command", ["./bin/seed-cache", "npm run warm", "sleep 2"])
def test_other_release_commands(command: str) -> None:
    assert hits("fly.toml", f'[deploy]\nrelease_command = "{command}"\n', "FLY211") == []
