"""Dockerfile parser: a line scanner that follows BuildKit's rules and keeps exact positions.

Handled: parser directives (``# syntax=``, ``# escape=``, ``# check=``), line continuations
(with comment and blank lines between continued lines), here-documents (``<<EOF``, ``<<-EOF``,
quoted delimiters, several per line), JSON (exec) form, instruction flags, ONBUILD, CRLF,
lower-case keywords. ``RUN`` commands are split into simple commands by :mod:`.shell`.

The model is made of frozen dataclasses; every token keeps its :class:`Span`. Offsets inside a
continued instruction are mapped back to the file, so a word on the third line of a ``RUN``
points at that line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable, ClassVar

from ..errors import ParseError
from ..model import Document, Source, Span, Target
from .shell import POSIX_SHELLS, ShellScript, split_script

__all__ = [
    "DEFAULT_SHELL",
    "Directive",
    "DockerfileDocument",
    "Flag",
    "Heredoc",
    "ImageRef",
    "Instruction",
    "KeyValue",
    "Stage",
    "Token",
    "expand_variables",
    "parse",
    "parse_image_reference",
]

INSTRUCTIONS = frozenset(
    {
        "ADD",
        "ARG",
        "CMD",
        "COPY",
        "ENTRYPOINT",
        "ENV",
        "EXPOSE",
        "FROM",
        "HEALTHCHECK",
        "LABEL",
        "MAINTAINER",
        "ONBUILD",
        "RUN",
        "SHELL",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
    }
)
DEFAULT_SHELL: tuple[str, ...] = ("/bin/sh", "-c")

_DIRECTIVES = frozenset({"syntax", "escape", "check"})
_FLAG_INSTRUCTIONS = frozenset({"FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"})
_EXEC_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"})
_HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD"})
_NON_POSIX_SHELLS = frozenset(
    {"cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "pwsh.exe"}
)

_DIRECTIVE_RE = re.compile(r"[ \t]*#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$")
_EOL_RE = re.compile(r"\r\n|\r|\n")
_HEREDOC_RE = re.compile(r"(\d*)<<(-?)([^<]*)$")
_VARIABLE_RE = re.compile(
    r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))"
)
_NONSPACE_RE = re.compile(r"\S+")


# --- model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Directive:
    """A parser directive such as ``# syntax=docker/dockerfile:1``; ``name`` is lower-case."""

    name: str
    value: str
    span: Span


@dataclass(frozen=True)
class Token:
    """A word of an instruction: ``raw`` as written, ``value`` with quotes removed."""

    raw: str
    value: str
    span: Span


@dataclass(frozen=True)
class Flag:
    """An instruction flag: ``--from=build`` has name ``from`` and value ``build``."""

    name: str
    value: str | None
    span: Span
    value_span: Span | None

    def fields(self) -> dict[str, str]:
        """``--mount=type=cache,target=/x`` -> ``{"type": "cache", "target": "/x"}``."""
        out: dict[str, str] = {}
        for part in (self.value or "").split(","):
            key, sep, val = part.partition("=")
            key = key.strip().lower()
            if key:
                out.setdefault(key, val.strip().strip("\"'") if sep else "")
        return out


@dataclass(frozen=True)
class KeyValue:
    """One ``key=value`` of ENV, ARG or LABEL (``value`` None for ``ARG NAME``)."""

    key: str
    key_span: Span
    value: str | None
    value_span: Span | None
    raw_value: str | None = None


@dataclass(frozen=True)
class Heredoc:
    """A here-document: ``span`` is its ``<<EOF`` marker, ``body_span`` its content lines."""

    delimiter: str
    body: str
    span: Span
    body_span: Span | None
    strip_tabs: bool
    quoted: bool
    end_line: int


