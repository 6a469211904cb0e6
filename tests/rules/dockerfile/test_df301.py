from __future__ import annotations

import pytest

from helpers import findings, hits

TOKEN = "ghp_" + "a1B2" * 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nENV DB_PASSWORD=hunter2xyz\n", [(2, 17, "DF301")]),
        ("FROM alpine:3.19\nENV API_KEY s3cr3tValue99\n", [(2, 13, "DF301")]),
        ("ARG NPM_TOKEN=s3cr3tValue99x\nFROM alpine:3.19\n", [(1, 15, "DF301")]),
        (f"FROM alpine:3.19\nENV UPSTREAM={TOKEN}\n", [(2, 14, "DF301")]),
        # ARG without a default in a shipped stage: the build arg lands in the image history
        ("FROM alpine:3.19\nARG GITHUB_TOKEN\nRUN use $GITHUB_TOKEN\n", [(2, 5, "DF301")]),
    ],
)
def test_secret(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF301") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nENV DB_PASSWORD=$DB_PASSWORD\n",
        "FROM alpine:3.19\nENV DB_PASSWORD=${DB_PASSWORD:-}\n",
        'FROM alpine:3.19\nENV DB_PASSWORD=""\n',
        "FROM alpine:3.19\nENV DB_PASSWORD=changeme\n",
        "FROM alpine:3.19\nENV DB_PASSWORD_FILE=/run/secrets/db\n",
        "FROM alpine:3.19\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n",
        # the build arg is only used in a builder stage, which never ships
        (
            "FROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM node:20-slim\n"
            "COPY --from=build /app /app\n"
        ),
    ],
)
def test_not_a_secret(text: str) -> None:
    assert hits("Dockerfile", text, "DF301") == []


def test_value_is_masked_and_hashed() -> None:
    (finding,) = findings({"Dockerfile": f"FROM alpine:3.19\nENV UPSTREAM={TOKEN}\n"}, "DF301")
    assert TOKEN not in finding.message
    assert finding.secret_hash


def test_arg_without_default_reported_once_per_name() -> None:
    text = "ARG API_TOKEN\nFROM alpine:3.19\nARG API_TOKEN\nARG API_TOKEN\n"
    assert hits("Dockerfile", text, "DF301") == [(3, 5, "DF301")]


def test_arg_without_default_is_a_warning_literal_is_an_error() -> None:
    from helpers import findings

    found = findings(
        {"Dockerfile": "FROM alpine:3.19\nARG NPM_TOKEN\nENV DB_PASSWORD=hunter2hunter2\n"},
        "DF301",
    )
    assert [(f.span.line, f.severity.value) for f in found] == [(2, "warning"), (3, "error")]
    cfg = '[severity]\nDF301 = "note"\n'
    found = findings({"Dockerfile": "FROM alpine:3.19\nARG NPM_TOKEN\n"}, "DF301", config=cfg)
    assert [f.severity.value for f in found] == ["note"]
