from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM debian:12\nRUN apt-get update && apt-get install curl\n", [(2, 23, "DF110")]),
        ("FROM debian:12\nRUN apt-get -f install\n", [(2, 5, "DF110")]),
        ("FROM fedora:40\nRUN dnf install httpd\n", [(2, 5, "DF110")]),
        ("FROM centos:7\nRUN yum -q update\n", [(2, 5, "DF110")]),
        ("FROM opensuse/leap:15\nRUN zypper in curl\n", [(2, 5, "DF110")]),
        ("FROM debian:12\nRUN apt-get -o Debug::x=yes purge foo\n", [(2, 5, "DF110")]),
    ],
)
def test_install_without_yes(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF110") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get install -qy curl\n",
        "FROM debian:12\nRUN apt-get -qq install curl\n",
        "FROM debian:12\nRUN apt-get install --yes curl && apt-get --assume-yes purge x\n",
        "FROM debian:12\nRUN yes | apt-get install curl\n",
        "FROM debian:12\nRUN apt-get update\n",
        "FROM fedora:40\nRUN dnf -y install httpd && yum install --assumeyes x\n",
        "FROM fedora:40\nRUN microdnf install httpd\n",
        "FROM opensuse/leap:15\nRUN zypper -n in curl && zypper --non-interactive install x\n",
        "FROM alpine:3.19\nRUN apk add curl\n",
    ],
)
def test_non_interactive(text: str) -> None:
    assert hits("Dockerfile", text, "DF110") == []
