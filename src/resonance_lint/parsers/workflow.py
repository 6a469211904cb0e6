"""GitHub Actions workflows and composite actions -> :class:`WorkflowDocument`.

One document type serves both ``.github/workflows/*.yml`` (``kind == "workflow"``) and action
metadata files ``action.yml``/``action.yaml`` (``kind == "action"``). Every model element keeps
the node it came from, so rules point at exact keys and values. Nothing here validates: a
malformed but parsable file gives a document with the missing parts set to ``None``/empty, and
GHA106 reports the structural errors.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import ClassVar

from ..model import Document, Mapping, Node, Scalar, Sequence, Source, Span, Target
from .shell import POSIX_SHELLS, Command, ShellScript, split_script
from .yaml import DuplicateKey, Expression, YamlScalar, expressions, locate

__all__ = [
    "Concurrency",
    "DuplicateKey",
    "Expression",
    "Job",
    "Step",
    "Trigger",
    "Uses",
    "WorkflowDocument",
    "expressions",
    "locate",
    "parse",
    "parse_uses",
    "walk_scalars",
]

ACTION_FILENAMES = frozenset({"action.yml", "action.yaml"})
_SHA_RE = re.compile(r"[0-9a-f]{40}\Z")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_EMPTY_SPAN = Span(1, 1, 1, 1)
_EMPTY_MAPPING = Mapping((), _EMPTY_SPAN)

#: How GitHub runs a ``run:`` script for each built-in ``shell`` (``{0}`` is the script file).
BUILTIN_SHELLS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "bash": ("bash", "--noprofile", "--norc", "-eo", "pipefail", "{0}"),
        "sh": ("sh", "-e", "{0}"),
        "pwsh": ("pwsh", "-command", ". '{0}'"),
        "powershell": ("powershell", "-command", ". '{0}'"),
        "cmd": ("cmd", "/D", "/E:ON", "/V:OFF", "/S", "/C", 'CALL "{0}"'),
        "python": ("python", "{0}"),
    }
)
#: The shell of a step that names none (and has no ``defaults.run.shell``) on Linux/macOS.
DEFAULT_SHELL = ("bash", "-e", "{0}")
#: Shells whose scripts are split without POSIX quoting (no ``\\`` escapes or ``'`` quotes).
NON_POSIX_SHELLS = frozenset({"pwsh", "powershell", "cmd"})


@dataclass(frozen=True)
class Uses:
    """A parsed ``uses:`` reference.

    ``kind`` is ``"local"`` (``./path``), ``"docker"`` (``docker://image``) or ``"remote"``
    (``owner/repo[/path]@ref``). For remote references ``owner``, ``repo``, ``path`` and ``ref``
    are filled (``ref`` is ``None`` when there is no ``@``); ``ref_offset`` is the offset of the
    ref in the scalar's value. ``action`` is ``owner/repo[/path]`` lowercased, for table lookups.
    """

    text: str
    kind: str
    owner: str = ""
    repo: str = ""
    path: str = ""
    ref: str | None = None
    ref_offset: int = -1

    @property
    def action(self) -> str:
        base = f"{self.owner}/{self.repo}".lower()
        return f"{base}/{self.path.lower()}" if self.path else base

    @property
    def is_sha_pinned(self) -> bool:
        return self.ref is not None and _SHA_RE.match(self.ref) is not None

    @property
    def is_reusable_workflow(self) -> bool:
        lowered = self.path.lower()
        return lowered.startswith(".github/workflows/") and lowered.endswith((".yml", ".yaml"))


def parse_uses(text: str) -> Uses:
    """Split a ``uses:`` value into its parts."""
    value = text.strip()
    if value.startswith("./") or value.startswith("../") or value == ".":
        return Uses(text, "local")
    if value.lower().startswith("docker://"):
        return Uses(text, "docker")
    at = text.rfind("@")
    name, ref, ref_offset = (text, None, -1) if at == -1 else (text[:at], text[at + 1 :], at + 1)
    parts = name.strip().split("/")
    owner = parts[0] if parts else ""
    repo = parts[1] if len(parts) > 1 else ""
    path = "/".join(parts[2:])
    return Uses(text, "remote", owner, repo, path, ref, ref_offset)


@dataclass(frozen=True)
class Trigger:
    """One event of ``on``: its name, the scalar naming it, and its configuration (if any)."""

    name: str
    key: Scalar
    config: Node | None = None


@dataclass(frozen=True)
class Concurrency:
    """``concurrency`` as a string (group only) or a mapping."""

    node: Node
    group: Scalar | None
    cancel_in_progress: Scalar | None


@dataclass(frozen=True)
class Step:
    """One step of a job (or of a composite action's ``runs.steps``)."""

    node: Node
    index: int
    id: Scalar | None = None
    name: Scalar | None = None
    uses: Scalar | None = None
    run: Scalar | None = None
    with_: Mapping | None = None
    env: Mapping | None = None
    shell: Scalar | None = None
    working_directory: Scalar | None = None
    if_: Node | None = None

    @property
    def span(self) -> Span:
        return self.node.span

    @property
    def mapping(self) -> Mapping | None:
        return self.node if isinstance(self.node, Mapping) else None

    @cached_property
    def action(self) -> Uses | None:
        """The parsed ``uses`` (``None`` for ``run`` steps)."""
        if self.uses is None or not isinstance(self.uses.value, str):
            return None
        return parse_uses(self.uses.value)

    def uses_action(self, *names: str) -> bool:
        """Whether the step uses one of ``names`` (``owner/repo[/path]``, case-insensitive)."""
        found = self.action
        return found is not None and found.kind == "remote" and found.action in names

    @property
    def run_text(self) -> str | None:
        return self.run.value if self.run is not None and isinstance(self.run.value, str) else None

    def input(self, name: str) -> Node | None:
        return self.with_.get(name) if self.with_ is not None else None

    @property
    def label(self) -> str:
        if self.name is not None and self.name.value not in (None, ""):
            return str(self.name.value)
        if self.id is not None and self.id.value not in (None, ""):
            return str(self.id.value)
        if self.uses is not None:
            return str(self.uses.value)
        return f"step {self.index + 1}"


@dataclass(frozen=True)
class Job:
    """One entry of ``jobs``: a normal job (``runs-on`` + ``steps``) or a reusable-workflow call."""

    id: str
    key: Scalar
    node: Node
    name: Scalar | None = None
    runs_on: Node | None = None
    needs: tuple[Scalar, ...] = ()
    needs_node: Node | None = None
    if_: Node | None = None
    environment: Node | None = None
    timeout_minutes: Node | None = None
    container: Node | None = None
    services: Mapping | None = None
    strategy: Mapping | None = None
    permissions: Node | None = None
    concurrency: Concurrency | None = None
    env: Mapping | None = None
    defaults: Mapping | None = None
    steps: tuple[Step, ...] = ()
    steps_node: Node | None = None
    uses: Scalar | None = None
    with_: Mapping | None = None
    secrets: Node | None = None

    @property
    def mapping(self) -> Mapping | None:
        return self.node if isinstance(self.node, Mapping) else None

    @property
    def is_call(self) -> bool:
        """Whether the job calls a reusable workflow (``jobs.<id>.uses``)."""
        return self.uses is not None

    @property
    def display_name(self) -> str:
        if self.name is not None and isinstance(self.name.value, str) and self.name.value:
            return self.name.value
        return self.id

    @property
    def environment_name(self) -> Scalar | None:
        """The environment's name (``environment: prod`` or ``environment: {name: prod}``)."""
        env = self.environment
        if isinstance(env, Scalar):
            return env
        if isinstance(env, Mapping):
            return env.scalar("name")
        return None


@dataclass(frozen=True)
class WorkflowDocument(Document):
    """A workflow (``kind == "workflow"``) or an action metadata file (``kind == "action"``)."""

    target: ClassVar[Target] = Target.WORKFLOW

    kind: str = "workflow"
    root_node: Node | None = None
    root: Mapping = _EMPTY_MAPPING
    name: Scalar | None = None
    on_key: Scalar | None = None
    on_node: Node | None = None
    triggers: tuple[Trigger, ...] = ()
    permissions: Node | None = None
    concurrency: Concurrency | None = None
    env: Mapping | None = None
    defaults: Mapping | None = None
    jobs_node: Node | None = None
    jobs: tuple[Job, ...] = ()
    runs: Mapping | None = None
    steps: tuple[Step, ...] = ()
    duplicates: tuple[DuplicateKey, ...] = ()

    @property
    def is_action(self) -> bool:
        return self.kind == "action"

    def job(self, job_id: str) -> Job | None:
        for job in self.jobs:
            if job.id == job_id:
                return job
        return None

    @cached_property
    def trigger_names(self) -> frozenset[str]:
        return frozenset(t.name for t in self.triggers)

    def trigger(self, name: str) -> Trigger | None:
        for found in self.triggers:
            if found.name == name:
                return found
        return None

    def all_steps(self) -> Iterator[tuple[Job | None, Step]]:
        """Every step: ``(job, step)`` for workflows, ``(None, step)`` for composite actions."""
        for job in self.jobs:
            for step in job.steps:
                yield job, step
        for step in self.steps:
            yield None, step

    def locate(self, scalar: Scalar, start: int, end: int) -> Span:
        """The span of ``scalar.value[start:end]`` in this file."""
        return locate(self.source, scalar, start, end)

    def commands(self, step: Step) -> tuple[Command, ...]:
        """Shell commands a step runs, with exact spans.

        ``run`` scripts give their commands (:meth:`script`, nested ``$(...)`` and ``sh -c``
        commands included); ``superfly/flyctl-actions`` gives ``flyctl <args>`` (the ``flyctl``
        word has the empty span at the start of ``args``).
        """
        if step.run is not None:
            script = self.script(step)
            return script.commands if script is not None else ()
        if not step.uses_action("superfly/flyctl-actions"):
            return ()
        args = step.input("args")
        if not isinstance(args, Scalar) or not isinstance(args.value, str):
            return ()
        prefix = "flyctl "
        scalar: Scalar = args

        def span_of(start: int, end: int) -> Span:
            shift = len(prefix)
            return self.locate(scalar, max(start - shift, 0), max(end - shift, 0))

        return split_script(prefix + args.value, span_of, github_expressions=True).commands

    def script(self, step: Step) -> ShellScript | None:
        """The commands of ``step``'s ``run:`` script, split once per document and cached.

        Words carry their exact spans in this file and ``${{ ... }}`` expressions stay inside
        one word. ``None`` when the step has no ``run`` string or its shell is not a command
        shell (``python``, ``perl {0}``…). The shell is the step's ``shell``, else the job's or
        the workflow's ``defaults.run.shell``; ``pwsh``/``powershell``/``cmd`` scripts are split
        with ``posix=False``. Without any of these, or with a shell given by an expression, the
        script counts as bash (``runs-on`` is not looked at: Windows runners would use pwsh).
        """
        run = step.run
        if run is None or not isinstance(run.value, str):
            return None
        cache = self._scripts
        entry = cache.get(id(step))
        if entry is not None and entry[0] is step:
            return entry[1]
        argv = self.shell_of(step)
        program = _program(argv[0]) if argv else ""
        found: ShellScript | None = None
        if program in POSIX_SHELLS or program in NON_POSIX_SHELLS:
            found = split_script(
                run.value,
                _ValueSpans(self.source, run),
                posix=program not in NON_POSIX_SHELLS,
                shell=argv,
                github_expressions=True,
            )
        cache[id(step)] = (step, found)
        return found

    def shell_of(self, step: Step) -> tuple[str, ...]:
        """The command line GitHub runs ``step``'s script with (``{0}``: the script file)."""
        node = step.shell
        if node is None:
            job = self._job_of(step)
            node = _default_shell(job.defaults if job is not None else None) or _default_shell(
                self.defaults
            )
        value = node.value if node is not None else None
        if not isinstance(value, str) or not value.strip() or "${{" in value:
            return DEFAULT_SHELL
        value = value.strip()
        return BUILTIN_SHELLS.get(value) or tuple(value.split())

    def _job_of(self, step: Step) -> Job | None:
        for job in self.jobs:
            if any(s is step for s in job.steps):
                return job
        return None

    @cached_property
    def _scripts(self) -> dict[int, tuple[Step, ShellScript | None]]:
        """``id(step) -> (step, script)``; the step is kept to check identity on lookup."""
        return {}

    @cached_property
    def _continuations(self) -> tuple[tuple[int, int, int], ...]:
        """``(first_line, last_line, key_line)`` of multi-line scalar values under a key."""
        return tuple(
            sorted(
                (key.span.line + 1, value.span.end_line, key.span.line)
                for key, value in _walk_pairs(self.root_node)
                if isinstance(value, Scalar) and value.span.end_line > key.span.line
            )
        )

    def statement_start(self, line: int) -> int:
        """Lines inside a multi-line scalar (``run: |``) belong to the line of its key."""
        for first, last, key_line in self._continuations:
            if first > line:
                break
            if line <= last:
                return key_line
        return line


class _ValueSpans:
    """``(start, end)`` offsets of a scalar's value -> spans in the file.

    The same spans as :func:`locate`, but a literal block scalar (``run: |``, nearly every
    script) is mapped with a table of its line starts built once, instead of re-scanning the
    scalar for every word.
    """

    __slots__ = ("lines", "scalar", "size", "source", "starts")

    def __init__(self, source: Source, scalar: Scalar) -> None:
        self.source = source
        self.scalar = scalar
        self.size = len(scalar.value) if isinstance(scalar.value, str) else 0
        self.lines: list[int] = []  # value offset of each line start
        self.starts: list[int] = []  # source offset of the same place
        if isinstance(scalar, YamlScalar) and scalar.style == "|" and not self._build(scalar):
            self.lines, self.starts = [], []

    def _build(self, scalar: YamlScalar) -> bool:
        """Fill the table; False when a value line is not its source line's end."""
        text = self.source.text
        value = scalar.value
        assert isinstance(value, str)
        brk = _LINE_BREAK.search(text, scalar.start, scalar.end)
        offset = 0
        for number, line in enumerate(value.split("\n")):
            if number and brk is not None:
                brk = _LINE_BREAK.search(text, brk.end(), scalar.end)
            if brk is None:
                return False
            nxt = _LINE_BREAK.search(text, brk.end())
            line_end = nxt.start() if nxt is not None else len(text)
            if not text.endswith(line, brk.end(), line_end):
                return False
            self.lines.append(offset)
            self.starts.append(line_end - len(line))
            offset += len(line) + 1
        return True

    def _map(self, offset: int) -> int:
        index = bisect.bisect_right(self.lines, offset) - 1
        return self.starts[index] + offset - self.lines[index]

    def __call__(self, start: int, end: int) -> Span:
        if self.lines and 0 <= start <= end <= self.size:
            return self.source.span_of(self._map(start), self._map(end))
        return locate(self.source, self.scalar, start, end)


def _program(word: str) -> str:
    """``/usr/bin/bash`` -> ``bash``; ``C:\\...\\pwsh.exe`` -> ``pwsh``."""
    name = word.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name[:-4] if name.endswith(".exe") else name


def _default_shell(defaults: Mapping | None) -> Scalar | None:
    run = defaults.mapping("run") if defaults is not None else None
    return run.scalar("shell") if run is not None else None


def _walk_pairs(node: Node | None) -> Iterator[tuple[Scalar, Node]]:
    seen: set[int] = set()
    stack: list[Node] = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, Mapping):
            for pair in current.pairs:
                yield pair.key, pair.value
                if not isinstance(pair.value, Scalar):
                    stack.append(pair.value)
        elif isinstance(current, Sequence):
            stack.extend(item for item in current.items if not isinstance(item, Scalar))


def walk_scalars(node: Node | None, *, keys: bool = False) -> Iterator[Scalar]:
    """Every scalar value under ``node`` (and keys when ``keys``); shared subtrees once."""
    seen: set[int] = set()
    stack: list[Node] = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, Scalar):
            yield current
            continue
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, Mapping):
            for pair in reversed(current.pairs):
                stack.append(pair.value)
                if keys:
                    stack.append(pair.key)
        else:
            stack.extend(reversed(current.items))


