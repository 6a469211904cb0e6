from __future__ import annotations

import pytest

from helpers import hits


def test_shell_form_cmd_and_entrypoint() -> None:
    text = "FROM node:20\nENTRYPOINT node server.js\nCMD  npm start\n"
    assert hits("Dockerfile", text, "DF102") == [(2, 12, "DF102"), (3, 6, "DF102")]


def test_only_the_effective_instruction_counts() -> None:
    text = 'FROM node:20\nCMD npm start\nCMD ["node", "server.js"]\n'
    assert hits("Dockerfile", text, "DF102") == []


def test_builder_stage_cmd_is_ignored() -> None:
    text = (
        "FROM node:20 AS build\nCMD npm run build\nFROM node:20-slim\n"
        'COPY --from=build /app /app\nCMD ["node", "/app"]\n'
    )
    assert hits("Dockerfile", text, "DF102") == []


def test_unreferenced_stage_is_a_target() -> None:
    text = 'FROM node:20 AS dev\nCMD npm run dev\nFROM node:20-slim\nCMD ["node", "/app"]\n'
    assert hits("Dockerfile", text, "DF102") == [(2, 5, "DF102")]


@pytest.mark.parametrize(
    "text",
    [
        'FROM node:20\nCMD ["node", "server.js"]\n',
        "FROM node:20\nCMD exec node server.js\n",
        'FROM node:20\nENTRYPOINT ["/tini", "--"]\nCMD ["node", "a.js"]\n',
    ],
)
def test_exec_form_is_fine(text: str) -> None:
    assert hits("Dockerfile", text, "DF102") == []
