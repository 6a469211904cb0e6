"""The HCL part of the common model: blocks and attributes whose values are model nodes.

Values are :mod:`resonance_lint.model` nodes:

- literals are :class:`~resonance_lint.model.Scalar` with tag ``str``, ``int``, ``float``,
  ``bool`` or ``null`` (a heredoc without interpolation is a ``str``);
- ``{...}`` objects are :class:`~resonance_lint.model.Mapping`, ``[...]`` tuples are
  :class:`~resonance_lint.model.Sequence`;
- a quoted string or heredoc with ``${...}``/``%{...}`` is a ``Scalar`` with tag ``template``
  whose value is its source text (quotes included);
- a function call is a :class:`Call` (a ``Scalar`` with tag ``call`` and the source text as
  value) that also keeps its parsed arguments, so ``jsonencode([...])`` can be walked;
- any other expression (references, operators, conditionals, ``for`` expressions, splats …) is
  a ``Scalar`` with tag ``expr`` whose value is its source text, e.g. ``var.db_password``.

This module has no heavy imports: rules import it; the parser itself lives in ``hcl.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Union

from ..model import Mapping, Node, Scalar, Sequence, Span

#: Tags of literal scalars.
LITERAL_TAGS = frozenset({"str", "int", "float", "bool", "null"})


@dataclass(frozen=True)
class Call(Scalar):
    """A function call: ``value`` is its source text, ``args`` its parsed arguments."""

    name: str = ""
    args: tuple[Node, ...] = ()


@dataclass(frozen=True, eq=False)
class Attribute:
    """``key = value`` in a body. ``span`` covers the key and the whole value."""

    key: Scalar
    value: Node
    span: Span

    @property
    def name(self) -> str:
        return str(self.key.value)


class BodyMixin:
    """Queries over an ordered body of attributes and blocks (``items``)."""

    items: tuple[Item, ...]

    @cached_property
    def _attributes(self) -> dict[str, Attribute]:
        index: dict[str, Attribute] = {}
        for item in self.items:
            if isinstance(item, Attribute):
                index.setdefault(item.name, item)
        return index

    @cached_property
    def _blocks(self) -> dict[str, tuple[Block, ...]]:
        index: dict[str, list[Block]] = {}
        for item in self.items:
            if isinstance(item, Block):
                index.setdefault(item.type, []).append(item)
        return {key: tuple(value) for key, value in index.items()}

    @property
    def attributes(self) -> tuple[Attribute, ...]:
        return tuple(i for i in self.items if isinstance(i, Attribute))

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(i for i in self.items if isinstance(i, Block))

    def attribute(self, name: str) -> Attribute | None:
        """The (first) attribute called ``name``."""
        return self._attributes.get(name)

    def get(self, name: str) -> Node | None:
        """The value of attribute ``name``."""
        found = self._attributes.get(name)
        return found.value if found is not None else None

    def blocks_of(self, block_type: str) -> tuple[Block, ...]:
        """Nested blocks of one type, in order."""
        return self._blocks.get(block_type, ())

    def block(self, block_type: str) -> Block | None:
        """The first nested block of ``block_type``."""
        found = self._blocks.get(block_type)
        return found[0] if found else None

    def dynamic(self, name: str) -> Block | None:
        """The ``dynamic "name" { ... }`` block generating ``name`` blocks, if any."""
        for candidate in self._blocks.get("dynamic", ()):
            if candidate.label(0) == name:
                return candidate
        return None

    def walk_blocks(self) -> Iterator[Block]:
        """Every block below this body, depth first (pre-order)."""
        for item in self.items:
            if isinstance(item, Block):
                yield item
                yield from item.walk_blocks()

    def walk_attributes(self) -> Iterator[Attribute]:
        """Every attribute of this body and of nested blocks (not inside values)."""
        for item in self.items:
            if isinstance(item, Attribute):
                yield item
            else:
                yield from item.walk_attributes()


@dataclass(frozen=True, eq=False)
class Block(BodyMixin):
    """``type "label" ... { body }``.

    ``type_span`` is the type keyword, ``labels`` the labels (``Scalar`` with tag ``str``, span
    including quotes), ``header`` runs from the type keyword to the opening brace, ``span``
    covers the whole block. ``path`` is the file the block is in.
    """

    type: str
    type_span: Span
    labels: tuple[Scalar, ...]
    items: tuple[Item, ...]
    header: Span
    span: Span
    path: str

    def label(self, index: int) -> str | None:
        if 0 <= index < len(self.labels):
            return str(self.labels[index].value)
        return None

    @property
    def name_span(self) -> Span:
        """The labels (or the type keyword of an unlabelled block): where findings point."""
        if not self.labels:
            return self.type_span
        return self.labels[0].span.cover(self.labels[-1].span)

    @property
    def address(self) -> str:
        """``aws_s3_bucket.logs``, ``data.aws_iam_policy.x``, ``module.vpc``, ``var.name`` …"""
        names = [str(label.value) for label in self.labels]
        if self.type == "resource":
            return ".".join(names)
        if self.type == "data":
            return ".".join(["data", *names])
        if self.type == "module":
            return ".".join(["module", *names])
        if self.type == "variable":
            return ".".join(["var", *names])
        return ".".join([self.type, *names])


Item = Union[Attribute, Block]


# --- value helpers --------------------------------------------------------------------------


def is_literal(node: Node | None) -> bool:
    """A literal scalar (string, number, bool, null)."""
    return isinstance(node, Scalar) and node.tag in LITERAL_TAGS


def literal_str(node: Node | None) -> str | None:
    """The string of a literal string or number scalar, else None."""
    if isinstance(node, Scalar) and node.tag in ("str", "int", "float"):
        return str(node.value)
    return None


def literal_bool(node: Node | None) -> bool | None:
    """True/False for a literal bool (or the strings ``"true"``/``"false"``), else None."""
    if not isinstance(node, Scalar):
        return None
    if node.tag == "bool":
        return bool(node.value)
    if node.tag == "str" and str(node.value).lower() in ("true", "false"):
        return str(node.value).lower() == "true"
    return None


_REFERENCE = re.compile(
    r"(?<![\w.\-\"])(?:data\.)?[A-Za-z_][\w\-]*(?:\.[A-Za-z_*][\w\-]*|\[[^\]\[]*\])+"
)
_IGNORED_ROOTS = frozenset({"each", "count", "self", "path", "terraform", "true", "false", "null"})


def references(node: Node) -> tuple[str, ...]:
    """Dotted references (``var.x``, ``aws_s3_bucket.b.id``, ``data.a.b.c``) in an expression.

    Index brackets are dropped (``aws_instance.web[0].id`` gives ``aws_instance.web.id``).
    Literal strings have none; the contents of quoted strings inside expressions are skipped,
    but ``${...}`` interpolations inside them are read.
    """
    if not isinstance(node, Scalar) or node.tag not in ("expr", "template", "call"):
        return ()
    text = _strip_string_literals(str(node.value))
    found: list[str] = []
    for match in _REFERENCE.finditer(text):
        ref = re.sub(r"\[[^\]\[]*\]", "", match.group(0))
        root = ref.split(".", 1)[0]
        if root in _IGNORED_ROOTS or "." not in ref:
            continue
        found.append(ref)
    return tuple(dict.fromkeys(found))


_STRING_PART = re.compile(r'"(?:[^"\\$]|\\.|\$(?!\{))*(?:"|(?=\$\{))|\}(?:[^"\\$]|\\.|\$(?!\{))*"')


def _strip_string_literals(text: str) -> str:
    """Blank out literal string text, keeping ``${...}`` interpolations (approximate)."""
    if '"' not in text:
        return text
    return _STRING_PART.sub(lambda m: " " * len(m.group(0)), text)


def template_parts(node: Scalar) -> tuple[str, ...] | None:
    """For a ``"...${x}..."`` template: its pieces, literal text and ``${...}`` alternately.

    ``'"${a}:v1"'`` gives ``("", "${a}", ":v1")``. None when the node is not a quoted template.
    """
    if node.tag != "template":
        return None
    text = str(node.value)
    if not (text.startswith('"') and text.endswith('"')):
        return None
    body = text[1:-1]
    parts: list[str] = []
    literal: list[str] = []
    i = 0
    n = len(body)
    while i < n:
        if body.startswith("$${", i) or body.startswith("%%{", i):
            literal.append(body[i + 1 : i + 3])
            i += 3
            continue
        if body.startswith(("${", "%{"), i):
            depth = 0
            j = i + 2
            in_string = False
            while j < n:
                ch = body[j]
                if in_string:
                    if ch == "\\":
                        j += 1
                    elif ch == '"':
                        in_string = False
                elif ch == '"':
                    in_string = True
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    if depth == 0:
                        break
                    depth -= 1
                j += 1
            parts.append("".join(literal))
            literal = []
            parts.append(body[i : j + 1])
            i = j + 1
            continue
        literal.append(body[i])
        i += 1
    parts.append("".join(literal))
    return tuple(parts)


def iter_nodes(node: Node) -> Iterator[Node]:
    """The node and every node below it (mappings' values, sequences' items, call arguments)."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Mapping):
            stack.extend(reversed([p.value for p in current.pairs]))
        elif isinstance(current, Sequence):
            stack.extend(reversed(current.items))
        elif isinstance(current, Call):
            stack.extend(reversed(current.args))