# --- building the model -----------------------------------------------------------------------


def _concurrency(node: Node | None) -> Concurrency | None:
    if node is None:
        return None
    if isinstance(node, Scalar):
        return Concurrency(node, node, None)
    if isinstance(node, Mapping):
        return Concurrency(node, node.scalar("group"), node.scalar("cancel-in-progress"))
    return Concurrency(node, None, None)


def _triggers(node: Node | None) -> tuple[Trigger, ...]:
    if isinstance(node, Scalar):
        return (Trigger(str(node.value), node),) if node.value not in (None, "") else ()
    if isinstance(node, Sequence):
        return tuple(
            Trigger(str(item.value), item) for item in node.items if isinstance(item, Scalar)
        )
    if isinstance(node, Mapping):
        return tuple(Trigger(str(p.key.value), p.key, p.value) for p in node.pairs)
    return ()


def _step(node: Node, index: int) -> Step:
    if not isinstance(node, Mapping):
        return Step(node, index)
    return Step(
        node,
        index,
        id=node.scalar("id"),
        name=node.scalar("name"),
        uses=node.scalar("uses"),
        run=node.scalar("run"),
        with_=node.mapping("with"),
        env=node.mapping("env"),
        shell=node.scalar("shell"),
        working_directory=node.scalar("working-directory"),
        if_=node.get("if"),
    )


