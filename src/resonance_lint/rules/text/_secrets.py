"""Shared helper of the SEC rules: the findings of one rule from the file's secret scan."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...model import Problem, TextDocument
from ...secrets import SecretMatch, secret_hash


def secret_problems(
    doc: TextDocument,
    code: str,
    describe: Callable[[SecretMatch], str],
    *,
    head_only: bool = False,
) -> Iterator[Problem]:
    """One problem per secret of rule ``code`` in ``doc``, carrying the secret's hash.

    ``head_only`` points the finding at the first line of a multi-line secret only.
    """
    for match in doc.secrets:
        if match.rule != code:
            continue
        end = match.end
        if head_only:
            newline = match.value.find("\n")
            if newline > 0:
                end = match.start + len(match.value[:newline].rstrip("\r"))
        yield Problem(
            doc.source.span_of(match.start, end),
            describe(match),
            secret_hash=secret_hash(match.value),
        )
