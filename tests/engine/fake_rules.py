"""A tiny registry of test rules over plain text, so engine behaviour is tested on its own."""

from __future__ import annotations

from collections.abc import Iterator

from resonance_lint.model import Category, Problem, Severity, Span, Target, TextDocument
from resonance_lint.registry import Registry
from resonance_lint.rules import engine
from resonance_lint.rules.base import RuleContext, rule


@rule(
    code="TX101",
    name="bad-word",
    target=Target.TEXT,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="the word BAD",
    options={"word": "BAD", "also": ()},
)
def bad_word(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    words = (ctx.option("word"), *ctx.option("also"))
    for number, line in enumerate(doc.source.lines, start=1):
        for word in words:
            col = line.find(word)
            if col >= 0:
                yield Problem(Span(number, col + 1, number, col + 1 + len(word)), f"found {word}")


@rule(
    code="TX301",
    name="fake-secret",
    target=Target.TEXT,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="a fake secret",
    security_severity=8.0,
)
def fake_secret(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    for number, line in enumerate(doc.source.lines, start=1):
        if "SECRET=" in line:
            yield Problem(Span.point(number), "secret", secret_hash="h" + line.split("=", 1)[1])


@rule(
    code="TX102",
    name="off-rule",
    target=Target.TEXT,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="off by default",
    enabled=False,
)
def off_rule(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    yield Problem(Span.point(1), "off rule ran")


@rule(
    code="TX103",
    name="crashes",
    target=Target.TEXT,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="raises on CRASH",
)
def crashes(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    if "CRASH" in doc.source.text:
        raise ValueError("boom")
    return iter(())


@rule(
    code="TX104",
    name="hangs",
    target=Target.TEXT,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="loops forever on HANG",
)
def hangs(doc: TextDocument, ctx: RuleContext) -> Iterator[Problem]:
    while "HANG" in doc.source.text:
        pass
    return iter(())


REGISTRY = Registry(given=(*engine.RULES, bad_word, off_rule, crashes, hangs, fake_secret))
