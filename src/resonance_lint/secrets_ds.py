"""detect-secrets, in-process, behind a small pure interface.

detect-secrets has no string API and keeps its configuration in a process-wide singleton
(``detect_secrets.settings.get_settings()``); its ``analyze_line`` consults that singleton, may
run network verification when configured to, and its file scan wants real files. We use the
parts that are pure functions of a string instead, so we never mutate its settings and never
write temp files:

- ``KeywordDetector.analyze_string(line, denylist_regex_to_group=…)`` with the regex table
  detect-secrets itself picks for the file type (``REGEX_BY_FILETYPE``);
- ``Base64HighEntropyString`` / ``HexHighEntropyString``: ``analyze_string`` for the quoted
  candidates, ``calculate_shannon_entropy`` against the default limits (4.5 and 3.0);
- its heuristic filters (``detect_secrets.filters.heuristic``): sequential strings, UUIDs,
  templated secrets, ``$``-prefixed values, indirect references, id-like keys, non-alphanumeric.

Nothing here is imported until a candidate line needs it (the import costs ~100 ms: it pulls in
``requests``). The plugin objects are built once per process (``_engine`` is cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

__all__ = ["DetectSecrets", "engine"]


@dataclass(frozen=True)
class DetectSecrets:
    """The detect-secrets plugins and filters we use, built once."""

    keyword: Any
    keyword_tables: Any  # FileType -> {regex: group}
    keyword_default_table: Any
    determine_file_type: Callable[[str], Any]
    base64: Any
    hex: Any
    is_sequential_string: Callable[[str], bool]
    is_potential_uuid: Callable[[str], bool]
    is_templated_secret: Callable[[str], bool]
    is_prefixed_with_dollar_sign: Callable[[str], bool]
    is_indirect_reference: Callable[[str], bool]
    is_likely_id_string: Callable[..., bool]
    is_not_alphanumeric_string: Callable[[str], bool]

    def keyword_values(self, line: str, path: str) -> list[str]:
        """Values the Keyword plugin finds in ``line`` (file-type aware, unfiltered)."""
        table = self.keyword_tables.get(
            self.determine_file_type(path or "x.txt"), self.keyword_default_table
        )
        return [v for v in self.keyword.analyze_string(line, denylist_regex_to_group=table) if v]

    def entropy_values(self, line: str) -> list[tuple[str, str]]:
        """(value, "base64"|"hex") of quoted strings above detect-secrets' entropy limits."""
        found: list[tuple[str, str]] = []
        seen: set[str] = set()
        for plugin, label in ((self.hex, "hex"), (self.base64, "base64")):
            for value in plugin.analyze_string(line):
                if value in seen:
                    continue
                if plugin.calculate_shannon_entropy(value) > plugin.entropy_limit:
                    seen.add(value)
                    found.append((value, label))
        return found

    def filtered(self, value: str, line: str) -> bool:
        """Would detect-secrets' default heuristic filters drop this value on this line?"""
        return (
            self.is_sequential_string(value)
            or self.is_potential_uuid(value)
            or self.is_templated_secret(value)
            or self.is_prefixed_with_dollar_sign(value)
            or self.is_indirect_reference(line)
            or self.is_likely_id_string(value, line)
            or self.is_not_alphanumeric_string(value)
        )


@lru_cache(maxsize=1)
def engine() -> DetectSecrets:
    """Import detect-secrets and build the plugins (once per process)."""
    from detect_secrets.filters import heuristic
    from detect_secrets.plugins.high_entropy_strings import (
        Base64HighEntropyString,
        HexHighEntropyString,
    )
    from detect_secrets.plugins.keyword import (
        QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP,
        REGEX_BY_FILETYPE,
        KeywordDetector,
    )
    from detect_secrets.util.filetype import determine_file_type

    return DetectSecrets(
        keyword=KeywordDetector(),
        keyword_tables=REGEX_BY_FILETYPE,
        keyword_default_table=QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP,
        determine_file_type=determine_file_type,
        base64=Base64HighEntropyString(limit=4.5),
        hex=HexHighEntropyString(limit=3.0),
        is_sequential_string=heuristic.is_sequential_string,
        is_potential_uuid=heuristic.is_potential_uuid,
        is_templated_secret=heuristic.is_templated_secret,
        is_prefixed_with_dollar_sign=heuristic.is_prefixed_with_dollar_sign,
        is_indirect_reference=heuristic.is_indirect_reference,
        is_likely_id_string=heuristic.is_likely_id_string,
        is_not_alphanumeric_string=heuristic.is_not_alphanumeric_string,
    )
