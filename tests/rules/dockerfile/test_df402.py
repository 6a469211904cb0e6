from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM ubuntu:24.04\nRUN sudo apt-get update\n", [(2, 5, "DF402")]),
        ("FROM ubuntu:24.04\nRUN make && sudo -u app make install\n", [(2, 13, "DF402")]),
        ("FROM ubuntu:24.04\nRUN curl -s x | sudo tee /etc/y\n", [(2, 17, "DF402")]),
        ('FROM ubuntu:24.04\nRUN bash -c "sudo ls"\n', [(2, 14, "DF402")]),
        ("FROM ubuntu:24.04\nONBUILD RUN sudo make\n", [(2, 13, "DF402")]),
    ],
)
def test_sudo(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF402") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM ubuntu:24.04\nRUN apt-get install -y sudo\n",
        "FROM ubuntu:24.04\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app\n",
        "FROM ubuntu:24.04\nUSER root\nRUN make install\n",
    ],
)
def test_no_sudo(text: str) -> None:
    assert hits("Dockerfile", text, "DF402") == []
