"""Helpers shared by the Dockerfile rules: RUN commands, stage graph, variables, users."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ...parsers.dockerfile import DockerfileDocument, Instruction, Stage, expand_variables
from ...parsers.shell import Command

ROOT_USERS = frozenset({"root", "0", "containeradministrator"})


def run_instructions(doc: DockerfileDocument) -> Iterator[Instruction]:
    """Every RUN, including the RUN triggers of ONBUILD."""
    for instr in doc.instructions:
        if instr.keyword == "RUN":
            yield instr
        elif instr.trigger is not None and instr.trigger.keyword == "RUN":
            yield instr.trigger


def run_commands(doc: DockerfileDocument) -> Iterator[tuple[Instruction, Command]]:
    """Every simple command of every RUN (nested ones included), with its instruction."""
    for instr in run_instructions(doc):
        if instr.script is not None:
            for command in instr.script.commands:
                yield instr, command


def copy_like(doc: DockerfileDocument, *keywords: str) -> Iterator[Instruction]:
    """Instructions with one of ``keywords``, including ONBUILD triggers."""
    for instr in doc.instructions:
        if instr.keyword in keywords:
            yield instr
        elif instr.trigger is not None and instr.trigger.keyword in keywords:
            yield instr.trigger


def global_variables(doc: DockerfileDocument) -> dict[str, str | None]:
    """Values of the ARGs declared before the first FROM (None: no default)."""
    values: dict[str, str | None] = {}
    for instr in doc.global_args:
        for pair in instr.pairs:
            value = pair.value
            if value is not None:
                value, ok = expand_variables(value, values, doc.escape)
                value = value if ok else None
            values[pair.key] = value
    return values


def variables_at(doc: DockerfileDocument, target: Instruction) -> dict[str, str | None]:
    """ARG and ENV values visible at ``target`` (ENV inherited from base stages included)."""
    globals_ = global_variables(doc)
    if target.stage < 0:
        return globals_
    inherited: dict[str, str | None] = {}
    for stage in reversed(list(stage_chain(doc, doc.stages[target.stage]))):
        local = dict(inherited)
        env: dict[str, str | None] = dict(inherited)
        for instr in stage.instructions[1:]:
            if instr is target:
                return local
            if instr.keyword not in ("ARG", "ENV"):
                continue
            for pair in instr.pairs:
                value = pair.value
                if value is None:
                    value = globals_.get(pair.key) if instr.keyword == "ARG" else None
                else:
                    value, ok = expand_variables(value, local, doc.escape)
                    value = value if ok else None
                local[pair.key] = value
                if instr.keyword == "ENV":
                    env[pair.key] = value
        if stage.index == target.stage:
            return local
        inherited = env
    return inherited


def stage_chain(doc: DockerfileDocument, stage: Stage) -> Iterator[Stage]:
    """``stage`` and then its base stages (``FROM builder``), nearest first."""
    seen: set[int] = set()
    current: Stage | None = stage
    while current is not None and current.index not in seen:
        seen.add(current.index)
        yield current
        base = current.base_stage
        current = doc.stages[base] if base is not None and base < current.index else None


def resolve_stage(doc: DockerfileDocument, reference: str, before: int) -> Stage | None:
    """The stage that ``--from=reference`` names among stages before index ``before``."""
    if reference.isdigit():
        index = int(reference)
        return doc.stages[index] if index < before and index < len(doc.stages) else None
    lowered = reference.lower()
    for stage in doc.stages[:before]:
        if stage.name == lowered:
            return stage
    return None


def stage_sources(instr: Instruction) -> Iterator[tuple[str, object]]:
    """``(reference, flag)`` for ``COPY --from=`` and ``RUN --mount=...,from=``."""
    if instr.keyword in ("COPY", "ADD"):
        for flag in instr.flags_named("from"):
            if flag.value:
                yield flag.value, flag
    elif instr.keyword == "RUN":
        for flag in instr.flags_named("mount"):
            source = flag.fields().get("from")
            if source:
                yield source, flag


def _graph(doc: DockerfileDocument) -> tuple[frozenset[int], frozenset[int]]:
    """(stages referenced by a later stage, stages used as a FROM base by a later stage)."""
    referenced: set[int] = set()
    bases: set[int] = set()
    globals_ = global_variables(doc)
    for stage in doc.stages:
        if stage.base_stage is not None:
            referenced.add(stage.base_stage)
            bases.add(stage.base_stage)
        for instr in stage.instructions[1:]:
            for reference, _flag in stage_sources(instr):
                value, ok = expand_variables(reference, globals_, doc.escape)
                found = resolve_stage(doc, value, stage.index) if ok else None
                if found is not None:
                    referenced.add(found.index)
    return frozenset(referenced), frozenset(bases)


def target_stages(doc: DockerfileDocument) -> tuple[Stage, ...]:
    """Stages that can be a build's result: the final stage and stages no other stage uses."""
    referenced, _bases = _graph(doc)
    last = len(doc.stages) - 1
    return tuple(s for s in doc.stages if s.index == last or s.index not in referenced)


def shipped_stages(doc: DockerfileDocument) -> frozenset[int]:
    """Indexes of stages whose layers end up in a target image (targets and their bases)."""
    shipped: set[int] = set()
    for stage in target_stages(doc):
        shipped.update(s.index for s in stage_chain(doc, stage))
    return frozenset(shipped)


def user_part(value: str) -> str:
    """``root:root`` -> ``root``; ``0:0`` -> ``0``."""
    return value.split(":", 1)[0].strip()


def is_root(user: str) -> bool:
    return user_part(user).lower() in ROOT_USERS


def expand(doc: DockerfileDocument, instr: Instruction, text: str) -> tuple[str, bool]:
    """``text`` with the variables visible at ``instr`` substituted."""
    if "$" not in text:
        return text, True
    return expand_variables(text, variables_at(doc, instr), doc.escape)


def basename(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def mapping_get(options: Mapping[str, object], name: str) -> tuple[str, ...]:
    """A tuple-of-strings option (config may give a list or a single string)."""
    value = options.get(name, ())
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()
