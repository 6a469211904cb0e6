"""A small, forgiving tokenizer for ``run:`` scripts: commands and words with offsets.

It is not a shell parser. It splits a script into simple commands (on newlines, ``;``, ``&``,
``&&``, ``||``, ``|``), joins ``\\``-continued lines, drops comments, keeps quoted strings,
``${{ }}`` expressions, ``$(...)`` and ``${...}`` inside one word, splits redirections
(``>``, ``>>``, ``<``, ``2>``) into their own words, and skips here-document bodies (kept on the
command). Offsets are into the script text, so rules can point at the exact word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_WRAPPERS = frozenset({"sudo", "env", "time", "exec", "command", "nohup", "xargs"})
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_REDIRECT = re.compile(r"(?:[0-9]*|&)(?:>>|>\||>&?|<<<|<<-?|<)")


@dataclass(frozen=True)
class Word:
    """A word of a command: ``text`` without quotes; ``raw`` as written; offsets into the script."""

    text: str
    raw: str
    start: int
    end: int

    def find(self, part: str) -> tuple[int, int]:
        """Offsets of ``part`` (a piece of ``text``) in the script; the whole word if unknown."""
        index = self.raw.rfind(part) if part else -1
        if index == -1:
            return self.start, self.end
        return self.start + index, self.start + index + len(part)


@dataclass(frozen=True)
class Command:
    """A simple command. ``argv`` drops leading ``VAR=value`` assignments and wrappers (sudo…)."""

    words: tuple[Word, ...]
    heredoc: str = ""

    @property
    def argv(self) -> tuple[Word, ...]:
        words = self.words
        i = 0
        while i < len(words) and (_ASSIGNMENT.match(words[i].raw) or words[i].text in _WRAPPERS):
            i += 1
        return words[i:]

    @property
    def start(self) -> int:
        return self.words[0].start if self.words else 0

    def program(self) -> str:
        """The command's program name without its directory (``/usr/bin/fly`` -> ``fly``)."""
        argv = self.argv
        return argv[0].text.rsplit("/", 1)[-1] if argv else ""

    def text(self) -> str:
        """The command's words joined by single spaces (quotes removed)."""
        return " ".join(w.text for w in self.argv)

    def is_call(self, *names: str) -> bool:
        """Whether ``argv`` starts with ``names`` (e.g. ``is_call("fly", "deploy")``)."""
        argv = self.argv
        if len(argv) < len(names):
            return False
        if argv[0].text.rsplit("/", 1)[-1] != names[0]:
            return False
        return all(argv[i].text == name for i, name in enumerate(names[1:], start=1))

    def option(self, *flags: str) -> Iterator[tuple[Word, Word | None, str | None]]:
        """Each use of a flag: ``(flag word, value word or None, value)``.

        ``--flag=value`` gives the flag word itself as the value word (the value is after
        ``=``); ``--flag value`` gives the next word; a flag at the end gives ``None``.
        """
        argv = self.argv
        for i, word in enumerate(argv):
            text = word.text
            for flag in flags:
                if text == flag:
                    nxt = argv[i + 1] if i + 1 < len(argv) else None
                    yield word, nxt, (nxt.text if nxt is not None else None)
                elif flag.startswith("--") and text.startswith(flag + "="):
                    yield word, word, text[len(flag) + 1 :]


@lru_cache(maxsize=2048)
def commands(script: str) -> tuple[Command, ...]:
    """The simple commands of ``script`` in order (memoised: several rules read each script)."""
    return tuple(_Tokenizer(script).run())


