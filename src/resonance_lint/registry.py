"""The explicit rule registry: every rule that ships, one import per target.

Each target package lists its rules explicitly in its ``RULES`` tuple (code order); this module
puts them together and offers look-ups by code, name and prefix. Nothing registers itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .errors import ResonanceError
from .rules import engine
from .rules.base import Rule
from .rules.crossfile import RULES as CROSSFILE_RULES
from .rules.dockerfile import RULES as DOCKERFILE_RULES
from .rules.fly import RULES as FLY_RULES
from .rules.terraform import RULES as TERRAFORM_RULES
from .rules.text import RULES as TEXT_RULES
from .rules.workflow import RULES as WORKFLOW_RULES

ALL_RULES: tuple[Rule[Any], ...] = (
    *engine.RULES,
    *DOCKERFILE_RULES,
    *FLY_RULES,
    *TERRAFORM_RULES,
    *WORKFLOW_RULES,
    *TEXT_RULES,
    *CROSSFILE_RULES,
)


@dataclass(frozen=True)
class Registry:
    rules: tuple[Rule[Any], ...] = ALL_RULES

    @cached_property
    def by_code(self) -> dict[str, Rule[Any]]:
        return {r.code: r for r in self.rules}

    @cached_property
    def by_name(self) -> dict[str, Rule[Any]]:
        return {r.name: r for r in self.rules}

    def lookup(self, key: str) -> Rule[Any] | None:
        """A rule by exact code (case-insensitive) or name."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def is_known(self, selector: str) -> bool:
        """Whether ``selector`` names a rule or is a code prefix of one (``DF``, ``DF2``)."""
        return bool(self.lookup(selector)) or any(
            code.startswith(selector.upper()) for code in self.by_code
        )

    def expand(self, selectors: Iterable[str]) -> frozenset[str]:
        """Codes matched by codes, names or prefixes; unknown selectors raise ResonanceError."""
        codes: set[str] = set()
        for selector in selectors:
            selector = selector.strip()
            if not selector:
                continue
            found = self.lookup(selector)
            if found is not None:
                codes.add(found.code)
                continue
            prefixed = {c for c in self.by_code if c.startswith(selector.upper())}
            if not prefixed or selector.upper() == "ALL":
                if selector.upper() == "ALL":
                    codes.update(self.by_code)
                    continue
                raise ResonanceError(f"unknown rule code, name or prefix: {selector!r}")
            codes.update(prefixed)
        return frozenset(codes)


def default_registry() -> Registry:
    return Registry()
