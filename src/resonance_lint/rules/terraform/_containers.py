"""Where container images and environment variables live in Terraform resources.

One table (:data:`WORKLOADS`) says, per resource type, where its containers are: JSON
container definitions (``jsonencode(...)`` or a JSON string/heredoc), container blocks
(``container``/``containers``/``init_container`` with ``image`` and ``env``), plain image
attributes and environment maps. TF209, TF304 and XF203 read it through :func:`images` and
:func:`environment`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ...model import Mapping, Node, Scalar, Sequence, Source, Span
from ...parsers.hcl_model import Block, BodyMixin, Call, template_parts
from ...parsers.terraform import Resolved, TerraformModuleDocument


@dataclass(frozen=True)
class Workload:
    """Where one resource type keeps its containers' images and environment."""

    json_definitions: tuple[str, ...] = ()  # attributes holding JSON container definitions
    container_blocks: bool = False  # nested container/containers/init_container blocks
    image_paths: tuple[tuple[str, ...], ...] = ()  # block names then the image attribute
    env_maps: tuple[tuple[str, ...], ...] = ()  # block names then a NAME = value map attribute


_KUBERNETES = Workload(container_blocks=True)
_CLOUD_RUN = Workload(container_blocks=True)
_APP_SETTINGS = Workload(env_maps=(("app_settings",),))

WORKLOADS = MappingProxyType(
    {
        # AWS
        "aws_ecs_task_definition": Workload(json_definitions=("container_definitions",)),
        "aws_batch_job_definition": Workload(json_definitions=("container_properties",)),
        "aws_lambda_function": Workload(
            image_paths=(("image_uri",),), env_maps=(("environment", "variables"),)
        ),
        "aws_apprunner_service": Workload(
            image_paths=(("source_configuration", "image_repository", "image_identifier"),),
            env_maps=(
                (
                    "source_configuration",
                    "image_repository",
                    "image_configuration",
                    "runtime_environment_variables",
                ),
            ),
        ),
        # Google Cloud
        "google_cloud_run_service": _CLOUD_RUN,
        "google_cloud_run_v2_service": _CLOUD_RUN,
        "google_cloud_run_v2_job": _CLOUD_RUN,
        "google_cloudfunctions_function": Workload(
            env_maps=(("environment_variables",), ("build_environment_variables",))
        ),
        "google_cloudfunctions2_function": Workload(
            env_maps=(
                ("service_config", "environment_variables"),
                ("build_config", "environment_variables"),
            )
        ),
        # Kubernetes
        "kubernetes_pod": _KUBERNETES,
        "kubernetes_pod_v1": _KUBERNETES,
        "kubernetes_deployment": _KUBERNETES,
        "kubernetes_deployment_v1": _KUBERNETES,
        "kubernetes_stateful_set": _KUBERNETES,
        "kubernetes_stateful_set_v1": _KUBERNETES,
        "kubernetes_daemonset": _KUBERNETES,
        "kubernetes_daemon_set_v1": _KUBERNETES,
        "kubernetes_job": _KUBERNETES,
        "kubernetes_job_v1": _KUBERNETES,
        "kubernetes_cron_job": _KUBERNETES,
        "kubernetes_cron_job_v1": _KUBERNETES,
        "kubernetes_replication_controller": _KUBERNETES,
        "kubernetes_replication_controller_v1": _KUBERNETES,
        # Azure
        "azurerm_container_group": Workload(container_blocks=True),
        "azurerm_container_app": Workload(container_blocks=True),
        "azurerm_container_app_job": Workload(container_blocks=True),
        "azurerm_linux_web_app": _APP_SETTINGS,
        "azurerm_windows_web_app": _APP_SETTINGS,
        "azurerm_linux_function_app": _APP_SETTINGS,
        "azurerm_windows_function_app": _APP_SETTINGS,
        "azurerm_app_service": _APP_SETTINGS,
        "azurerm_function_app": _APP_SETTINGS,
        # Fly.io (fly-apps/fly provider)
        "fly_machine": Workload(image_paths=(("image",),), env_maps=(("env",),)),
    }
)

#: Nested block types that describe one container.
CONTAINER_BLOCKS = frozenset({"container", "containers", "init_container", "init_containers"})
#: Map attributes of a container block holding plain environment variables.
CONTAINER_ENV_MAPS = ("environment_variables",)


@dataclass(frozen=True)
class Value:
    """A value found in a workload: an HCL node, or a string inside JSON text."""

    resource: Block
    path: str  # the file ``span`` is in
    span: Span
    node: Node | None  # the HCL expression (None for a value inside JSON text)
    text: str | None  # the literal string inside JSON text


@dataclass(frozen=True)
class EnvVar:
    name: str
    name_span: Span
    value: Value