class _Tokenizer:
    def __init__(self, script: str) -> None:
        self.s = script
        self.n = len(script)

    def run(self) -> Iterator[Command]:
        s, n = self.s, self.n
        i = 0
        words: list[Word] = []
        pending_heredocs: list[tuple[str, bool]] = []
        heredoc = ""
        while i < n:
            ch = s[i]
            if ch == "\\" and i + 1 < n and s[i + 1] in "\r\n":
                i += 2 if s[i + 1 : i + 3] != "\r\n" else 3
                continue
            if ch in " \t":
                i += 1
                continue
            if ch in "\r\n":
                if pending_heredocs:
                    i, heredoc = self._skip_heredocs(i, pending_heredocs)
                    pending_heredocs = []
                if words:
                    yield Command(tuple(words), heredoc)
                words, heredoc = [], ""
                i += 1
                continue
            if ch == "#":
                while i < n and s[i] not in "\r\n":
                    i += 1
                continue
            if ch in ";&|(){}" and not (ch == "&" and s[i + 1 : i + 2] == ">"):
                if ch in "{}" and not self._is_group(i):
                    pass
                else:
                    if words:
                        yield Command(tuple(words), heredoc)
                    words, heredoc = [], ""
                    i += 1
                    continue
            redirect = _REDIRECT.match(s, i)
            if redirect is not None and redirect.end() > i:
                op = redirect.group()
                words.append(Word(op, op, i, redirect.end()))
                i = redirect.end()
                if op.startswith("<<") and op != "<<<":  # here-document
                    strip = op.endswith("-")
                    while i < n and s[i] in " \t":
                        i += 1
                    end = self._word_end(i)
                    delim = _unquote(s[i:end])
                    if delim:
                        pending_heredocs.append((delim, strip))
                        words.append(Word("<<" + delim, s[i:end], i, end))
                    i = end
                continue
            end = self._word_end(i)
            if end == i:
                i += 1
                continue
            raw = s[i:end]
            words.append(Word(_unquote(raw), raw, i, end))
            i = end
        if words:
            yield Command(tuple(words), heredoc)

    def _is_group(self, i: int) -> bool:
        """``{``/``}`` standing alone (a command group), not part of a word like ``${a}``."""
        s = self.s
        before = s[i - 1] if i > 0 else " "
        after = s[i + 1] if i + 1 < self.n else " "
        return before in " \t\r\n;&|" and after in " \t\r\n;&|"

    def _skip_heredocs(self, i: int, pending: list[tuple[str, bool]]) -> tuple[int, str]:
        """Skip the bodies of pending here-documents starting at the newline ``i``."""
        s, n = self.s, self.n
        bodies: list[str] = []
        pos = i + 1 if s[i : i + 2] != "\r\n" else i + 2
        for delim, strip in pending:
            start = pos
            while pos < n:
                eol = pos
                while eol < n and s[eol] not in "\r\n":
                    eol += 1
                line = s[pos:eol]
                nxt = eol + (2 if s[eol : eol + 2] == "\r\n" else 1)
                if (line.lstrip("\t") if strip else line).strip() == delim:
                    bodies.append(s[start:pos])
                    pos = nxt
                    break
                pos = nxt
            else:
                bodies.append(s[start:n])
        return max(pos - 1, i), "".join(bodies)

    def _word_end(self, i: int) -> int:
        """End offset of the word starting at ``i`` (quotes, ``${{ }}``, ``$( )``, ``${ }``)."""
        s, n = self.s, self.n
        while i < n:
            ch = s[i]
            if ch in " \t\r\n;&|<>()":
                return i
            if ch == "\\":
                if i + 1 < n and s[i + 1] in "\r\n":
                    return i
                i += 2
                continue
            if ch == "'":
                close = s.find("'", i + 1)
                i = n if close == -1 else close + 1
                continue
            if ch == '"':
                i = self._double_quoted_end(i + 1)
                continue
            if ch == "`":
                close = s.find("`", i + 1)
                i = n if close == -1 else close + 1
                continue
            if ch == "$" and i + 1 < n:
                nxt = s[i + 1]
                if s.startswith("{{", i + 1):
                    close = s.find("}}", i + 3)
                    i = n if close == -1 else close + 2
                    continue
                if nxt in "({":
                    i = _balanced(s, i + 1)
                    continue
            i += 1
        return i

    def _double_quoted_end(self, i: int) -> int:
        s, n = self.s, self.n
        while i < n:
            ch = s[i]
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                return i + 1
            if ch == "$" and s.startswith("{{", i + 1):
                close = s.find("}}", i + 3)
                i = n if close == -1 else close + 2
                continue
            if ch == "$" and i + 1 < n and s[i + 1] == "(":
                i = _balanced(s, i + 1)
                continue
            i += 1
        return n


def _balanced(s: str, i: int) -> int:
    """End offset after the bracket group opening at ``i`` (``(`` or ``{``)."""
    opening = s[i]
    closing = ")" if opening == "(" else "}"
    depth = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch in "'\"":
            close = s.find(ch, i + 1)
            if close == -1:
                return n
            i = close
        i += 1
    return n


def _unquote(raw: str) -> str:
    """Remove shell quotes and backslash escapes (``${{ }}`` and ``$( )`` kept as written)."""
    if "'" not in raw and '"' not in raw and "\\" not in raw:
        return raw
    out: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\\" and i + 1 < n:
            out.append(raw[i + 1])
            i += 2
        elif ch == "'":
            close = raw.find("'", i + 1)
            close = n if close == -1 else close
            out.append(raw[i + 1 : close])
            i = close + 1
        elif ch == '"':
            i += 1
            while i < n and raw[i] != '"':
                if raw[i] == "\\" and i + 1 < n and raw[i + 1] in '"\\$`':
                    out.append(raw[i + 1])
                    i += 2
                else:
                    out.append(raw[i])
                    i += 1
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)
