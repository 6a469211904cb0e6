from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nADD https://example.com/tool.tgz /opt/\n", [(2, 5, "DF206")]),
        (
            "FROM alpine:3.19\nADD --chown=1:1 http://a/x http://b/y /opt/\n",
            [(2, 17, "DF206"), (2, 28, "DF206")],
        ),
        (
            "FROM alpine:3.19\nADD https://github.com/moby/buildkit.git#v0.13 /src\n",
            [(2, 5, "DF206")],
        ),
    ],
)
def test_remote_without_checksum(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF206") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nADD --checksum=sha256:"
        + "d" * 64
        + " https://example.com/tool.tgz /opt/\n",
        "FROM alpine:3.19\nADD https://github.com/moby/buildkit.git#" + "e" * 40 + " /src\n",
        "FROM alpine:3.19\nADD app.tar.gz /opt/\n",
        "FROM alpine:3.19\nCOPY https://example.com/x /x\n",
    ],
)
def test_pinned_or_local(text: str) -> None:
    assert hits("Dockerfile", text, "DF206") == []