@dataclass(frozen=True)
class Instruction:
    """One instruction, continuation lines and here-document bodies included.

    ``arguments`` is the text after the flags (continuations joined as BuildKit joins them);
    ``words`` its quote-aware words; ``exec_form`` the JSON array elements when the instruction
    uses exec form (for ``HEALTHCHECK``, the array after ``CMD``). ``stage`` is the index of the
    stage (``-1`` before the first ``FROM``). ``shell`` is the ``SHELL`` in effect; ``script``
    the commands of a ``RUN`` (shell form, shell here-documents, ``["sh", "-c", ...]``).
    ``trigger`` is the instruction inside an ``ONBUILD``.
    """

    keyword: str
    span: Span
    keyword_span: Span
    flags: tuple[Flag, ...]
    arguments: str
    arguments_span: Span | None
    words: tuple[Token, ...]
    exec_form: tuple[Token, ...] | None
    heredocs: tuple[Heredoc, ...]
    stage: int
    pairs: tuple[KeyValue, ...] = ()
    shell: tuple[str, ...] = DEFAULT_SHELL
    script: ShellScript | None = None
    trigger: Instruction | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def is_exec_form(self) -> bool:
        return self.exec_form is not None

    @property
    def operands(self) -> tuple[Token, ...]:
        """The arguments as tokens: the exec-form elements, else the shell-form words."""
        return self.exec_form if self.exec_form is not None else self.words

    def flag(self, name: str) -> Flag | None:
        """The last flag called ``name`` (without dashes, lower-case), or None."""
        found = None
        for flag in self.flags:
            if flag.name == name:
                found = flag
        return found

    def flags_named(self, name: str) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.name == name)


@dataclass(frozen=True)
class ImageRef:
    """A ``FROM`` image reference, with ARG defaults substituted.

    ``raw`` is the reference as written, ``value`` after variable substitution; ``resolved`` is
    False when a variable had no known value. ``registry`` is ``""`` when none is written (Docker
    Hub). ``tag_span`` is the tag's text when written literally, else the whole reference.
    """

    raw: str
    value: str
    resolved: bool
    registry: str
    repository: str
    tag: str | None
    digest: str | None
    span: Span
    tag_span: Span | None

    @property
    def is_scratch(self) -> bool:
        return self.value.lower() == "scratch"

    @property
    def registry_host(self) -> str:
        return self.registry or "docker.io"

    @property
    def name(self) -> str:
        """Registry and repository as written (``ghcr.io/org/app``, ``node``)."""
        return f"{self.registry}/{self.repository}" if self.registry else self.repository

    @property
    def full_name(self) -> str:
        """Normalized name: ``node`` -> ``docker.io/library/node``."""
        repo = self.repository
        if not self.registry and "/" not in repo:
            repo = f"library/{repo}"
        return f"{self.registry_host}/{repo}"


@dataclass(frozen=True)
class Stage:
    """A build stage: its ``FROM`` and the instructions up to the next ``FROM``.

    ``base_stage`` is the index of an earlier stage used as base (``FROM builder``), else None.
    """

    index: int
    name: str | None
    name_span: Span | None
    image: ImageRef | None
    platform: Flag | None
    instructions: tuple[Instruction, ...]
    base_stage: int | None

    @property
    def from_instruction(self) -> Instruction:
        return self.instructions[0]

    @property
    def is_scratch(self) -> bool:
        return self.base_stage is None and self.image is not None and self.image.is_scratch

    @property
    def label(self) -> str:
        """How messages name the stage: ``'builder'`` or ``#2``."""
        return repr(self.name) if self.name else f"#{self.index}"

    def of(self, *keywords: str) -> Iterator[Instruction]:
        return (i for i in self.instructions if i.keyword in keywords)


