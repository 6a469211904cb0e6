from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nADD app.py /app/\n", [(2, 5, "DF406")]),
        ("FROM alpine:3.19\nADD --chown=1:1 . /app\n", [(2, 17, "DF406")]),
        ('FROM alpine:3.19\nADD ["src dir", "/app"]\n', [(2, 6, "DF406")]),
        ("FROM alpine:3.19\nONBUILD ADD conf /etc/conf\n", [(2, 13, "DF406")]),
    ],
)
def test_plain_add(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF406") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nADD rootfs.tar.xz /\n",
        "FROM alpine:3.19\nADD vendor.tgz dist.tar.gz /opt/\n",
        "FROM alpine:3.19\nADD https://example.com/x /x\n",
        "FROM alpine:3.19\nADD git@github.com:org/repo.git /src\n",
        "FROM alpine:3.19\nADD $ARCHIVE /opt/\n",
        "FROM alpine:3.19\nCOPY app.py /app/\n",
    ],
)
def test_archive_remote_or_copy(text: str) -> None:
    assert hits("Dockerfile", text, "DF406") == []
