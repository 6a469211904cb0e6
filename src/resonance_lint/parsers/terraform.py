"""Terraform / OpenTofu: files (``.tf``, ``.tofu``, ``.tfvars``) and modules (directories).

``parse`` turns one file into a :class:`TerraformFileDocument`; after every file of a run is
parsed, the engine calls :func:`build_modules`, which groups the files of each directory into a
:class:`TerraformModuleDocument` (a directory is a module) with its blocks indexed, root-module
detection, ``variable``/``locals``/``*.tfvars`` values and reference resolution.

The HCL parser (``hcl.py``) is imported only when a file is parsed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Union

from ..errors import ParseError
from ..model import Document, Node, Scalar, Source, Target, to_python
from .hcl_model import Attribute, Block, BodyMixin, Item, is_literal

__all__ = [
    "Resolved",
    "TerraformFileDocument",
    "TerraformModuleDocument",
    "build_modules",
    "parse",
]

LOCKFILE = ".terraform.lock.hcl"
_VAR_EXTENSIONS = (".tfvars",)
_SIMPLE_REF = re.compile(r"^(var|local)\.([A-Za-z_][\w\-]*)$")
_SIMPLE_TEMPLATE = re.compile(r'^"\$\{\s*(var|local)\.([A-Za-z_][\w\-]*)\s*\}"$')
_INDEX = re.compile(r"\[[^\]\[]*\]")
_MAX_EVAL_DEPTH = 8


@dataclass(frozen=True)
class TerraformFileDocument(BodyMixin, Document):
    """One ``.tf``/``.tofu`` file (blocks) or ``.tfvars`` file (attributes only)."""

    items: tuple[Item, ...] = ()

    target: ClassVar[Target] = Target.TERRAFORM

    @property
    def is_vars(self) -> bool:
        """A ``*.tfvars`` file (variable values, no blocks)."""
        return self.path.lower().endswith(_VAR_EXTENSIONS)

    @property
    def is_auto_vars(self) -> bool:
        """A variables file Terraform loads by itself (``terraform.tfvars``, ``*.auto.tfvars``)."""
        name = posixpath.basename(self.path).lower()
        return name == "terraform.tfvars" or name.endswith(".auto.tfvars")

    @cached_property
    def _statement_starts(self) -> dict[int, int]:
        starts: dict[int, int] = {}

        def visit(items: Sequence[Item]) -> None:
            for item in items:
                if isinstance(item, Attribute):
                    first = item.span.line
                    for line in range(first + 1, item.span.end_line + 1):
                        starts[line] = first
                else:
                    first = item.header.line
                    for line in range(first + 1, item.header.end_line + 1):
                        starts[line] = first
                    visit(item.items)

        visit(self.items)
        return starts

    def statement_start(self, line: int) -> int:
        """First line of the innermost attribute (or block header) that contains ``line``."""
        return self._statement_starts.get(line, line)


def parse(source: Source) -> TerraformFileDocument:
    """Parse a ``.tf``, ``.tofu`` or ``.tfvars`` file; ParseError when it is not valid HCL."""
    from .hcl import parse_body

    items = parse_body(source.text, source.path)
    doc = TerraformFileDocument(source, items)
    if doc.is_vars:
        for item in items:
            if isinstance(item, Block):
                raise ParseError(
                    f"blocks are not allowed in a variables file (found {item.type!r})",
                    item.type_span.line,
                    item.type_span.column,
                )
    return doc


@dataclass(frozen=True)
class Resolved:
    """The effective value of an expression after following ``var.x``/``local.x``.

    ``node`` is the value found (the original node when nothing could be followed); ``origin``
    names what was followed (``var.db_password``) and ``path`` is the file holding ``node``
    (None when ``node`` is the original expression).
    """

    node: Node
    origin: str | None = None
    path: str | None = None

    @property
    def followed(self) -> bool:
        return self.origin is not None


Resolvable = Union[Block, Attribute]


@dataclass(frozen=True, eq=False)
class TerraformModuleDocument(Document):
    """A directory of Terraform files: one module.

    ``source`` is the first file's source (documents need one); findings of module rules carry
    the path of the file they point into. ``files`` are the ``.tf``/``.tofu`` files in path
    order, ``var_files`` the ``*.tfvars`` files.
    """

    directory: str = ""
    files: tuple[TerraformFileDocument, ...] = ()
    var_files: tuple[TerraformFileDocument, ...] = ()
    has_lockfile: bool = False

    target: ClassVar[Target] = Target.TERRAFORM_MODULE

    # --- blocks --------------------------------------------------------------------------

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Every top-level block of every file, in file then source order."""
        return tuple(b for doc in self.files for b in doc.items if isinstance(b, Block))

    def blocks_of(self, block_type: str) -> tuple[Block, ...]:
        return self._by_type.get(block_type, ())

    @cached_property
    def _by_type(self) -> dict[str, tuple[Block, ...]]:
        index: dict[str, list[Block]] = {}
        for block in self.blocks:
            index.setdefault(block.type, []).append(block)
        return {key: tuple(value) for key, value in index.items()}

    @cached_property
    def _resources(self) -> dict[tuple[str, str, str], Block]:
        index: dict[tuple[str, str, str], Block] = {}
        for kind in ("resource", "data"):
            for block in self.blocks_of(kind):
                if len(block.labels) == 2:
                    index.setdefault(
                        (kind, str(block.labels[0].value), str(block.labels[1].value)), block
                    )
        return index

    @cached_property
    def _named(self) -> dict[tuple[str, str], Block]:
        index: dict[tuple[str, str], Block] = {}
        for kind in ("module", "variable", "output"):
            for block in self.blocks_of(kind):
                if block.labels:
                    index.setdefault((kind, str(block.labels[0].value)), block)
        return index

    def resource(self, resource_type: str, name: str) -> Block | None:
        """``resource "<type>" "<name>"``."""
        return self._resources.get(("resource", resource_type, name))

    def data(self, data_type: str, name: str) -> Block | None:
        """``data "<type>" "<name>"``."""
        return self._resources.get(("data", data_type, name))

    def resources(self, *types: str) -> Iterator[Block]:
        """Resource blocks (all, or of the given types), in order."""
        for block in self.blocks_of("resource"):
            if not types or block.label(0) in types:
                yield block

    def module(self, name: str) -> Block | None:
        """``module "<name>"``."""
        return self._named.get(("module", name))

    def variable(self, name: str) -> Block | None:
        return self._named.get(("variable", name))

    def output(self, name: str) -> Block | None:
        return self._named.get(("output", name))

    @cached_property
    def locals(self) -> dict[str, Attribute]:
        """Every ``locals`` attribute by name."""
        index: dict[str, Attribute] = {}
        for block in self.blocks_of("locals"):
            for attr in block.attributes:
                index.setdefault(attr.name, attr)
        return index

    def local(self, name: str) -> Attribute | None:
        return self.locals.get(name)

    @property
    def providers(self) -> tuple[Block, ...]:
        """``provider`` blocks."""
        return self.blocks_of("provider")

    @property
    def terraform_blocks(self) -> tuple[Block, ...]:
        """``terraform { ... }`` blocks."""
        return self.blocks_of("terraform")

    @cached_property
    def backend(self) -> Block | None:
        """The ``backend "<type>"`` or ``cloud`` block of the ``terraform`` settings, if any."""
        for block in self.terraform_blocks:
            for inner in block.blocks:
                if inner.type in ("backend", "cloud"):
                    return inner
        return None

    @cached_property
    def required_providers(self) -> tuple[Attribute, ...]:
        """Entries of every ``terraform { required_providers { ... } }`` block."""
        return tuple(
            attr
            for block in self.terraform_blocks
            for inner in block.blocks_of("required_providers")
            for attr in inner.attributes
        )

    @property
    def is_root(self) -> bool:
        """A root module: a ``provider`` block, a ``backend``/``cloud`` block, or a lock file."""
        return bool(self.providers) or self.backend is not None or self.has_lockfile

    def anchor(self) -> tuple[str, Block | None]:
        """Where a finding about the whole module points: the ``terraform`` block, else the
        first ``provider`` block, else the first block; with the path of its file."""
        for candidates in (self.terraform_blocks, self.providers, self.blocks):
            if candidates:
                return candidates[0].path, candidates[0]
        return self.path, None

    # --- values --------------------------------------------------------------------------

    @cached_property
    def _var_values(self) -> dict[str, tuple[tuple[Attribute, str], ...]]:
        """Values of ``*.tfvars``: auto-loaded files first (in load order), then the others."""
        values: dict[str, list[tuple[Attribute, str]]] = {}
        ordered = sorted(
            self.var_files,
            key=lambda d: (
                not d.is_auto_vars,
                posixpath.basename(d.path).lower() != "terraform.tfvars",
                d.path,
            ),
        )
        for doc in ordered:
            for attr in doc.attributes:
                values.setdefault(attr.name, []).append((attr, doc.path))
        return {key: tuple(v) for key, v in values.items()}

    def variable_value(self, name: str) -> Resolved | None:
        """The value ``var.<name>`` gets: ``-var-file`` values when they agree, else the last
        auto-loaded ``*.tfvars`` value, else the ``default``. None when unknown."""
        origin = f"var.{name}"
        candidates = self._var_values.get(name, ())
        auto = [(a, p) for a, p in candidates if _is_auto(p)]
        explicit = [(a, p) for a, p in candidates if not _is_auto(p)]
        if explicit:
            first = to_python(explicit[0][0].value)
            if all(to_python(a.value) == first for a, _ in explicit[1:]):
                return Resolved(explicit[0][0].value, origin, explicit[0][1])
            return None
        if auto:
            attr, path = auto[-1]
            return Resolved(attr.value, origin, path)
        block = self.variable(name)
        if block is None:
            return None
        default = block.attribute("default")
        if default is None:
            return None
        return Resolved(default.value, origin, block.path)

    def evaluate(self, node: Node) -> Resolved:
        """Follow ``var.x``, ``local.x`` and ``"${var.x}"`` to the value they stand for.

        Returns the original node (``origin`` None) when it is not such a reference or the
        value is unknown; follows chains (a local set to a variable) up to a small depth.
        """
        current = Resolved(node)
        for _ in range(_MAX_EVAL_DEPTH):
            target = current.node
            if not isinstance(target, Scalar) or target.tag not in ("expr", "template"):
                return current
            pattern = _SIMPLE_REF if target.tag == "expr" else _SIMPLE_TEMPLATE
            match = pattern.match(str(target.value).strip())
            if match is None:
                return current
            kind, name = match.group(1), match.group(2)
            if kind == "var":
                found = self.variable_value(name)
                if found is None:
                    return current
                current = Resolved(found.node, current.origin or found.origin, found.path)
            else:
                attr = self.local(name)
                if attr is None:
                    return current
                path = self._path_of_local(name)
                current = Resolved(attr.value, current.origin or f"local.{name}", path)
        return current

    def literal(self, node: Node | None) -> Resolved | None:
        """``evaluate(node)`` when it gives a literal scalar, else None."""
        if node is None:
            return None
        found = self.evaluate(node)
        return found if is_literal(found.node) else None

    def _path_of_local(self, name: str) -> str | None:
        for block in self.blocks_of("locals"):
            if block.attribute(name) is not None:
                return block.path
        return None

    def resolve(self, reference: str) -> Resolvable | None:
        """The block (or ``locals`` attribute) a reference names.

        ``aws_ecr_repository.app.repository_url`` gives that resource, ``data.x.y.z`` the data
        source, ``module.m.out`` the module call, ``var.v`` the variable, ``local.l`` the local.
        """
        parts = _INDEX.sub("", reference).split(".")
        if len(parts) < 2:
            return None
        root = parts[0]
        if root == "var":
            return self.variable(parts[1])
        if root == "local":
            return self.local(parts[1])
        if root == "module":
            return self.module(parts[1])
        if root == "data":
            return self.data(parts[1], parts[2]) if len(parts) >= 3 else None
        return self.resource(root, parts[1])

    def local_source_dir(self, module_call: Block) -> str | None:
        """The directory of a ``module`` call with a local ``source`` (``./``/``../``)."""
        node = module_call.get("source")
        if not isinstance(node, Scalar) or node.tag != "str":
            return None
        source = str(node.value)
        if not source.startswith(("./", "../")):
            return None
        return posixpath.normpath(posixpath.join(self.directory, source))

    def statement_start(self, line: int) -> int:
        return self.files[0].statement_start(line) if self.files else line


def _is_auto(path: str) -> bool:
    name = posixpath.basename(path).lower()
    return name == "terraform.tfvars" or name.endswith(".auto.tfvars")


def build_modules(
    docs: Sequence[TerraformFileDocument], files: frozenset[str]
) -> list[TerraformModuleDocument]:
    """One module document per directory holding ``.tf``/``.tofu`` files."""
    by_dir: dict[str, list[TerraformFileDocument]] = {}
    for doc in docs:
        if isinstance(doc, TerraformFileDocument) and posixpath.basename(doc.path) != LOCKFILE:
            by_dir.setdefault(posixpath.dirname(doc.path), []).append(doc)
    modules: list[TerraformModuleDocument] = []
    for directory in sorted(by_dir):
        group = sorted(by_dir[directory], key=lambda d: d.path)
        code = tuple(d for d in group if not d.is_vars)
        if not code:
            continue
        var_files = tuple(d for d in group if d.is_vars)
        lockfile = posixpath.join(directory, LOCKFILE) if directory else LOCKFILE
        modules.append(
            TerraformModuleDocument(
                source=code[0].source,
                directory=directory,
                files=code,
                var_files=var_files,
                has_lockfile=lockfile in files,
            )
        )
    return modules