@dataclass(frozen=True)
class DockerfileDocument(Document):
    directives: tuple[Directive, ...] = ()
    escape: str = "\\"
    instructions: tuple[Instruction, ...] = ()
    stages: tuple[Stage, ...] = ()

    target: ClassVar[Target] = Target.DOCKERFILE

    @property
    def global_args(self) -> tuple[Instruction, ...]:
        return tuple(i for i in self.instructions if i.stage < 0 and i.keyword == "ARG")

    @property
    def final_stage(self) -> Stage | None:
        return self.stages[-1] if self.stages else None

    def stage_named(self, name: str) -> Stage | None:
        """The first stage called ``name`` (case-insensitive)."""
        lowered = name.lower()
        for stage in self.stages:
            if stage.name == lowered:
                return stage
        return None

    @cached_property
    def _bounds(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return (
            tuple(i.span.line for i in self.instructions),
            tuple(i.span.end_line for i in self.instructions),
        )

    def statement_start(self, line: int) -> int:
        starts, ends = self._bounds
        k = bisect.bisect_right(starts, line) - 1
        if k >= 0 and line <= ends[k]:
            return starts[k]
        return line


# --- variables and image references ---------------------------------------------------------


def expand_variables(
    text: str, variables: Mapping[str, str | None], escape: str = "\\"
) -> tuple[str, bool]:
    """Substitute ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR:+alt}`` in ``text``.

    ``variables`` maps declared names to their value (None: declared without a value, e.g.
    ``ARG VERSION``). Returns the text and whether every variable had a known value; a variable
    with no known value is kept as written.
    """
    if "$" not in text:
        return text, True
    resolved = True
    out: list[str] = []
    pos = 0
    for m in _VARIABLE_RE.finditer(text):
        start = m.start()
        if start > 0 and text[start - 1] == escape:
            continue
        out.append(text[pos:start])
        pos = m.end()
        name = m.group(1) or m.group(4)
        op, word = m.group(2), m.group(3)
        value = variables.get(name)
        if op is None:
            if value is None:
                resolved = False
                out.append(m.group(0))
            else:
                out.append(value)
            continue
        is_set = value is not None and (value != "" or ":" not in op)
        if op.endswith("-"):
            out.append(value if is_set and value is not None else word)
        else:
            out.append(word if is_set else "")
    out.append(text[pos:])
    return "".join(out), resolved


def parse_image_reference(reference: str) -> tuple[str, str, str | None, str | None]:
    """``registry, repository, tag, digest`` of an image reference (registry ``""`` if none)."""
    name, _, digest = reference.partition("@")
    tag: str | None = None
    slash = name.rfind("/")
    colon = name.rfind(":")
    if colon > slash:
        name, tag = name[:colon], name[colon + 1 :]
    registry = ""
    first, sep, rest = name.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost"):
        registry, name = first, rest
    return registry, name, tag, (digest or None)


# --- scanning -------------------------------------------------------------------------------


class _Text:
    """A logical text (continued lines joined) with the file offset of every character."""

    __slots__ = ("offsets", "source", "text")

    def __init__(self, source: Source, text: str, offsets: Sequence[int]) -> None:
        self.source = source
        self.text = text
        self.offsets = offsets

    def span(self, start: int, end: int) -> Span:
        offsets = self.offsets
        if not offsets:
            return Span(1, 1, 1, 1)
        last = len(offsets) - 1
        start = min(max(start, 0), last)
        lo = offsets[start]
        hi = offsets[min(max(end - 1, start), last)] + 1 if end > start else lo
        return self.source.span_of(lo, hi)


def _split_words(text: str, start: int, end: int, escape: str) -> list[tuple[int, int, str]]:
    """Whitespace-separated words of ``text[start:end]`` as ``(start, end, unquoted value)``."""
    words: list[tuple[int, int, str]] = []
    i = start
    while i < end:
        while i < end and text[i] in " \t":
            i += 1
        if i >= end:
            break
        begin = i
        value: list[str] = []
        quote = ""
        while i < end:
            ch = text[i]
            if quote:
                if ch == quote:
                    quote = ""
                elif ch == escape and quote == '"' and i + 1 < end and text[i + 1] in ('"', escape):
                    i += 1
                    value.append(text[i])
                else:
                    value.append(ch)
            elif ch in " \t":
                break
            elif ch in "\"'":
                quote = ch
            elif ch == escape and i + 1 < end:
                i += 1
                value.append(text[i])
            else:
                value.append(ch)
            i += 1
        words.append((begin, i, "".join(value)))
    return words


_JSON_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}


