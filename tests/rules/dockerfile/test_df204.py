from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "FROM debian:12\n"
                "RUN apt-get install -y --no-install-recommends curl=7.88.1-10 git \\\n"
                "    ca-certificates\n"
            ),
            [(2, 63, "DF204")],  # one finding per install command, at its first package
        ),
        (
            "FROM alpine:3.19\nRUN apk add --no-cache --virtual .deps gcc musl-dev=1.2.4-r2\n",
            [(2, 40, "DF204")],
        ),
        (
            (
                "FROM fedora:40\n"
                "RUN dnf -y --setopt=tsflags=nodocs install httpd python3-devel-3.12.1\n"
            ),
            [(2, 44, "DF204")],
        ),
        ("FROM opensuse/leap:15\nRUN zypper -n install -t package vim\n", [(2, 34, "DF204")]),
        (
            "FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang\n",
            [(2, 46, "DF204")],
        ),
    ],
)
def test_unpinned(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF204") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 ./local.deb /tmp/x.deb\n",
        "FROM debian:12\nRUN apt-get install -y $PACKAGES $(cat pkgs.txt)\n",
        "FROM alpine:3.19\nRUN apk add curl~=8.5 'git>2.40'\n",
        "FROM fedora:40\nRUN dnf install -y @development-tools https://x/y.rpm\n",
        "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
        "FROM alpine:3.19\nRUN apk update\n",
    ],
)
def test_pinned_or_not_packages(text: str) -> None:
    assert hits("Dockerfile", text, "DF204") == []


def test_one_finding_per_command_lists_the_packages() -> None:
    from helpers import findings

    (found,) = findings(
        {"Dockerfile": "FROM debian:12\nRUN apt-get install -y a b c d e f g\n"}, "DF204"
    )
    assert "7 packages" in found.message
    assert "`a`, `b`, `c`, `d`, `e` and 2 more" in found.message
    assert (found.span.line, found.span.column, found.span.end_column) == (2, 24, 37)
