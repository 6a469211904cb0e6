from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.dockerfile import DockerfileDocument
from ..base import RuleContext, rule
from ._common import copy_like, expand

_PORT = re.compile(r"(\d+)(?:-(\d+))?(?:/(tcp|udp|sctp))?$", re.I)


@rule(
    code="DF403",
    name="ssh-port-exposed",
    target=Target.DOCKERFILE,
    category=Category.SECURITY,
    severity=Severity.WARNING,
    summary="`EXPOSE 22`",
    security_severity=5.0,
)
def ssh_port_exposed(doc: DockerfileDocument, ctx: RuleContext) -> Iterator[Problem]:
    for instr in copy_like(doc, "EXPOSE"):
        for word in instr.words:
            value, known = expand(doc, instr, word.value)
            match = _PORT.match(value) if known else None
            if match is None:
                continue
            low = int(match.group(1))
            high = int(match.group(2) or low)
            protocol = (match.group(3) or "tcp").lower()
            if protocol == "tcp" and low <= 22 <= high:
                yield Problem(
                    word.span,
                    f"EXPOSE {value} publishes the SSH port: running sshd in a container widens "
                    "the attack surface; use `docker exec`/`fly ssh console` for access",
                )