def _json_strings(
    text: str, start: int, end: int
) -> list[tuple[int, int, str, tuple[int, ...]]] | None:
    """Elements of a JSON array of strings in ``text[start:end]`` (None when it is not one).

    Each element is ``(start, end, value, offsets)``: ``offsets`` gives the text offset of every
    character of the decoded value.
    """
    i = start
    ws = " \t\r\n"

    def skip(i: int) -> int:
        while i < end and text[i] in ws:
            i += 1
        return i

    i = skip(i)
    if i >= end or text[i] != "[":
        return None
    i = skip(i + 1)
    items: list[tuple[int, int, str, tuple[int, ...]]] = []
    if i < end and text[i] == "]":
        return items if skip(i + 1) == end else None
    while True:
        if i >= end or text[i] != '"':
            return None
        begin = i
        i += 1
        value: list[str] = []
        offsets: list[int] = []
        while True:
            if i >= end:
                return None
            ch = text[i]
            if ch == '"':
                i += 1
                break
            if ch == "\\":
                if i + 1 >= end:
                    return None
                nxt = text[i + 1]
                if nxt in _JSON_ESCAPES:
                    value.append(_JSON_ESCAPES[nxt])
                    offsets.append(i)
                    i += 2
                    continue
                if nxt == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[i + 2 : i + 6]):
                    value.append(chr(int(text[i + 2 : i + 6], 16)))
                    offsets.append(i)
                    i += 6
                    continue
                return None
            if ord(ch) < 0x20:
                return None
            value.append(ch)
            offsets.append(i)
            i += 1
        items.append((begin, i, "".join(value), tuple(offsets)))
        i = skip(i)
        if i < end and text[i] == ",":
            i = skip(i + 1)
            continue
        if i < end and text[i] == "]":
            return items if skip(i + 1) == end else None
        return None


@dataclass(frozen=True)
class _Raw:
    """What the line scanner found for one instruction, before it is interpreted."""

    text: _Text
    first_line: int  # 0-based index of the first line
    last_line: int  # 0-based index of the last line (here-document terminators included)
    heredocs: tuple[Heredoc, ...]
    heredoc_texts: tuple[_Text, ...]


