from __future__ import annotations

import pytest

from helpers import hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nWORKDIR app\n", [(2, 9, "DF104")]),
        ("FROM alpine:3.19\nWORKDIR ./src\n", [(2, 9, "DF104")]),
        ('FROM alpine:3.19\nworkdir  "app"\n', [(2, 10, "DF104")]),
    ],
)
def test_relative_workdir(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("Dockerfile", text, "DF104") == expected


@pytest.mark.parametrize(
    "path",
    ["/app", "$HOME/app", "${APP_DIR}", "C:\\\\app", "C:/app", '"/srv/my app"'],
)
def test_absolute_or_variable_workdir(path: str) -> None:
    assert hits("Dockerfile", f"FROM alpine:3.19\nWORKDIR {path}\n", "DF104") == []