def _steps(node: Node | None) -> tuple[Step, ...]:
    if isinstance(node, Sequence):
        return tuple(_step(item, i) for i, item in enumerate(node.items))
    return ()


def _needs(node: Node | None) -> tuple[Scalar, ...]:
    if isinstance(node, Scalar):
        return (node,) if node.value not in (None, "") else ()
    if isinstance(node, Sequence):
        return tuple(item for item in node.items if isinstance(item, Scalar))
    return ()


def _job(key: Scalar, node: Node) -> Job:
    job_id = str(key.value)
    if not isinstance(node, Mapping):
        return Job(job_id, key, node)
    steps_node = node.get("steps")
    needs_node = node.get("needs")
    return Job(
        job_id,
        key,
        node,
        name=node.scalar("name"),
        runs_on=node.get("runs-on"),
        needs=_needs(needs_node),
        needs_node=needs_node,
        if_=node.get("if"),
        environment=node.get("environment"),
        timeout_minutes=node.get("timeout-minutes"),
        container=node.get("container"),
        services=node.mapping("services"),
        strategy=node.mapping("strategy"),
        permissions=node.get("permissions"),
        concurrency=_concurrency(node.get("concurrency")),
        env=node.mapping("env"),
        defaults=node.mapping("defaults"),
        steps=_steps(steps_node),
        steps_node=steps_node,
        uses=node.scalar("uses"),
        with_=node.mapping("with"),
        secrets=node.get("secrets"),
    )


