"""TF304: a literal secret in a function's or container's plain environment variables."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._containers import environment
from ._secrets import find_secret, find_secret_text, secret_problem


@rule(
    code="TF304",
    name="secret-in-plain-environment",
    target=Target.TERRAFORM_MODULE,
    category=Category.SECRET,
    severity=Severity.ERROR,
    security_severity=8.0,
    summary="literal secrets in Lambda/ECS/Cloud Run environment variables",
)
def secret_in_plain_environment(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    for var in environment(module):
        value = var.value
        if value.node is not None:
            secret = find_secret(var.name, value.node)
        elif value.text is not None:
            secret = find_secret_text(var.name, value.text)
        else:
            secret = None
        if secret is None:
            continue
        yield secret_problem(
            value.span,
            value.path,
            f"{value.resource.address}: environment variable {var.name}",
            secret,
            "environment values are readable by anyone who can describe the function or task; "
            "reference a secret store (ECS `secrets`, Lambda via Secrets Manager, Cloud Run "
            "`value_source.secret_key_ref`, Kubernetes `secret_key_ref`)",
        )
