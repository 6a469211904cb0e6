from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nEXPOSE 80 22\n", [(2, 11, "DF403")]),
        ("FROM alpine:3.19\nEXPOSE 22/tcp\n", [(2, 8, "DF403")]),
        ("FROM alpine:3.19\nEXPOSE 20-25\n", [(2, 8, "DF403")]),
        ("FROM alpine:3.19\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n", [(3, 8, "DF403")]),
    ],
)
def test_ssh_port(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF403") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nEXPOSE 8080 2222 443/tcp\n",
        "FROM alpine:3.19\nEXPOSE 22/udp\n",
        "FROM alpine:3.19\nEXPOSE $PORT\n",
    ],
)
def test_other_ports(text: str) -> None:
    assert hits("Dockerfile", text, "DF403") == []
