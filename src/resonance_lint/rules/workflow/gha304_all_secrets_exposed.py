from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.workflow import WorkflowDocument, expressions, walk_scalars
from ..base import RuleContext, rule
from ._contexts import context_refs


@rule(
    code="GHA304",
    name="all-secrets-exposed",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="`toJSON(secrets)` / `secrets[...]` dynamic access",
    security_severity=7.5,
)
def all_secrets_exposed(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for scalar in walk_scalars(doc.root_node):
        for expr in expressions(scalar):
            offset = expr.raw.find(expr.text) if expr.text else 0
            for ref in context_refs(expr.text):
                if ref.path == "secrets":
                    what = "the whole `secrets` context"
                elif ref.path.startswith("secrets.*"):
                    what = "secrets chosen at run time (`secrets[...]`)"
                else:
                    continue
                yield Problem(
                    expr.subspan(offset + ref.start, offset + ref.end),
                    f"`{expr.raw}` exposes {what} to this job, so every repository secret is "
                    "loaded into the runner; reference each secret by name",
                )
