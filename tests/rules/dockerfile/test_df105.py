from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nRUN cd /app\n", [(2, 5, "DF105")]),
        ("FROM alpine:3.19\nRUN make && cd /srv\n", [(2, 13, "DF105")]),
        ("FROM alpine:3.19\nRUN <<EOF\nmake\ncd /srv\nEOF\n", [(4, 1, "DF105")]),
    ],
)
def test_cd_as_last_command(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF105") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM alpine:3.19\nRUN cd /tmp && make && make install\n",
        "FROM alpine:3.19\nWORKDIR /app\nRUN make\n",
        'FROM alpine:3.19\nRUN echo "$(cd /x && pwd)" > /p\n',
    ],
)
def test_cd_used_within_the_run(text: str) -> None:
    assert hits("Dockerfile", text, "DF105") == []