class _Parser:
    def __init__(self, source: Source) -> None:
        self.source = source
        text = source.text
        self.text = text
        bounds: list[tuple[int, int]] = []
        pos = 0
        for m in _EOL_RE.finditer(text):
            bounds.append((pos, m.start()))
            pos = m.end()
        if pos < len(text) or not bounds:
            bounds.append((pos, len(text)))
        if text.startswith("\ufeff"):
            bounds[0] = (1, bounds[0][1])
        self.lines = bounds
        self.escape = "\\"
        self.directives: list[Directive] = []

    def line_text(self, index: int) -> str:
        start, end = self.lines[index]
        return self.text[start:end]

    def error(self, message: str, offset: int) -> ParseError:
        line, column = self.source.position(offset)
        return ParseError(message, line, column)

    # -- directives -------------------------------------------------------------------------

    def directives_end(self) -> int:
        seen: set[str] = set()
        index = 0
        while index < len(self.lines):
            m = _DIRECTIVE_RE.match(self.line_text(index))
            if m is None or m.group(1).lower() not in _DIRECTIVES:
                break
            name = m.group(1).lower()
            start = self.lines[index][0]
            if name in seen:
                break
            seen.add(name)
            value = m.group(2)
            span = self.source.span_of(start + m.start(1), start + m.end(2))
            if name == "escape":
                if value not in ("\\", "`"):
                    raise self.error(
                        f"invalid escape token {value!r} does not match ` or \\", start + m.start(2)
                    )
                self.escape = value
            self.directives.append(Directive(name, value, span))
            index += 1
        return index

    # -- logical lines ----------------------------------------------------------------------

    def continuation(self, line: str) -> int:
        """Index of the escape character ending ``line`` (continuation), or -1."""
        stripped = line.rstrip(" \t")
        if stripped.endswith(self.escape):
            return len(stripped) - 1
        return -1

    @staticmethod
    def is_blank_or_comment(line: str) -> bool:
        stripped = line.lstrip()
        return not stripped or stripped.startswith("#")

    def logical(self, index: int) -> tuple[_Text, int]:
        """The instruction starting at line ``index``: joined text and the next line index."""
        parts: list[str] = []
        offsets: list[int] = []
        line_start, line_end = self.lines[index]
        line = self.text[line_start:line_end]
        lead = len(line) - len(line.lstrip())
        seg_start = line_start + lead
        n = len(self.lines)
        while True:
            cut = self.continuation(self.text[line_start:line_end])
            if cut < 0:
                parts.append(self.text[seg_start:line_end])
                offsets.extend(range(seg_start, line_end))
                index += 1
                break
            seg_end = line_start + cut
            parts.append(self.text[seg_start:seg_end])
            offsets.extend(range(seg_start, seg_end))
            index += 1
            while index < n and self.is_blank_or_comment(self.line_text(index)):
                index += 1
            if index >= n:
                break
            line_start, line_end = self.lines[index]
            seg_start = line_start
        return _Text(self.source, "".join(parts), offsets), index

    def heredoc_bodies(
        self, markers: Sequence[tuple[str, bool, bool, Span]], index: int
    ) -> tuple[list[Heredoc], list[_Text], int]:
        docs: list[Heredoc] = []
        texts: list[_Text] = []
        n = len(self.lines)
        for delimiter, strip_tabs, quoted, span in markers:
            parts: list[str] = []
            offsets: list[int] = []
            first = index
            terminated = False
            while index < n:
                start, end = self.lines[index]
                line = self.text[start:end]
                candidate = line.lstrip("\t") if strip_tabs else line
                if candidate == delimiter:
                    terminated = True
                    break
                skip = len(line) - len(candidate)
                parts.append(candidate + "\n")
                offsets.extend(range(start + skip, end))
                offsets.append(end)
                index += 1
            if not terminated:
                raise ParseError(
                    f"unterminated heredoc: no line `{delimiter}` closes it", span.line, span.column
                )
            body = "".join(parts)
            body_span = None
            if index > first:
                body_span = Span(
                    first + 1, 1, index, self.lines[index - 1][1] - self.lines[index - 1][0] + 1
                )
            docs.append(Heredoc(delimiter, body, span, body_span, strip_tabs, quoted, index + 1))
            texts.append(_Text(self.source, body, offsets))
            index += 1
        return docs, texts, index

    def scan(self) -> list[_Raw]:
        index = self.directives_end()
        raws: list[_Raw] = []
        n = len(self.lines)
        while index < n:
            line = self.line_text(index)
            if self.is_blank_or_comment(line):
                index += 1
                continue
            first = index
            logical, index = self.logical(index)
            if not logical.text.strip():
                continue
            markers = self.heredoc_markers(logical)
            docs: list[Heredoc] = []
            texts: list[_Text] = []
            if markers:
                docs, texts, index = self.heredoc_bodies(markers, index)
            last = index - 1
            raws.append(_Raw(logical, first, last, tuple(docs), tuple(texts)))
        return raws

    def heredoc_markers(self, logical: _Text) -> list[tuple[str, bool, bool, Span]]:
        text = logical.text
        if "<<" not in text:
            return []
        words = _split_words(text, 0, len(text), "\\")
        if not words:
            return []
        keyword = words[0][2].upper()
        if keyword == "ONBUILD" and len(words) > 1:
            keyword = words[1][2].upper()
        if keyword not in _HEREDOC_INSTRUCTIONS:
            return []
        markers = []
        for start, end, _value in words[1:]:
            raw = text[start:end]
            m = _HEREDOC_RE.match(raw)
            if m is None or not m.group(3):
                continue
            rest = m.group(3)
            unquoted = "".join(v for _s, _e, v in _split_words(rest, 0, len(rest), "\\"))
            if not unquoted or any(ch in unquoted for ch in " \t"):
                continue
            quoted = any(q in rest for q in "\"'")
            markers.append((unquoted, m.group(2) == "-", quoted, logical.span(start, end)))
        return markers


# --- interpretation -------------------------------------------------------------------------


