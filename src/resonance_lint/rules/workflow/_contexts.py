"""Context references inside ``${{ }}`` expressions, and which of them an attacker controls."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A string literal, or a dotted/indexed context path (``github.event['issue'].title``).
_TOKEN = re.compile(
    r"'(?:[^']|'')*'"
    r"|(?P<path>[A-Za-z_][A-Za-z0-9_-]*"
    r"(?:\s*\.\s*(?:[A-Za-z_][A-Za-z0-9_-]*|\*)|\s*\[\s*(?:'(?:[^']|'')*'|[^\]]*)\s*\])*)"
)
_INDEX = re.compile(r"\[\s*(?:'((?:[^']|'')*)'|([^\]]*))\s*\]")
_LITERALS = frozenset({"true", "false", "null", "nan", "infinity"})

#: Context paths whose value a pull-request author, issue/comment writer or pusher chooses as
#: free text. Fields GitHub restricts to a safe alphabet (logins, repository names, SHAs,
#: numbers, booleans such as ``head.repo.fork``) are not listed. ``*`` matches one segment (an
#: array index), ``**`` any rest of the path (``changes`` holds the previous title/body of an
#: edited issue, pull request or discussion).
ATTACKER_CONTROLLED: tuple[str, ...] = (
    "github.head_ref",
    "github.event.issue.title",
    "github.event.issue.body",
    "github.event.pull_request.title",
    "github.event.pull_request.body",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.repo.default_branch",
    "github.event.pull_request.head.repo.description",
    "github.event.pull_request.head.repo.homepage",
    "github.event.comment.body",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.discussion.title",
    "github.event.discussion.body",
    "github.event.pages.*.page_name",
    "github.event.commits.*.message",
    "github.event.commits.*.author.name",
    "github.event.commits.*.author.email",
    "github.event.commits.*.committer.name",
    "github.event.commits.*.committer.email",
    "github.event.head_commit.message",
    "github.event.head_commit.author.name",
    "github.event.head_commit.author.email",
    "github.event.head_commit.committer.name",
    "github.event.head_commit.committer.email",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.display_title",
    "github.event.workflow_run.head_commit.message",
    "github.event.workflow_run.head_commit.author.name",
    "github.event.workflow_run.head_commit.author.email",
    "github.event.workflow_run.head_commit.committer.name",
    "github.event.workflow_run.head_commit.committer.email",
    "github.event.workflow_run.head_repository.default_branch",
    "github.event.workflow_run.head_repository.description",
    "github.event.workflow_run.head_repository.homepage",
    "github.event.workflow_run.pull_requests.*.head.ref",
    "github.event.changes.**",
    "github.event.merge_group.head_commit.message",
    "github.event.merge_group.head_commit.author.name",
    "github.event.merge_group.head_commit.author.email",
)

_TEMPLATES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split(".")) for p in ATTACKER_CONTROLLED)


@dataclass(frozen=True)
class ContextRef:
    """A context path in an expression: normalised (``github.event.issue.title``, lowercase,
    indexes as ``.name`` or ``.*``) with its offsets in the expression text."""

    path: str
    start: int
    end: int


def context_refs(expression: str) -> Iterator[ContextRef]:
    """Context paths referenced by ``expression`` (function names and literals skipped)."""
    for match in _TOKEN.finditer(expression):
        raw = match.group("path")
        if raw is None:
            continue
        rest = expression[match.end() :].lstrip()
        if rest.startswith("("):
            continue
        if raw.lower() in _LITERALS:
            continue
        yield ContextRef(normalise(raw), match.start(), match.end())


def normalise(raw: str) -> str:
    """``github.event['issue'].title`` -> ``github.event.issue.title``; ``[0]``/``[x]`` -> ``*``."""

    def index(match: re.Match[str]) -> str:
        quoted = match.group(1)
        if quoted is not None:
            return "." + quoted.replace("''", "'")
        return ".*"

    text = _INDEX.sub(index, raw)
    return ".".join(part.strip() for part in text.split(".")).lower()


def attacker_controlled(path: str) -> bool:
    """Whether ``path`` is, or contains (an enclosing object), attacker-controlled text."""
    parts = tuple(path.split("."))
    return any(_matches(parts, template) for template in _TEMPLATES)


def _matches(parts: tuple[str, ...], template: tuple[str, ...]) -> bool:
    for i, part in enumerate(parts):
        if i >= len(template):
            return False
        expected = template[i]
        if expected == "**":
            return True
        if expected != "*" and part != "*" and part != expected:
            return False
    # ``parts`` is the template itself or an enclosing object of it.
    return True


_BOOLEAN_FUNCTIONS = frozenset({"contains", "startswith", "endswith", "success", "failure"})
_COMPARISON_BEFORE = re.compile(r"(?:==|!=|<=|>=|<|>|!)\s*$")
_COMPARISON_AFTER = re.compile(r"^\s*(?:==|!=|<=|>=|<|>)")
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\($")


def reaches_output(expression: str, ref: ContextRef) -> bool:
    """Whether the value of ``ref`` can end up in the expression's result text.

    Not when it is only compared (``x == 'a'``), negated, or an argument of a function that
    returns a boolean (``contains``, ``startsWith``, ``endsWith``).
    """
    before = expression[: ref.start]
    after = expression[ref.end :]
    if _COMPARISON_BEFORE.search(before) or _COMPARISON_AFTER.match(after):
        return False
    function = _enclosing_function(before)
    return function not in _BOOLEAN_FUNCTIONS


def _enclosing_function(before: str) -> str:
    """Name (lowercase) of the innermost function call still open at the end of ``before``."""
    stack: list[str] = []
    i, n = 0, len(before)
    while i < n:
        ch = before[i]
        if ch == "'":
            close = before.find("'", i + 1)
            while close != -1 and before[close + 1 : close + 2] == "'":
                close = before.find("'", close + 2)
            if close == -1:
                return ""
            i = close + 1
            continue
        if ch == "(":
            found = _CALL.search(before[: i + 1])
            stack.append(found.group(1).lower() if found else "")
        elif ch == ")" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack else ""
