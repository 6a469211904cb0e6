from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM node:20\nCOPY package.json .env ./\n", [(2, 19, "DF302")]),
        ("FROM node:20\nCOPY .npmrc .env.production /app/\n", [(2, 6, "DF302"), (2, 13, "DF302")]),
        ("FROM alpine:3.19\nADD certs/server.key /etc/ssl/\n", [(2, 5, "DF302")]),
        ("FROM alpine:3.19\nCOPY id_rsa /root/.ssh/\n", [(2, 6, "DF302")]),
        ("FROM alpine:3.19\nCOPY .ssh/ /root/.ssh/\n", [(2, 6, "DF302")]),
        ("FROM alpine:3.19\nCOPY home/.aws/config /root/\n", [(2, 6, "DF302")]),
        ('FROM alpine:3.19\nCOPY ["credentials.json", "/app/"]\n', [(2, 7, "DF302")]),
        ("FROM alpine:3.19\nCOPY --from=build /app/keystore.jks /app/\n", [(2, 19, "DF302")]),
        ("FROM alpine:3.19\nCOPY *.pem /certs/\n", [(2, 6, "DF302")]),
    ],
)
def test_secret_file(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF302") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM node:20\nCOPY .env.example .env.sample ./\n",
        "FROM alpine:3.19\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
        "FROM alpine:3.19\nCOPY ca.pem cert.pem fullchain.pem /etc/ssl/\n",
        "FROM alpine:3.19\nCOPY nginx_signing.key /tmp/\n",
        "FROM alpine:3.19\nADD https://nginx.org/keys/nginx_signing.key /tmp/\n",
        "FROM alpine:3.19\nCOPY . .\nCOPY keys.py /app/\n",
        "FROM alpine:3.19\nCOPY app.env.d/ /etc/\n",
    ],
)
def test_not_secret(text: str) -> None:
    assert hits("Dockerfile", text, "DF302") == []