class _Builder:
    """Turns scanned instructions into the model: stages, variables, shells, scripts."""

    def __init__(self, parser: _Parser) -> None:
        self.parser = parser
        self.source = parser.source
        self.escape = parser.escape

    def instruction(
        self,
        raw: _Raw,
        logical: _Text,
        start: int,
        stage: int,
        shell: tuple[str, ...],
        allow_onbuild: bool = True,
    ) -> Instruction:
        text = logical.text
        end = len(text.rstrip())
        m = _NONSPACE_RE.match(text, start)
        if m is None:  # pragma: no cover - the scanner never yields blank instructions
            raise self.parser.error(
                "empty instruction", logical.offsets[0] if logical.offsets else 0
            )
        keyword = m.group(0).upper()
        if keyword not in INSTRUCTIONS:
            span = logical.span(m.start(), m.end())
            raise ParseError(f"unknown instruction: {m.group(0)}", span.line, span.column)
        keyword_span = logical.span(m.start(), m.end())
        words = _split_words(text, m.end(), end, self.escape)
        flags: list[Flag] = []
        if keyword in _FLAG_INSTRUCTIONS:
            while words and text.startswith("--", words[0][0]):
                w_start, w_end, value = words.pop(0)
                if value == "--":
                    break
                flags.append(self.flag(logical, w_start, w_end, value))
        args_start = words[0][0] if words else end
        arguments = text[args_start:end]
        arguments_span = logical.span(args_start, end) if end > args_start else None
        tokens = tuple(Token(text[a:b], v, logical.span(a, b)) for a, b, v in words)

        trigger: Instruction | None = None
        if keyword == "ONBUILD" and words:
            if not allow_onbuild:
                raise ParseError(
                    "ONBUILD cannot trigger ONBUILD", keyword_span.line, keyword_span.column
                )
            trigger = self.instruction(raw, logical, args_start, stage, shell, allow_onbuild=False)

        exec_form: tuple[Token, ...] | None = None
        exec_items = None
        if keyword in _EXEC_INSTRUCTIONS and text.startswith("[", args_start):
            exec_items = _json_strings(text, args_start, end)
        elif keyword == "HEALTHCHECK" and len(words) > 1 and words[0][2].upper() == "CMD":
            exec_items = _json_strings(text, words[1][0], end)
        if exec_items is not None:
            exec_form = tuple(Token(text[a:b], v, logical.span(a, b)) for a, b, v, _o in exec_items)

        pairs: tuple[KeyValue, ...] = ()
        if keyword in ("ENV", "LABEL", "ARG"):
            pairs = self.pairs(keyword, logical, words, end)

        heredocs = raw.heredocs if keyword in _HEREDOC_INSTRUCTIONS or keyword == "ONBUILD" else ()
        script = None
        if keyword == "RUN":
            script = self.script(logical, words, exec_items, raw, shell)

        first_span = logical.span(start, start + 1)
        last_line = raw.last_line
        last_text = self.parser.line_text(last_line)
        span = Span(first_span.line, first_span.column, last_line + 1, len(last_text) + 1)
        return Instruction(
            keyword=keyword,
            span=span,
            keyword_span=keyword_span,
            flags=tuple(flags),
            arguments=arguments,
            arguments_span=arguments_span,
            words=tokens,
            exec_form=exec_form,
            heredocs=heredocs,
            stage=stage,
            pairs=pairs,
            shell=shell,
            script=script,
            trigger=trigger,
        )

    @staticmethod
    def flag(logical: _Text, start: int, end: int, value: str) -> Flag:
        body = value[2:]
        name, sep, val = body.partition("=")
        value_span = None
        if sep:
            eq = logical.text.find("=", start, end)
            value_span = logical.span(eq + 1, end) if eq >= 0 and eq + 1 < end else None
        return Flag(name.lower(), val if sep else None, logical.span(start, end), value_span)

    def pairs(
        self, keyword: str, logical: _Text, words: list[tuple[int, int, str]], end: int
    ) -> tuple[KeyValue, ...]:
        text = logical.text
        if not words:
            return ()
        out: list[KeyValue] = []
        if keyword != "ARG" and "=" not in text[words[0][0] : words[0][1]]:
            # legacy ``ENV KEY value with spaces``
            k_start, k_end, key = words[0]
            if len(words) > 1:
                v_start = words[1][0]
                raw_value = text[v_start:end]
                value = " ".join(v for _a, _b, v in words[1:])
                out.append(
                    KeyValue(
                        key,
                        logical.span(k_start, k_end),
                        value,
                        logical.span(v_start, end),
                        raw_value,
                    )
                )
            else:
                out.append(KeyValue(key, logical.span(k_start, k_end), None, None, None))
            return tuple(out)
        for w_start, w_end, value in words:
            raw = text[w_start:w_end]
            eq = raw.find("=")
            if eq < 0:
                out.append(KeyValue(value, logical.span(w_start, w_end), None, None, None))
                continue
            key_raw = raw[:eq]
            key = "".join(v for _a, _b, v in _split_words(key_raw, 0, len(key_raw), self.escape))
            val_start = w_start + eq + 1
            val = value[len(key) + 1 :] if value.startswith(key + "=") else value.partition("=")[2]
            value_span = logical.span(val_start, w_end) if w_end > val_start else None
            out.append(
                KeyValue(
                    key, logical.span(w_start, w_start + eq), val, value_span, text[val_start:w_end]
                )
            )
        return tuple(out)

    def script(
        self,
        logical: _Text,
        words: list[tuple[int, int, str]],
        exec_items: list[tuple[int, int, str, tuple[int, ...]]] | None,
        raw: _Raw,
        shell: tuple[str, ...],
    ) -> ShellScript | None:
        posix = _is_posix(shell)
        if exec_items is not None:
            argv = [v for _a, _b, v, _o in exec_items]
            if not argv or _program(argv[0]) not in POSIX_SHELLS:
                return None
            c_index = next(
                (
                    k
                    for k, v in enumerate(argv[1:], 1)
                    if v.startswith("-") and not v.startswith("--") and "c" in v[1:]
                ),
                None,
            )
            if c_index is None or c_index + 1 >= len(argv):
                return None
            _a, _b, body, item_offsets = exec_items[c_index + 1]
            file_offsets = [logical.offsets[o] for o in item_offsets]
            inner = _Text(self.source, body, file_offsets)
            return split_script(body, inner.span, posix=True, shell=tuple(argv[: c_index + 1]))
        if not words:
            return None
        start = words[0][0]
        end = words[-1][1]
        line_script = split_script(
            logical.text[start:end], _shifted(logical, start), posix=posix, shell=shell
        )
        commands = list(line_script.commands)
        top = [c for c in commands if c.depth == 0]
        if raw.heredocs:
            runs_body = not top or (
                top[0].program in POSIX_SHELLS and not top[0].positionals(frozenset({"-o", "+o"}))
            )
            for doc, body_text in zip(raw.heredocs, raw.heredoc_texts):
                if not runs_body:
                    break
                if _shebang_is_foreign(doc.body):
                    continue
                base = max((c.pipeline for c in commands), default=0)
                sub = split_script(
                    body_text.text, body_text.span, posix=posix, shell=shell, pipeline_base=base
                )
                commands.extend(sub.commands)
        return ShellScript(tuple(commands), shell, posix)

    def build(self, raws: Sequence[_Raw]) -> tuple[tuple[Instruction, ...], tuple[Stage, ...]]:
        instructions: list[Instruction] = []
        stage_index = -1
        global_vars: dict[str, str | None] = {}
        stage_shells: list[tuple[str, ...]] = []
        stage_names: dict[str, int] = {}
        shell = DEFAULT_SHELL
        stage_meta: list[
            tuple[str | None, Span | None, ImageRef | None, Flag | None, int | None]
        ] = []
        per_stage: list[list[Instruction]] = []
        for raw in raws:
            text = raw.text.text
            m = _NONSPACE_RE.match(text)
            keyword = m.group(0).upper() if m else ""
            if keyword == "FROM":
                if stage_index >= 0:
                    stage_shells.append(shell)
                stage_index += 1
                instr = self.instruction(raw, raw.text, 0, stage_index, DEFAULT_SHELL)
                name, name_span, image, platform, base = self.from_parts(
                    instr, global_vars, stage_names
                )
                if name and name not in stage_names:
                    stage_names[name] = stage_index
                shell = (
                    stage_shells[base]
                    if base is not None and base < len(stage_shells)
                    else DEFAULT_SHELL
                )
                instr = _with_shell(instr, shell)
                stage_meta.append((name, name_span, image, platform, base))
                per_stage.append([instr])
                instructions.append(instr)
                continue
            instr = self.instruction(raw, raw.text, 0, stage_index, shell)
            if instr.keyword == "SHELL" and instr.exec_form:
                shell = tuple(t.value for t in instr.exec_form)
            if instr.keyword == "ARG" and stage_index < 0:
                for pair in instr.pairs:
                    value = pair.value
                    if value is not None:
                        value, ok = expand_variables(value, global_vars, self.escape)
                        if not ok:
                            value = None
                    global_vars[pair.key] = value
            instructions.append(instr)
            if stage_index >= 0:
                per_stage[-1].append(instr)
        stages = tuple(
            Stage(k, name, name_span, image, platform, tuple(items), base)
            for k, ((name, name_span, image, platform, base), items) in enumerate(
                zip(stage_meta, per_stage)
            )
        )
        return tuple(instructions), stages

    def from_parts(
        self,
        instr: Instruction,
        global_vars: Mapping[str, str | None],
        stage_names: Mapping[str, int],
    ) -> tuple[str | None, Span | None, ImageRef | None, Flag | None, int | None]:
        words = instr.words
        image: ImageRef | None = None
        name: str | None = None
        name_span: Span | None = None
        base: int | None = None
        if words:
            image = self.image_ref(words[0], global_vars)
            if len(words) >= 3 and words[1].value.lower() == "as":
                name = words[2].value.lower()
                name_span = words[2].span
            base = stage_names.get(image.value.lower()) if image.resolved else None
        return name, name_span, image, instr.flag("platform"), base

    def image_ref(self, token: Token, global_vars: Mapping[str, str | None]) -> ImageRef:
        raw = token.value
        value, resolved = expand_variables(raw, global_vars, self.escape)
        registry, repository, tag, digest = parse_image_reference(value)
        tag_span: Span | None = None
        if tag is not None:
            tag_span = token.span
            _r, _p, raw_tag, _d = parse_image_reference(raw)
            if (
                raw_tag is not None
                and raw_tag == tag
                and token.raw == raw
                and token.span.line == token.span.end_line
            ):
                at = raw.find("@")
                tag_end = at if at >= 0 else len(raw)
                tag_start = tag_end - len(raw_tag)
                tag_span = Span(
                    token.span.line,
                    token.span.column + tag_start,
                    token.span.line,
                    token.span.column + tag_end,
                )
        return ImageRef(
            raw, value, resolved, registry, repository, tag, digest, token.span, tag_span
        )


