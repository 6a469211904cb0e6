from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nRUN wget -qO- https://x/a.tgz | tar xz\n", [(2, 31, "DF106")]),
        (
            (
                "FROM debian:12\nRUN curl -fsSL https://x/key \\\n"
                "    | gpg --dearmor > /k \\\n    && a | b\n"
            ),
            [(3, 5, "DF106")],
        ),
        ("FROM debian:12\nRUN <<EOF\nset -e\ncurl -s x | sh\nEOF\n", [(4, 11, "DF106")]),
        (
            'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN curl -s x | sh\n',
            [(3, 15, "DF106")],
        ),
        (
            "FROM debian:12\nRUN set -o pipefail && a | b; set +o pipefail; c | d\n",
            [(2, 50, "DF106")],
        ),
        ("FROM debian:12\nRUN a | b && set -o pipefail\n", [(2, 7, "DF106")]),
    ],
)
def test_pipe_without_pipefail(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF106") == expected


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN set -eux -o pipefail; curl -s x | tar x\n",
        "FROM debian:12\nRUN set -euo pipefail && curl -s x | tar x\n",
        'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s x | tar x\n',
        (
            "FROM debian:12 AS base\n"
            'SHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nFROM base\nRUN a | b\n'
        ),
        'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]\n',
        (
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
            'SHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n'
        ),
        (
            "FROM debian:12\n"
            'RUN echo "deb http://x stable main" | tee /etc/apt/sources.list.d/x.list\n'
        ),
        "FROM debian:12\nRUN x=$(ls | wc -l) && echo $x\n",
        'FROM debian:12\nRUN case "$a" in amd64|arm64) b=1 ;; esac\n',
        'FROM debian:12\nRUN echo "a|b" || true\n',
    ],
)
def test_no_finding(text: str) -> None:
    assert hits("Dockerfile", text, "DF106") == []