def workloads(module: TerraformModuleDocument) -> Iterator[tuple[Block, Workload]]:
    for block in module.blocks_of("resource"):
        spec = WORKLOADS.get(block.label(0) or "")
        if spec is not None:
            yield block, spec


def _source(module: TerraformModuleDocument, path: str) -> Source | None:
    for doc in module.files:
        if doc.path == path:
            return doc.source
    return None


def _descend(body: BodyMixin, names: tuple[str, ...]) -> Iterator[BodyMixin]:
    """The bodies reached by following nested block names (every block of each name)."""
    if not names:
        yield body
        return
    for inner in body.blocks_of(names[0]):
        yield from _descend(inner, names[1:])


def _attribute_nodes(block: Block, path: tuple[str, ...]) -> Iterator[Node]:
    for body in _descend(block, path[:-1]):
        attr = body.attribute(path[-1])
        if attr is not None:
            yield attr.value


class _JsonLocator:
    """Finds strings of a JSON text inside the source span that holds it, in order."""

    def __init__(self, source: Source | None, span: Span) -> None:
        self.source = source
        self.span = span
        self.line = span.line
        self.column = span.column - 1

    def find(self, value: str) -> Span:
        if self.source is None or not value:
            return self.span
        needles = (json.dumps(value), json.dumps(value).replace('"', '\\"'), value)
        for line_no in range(self.line, self.span.end_line + 1):
            line = self.source.line(line_no)
            lo = self.column if line_no == self.line else 0
            hi = self.span.end_column - 1 if line_no == self.span.end_line else len(line)
            for needle in needles:
                index = line.find(needle, lo, hi)
                if index >= 0:
                    inner = 1 if needle.startswith('"') else 0
                    if needle.startswith('\\"'):
                        inner = 2
                    start = index + inner
                    self.line, self.column = line_no, index + len(needle)
                    return Span(line_no, start + 1, line_no, start + 1 + len(value))
        return self.span


@dataclass(frozen=True)
class _Container:
    image: Value | None
    env: tuple[EnvVar, ...]


def _hcl_containers(block: Block, path: str, node: Node) -> Iterator[_Container]:
    """Containers of a ``jsonencode(...)`` argument: a list of objects or one object."""
    candidates: list[Node] = []
    if isinstance(node, Sequence):
        candidates.extend(node.items)
    elif isinstance(node, Mapping):
        candidates.append(node)
    for item in candidates:
        if not isinstance(item, Mapping):
            continue
        image_node = item.get("image")
        image = Value(block, path, image_node.span, image_node, None) if image_node else None
        env: list[EnvVar] = []
        entries = item.get("environment")
        if isinstance(entries, Sequence):
            for entry in entries:
                if not isinstance(entry, Mapping):
                    continue
                name = entry.scalar("name")
                value = entry.get("value")
                if name is None or name.tag != "str" or value is None:
                    continue
                env.append(
                    EnvVar(str(name.value), name.span, Value(block, path, value.span, value, None))
                )
        yield _Container(image, tuple(env))


def _json_containers(
    block: Block, path: str, node: Scalar, source: Source | None
) -> Iterator[_Container]:
    try:
        data: Any = json.loads(str(node.value))
    except (ValueError, RecursionError):
        return
    items = data if isinstance(data, list) else [data]
    locate = _JsonLocator(source, node.span)
    for item in items:
        if not isinstance(item, dict):
            continue
        image: Value | None = None
        raw_image = item.get("image")
        if isinstance(raw_image, str):
            image = Value(block, path, locate.find(raw_image), None, raw_image)
        env: list[EnvVar] = []
        entries = item.get("environment")
        if isinstance(entries, list):
            for entry in entries:
                if not isinstance(entry, dict):
                    continue
                name, value = entry.get("name"), entry.get("value")
                if not isinstance(name, str) or not isinstance(value, (str, int, float)):
                    continue
                name_span = locate.find(name)
                text = str(value)
                env.append(
                    EnvVar(name, name_span, Value(block, path, locate.find(text), None, text))
                )
        yield _Container(image, tuple(env))


def _definition_containers(
    module: TerraformModuleDocument, block: Block, node: Node
) -> Iterator[_Container]:
    found = module.evaluate(node)
    target = found.node
    path = found.path or block.path
    if isinstance(target, Call) and target.name == "jsonencode" and len(target.args) == 1:
        yield from _hcl_containers(block, path, target.args[0])
    elif isinstance(target, Scalar) and target.tag == "str":
        yield from _json_containers(block, path, target, _source(module, path))


