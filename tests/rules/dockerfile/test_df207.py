from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM debian:12\nRUN curl -fsSL https://get.x.io | sh\n", [(2, 35, "DF207")]),
        (
            "FROM debian:12\nRUN wget -qO- https://x/install.sh | sudo -E bash -\n",
            [(2, 46, "DF207")],
        ),
        ("FROM debian:12\nRUN curl -s https://x | VAR=1 sh -s -- -y\n", [(2, 31, "DF207")]),
        ('FROM debian:12\nRUN sh -c "$(curl -fsSL https://x/install.sh)"\n', [(2, 11, "DF207")]),
        ("FROM debian:12\nRUN bash <(curl -s https://x)\n", [(2, 10, "DF207")]),
        (
            "FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n",
            [(2, 51, "DF207")],
        ),
        (
            "FROM debian:12\nRUN <<EOF\nset -e\ncurl https://x \\\n  | bash\nEOF\n",
            [(5, 5, "DF207")],
        ),
    ],
)
def test_pipe_to_shell(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF207") == expected


@pytest.mark.parametrize(
    "text",
    [
        (
            "FROM debian:12\n"
            "RUN curl -fsSLo /tmp/i.sh https://x && sha256sum -c sums && sh /tmp/i.sh\n"
        ),
        (
            "FROM debian:12\n"
            "RUN curl -s api/x | python3 -c 'import json,sys; print(json.load(sys.stdin))'\n"
        ),
        "FROM debian:12\nRUN wget https://x/install.sh | sh\n",
        "FROM debian:12\nRUN curl -s https://x/key | gpg --dearmor -o /k.gpg\n",
        "FROM debian:12\nRUN curl -s https://x | tar xz && sh ./install.sh\n",
        "FROM debian:12\nRUN curl -o - https://x | grep y\n",
    ],
)
def test_no_remote_code(text: str) -> None:
    assert hits("Dockerfile", text, "DF207") == []