def document_kind(path: str) -> str:
    """``"action"`` for ``action.yml``/``action.yaml``, else ``"workflow"``."""
    return "action" if posixpath.basename(path).lower() in ACTION_FILENAMES else "workflow"


def parse(source: Source) -> WorkflowDocument:
    """Parse a workflow or action file (raises :class:`~resonance_lint.errors.ParseError`)."""
    from .yaml import load

    tree = load(source)
    kind = document_kind(source.path)
    root_node = tree.root
    root = root_node if isinstance(root_node, Mapping) else _EMPTY_MAPPING
    on_pair = root.pair("on")
    jobs_node = root.get("jobs")
    jobs: tuple[Job, ...] = ()
    if kind == "workflow" and isinstance(jobs_node, Mapping):
        jobs = tuple(_job(p.key, p.value) for p in jobs_node.pairs)
    runs = root.mapping("runs") if kind == "action" else None
    steps = _steps(runs.get("steps")) if runs is not None else ()
    return WorkflowDocument(
        source,
        kind=kind,
        root_node=root_node,
        root=root,
        name=root.scalar("name"),
        on_key=on_pair.key if on_pair is not None else None,
        on_node=on_pair.value if on_pair is not None else None,
        triggers=_triggers(on_pair.value) if on_pair is not None else (),
        permissions=root.get("permissions"),
        concurrency=_concurrency(root.get("concurrency")),
        env=root.mapping("env"),
        defaults=root.mapping("defaults"),
        jobs_node=jobs_node,
        jobs=jobs,
        runs=runs,
        steps=steps,
        duplicates=tree.duplicates,
    )
