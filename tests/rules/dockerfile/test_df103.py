from __future__ import annotations

from helpers import findings, hits


def test_repeated_cmd_reports_the_overridden_one() -> None:
    text = (
        'FROM alpine:3.19\nCMD ["a"]\nENTRYPOINT ["x"]\nCMD ["b"]\n'
        "HEALTHCHECK CMD a\nHEALTHCHECK NONE\n"
    )
    assert hits("Dockerfile", text, "DF103") == [(2, 1, "DF103"), (5, 1, "DF103")]


def test_three_times_reports_two() -> None:
    text = "FROM alpine:3.19\nCMD a\nCMD b\n  CMD c\n"
    assert hits("Dockerfile", text, "DF103") == [(2, 1, "DF103"), (3, 1, "DF103")]


def test_related_points_at_the_effective_instruction() -> None:
    (finding,) = findings({"Dockerfile": "FROM alpine:3.19\nCMD a\nCMD b\n"}, "DF103")
    assert "line 3" in finding.message
    assert [(r.span.line, r.span.column) for r in finding.related] == [(3, 1)]


def test_once_per_stage_is_fine() -> None:
    text = 'FROM alpine:3.19 AS a\nCMD ["a"]\nFROM alpine:3.19\nCMD ["b"]\nONBUILD CMD ["c"]\n'
    assert hits("Dockerfile", text, "DF103") == []
