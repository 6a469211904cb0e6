from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", [(2, 23, "DF108")]),
        (
            (
                "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
                "RUN rm -rf /var/lib/apt/lists/*\n"
            ),
            [(2, 23, "DF108")],
        ),
        (
            "FROM debian:12\nRUN <<EOF\napt-get update\n  apt install -y git\nEOF\n",
            [(4, 3, "DF108")],
        ),
    ],
)
def test_lists_left_in_layer(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF108") == expected


@pytest.mark.parametrize(
    "text",
    [
        (
            "FROM debian:12\n"
            "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        ),
        "FROM debian:12\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean\n",
        (
            "FROM debian:12\n"
            "RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n"
            "    apt-get update && apt-get install -y curl\n"
        ),
        # a builder stage only used through COPY --from never ships its layers
        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\n"
        "FROM debian:12-slim\nCOPY --from=build /out /out\n",
    ],
)
def test_lists_removed_or_not_shipped(text: str) -> None:
    assert hits("Dockerfile", text, "DF108") == []


def test_base_stage_layers_ship() -> None:
    text = (
        "FROM debian:12 AS base\n"
        'RUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["x"]\n'
    )
    assert hits("Dockerfile", text, "DF108") == [(2, 23, "DF108")]
