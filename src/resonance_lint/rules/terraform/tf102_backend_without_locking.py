"""TF102: an S3 backend with no state locking."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ...model import Category, Node, Problem, Scalar, Severity, Target
from ...parsers.hcl_model import Attribute, literal_bool
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule

#: Backends that lock only when told to: backend type -> attributes that turn locking on.
#: Any one of them set (to anything but false/null/"") means locking is configured.
LOCKING_ATTRIBUTES = MappingProxyType(
    {
        "s3": ("use_lockfile", "dynamodb_table"),
    }
)

#: An attribute that must be present for the block to be a complete configuration; a backend
#: block without it is a partial configuration completed by ``-backend-config`` (not judged).
COMPLETE_WHEN = MappingProxyType(
    {
        "s3": "bucket",
    }
)


def _off(node: Node) -> bool:
    """``false``, ``null`` or an empty string: the setting does not turn locking on."""
    if not isinstance(node, Scalar):
        return False
    return (
        literal_bool(node) is False or node.tag == "null" or (node.tag == "str" and not node.value)
    )


@rule(
    code="TF102",
    name="backend-without-locking",
    target=Target.TERRAFORM_MODULE,
    category=Category.READINESS,
    severity=Severity.ERROR,
    summary="`s3` backend with neither `use_lockfile = true` nor `dynamodb_table`",
)
def backend_without_locking(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for settings in module.terraform_blocks:
        for backend in settings.blocks_of("backend"):
            kind = backend.label(0) or ""
            attributes = LOCKING_ATTRIBUTES.get(kind)
            if attributes is None:
                continue
            required = COMPLETE_WHEN.get(kind)
            if required is not None and backend.attribute(required) is None:
                continue
            disabled: Attribute | None = None
            locked = False
            for name in attributes:
                attr = backend.attribute(name)
                if attr is None:
                    continue
                if _off(attr.value):
                    disabled = disabled or attr
                    continue
                locked = True
            if locked:
                continue
            if disabled is not None:
                yield Problem(
                    disabled.value.span,
                    f'`{disabled.name}` turns state locking off for the "{kind}" backend: two '
                    "concurrent applies can corrupt the state; set `use_lockfile = true`",
                    path=backend.path,
                )
                continue
            yield Problem(
                backend.name_span,
                f'"{kind}" backend without state locking: two concurrent applies can corrupt '
                "the state; set `use_lockfile = true` (Terraform >= 1.10) or `dynamodb_table`",
                path=backend.path,
            )
