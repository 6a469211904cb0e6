"""The explicit rule registry: every rule that ships, one package per target.

Each target package lists its rules explicitly in its ``RULES`` tuple (code order); ``PACKAGES``
below lists the packages. Nothing registers itself.

A package is imported only when a run needs it: a Dockerfile-only run (pre-commit on one
changed file) loads the Dockerfile and secret rules, not the Terraform, fly.toml or workflow
parsers. Looking a rule up by code or code prefix loads just its package; by name, or listing
every rule (``resonance-lint rules``, the checklist), loads them all.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .errors import ResonanceError
from .model import Target
from .rules.base import Rule

# Code prefix -> the package whose RULES tuple lists that prefix's rules, in catalogue order.
PACKAGES: Mapping[str, str] = MappingProxyType(
    {
        "RL": "resonance_lint.rules.engine",
        "DF": "resonance_lint.rules.dockerfile",
        "FLY": "resonance_lint.rules.fly",
        "TF": "resonance_lint.rules.terraform",
        "GHA": "resonance_lint.rules.workflow",
        "SEC": "resonance_lint.rules.text",
        "XF": "resonance_lint.rules.crossfile",
    }
)
# Which packages a scanned target needs. Cross-file rules need two targets, one of which is
# always a fly.toml, a workflow, a migration or Terraform (XF203).
_BY_TARGET: Mapping[Target, tuple[str, ...]] = MappingProxyType(
    {
        Target.DOCKERFILE: ("DF",),
        Target.FLY: ("FLY", "XF"),
        Target.TERRAFORM: ("TF", "XF"),
        Target.WORKFLOW: ("GHA", "XF"),
        Target.MIGRATION: ("XF",),
        Target.TEXT: ("SEC",),
    }
)
_CODE = re.compile(r"([A-Za-z]+)\d{0,3}")


@dataclass(frozen=True)
class Registry:
    """Rules by code, name and prefix. ``given`` replaces the shipped rules (tests)."""

    given: tuple[Rule[Any], ...] | None = None

    def _loaded(self) -> dict[str, tuple[Rule[Any], ...]]:
        memo: dict[str, tuple[Rule[Any], ...]] | None = self.__dict__.get("_memo")
        if memo is None:
            memo = {}
            self.__dict__["_memo"] = memo
        return memo

    def package(self, prefix: str) -> tuple[Rule[Any], ...]:
        """The rules of one code prefix (``DF``), importing its package once."""
        if self.given is not None:
            return tuple(r for r in self.given if _prefix(r.code) == prefix)
        memo = self._loaded()
        if prefix not in memo:
            if prefix not in PACKAGES:
                return ()
            rules: tuple[Rule[Any], ...] = importlib.import_module(PACKAGES[prefix]).RULES
            memo[prefix] = rules
        return memo[prefix]

    @property
    def prefixes(self) -> tuple[str, ...]:
        if self.given is not None:
            return tuple(dict.fromkeys(_prefix(r.code) for r in self.given))
        return tuple(PACKAGES)

    @property
    def rules(self) -> tuple[Rule[Any], ...]:
        """Every rule (imports every package)."""
        if self.given is not None:
            return self.given
        return tuple(r for prefix in PACKAGES for r in self.package(prefix))

    def _index(self, key: str) -> dict[str, Rule[Any]]:
        memo: dict[str, dict[str, Rule[Any]]] = self.__dict__.setdefault("_indexes", {})
        if key not in memo:
            memo[key] = {getattr(r, key): r for r in self.rules}
        return memo[key]

    def for_targets(
        self, targets: Iterable[Target], selectors: Iterable[str] | None = None
    ) -> tuple[Rule[Any], ...]:
        """The rules that can fire on a run over files of these targets (engine rules too).

        ``selectors`` (``--select``), when all are codes or prefixes, narrow the packages to
        load: ``--select GHA`` never imports the Dockerfile or cross-file rules.
        """
        if self.given is not None:
            return self.given
        wanted = {"RL"} | {p for t in targets for p in _BY_TARGET.get(t, ())}
        narrowed = _prefixes_of(selectors) if selectors is not None else None
        if narrowed is not None:
            wanted &= narrowed | {"RL"}
        return tuple(r for prefix in PACKAGES if prefix in wanted for r in self.package(prefix))

    @property
    def by_code(self) -> dict[str, Rule[Any]]:
        return self._index("code")

    @property
    def by_name(self) -> dict[str, Rule[Any]]:
        return self._index("name")

    def lookup(self, key: str) -> Rule[Any] | None:
        """A rule by exact code (case-insensitive) or name."""
        code = key.strip().upper()
        match = _CODE.fullmatch(code)
        if match is not None:
            for rule in self.package(match.group(1)):
                if rule.code == code:
                    return rule
        return self.by_name.get(key.strip().lower())

    def _with_prefix(self, selector: str) -> list[str]:
        upper = selector.upper()
        match = _CODE.fullmatch(upper)
        if match is None:
            return []
        candidates = [p for p in self.prefixes if p.startswith(match.group(1))]
        return [r.code for p in candidates for r in self.package(p) if r.code.startswith(upper)]

    def is_known(self, selector: str) -> bool:
        """Whether ``selector`` names a rule or is a code prefix of one (``DF``, ``DF2``)."""
        return bool(self._with_prefix(selector)) or self.lookup(selector) is not None

    def expand(self, selectors: Iterable[str]) -> frozenset[str]:
        """Codes matched by codes, names or prefixes; unknown selectors raise ResonanceError."""
        codes: set[str] = set()
        for selector in selectors:
            selector = selector.strip()
            if not selector:
                continue
            if selector.upper() == "ALL":
                codes.update(r.code for r in self.rules)
                continue
            prefixed = self._with_prefix(selector)
            if prefixed:
                codes.update(prefixed)
                continue
            found = self.lookup(selector)
            if found is None:
                raise ResonanceError(f"unknown rule code, name or prefix: {selector!r}")
            codes.add(found.code)
        return frozenset(codes)


def _prefixes_of(selectors: Iterable[str]) -> set[str] | None:
    """The packages that codes and prefixes such as ``DF``, ``GHA1``, ``TF205`` can name; None
    when a selector is a rule name or ``ALL`` (then any package may be named)."""
    found: set[str] = set()
    for selector in selectors:
        match = _CODE.fullmatch(selector.strip().upper())
        if match is None or selector.strip().upper() == "ALL":
            return None
        letters = match.group(1)
        found.update(p for p in PACKAGES if p.startswith(letters))
    return found


def _prefix(code: str) -> str:
    match = _CODE.fullmatch(code)
    return match.group(1) if match else code


def default_registry() -> Registry:
    return Registry()
