"""TF301: a secret written into Terraform code instead of read from a variable or a store."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ...model import Category, Problem, Scalar, Severity, Target
from ...parsers.hcl_model import Block
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._containers import CONTAINER_ENV_MAPS, WORKLOADS
from ._secrets import find_secret, pairs_below, secret_problem

#: Attributes that hold a secret whatever their name says: resource type -> (attribute,
#: (attribute, value) condition or None).
SECRET_VALUE_ATTRIBUTES = MappingProxyType(
    {
        "aws_secretsmanager_secret_version": (("secret_string", None), ("secret_binary", None)),
        "aws_ssm_parameter": (("value", ("type", "SecureString")),),
        "google_secret_manager_secret_version": (("secret_data", None),),
        "azurerm_key_vault_secret": (("value", None),),
        "kubernetes_secret": (("data", None), ("string_data", None)),
        "kubernetes_secret_v1": (("data", None), ("string_data", None)),
    }
)

#: Block types whose attributes are checked (providers are TF302's, variables TF303's).
CHECKED_BLOCKS = ("resource", "data", "module", "locals")


def _environment_attributes() -> frozenset[str]:
    """Attributes TF304 reports (environment variables of workloads): skipped here."""
    names: set[str] = set(CONTAINER_ENV_MAPS)
    for spec in WORKLOADS.values():
        names.update(spec.json_definitions)
        names.update(path[-1] for path in spec.env_maps)
    return frozenset(names)


def _forced(block: Block, name: str) -> bool:
    """Whether attribute ``name`` of ``block`` holds a secret by definition."""
    if block.type != "resource":
        return False
    for attribute, condition in SECRET_VALUE_ATTRIBUTES.get(block.label(0) or "", ()):
        if attribute != name:
            continue
        if condition is None:
            return True
        node = block.get(condition[0])
        return isinstance(node, Scalar) and node.value == condition[1]
    return False


@rule(
    code="TF301",
    name="hardcoded-secret",
    target=Target.TERRAFORM_MODULE,
    category=Category.SECRET,
    severity=Severity.ERROR,
    security_severity=8.5,
    summary="sensitive attribute (`password`, `secret`, `token`, `access_key`, `private_key`, "
    "`master_password` …) set to a literal instead of a variable, data source or secret "
    "manager reference",
)
def hardcoded_secret(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    skipped = _environment_attributes()
    advice = "pass it in a sensitive variable or read it from a secret manager"
    for kind in CHECKED_BLOCKS:
        for block in module.blocks_of(kind):
            workload = block.type == "resource" and (block.label(0) or "") in WORKLOADS
            where = block.address if kind != "locals" else "locals"
            for attr in block.walk_attributes():
                if workload and attr.name in skipped:
                    continue
                forced = _forced(block, attr.name)
                secret = find_secret("secret" if forced else attr.name, attr.value)
                if secret is not None:
                    yield secret_problem(
                        attr.value.span, block.path, f"{where}: {attr.name}", secret, advice
                    )
                    continue
                for key, value, _key_span in pairs_below(attr.value):
                    secret = find_secret("secret" if forced else key, value)
                    if secret is not None:
                        yield secret_problem(
                            value.span, block.path, f"{where}: {attr.name}.{key}", secret, advice
                        )