def _shifted(logical: _Text, start: int) -> Callable[[int, int], Span]:
    def span(a: int, b: int) -> Span:
        return logical.span(start + a, start + b)

    return span


def _program(word: str) -> str:
    return word.replace("\\", "/").rsplit("/", 1)[-1].lower()


def _is_posix(shell: Sequence[str]) -> bool:
    return not shell or _program(shell[0]) not in _NON_POSIX_SHELLS


def _shebang_is_foreign(body: str) -> bool:
    """A here-document starting with ``#!`` runs under that interpreter; is it not a shell?"""
    if not body.startswith("#!"):
        return False
    first = body.split("\n", 1)[0][2:].split()
    if not first:
        return False
    prog = _program(first[0])
    if prog == "env" and len(first) > 1:
        rest = [w for w in first[1:] if not w.startswith("-")]
        prog = _program(rest[0]) if rest else prog
    return prog not in POSIX_SHELLS


def _with_shell(instr: Instruction, shell: tuple[str, ...]) -> Instruction:
    if instr.shell == shell:
        return instr
    return replace(instr, shell=shell)


# --- entry point ----------------------------------------------------------------------------


def _parse(source: Source) -> DockerfileDocument:
    parser = _Parser(source)
    raws = parser.scan()
    builder = _Builder(parser)
    instructions, stages = builder.build(raws)
    return DockerfileDocument(
        source=source,
        directives=tuple(parser.directives),
        escape=parser.escape,
        instructions=instructions,
        stages=stages,
    )


def parse(source: Source) -> DockerfileDocument:
    """Parse a Dockerfile; raises :class:`ParseError` (only) for input that is not one."""
    try:
        return _parse(source)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("Dockerfile is nested too deeply to parse") from None
    except Exception as exc:  # pragma: no cover - a parser bug must not crash a lint run
        raise ParseError(f"internal Dockerfile parser error ({type(exc).__name__}: {exc})") from exc
