from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n",
            [(2, 24, "DF405")],
        ),
        ("FROM debian:12\nRUN apt-get install -y --force-yes curl\n", [(2, 24, "DF405")]),
        (
            "FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x\n",
            [(2, 16, "DF405")],
        ),
        ("FROM fedora:40\nRUN dnf install -y --nogpgcheck x\n", [(2, 20, "DF405")]),
        ("FROM fedora:40\nRUN yum install -y --setopt=gpgcheck=0 x\n", [(2, 20, "DF405")]),
        ("FROM fedora:40\nRUN rpm -i --nosignature x.rpm\n", [(2, 12, "DF405")]),
        ("FROM alpine:3.19\nRUN apk add --allow-untrusted /tmp/x.apk\n", [(2, 13, "DF405")]),
        ("FROM opensuse/leap:15\nRUN zypper --no-gpg-checks -n in x\n", [(2, 12, "DF405")]),
        (
            (
                "FROM debian:12\n"
                'RUN echo "deb [trusted=yes] http://repo/ ./" > /etc/apt/sources.list.d/r.list\n'
            ),
            [(2, 10, "DF405")],
        ),
    ],
)
def test_signature_bypass(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF405") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
        "FROM fedora:40\nRUN dnf install -y --setopt=tsflags=nodocs x\n",
        (
            "FROM debian:12\n"
            'RUN echo "deb [signed-by=/k.gpg] https://repo/ stable main" > /etc/apt/r.list\n'
        ),
        "FROM alpine:3.19\nRUN apk add --no-cache curl\n",
    ],
)
def test_signatures_checked(text: str) -> None:
    assert hits("Dockerfile", text, "DF405") == []
