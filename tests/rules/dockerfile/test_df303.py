from __future__ import annotations

import pytest

from helpers import findings, hits_multi

DOCKERFILE = "FROM node:20\nWORKDIR /app\nCOPY . .\n"


def test_no_dockerignore() -> None:
    assert hits_multi({"app/Dockerfile": DOCKERFILE}, "DF303") == [
        ("app/Dockerfile", 3, 6, "DF303")
    ]


@pytest.mark.parametrize(
    ("ignore", "missing"),
    [
        ("node_modules\n", "`.env` and `.git`"),
        (".git\n", "`.env`"),
        (".env\n", "`.git`"),
        ("**\n!.env\n!.git\n", "`.env` and `.git`"),
    ],
)
def test_dockerignore_missing_entries(ignore: str, missing: str) -> None:
    files = {"Dockerfile": DOCKERFILE, ".dockerignore": ignore}
    (finding,) = findings(files, "DF303")
    assert (finding.span.line, finding.span.column) == (3, 6)
    assert missing in finding.message


@pytest.mark.parametrize(
    "files",
    [
        {"Dockerfile": DOCKERFILE, ".dockerignore": ".git\n.env*\n"},
        {"Dockerfile": DOCKERFILE, ".dockerignore": "*\n!src\n!package.json\n"},
        {"Dockerfile": DOCKERFILE, ".dockerignore": ".*\n"},
        {"Dockerfile": DOCKERFILE, "Dockerfile.dockerignore": ".git\n.env\n", ".dockerignore": ""},
        {"Dockerfile": "FROM node:20\nCOPY package.json src/ ./\n"},
        {"Dockerfile": "FROM node:20 AS b\nFROM node:20\nCOPY --from=b . .\n"},
    ],
)
def test_context_protected(files: dict[str, str]) -> None:
    assert hits_multi(files, "DF303") == []


def test_dockerfile_specific_ignore_file_wins() -> None:
    files = {
        "web.Dockerfile": DOCKERFILE,
        "web.Dockerfile.dockerignore": "node_modules\n",
        ".dockerignore": ".git\n.env\n",
    }
    assert hits_multi(files, "DF303") == [("web.Dockerfile", 3, 6, "DF303")]
