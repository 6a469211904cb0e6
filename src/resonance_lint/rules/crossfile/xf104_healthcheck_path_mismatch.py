from __future__ import annotations

import re
from collections.abc import Iterator

from ...links import effective, fly_apps
from ...model import Category, Problem, Project, Related, Scalar, Severity, Span, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule

_URL_PATH = re.compile(r"https?://[^/\s'\"]+(/[^\s'\"?#]*)")


def _fly_paths(fly: FlyDocument) -> list[Scalar]:
    found: list[Scalar] = []
    for service in fly.services:
        for check in service.http_checks:
            node = check.node.scalar("path")
            if node is not None and isinstance(node.value, str):
                found.append(node)
    for named in fly.checks:
        node = named.node.scalar("path")
        if node is not None and isinstance(node.value, str):
            found.append(node)
    return found


def _normal(path: str) -> str:
    return path.rstrip("/") or "/"


@rule(
    code="XF104",
    name="healthcheck-path-mismatch",
    target=Target.PROJECT,
    category=Category.READINESS,
    severity=Severity.NOTE,
    summary="Dockerfile HEALTHCHECK probes a different path than the fly service check",
)
def healthcheck_path_mismatch(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    for app in fly_apps(project):
        if app.dockerfile is None or app.stage is None:
            continue
        health = effective(app.dockerfile, app.stage, "HEALTHCHECK")
        if health is None:
            continue
        match = _URL_PATH.search(health.arguments)
        fly_paths = _fly_paths(app.fly)
        if match is None or not fly_paths:
            continue
        probe = _normal(match.group(1))
        if any(_normal(str(p.value)) == probe for p in fly_paths):
            continue
        args = health.arguments_span
        span = health.keyword_span
        if args is not None and args.line == args.end_line:
            column = args.column + match.start(1)
            span = Span(args.line, column, args.line, column + len(match.group(1)))
        expected = ", ".join(sorted({str(p.value) for p in fly_paths}))
        yield Problem(
            span,
            f"HEALTHCHECK probes {probe} but the fly.toml checks {expected}: two definitions of "
            "healthy drift apart; probe the same endpoint",
            path=app.dockerfile.path,
            related=tuple(
                Related(app.fly.path, p.span, f"fly check path {p.value}") for p in fly_paths
            ),
        )