def _block_containers(block: Block) -> Iterator[tuple[Block, _Container]]:
    for inner in block.walk_blocks():
        if inner.type not in CONTAINER_BLOCKS:
            continue
        attr = inner.attribute("image")
        image = Value(block, block.path, attr.value.span, attr.value, None) if attr else None
        env: list[EnvVar] = []
        for var in inner.blocks_of("env"):
            name = var.get("name")
            value = var.attribute("value")
            if isinstance(name, Scalar) and name.tag == "str" and value is not None:
                env.append(
                    EnvVar(
                        str(name.value),
                        name.span,
                        Value(block, block.path, value.value.span, value.value, None),
                    )
                )
        for map_name in CONTAINER_ENV_MAPS:
            env.extend(_map_vars(block, block.path, inner.get(map_name)))
        yield inner, _Container(image, tuple(env))


def _map_vars(block: Block, path: str, node: Node | None) -> Iterator[EnvVar]:
    if not isinstance(node, Mapping):
        return
    for pair in node.pairs:
        if pair.key.tag != "str":
            continue
        yield EnvVar(
            str(pair.key.value),
            pair.key.span,
            Value(block, path, pair.value.span, pair.value, None),
        )


def _containers(
    module: TerraformModuleDocument, block: Block, spec: Workload
) -> Iterator[_Container]:
    for attribute in spec.json_definitions:
        node = block.get(attribute)
        if node is not None:
            yield from _definition_containers(module, block, node)
    if spec.container_blocks:
        for _inner, container in _block_containers(block):
            yield container


def images(module: TerraformModuleDocument) -> Iterator[Value]:
    """Every container image reference of every workload resource of the module."""
    for block, spec in workloads(module):
        for container in _containers(module, block, spec):
            if container.image is not None:
                yield container.image
        for path in spec.image_paths:
            for node in _attribute_nodes(block, path):
                yield Value(block, block.path, node.span, node, None)


def environment(module: TerraformModuleDocument) -> Iterator[EnvVar]:
    """Every plain (non-secret-store) environment variable of every workload resource."""
    for block, spec in workloads(module):
        for container in _containers(module, block, spec):
            yield from container.env
        for path in spec.env_maps:
            for node in _attribute_nodes(block, path):
                found = module.evaluate(node)
                yield from _map_vars(block, found.path or block.path, found.node)


# --- image references -----------------------------------------------------------------------

#: Attributes whose value is a repository address without a tag (``…/repo``).
REPOSITORY_ADDRESS_ATTRIBUTES = ("repository_url", "registry_uri")


@dataclass(frozen=True)
class MutableImage:
    """Why an image reference is mutable: ``kind`` is ``latest`` or ``untagged``."""

    kind: str
    shown: str
    resolved: Resolved | None = None


def classify_reference(reference: str) -> str | None:
    """``latest``, ``untagged`` or None (pinned by tag or digest, or not a plain reference)."""
    ref = reference.strip()
    if not ref or "${" in ref or any(c.isspace() for c in ref):
        return None
    if "@" in ref:
        return None
    last = ref.rsplit("/", 1)[-1]
    if ":" in last:
        return "latest" if last.rsplit(":", 1)[1].lower() == "latest" else None
    return "untagged"


def _names_repository_address(expression: str) -> bool:
    text = expression.strip().lstrip("${").rstrip("}").strip()
    parts = text.split(".")
    return len(parts) >= 3 and parts[-1] in REPOSITORY_ADDRESS_ATTRIBUTES


def _classify_template(node: Scalar) -> str | None:
    parts = template_parts(node)
    if not parts or len(parts) < 3:
        return None
    tail = parts[-1]
    if "@" in tail:
        return None
    if "/" in tail:
        return classify_reference("x/" + tail.rsplit("/", 1)[-1])
    if ":" in tail:
        tag = tail.rsplit(":", 1)[1]
        if not tag:
            return None
        return "latest" if tag.lower() == "latest" else None
    if not tail and _names_repository_address(parts[-2]):
        return "untagged"
    return None


def mutable_image(module: TerraformModuleDocument, value: Value) -> MutableImage | None:
    """Whether an image reference is ``:latest`` or has no tag (after following variables)."""
    if value.text is not None:
        kind = classify_reference(value.text)
        return MutableImage(kind, value.text) if kind else None
    if value.node is None:
        return None
    found = module.evaluate(value.node)
    node = found.node
    if not isinstance(node, Scalar):
        return None
    resolved = found if found.followed else None
    if node.tag == "str":
        kind = classify_reference(str(node.value))
        return MutableImage(kind, str(node.value), resolved) if kind else None
    if node.tag == "template":
        kind = _classify_template(node)
        return MutableImage(kind, str(node.value).strip('"'), resolved) if kind else None
    if node.tag == "expr" and _names_repository_address(str(node.value)):
        return MutableImage("untagged", str(node.value), resolved)
    return None
