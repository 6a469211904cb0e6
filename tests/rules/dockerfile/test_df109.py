from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", [(2, 23, "DF109")]),
        (
            "FROM debian:12\nRUN apt install -y a && apt-get install -y b\n",
            [(2, 5, "DF109"), (2, 25, "DF109")],
        ),
    ],
)
def test_missing_flag(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF109") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
        "FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n",
        "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/01norec\n"
        "RUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
    ],
)
def test_flag_present_or_configured(text: str) -> None:
    assert hits("Dockerfile", text, "DF109") == []
