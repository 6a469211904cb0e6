"""Baselines: accept today's findings, report only new ones.

The file is JSON: ``{"version": 1, "tool": "resonance-lint", "findings": [{"fingerprint",
"code", "path"}]}``. A fingerprint is a hash of rule + path + the finding's line with all
whitespace removed + its occurrence among identical lines, so it survives line moves and
re-indentation. Secret findings hash the secret's hash instead of the line: the baseline never
holds a secret or the line around it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .errors import ResonanceError
from .model import Finding

VERSION = 1


def load(path: str) -> frozenset[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ResonanceError(f"baseline file not found: {path}") from None
    except (OSError, ValueError) as exc:
        raise ResonanceError(f"cannot read baseline {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ResonanceError(f"{path}: not a resonance-lint baseline (version {VERSION})")
    items = data.get("findings", [])
    if not isinstance(items, list):
        raise ResonanceError(f"{path}: `findings` must be a list")
    return frozenset(
        str(item["fingerprint"])
        for item in items
        if isinstance(item, dict) and "fingerprint" in item
    )


def dump(findings: Iterable[Finding]) -> str:
    items = [
        {"fingerprint": f.fingerprint, "code": f.code, "path": f.path}
        for f in sorted(findings, key=lambda f: (f.path, f.code, f.fingerprint))
    ]
    payload = {"version": VERSION, "tool": "resonance-lint", "findings": items}
    return json.dumps(payload, indent=2) + "\n"


def write(path: str, findings: Iterable[Finding]) -> None:
    from .cli import write_atomic

    write_atomic(path, dump(findings))
