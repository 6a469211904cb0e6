"""TF303: a secret variable with a default value, or a secret variable/output not sensitive."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.hcl_model import Block, literal_bool
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._secrets import find_secret, secret_problem, sensitive_name

#: Variable types that cannot hold a secret.
NON_SECRET_TYPES = frozenset({"bool", "number"})


def _could_hold_secret(variable: Block) -> bool:
    kind = variable.get("type")
    if isinstance(kind, Scalar) and kind.tag == "expr" and str(kind.value) in NON_SECRET_TYPES:
        return False
    default = variable.get("default")
    return not (isinstance(default, Scalar) and default.tag in ("bool", "int", "float"))


def _sensitive(block: Block) -> bool | None:
    attr = block.attribute("sensitive")
    if attr is None:
        return False
    flag = literal_bool(attr.value)
    return flag  # None when it is an expression (not judged)


@rule(
    code="TF303",
    name="secret-variable-exposed",
    target=Target.TERRAFORM_MODULE,
    category=Category.SECRET,
    severity=Severity.WARNING,
    security_severity=5.5,
    summary="secret-named `variable` with a literal `default`, or without `sensitive = true`; "
    "secret-named `output` without `sensitive = true`",
)
def secret_variable_exposed(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for variable in module.blocks_of("variable"):
        name = variable.label(0) or ""
        if not sensitive_name(name) or not _could_hold_secret(variable):
            continue
        default = variable.attribute("default")
        if default is not None:
            secret = find_secret(name, default.value)
            if secret is not None:
                yield secret_problem(
                    default.value.span,
                    variable.path,
                    f"the default of var.{name}",
                    secret,
                    "remove the default and pass the value at apply time "
                    "(TF_VAR_…, a secret store)",
                )
        if _sensitive(variable) is False:
            yield Problem(
                variable.name_span,
                f"var.{name} looks like a secret but is not `sensitive = true`: its value is "
                "printed in plans and logs; mark it sensitive",
                path=variable.path,
            )
    for output in module.blocks_of("output"):
        name = output.label(0) or ""
        if not sensitive_name(name) or _sensitive(output) is not False:
            continue
        value = output.get("value")
        if isinstance(value, Scalar) and value.tag in ("bool", "int", "float", "null"):
            continue
        yield Problem(
            output.name_span,
            f"output {name!r} looks like a secret but is not `sensitive = true`: it is printed "
            "after every apply and readable by anyone with `terraform output`; mark it sensitive",
            path=output.path,
        )
