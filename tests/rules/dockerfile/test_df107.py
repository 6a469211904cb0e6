from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n", [(2, 5, "DF107")]),
        ("FROM debian:12\nRUN apt -q update && echo done\n", [(2, 5, "DF107")]),
        ("FROM debian:12\nRUN sudo apt-get -o X=1 update\n", [(2, 10, "DF107")]),
    ],
)
def test_update_alone(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF107") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update \\\n && apt-get -y upgrade\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y git\nEOF\n",
        "FROM debian:12\nRUN apt-get install -y curl\n",
    ],
)
def test_update_with_install(text: str) -> None:
    assert hits("Dockerfile", text, "DF107") == []
