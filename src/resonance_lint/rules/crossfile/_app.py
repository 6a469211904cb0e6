"""Helpers of the XF rules over a fly.toml and its Dockerfile."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...links import stage_chain
from ...model import Scalar, Span
from ...parsers.dockerfile import DockerfileDocument, Instruction, Stage, expand_variables

_PORT = re.compile(r"^(\d{1,5})(?:/(?:tcp|udp))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Port:
    number: int
    span: Span
    how: str  # "EXPOSE" or "ENV PORT"


def variables(doc: DockerfileDocument, stage: Stage) -> dict[str, str | None]:
    """ARG defaults (global and of the chain) and ENV values in force in ``stage``."""
    found: dict[str, str | None] = {}
    for instr in doc.global_args:
        for pair in instr.pairs:
            found[pair.key] = pair.value
    for link in reversed(stage_chain(doc, stage)):
        for instr in link.instructions:
            if instr.keyword in ("ARG", "ENV"):
                for pair in instr.pairs:
                    if pair.value is not None or pair.key not in found:
                        found[pair.key] = pair.value
    return found


def listening_ports(doc: DockerfileDocument, stage: Stage) -> tuple[Port, ...]:
    """Ports the image says it listens on: EXPOSE, and ENV PORT (what most apps read)."""
    values = variables(doc, stage)
    ports: list[Port] = []
    for link in stage_chain(doc, stage):
        for instr in link.instructions:
            if instr.keyword == "EXPOSE":
                for word in instr.words:
                    text, known = expand_variables(word.value, values, doc.escape)
                    match = _PORT.match(text.strip()) if known else None
                    if match:
                        ports.append(Port(int(match.group(1)), word.span, "EXPOSE"))
            elif instr.keyword == "ENV":
                for pair in instr.pairs:
                    if pair.key == "PORT" and pair.value is not None:
                        text, known = expand_variables(pair.value, values, doc.escape)
                        if known and text.strip().isdigit():
                            span = pair.value_span or pair.key_span
                            ports.append(Port(int(text.strip()), span, "ENV PORT"))
    return tuple(ports)


def command_instructions(
    doc: DockerfileDocument, stage: Stage
) -> tuple[Instruction | None, Instruction | None]:
    """(ENTRYPOINT, CMD) in force for ``stage``.

    Walks from the farthest local base to ``stage``: an ENTRYPOINT resets a CMD inherited from
    an earlier stage (as Docker does), a CMD of the same stage stays.
    """
    entrypoint: Instruction | None = None
    cmd: Instruction | None = None
    for link in reversed(stage_chain(doc, stage)):
        link_entry = [i for i in link.instructions if i.keyword == "ENTRYPOINT"]
        link_cmd = [i for i in link.instructions if i.keyword == "CMD"]
        if link_entry:
            entrypoint = link_entry[-1]
            cmd = None
        if link_cmd:
            cmd = link_cmd[-1]
    return entrypoint, cmd


def int_value(node: Scalar | None) -> int | None:
    if node is None or isinstance(node.value, bool):
        return None
    if isinstance(node.value, int):
        return node.value
    if isinstance(node.value, str) and node.value.strip().isdigit():
        return int(node.value.strip())
    return None
