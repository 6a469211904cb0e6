"""TF106: ``lifecycle { ignore_changes = all }`` hides every drift."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Node, Problem, Scalar, Sequence, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule


def _is_all(node: Node) -> bool:
    if isinstance(node, Scalar):
        return (node.tag == "expr" and node.value == "all") or (
            node.tag == "str" and node.value in ("all", "*")
        )
    if isinstance(node, Sequence) and len(node) == 1:  # legacy ["*"]
        item = node.items[0]
        return isinstance(item, Scalar) and item.tag == "str" and item.value == "*"
    return False


@rule(
    code="TF106",
    name="ignore-changes-all",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.WARNING,
    summary="`lifecycle { ignore_changes = all }` (drift is hidden; IaC stops being the truth)",
)
def ignore_changes_all(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for block in module.blocks_of("resource"):
        for lifecycle in block.blocks_of("lifecycle"):
            attr = lifecycle.attribute("ignore_changes")
            if attr is not None and _is_all(attr.value):
                yield Problem(
                    attr.value.span,
                    f"{block.address} ignores changes to every attribute: drift and edits made "
                    "outside Terraform are never corrected; list the attributes to ignore",
                    path=block.path,
                )
