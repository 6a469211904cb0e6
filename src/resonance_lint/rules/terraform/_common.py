"""Helpers shared by the Terraform rules: reading settings through variables and locals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Problem, Related, Scalar, ScalarValue, Span
from ...parsers.hcl_model import Attribute, Block, BodyMixin, is_literal, literal_bool
from ...parsers.terraform import Resolved, TerraformModuleDocument


@dataclass(frozen=True)
class Setting:
    """An attribute as configured: absent, unknown (an expression), or a literal value.

    ``resolved`` follows ``var.x``/``local.x`` (and ``*.tfvars``); ``dynamic`` is True when the
    attribute sits under a ``dynamic`` block that was not expanded (its value is unknown).
    """

    attribute: Attribute | None = None
    resolved: Resolved | None = None
    dynamic: bool = False

    @property
    def present(self) -> bool:
        return self.attribute is not None or self.dynamic

    @property
    def known(self) -> bool:
        """Present with a literal value (after following variables)."""
        return self.resolved is not None and is_literal(self.resolved.node)

    @property
    def value(self) -> ScalarValue:
        node = self.resolved.node if self.resolved is not None else None
        return node.value if isinstance(node, Scalar) else None

    @property
    def is_null(self) -> bool:
        """Absent, or a literal ``null`` (the provider default applies)."""
        if self.dynamic:
            return False
        return self.attribute is None or (self.known and self.value is None)

    @property
    def boolean(self) -> bool | None:
        """True/False for a known bool (or ``"true"``/``"false"``), else None."""
        return literal_bool(self.resolved.node) if self.resolved is not None else None

    @property
    def text(self) -> str | None:
        """The string of a known string/number value, else None."""
        if self.known and self.value is not None and not isinstance(self.value, bool):
            return str(self.value)
        return None

    @property
    def span(self) -> Span | None:
        """The value in the source (where a finding about it points)."""
        return self.attribute.value.span if self.attribute is not None else None

    def related(self) -> tuple[Related, ...]:
        """Where the value came from, when it was followed through a variable or local."""
        found = self.resolved
        if found is None or not found.followed or found.path is None:
            return ()
        return (Related(found.path, found.node.span, f"{found.origin} is set here"),)

    def via(self) -> str:
        """`` (via var.x)`` when the value was followed, else an empty string."""
        found = self.resolved
        if found is None or found.origin is None:
            return ""
        return f" (via {found.origin})"


def setting(module: TerraformModuleDocument, body: BodyMixin, *path: str) -> Setting:
    """The setting at ``path`` (nested block names, then the attribute name) under ``body``."""
    current = body
    for name in path[:-1]:
        inner = current.block(name)
        if inner is None:
            if current.dynamic(name) is not None:
                return Setting(dynamic=True)
            return Setting()
        current = inner
    attr = current.attribute(path[-1])
    if attr is None:
        return Setting()
    return Setting(attr, module.evaluate(attr.value))


def is_replica(module: TerraformModuleDocument, block: Block, markers: tuple[str, ...]) -> bool:
    """Whether any marker attribute (``replicate_source_db`` …) is set to something not null."""
    return any(not setting(module, block, marker).is_null for marker in markers)


def lifecycle_flag(block: Block, name: str) -> Attribute | None:
    """The ``lifecycle { <name> = ... }`` attribute of a resource."""
    lifecycle = block.block("lifecycle")
    return lifecycle.attribute(name) if lifecycle is not None else None


def missing(block: Block, message: str) -> Problem:
    """A finding about something a block lacks: points at its labels."""
    return Problem(block.name_span, message, path=block.path)


def at_setting(block: Block, found: Setting, message: str) -> Problem:
    """A finding about a configured value: points at the value, notes where it came from."""
    span = found.span or block.name_span
    return Problem(span, message + found.via(), path=block.path, related=found.related())


def resource_name(block: Block) -> str:
    """``aws_db_instance.main`` (the address used in messages)."""
    return block.address


def iter_resources(module: TerraformModuleDocument, types: tuple[str, ...]) -> Iterator[Block]:
    wanted = frozenset(types)
    for block in module.blocks_of("resource"):
        if block.label(0) in wanted:
            yield block
