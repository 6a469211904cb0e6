from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0 requests\n",
            [(2, 45, "DF205")],
        ),
        (
            "FROM python:3.12\nRUN python3 -m pip install -i https://x/simple 'uvicorn>=0.20'\n",
            [(2, 48, "DF205")],
        ),
        ("FROM python:3.12\nRUN pip install git+https://github.com/a/b.git\n", [(2, 17, "DF205")]),
        (
            "FROM node:20\nRUN npm install -g typescript @angular/cli@17 pnpm@latest\n",
            [(2, 20, "DF205"), (2, 47, "DF205")],
        ),
        ("FROM node:20\nRUN yarn global add serve\n", [(2, 21, "DF205")]),
        ("FROM ruby:3.3\nRUN gem install bundler rails:7.1.0\n", [(2, 17, "DF205")]),
        ("FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n", [(2, 16, "DF205")]),
        ("FROM rust:1.77\nRUN cargo install ripgrep\n", [(2, 19, "DF205")]),
    ],
)
def test_unpinned(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF205") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM python:3.12\nRUN pip install -r requirements.txt && pip install .\n",
        "FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel\n",
        "FROM python:3.12\nRUN pip install -c constraints.txt flask\n",
        "FROM python:3.12\nRUN pip install -e ./lib dist/app-1.0-py3-none-any.whl\n",
        "FROM node:20\nRUN npm ci && npm install && npm install --production\n",
        "FROM node:20\nRUN npm install -g npm && npm i -g typescript@5.4.5 @scope/tool@^2\n",
        "FROM ruby:3.3\nRUN gem install bundler -v 2.5.6 && bundle install\n",
        "FROM golang:1.22\nRUN go install ./... && go install golang.org/x/tools/gopls@v0.15.2\n",
        "FROM rust:1.77\nRUN cargo install --path . && cargo install ripgrep --version 14.1.0\n",
        "FROM python:3.12\nRUN pip install $EXTRA_PACKAGES\n",
    ],
)
def test_pinned(text: str) -> None:
    assert hits("Dockerfile", text, "DF205") == []
