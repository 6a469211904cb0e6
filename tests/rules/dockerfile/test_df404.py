from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nRUN curl -fsSLk https://x -o y\n", [(2, 10, "DF404")]),
        ("FROM alpine:3.19\nRUN curl --insecure https://x\n", [(2, 10, "DF404")]),
        ("FROM alpine:3.19\nRUN wget -q --no-check-certificate https://x\n", [(2, 13, "DF404")]),
        (
            "FROM python:3.12\nRUN pip install --trusted-host pypi.org flask==3.0\n",
            [(2, 17, "DF404")],
        ),
        (
            "FROM python:3.12\nRUN pip config set global.trusted-host pypi.example\n",
            [(2, 20, "DF404")],
        ),
        ("FROM node:20\nRUN npm config set strict-ssl false\n", [(2, 20, "DF404")]),
        ("FROM node:20\nRUN yarn config set strict-ssl false\n", [(2, 21, "DF404")]),
        ("FROM node:20\nRUN npm install --strict-ssl=false\n", [(2, 17, "DF404")]),
        ("FROM alpine:3.19\nRUN git -c http.sslVerify=false clone https://x\n", [(2, 12, "DF404")]),
        ("FROM alpine:3.19\nRUN git config --global http.sslverify false\n", [(2, 25, "DF404")]),
        ("FROM alpine:3.19\nENV GIT_SSL_NO_VERIFY=1\n", [(2, 5, "DF404")]),
        ("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\n", [(2, 5, "DF404")]),
        ("FROM python:3.12\nARG PIP_TRUSTED_HOST=pypi.org\n", [(2, 5, "DF404")]),
        ("FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n", [(2, 5, "DF404")]),
        ("FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n", [(2, 5, "DF404")]),
        ("FROM node:20\nRUN export GIT_SSL_NO_VERIFY=true && git clone x\n", [(2, 12, "DF404")]),
        (
            "FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n",
            [(2, 16, "DF404")],
        ),
    ],
)
def test_tls_off(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF404") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nRUN curl -fsSL https://x -o y\n",
        "FROM alpine:3.19\nRUN curl -o k https://x\n",
        "FROM alpine:3.19\nRUN curl -H 'X-k: y' https://x\n",
        "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n",
        "FROM node:20\nRUN npm config set strict-ssl true\n",
        "FROM alpine:3.19\nRUN git config --global http.sslVerify true\n",
        "FROM alpine:3.19\nARG GIT_SSL_NO_VERIFY\n",
    ],
)
def test_tls_on(text: str) -> None:
    assert hits("Dockerfile", text, "DF404") == []
