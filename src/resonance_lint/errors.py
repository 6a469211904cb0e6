"""The two error types of resonance-lint.

``ResonanceError`` is the one user-facing error: bad options, bad config, an unwritable output
file. The CLI catches it once, prints one line and exits 2.

``ParseError`` is raised by parsers for unparsable input; the engine turns it into an RL001
finding at the given position and carries on with the other files.
"""

from __future__ import annotations


class ResonanceError(Exception):
    """A usage, configuration or environment problem the user must fix (exit code 2)."""


class ParseError(Exception):
    """A file could not be parsed. ``line``/``column`` are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = max(1, line)
        self.column = max(1, column)

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, int]]:
        return (ParseError, (self.message, self.line, self.column))
