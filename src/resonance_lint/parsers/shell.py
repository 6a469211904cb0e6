"""A small, forgiving POSIX shell splitter: the one tokenizer for Dockerfile ``RUN`` instructions
and GitHub Actions ``run:`` steps (:meth:`WorkflowDocument.script`).

It does not execute or fully parse shell: it splits a script into *simple commands* (words with
exact spans) joined by ``&&``, ``||``, ``;``, ``|``, ``&`` and newlines, which is what the
rules need ("is there an ``apt-get install`` without ``-y``?", "is ``curl`` piped into
``sh``?", "does ``fly deploy`` get ``--detach``?"). Quotes, backslash escapes, ``$(...)``,
backticks, ``${...}``, ``$((...))``, process substitution, redirections and here-documents
(their bodies are kept on the redirection) inside the script are understood; the commands
inside ``$(...)``, backticks and ``sh -c '...'`` are returned too, one level deeper.

Wrappers are peeled off so a rule sees the real program: ``env X=1 cmd``, ``sudo -E cmd``,
``nohup``, ``time``, ``xargs -r cmd`` … (the wrapper words stay visible in
:attr:`Command.wrappers`, e.g. for the ``sudo`` rule).

With ``github_expressions=True`` (GitHub Actions ``run:`` scripts), a ``${{ ... }}``
expression is opaque and stays inside the word around it, even when it contains spaces, quotes,
``||`` or ``&&``: GitHub substitutes it before the shell reads the script.

It never raises: unterminated quotes or substitutions simply run to the end of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable

from ..model import Span

#: Spans of ``[start, end)`` offsets of the text being split (the caller maps them to the file).
SpanFn = Callable[[int, int], Span]

_MAX_DEPTH = 6

#: Interpreters that run their stdin, or ``-c SCRIPT``, as POSIX shell.
POSIX_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"})

#: Words skipped at the start of a command (shell grammar, not programs).
_RESERVED = frozenset(
    {
        "if",
        "then",
        "else",
        "elif",
        "fi",
        "do",
        "done",
        "while",
        "until",
        "!",
        "{",
        "}",
        "esac",
        "in",
    }
)

_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=")


@dataclass(frozen=True)
class _Wrapper:
    """How to skip a wrapper program's own options before the command it runs."""

    short_values: str = ""  # short options that take a value (``-u USER``)
    long_values: frozenset[str] = frozenset()  # long options that take a value
    positionals: int = 0  # operands before the command (``timeout 10s cmd``)
    assignments: bool = False  # ``env X=1 cmd``
    stop_flags: frozenset[str] = (
        frozenset()
    )  # options meaning "no command follows" (``command -v``)


_WRAPPERS = MappingProxyType(
    {
        "sudo": _Wrapper(
            short_values="ugCDhprtUT",
            long_values=frozenset(
                {
                    "--user",
                    "--group",
                    "--close-from",
                    "--chdir",
                    "--host",
                    "--prompt",
                    "--role",
                    "--type",
                    "--other-user",
                    "--command-timeout",
                }
            ),
            stop_flags=frozenset(
                {"-l", "--list", "-v", "--validate", "-k", "-K", "-V", "--version", "-e", "--edit"}
            ),
        ),
        "doas": _Wrapper(short_values="uC"),
        "env": _Wrapper(
            short_values="uCS",
            long_values=frozenset({"--unset", "--chdir", "--split-string"}),
            assignments=True,
        ),
        "nohup": _Wrapper(),
        "time": _Wrapper(short_values="fo", long_values=frozenset({"--format", "--output"})),
        "exec": _Wrapper(short_values="a"),
        "command": _Wrapper(stop_flags=frozenset({"-v", "-V"})),
        "builtin": _Wrapper(),
        "nice": _Wrapper(short_values="n", long_values=frozenset({"--adjustment"})),
        "ionice": _Wrapper(
            short_values="cnp", long_values=frozenset({"--class", "--classdata", "--pid"})
        ),
        "timeout": _Wrapper(
            short_values="sk", long_values=frozenset({"--signal", "--kill-after"}), positionals=1
        ),
        "stdbuf": _Wrapper(
            short_values="ioe", long_values=frozenset({"--input", "--output", "--error"})
        ),
        "xargs": _Wrapper(
            short_values="IinLlPsdEa",
            long_values=frozenset(
                {
                    "--replace",
                    "--max-args",
                    "--max-lines",
                    "--max-procs",
                    "--max-chars",
                    "--delimiter",
                    "--eof",
                    "--arg-file",
                    "--process-slot-var",
                }
            ),
        ),
        "gosu": _Wrapper(positionals=1),
        "su-exec": _Wrapper(positionals=1),
        "eatmydata": _Wrapper(),
        "fakeroot": _Wrapper(),
        "unbuffer": _Wrapper(),
    }
)

_SEPARATORS = frozenset({"&&", "||", ";", ";;", ";&", ";;&", "|", "|&", "&", "\n", "(", ")"})
_OPERATORS = (
    "<<<",
    ";;&",
    "&>>",
    "<<-",
    "&&",
    "||",
    ";;",
    ";&",
    "|&",
    "<<",
    ">>",
    "<&",
    ">&",
    "<>",
    ">|",
    "&>",
    "|",
    "&",
    ";",
    "<",
    ">",
    "(",
    ")",
)
_REDIRECTS = frozenset({"<<<", "&>>", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "<", ">"})
_HEREDOCS = frozenset({"<<", "<<-"})
_WORD_BREAK = frozenset(" \t\r\n|&;<>()")
# A run of characters that are plain in any word context (no quote, escape, `$` or break).
_PLAIN_RUN = re.compile(r"[^ \t\r\n|&;<>()\\'\"$`]+")


@dataclass(frozen=True)
class Word:
    """One shell word: ``raw`` as written, ``value`` with quotes and escapes removed."""

    raw: str
    value: str
    span: Span

    @property
    def is_flag(self) -> bool:
        return len(self.value) > 1 and self.value.startswith("-") and self.value != "--"

    def subspan(self, start: int, end: int) -> Span:
        """The span of ``raw[start:end]``.

        Exact when the word is written as-is on one line of the file (its span is as wide as
        ``raw``); otherwise (continuation lines, escapes of an enclosing format) the whole
        word's span.
        """
        span = self.span
        if span.line == span.end_line and span.end_column - span.column == len(self.raw):
            start = max(0, min(start, len(self.raw)))
            end = max(start, min(end, len(self.raw)))
            return Span(span.line, span.column + start, span.line, span.column + end)
        return span

    def find(self, part: str) -> Span:
        """The span of ``part`` (e.g. a value's text) in the word: its last occurrence in
        ``raw``, or the whole word when it is not written literally there."""
        index = self.raw.rfind(part) if part else -1
        if index < 0:
            return self.span
        return self.subspan(index, index + len(part))


@dataclass(frozen=True)
class Redirect:
    """A redirection; ``body`` is the text of a here-document (``<<``/``<<-``), else None."""

    operator: str
    target: Word | None
    body: str | None = None


@dataclass(frozen=True)
class Command:
    """A simple command: ``[assignments] [wrappers] name args``.

    ``pipeline`` numbers the pipeline the command belongs to (unique in a script);
    ``pipe_index`` is its position in it (0 = first); ``pipe_span`` is the ``|`` after it (None
    when it is the last of its pipeline). ``depth`` is 0 for commands of the script itself, 1+
    for commands inside ``$(...)``, backticks or ``sh -c '...'``.
    """

    words: tuple[Word, ...]
    assignments: tuple[Word, ...]
    wrappers: tuple[Word, ...]
    name: Word | None
    args: tuple[Word, ...]
    redirects: tuple[Redirect, ...]
    span: Span
    connector: str
    pipeline: int
    pipe_index: int
    pipe_span: Span | None
    depth: int

    @property
    def program(self) -> str:
        """The basename of the program (``/usr/bin/apt-get`` -> ``apt-get``), or ``""``."""
        if self.name is None:
            return ""
        return self.name.value.rsplit("/", 1)[-1]

    @property
    def sudo(self) -> Word | None:
        for word in self.wrappers:
            if word.value.rsplit("/", 1)[-1] == "sudo":
                return word
        return None

    @property
    def flags(self) -> tuple[Word, ...]:
        return tuple(w for w in self.args if w.is_flag)

    @property
    def argv(self) -> tuple[Word, ...]:
        """The program word and its arguments (no assignments, wrappers or redirections)."""
        return (self.name, *self.args) if self.name is not None else ()

    @property
    def heredocs(self) -> tuple[str, ...]:
        """The bodies of the command's here-documents."""
        return tuple(r.body for r in self.redirects if r.body is not None)

    def text(self) -> str:
        """``argv`` values joined by single spaces (quotes removed)."""
        return " ".join(w.value for w in self.argv)

    def is_call(self, *names: str) -> bool:
        """Whether the program is ``names[0]`` and its first arguments are ``names[1:]``.

        ``is_call("fly", "deploy")`` matches ``/usr/bin/fly deploy --remote-only``.
        """
        if not names or self.program != names[0] or len(self.args) < len(names) - 1:
            return False
        return all(arg.value == name for arg, name in zip(self.args, names[1:]))

    def option(self, *flags: str) -> Iterator[tuple[Word, Word | None, str | None]]:
        """Each use of one of ``flags``: ``(flag word, value word or None, value or None)``.

        ``--flag=value`` (long flags only) gives the flag word itself as the value word and the
        text after ``=`` as the value; ``--flag value`` and ``-f value`` give the next argument;
        a flag that is the last argument gives ``(flag, None, None)``. Arguments after ``--``
        are not options.
        """
        args = self.args
        for i, word in enumerate(args):
            value = word.value
            if value == "--":
                return
            for flag in flags:
                if value == flag:
                    nxt = args[i + 1] if i + 1 < len(args) else None
                    yield word, nxt, (nxt.value if nxt is not None else None)
                elif flag.startswith("--") and value.startswith(flag + "="):
                    yield word, word, value[len(flag) + 1 :]

    def flag(self, *names: str) -> Word | None:
        """The first argument that is one of ``names``.

        Long names (``--yes``) also match ``--yes=value``; one-letter names (``-y``) also match
        inside combined short flags (``-qy``). Arguments after ``--`` are not options.
        """
        longs = tuple(n for n in names if n.startswith("--"))
        shorts = "".join(n[1] for n in names if len(n) == 2 and n[0] == "-" and n[1] != "-")
        others = tuple(
            n for n in names if not n.startswith("--") and not (len(n) == 2 and n[0] == "-")
        )
        for word in self.args:
            value = word.value
            if value == "--":
                return None
            if not value.startswith("-") or len(value) < 2:
                if value in others:
                    return word
                continue
            if value.startswith("--"):
                head = value.split("=", 1)[0]
                if head in longs or value in others:
                    return word
            elif value in others or (
                shorts and value[1:].isalpha() and any(ch in shorts for ch in value[1:])
            ):
                return word
        return None

    def positionals(self, value_options: frozenset[str] = frozenset()) -> tuple[Word, ...]:
        """Arguments that are not options, skipping the values of ``value_options``.

        ``value_options`` lists options that take a separate value (``-o``, ``--target``);
        ``--opt=value`` and attached short values (``-ofile``) need no entry.
        """
        out: list[Word] = []
        skip = False
        after_dashdash = False
        for word in self.args:
            if skip:
                skip = False
                continue
            value = word.value
            if after_dashdash:
                out.append(word)
            elif value == "--":
                after_dashdash = True
            elif value.startswith("-") and len(value) > 1:
                if "=" not in value and value in value_options:
                    skip = True
            else:
                out.append(word)
        return tuple(out)


@dataclass(frozen=True)
class ShellScript:
    """The commands of one script (a ``RUN``, a ``run:`` step), in source order, nested ones
    included.

    ``shell`` is the interpreter argv the script runs under (``("/bin/sh", "-c")`` by default);
    ``posix`` is False under PowerShell or ``cmd``.
    """

    commands: tuple[Command, ...]
    shell: tuple[str, ...] = ("/bin/sh", "-c")
    posix: bool = True

    def __iter__(self) -> Iterator[Command]:
        return iter(self.commands)

    def named(self, *programs: str) -> Iterator[Command]:
        return (c for c in self.commands if c.program in programs)

    def pipelines(self) -> tuple[tuple[Command, ...], ...]:
        """Commands grouped by pipeline (only pipelines of two or more commands)."""
        groups: dict[int, list[Command]] = {}
        for command in self.commands:
            groups.setdefault(command.pipeline, []).append(command)
        return tuple(tuple(g) for g in groups.values() if len(g) > 1)


# --- lexing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # "word" or "op"
    text: str
    start: int
    end: int
    value: str = ""
    offsets: tuple[int, ...] = ()  # text offset of each value character (for sh -c recursion)


class _Splitter:
    """Splits ``text[start:end]`` into commands; nested scripts recurse with ``depth + 1``."""

    def __init__(
        self,
        text: str,
        span_of: SpanFn,
        posix: bool,
        counter: list[int],
        github_expressions: bool = False,
    ) -> None:
        self.text = text
        self.span_of = span_of
        self.posix = posix
        self.counter = counter  # [next pipeline number], shared with nested splitters
        self.expressions = github_expressions
        self.heredoc_bodies: dict[int, str] = {}  # delimiter word start -> body

    def _expression_at(self, i: int) -> bool:
        return self.expressions and self.text.startswith("${{", i)

    def _skip_expression(self, i: int, end: int) -> int:
        """``i`` at ``$`` of ``${{``: index just after the closing ``}}`` (or ``end``).

        Single-quoted strings of the expression language may contain ``}}``; when a quote is
        not closed, the first ``}}`` ends the expression.
        """
        text = self.text
        j = i + 3
        while j < end:
            ch = text[j]
            if ch == "'":
                close = text.find("'", j + 1, end)
                if close < 0:
                    first = text.find("}}", i + 3, end)
                    return end if first < 0 else first + 2
                j = close + 1
                continue
            if ch == "}" and text.startswith("}}", j, end):
                return j + 2
            j += 1
        return end

    # -- scanning helpers -------------------------------------------------------------------

    def _skip_quoted(self, i: int, end: int, quote: str) -> int:
        """Index just after the closing ``quote`` (or ``end``) of a quote opened before ``i``."""
        text = self.text
        if quote == "'":
            if not self.expressions:
                j = text.find("'", i, end)
                return end if j < 0 else j + 1
            while i < end:
                j = text.find("'", i, end)
                k = text.find("${{", i, end if j < 0 else j)
                if k < 0:
                    return end if j < 0 else j + 1
                i = self._skip_expression(k, end)
            return end
        while i < end:
            ch = text[i]
            if ch == "\\" and self.posix:
                i += 2
                continue
            if ch == '"':
                return i + 1
            if ch == "$" and i + 1 < end and text[i + 1] in "({":
                i = self._skip_dollar(i, end)
                continue
            if ch == "`" and self.posix:
                i = self._skip_backtick(i + 1, end)
                continue
            i += 1
        return end

    def _skip_backtick(self, i: int, end: int) -> int:
        text = self.text
        while i < end:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "`":
                return i + 1
            i += 1
        return end

    def _skip_dollar(self, i: int, end: int) -> int:
        """``i`` at ``$`` of ``$(``, ``$((`` or ``${``: index just after the matching close."""
        text = self.text
        if self._expression_at(i):
            return self._skip_expression(i, end)
        close = ")" if text[i + 1] == "(" else "}"
        opener = text[i + 1]
        depth = 0
        j = i + 1
        while j < end:
            ch = text[j]
            if ch == "\\" and self.posix:
                j += 2
                continue
            if ch == '"' or (ch == "'" and self.posix):
                j = self._skip_quoted(j + 1, end, ch)
                continue
            if ch == "`" and self.posix:
                j = self._skip_backtick(j + 1, end)
                continue
            if ch == "$" and self._expression_at(j):
                j = self._skip_expression(j, end)
                continue
            if ch == opener:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return end

    # -- tokens -----------------------------------------------------------------------------

    def tokens(self, start: int, end: int, nested: list[tuple[int, int]]) -> list[_Tok]:
        """Tokens of ``text[start:end]``; ranges of nested scripts are appended to ``nested``."""
        text = self.text
        posix = self.posix
        toks: list[_Tok] = []
        pending_heredocs: list[tuple[str, bool, int]] = []
        i = start
        while i < end:
            ch = text[i]
            if ch in " \t\r":
                i += 1
                continue
            if ch == "\\" and posix and i + 1 < end and text[i + 1] == "\n":
                i += 2
                continue
            if ch == "\n":
                toks.append(_Tok("op", "\n", i, i + 1))
                i += 1
                if pending_heredocs:
                    i = self._skip_heredoc_bodies(i, end, pending_heredocs)
                    pending_heredocs = []
                continue
            if ch == "#":
                j = text.find("\n", i, end)
                i = end if j < 0 else j
                continue
            if ch in "|&;<>()" and not (ch in "<>" and i + 1 < end and text[i + 1] == "("):
                op = next(o for o in _OPERATORS if text.startswith(o, i))
                toks.append(_Tok("op", op, i, i + len(op)))
                i += len(op)
                if op in _HEREDOCS:
                    while i < end and text[i] in " \t":  # ``cat << EOF``
                        i += 1
                    word = self._word(i, end, nested)
                    if word is not None:
                        toks.append(word)
                        i = word.end
                        pending_heredocs.append((word.value, op == "<<-", word.start))
                continue
            word = self._word(i, end, nested)
            if word is None:  # pragma: no cover - _word always consumes at least one char here
                i += 1
                continue
            # ``2>&1``: digits glued to a redirection are a file descriptor, not a word
            if word.text.isdigit() and word.end < end and text[word.end] in "<>":
                i = word.end
                continue
            toks.append(word)
            i = word.end
        return toks

    def _skip_heredoc_bodies(self, i: int, end: int, pending: list[tuple[str, bool, int]]) -> int:
        """Skip the bodies of ``pending`` here-documents, recording each body's text."""
        text = self.text
        for delimiter, strip_tabs, key in pending:
            body_start = body_end = i
            while i < end:
                j = text.find("\n", i, end)
                line_end = end if j < 0 else j
                line = text[i:line_end].rstrip("\r")
                if strip_tabs:
                    line = line.lstrip("\t")
                if line.rstrip(" \t") == delimiter:
                    i = line_end + 1 if j >= 0 else end
                    break
                i = line_end + 1 if j >= 0 else end
                body_end = i
            self.heredoc_bodies[key] = text[body_start : min(body_end, end)]
        return min(i, end)

    def _word(self, i: int, end: int, nested: list[tuple[int, int]]) -> _Tok | None:
        text = self.text
        posix = self.posix
        start = i
        value: list[str] = []
        offsets: list[int] = []
        if text.startswith(("<(", ">("), i):  # process substitution
            j = self._skip_dollar(i, end)
            nested.append((i + 2, j - 1 if text[j - 1] == ")" else j))
            value.append(text[i:j])
            offsets.extend(range(i, j))
            i = j
        plain = _PLAIN_RUN.match
        while i < end:
            run = plain(text, i, end)
            if run is not None:  # the common case, in one step
                value.append(run.group())
                offsets.extend(range(i, run.end()))
                i = run.end()
                continue
            ch = text[i]
            if ch in _WORD_BREAK:
                break
            if ch == "\\" and posix:
                if i + 1 < end:
                    if text[i + 1] != "\n":
                        value.append(text[i + 1])
                        offsets.append(i + 1)
                    i += 2
                else:
                    i += 1
                continue
            if ch == "'" and posix:
                j = self._skip_quoted(i + 1, end, "'")
                inner_end = j - 1 if j <= end and text[j - 1] == "'" and j - 1 > i else j
                value.append(text[i + 1 : inner_end])
                offsets.extend(range(i + 1, inner_end))
                i = j
                continue
            if ch == '"':
                i = self._double_quoted(i + 1, end, value, offsets, nested)
                continue
            if ch == "$" and self._expression_at(i):
                j = self._skip_expression(i, end)
                value.append(text[i:j])
                offsets.extend(range(i, j))
                i = j
                continue
            if ch == "$" and i + 1 < end and text[i + 1] in "({":
                j = self._skip_dollar(i, end)
                if text.startswith("$(", i) and not text.startswith("$((", i):
                    nested.append((i + 2, j - 1 if text[j - 1] == ")" else j))
                value.append(text[i:j])
                offsets.extend(range(i, j))
                i = j
                continue
            if ch == "`" and posix:
                j = self._skip_backtick(i + 1, end)
                nested.append((i + 1, j - 1 if text[j - 1] == "`" and j - 1 > i else j))
                value.append(text[i:j])
                offsets.extend(range(i, j))
                i = j
                continue
            value.append(ch)
            offsets.append(i)
            i += 1
        if i == start:
            return None
        return _Tok("word", text[start:i], start, i, "".join(value), tuple(offsets))

    def _double_quoted(
        self, i: int, end: int, value: list[str], offsets: list[int], nested: list[tuple[int, int]]
    ) -> int:
        text = self.text
        posix = self.posix
        while i < end:
            ch = text[i]
            if ch == '"':
                return i + 1
            if ch == "\\" and posix and i + 1 < end:
                nxt = text[i + 1]
                if nxt in '$`"\\':
                    value.append(nxt)
                    offsets.append(i + 1)
                elif nxt != "\n":
                    value.append(ch + nxt)
                    offsets.extend((i, i + 1))
                i += 2
                continue
            if ch == "$" and self._expression_at(i):
                j = self._skip_expression(i, end)
                value.append(text[i:j])
                offsets.extend(range(i, j))
                i = j
                continue
            if ch == "$" and i + 1 < end and text[i + 1] in "({":
                j = self._skip_dollar(i, end)
                if text.startswith("$(", i) and not text.startswith("$((", i):
                    nested.append((i + 2, j - 1 if text[j - 1] == ")" else j))
                value.append(text[i:j])
                offsets.extend(range(i, j))
                i = j
                continue
            if ch == "`" and posix:
                j = self._skip_backtick(i + 1, end)
                nested.append((i + 1, j - 1 if text[j - 1] == "`" and j - 1 > i else j))
                value.append(text[i:j])
                offsets.extend(range(i, j))
                i = j
                continue
            value.append(ch)
            offsets.append(i)
            i += 1
        return end

    # -- commands ---------------------------------------------------------------------------

    def split(self, start: int, end: int, depth: int) -> list[Command]:
        nested: list[tuple[int, int]] = []
        toks = self.tokens(start, end, nested)
        commands: list[Command] = []
        words: list[_Tok] = []
        redirects: list[tuple[str, _Tok | None]] = []
        pending_redirect: str | None = None
        pipeline = self._next_pipeline()
        pipe_index = 0
        out_nested: list[Command] = []

        def flush(connector: str, op: _Tok | None) -> None:
            nonlocal pipeline, pipe_index, pending_redirect
            if pending_redirect is not None:
                redirects.append((pending_redirect, None))
                pending_redirect = None
            piped = connector in ("|", "|&")
            if words:
                cmd = self._command(
                    words, redirects, connector, pipeline, pipe_index, op if piped else None, depth
                )
                commands.append(cmd)
                if depth < _MAX_DEPTH:
                    commands.extend(self._shell_c(cmd, words, depth))
            had_words = bool(words)
            words.clear()
            redirects.clear()
            if piped and had_words:
                pipe_index += 1
            else:
                pipeline = self._next_pipeline()
                pipe_index = 0

        in_patterns = False  # between ``case … in`` / ``;;`` and the ``)`` ending a pattern
        cases = 0
        for tok in toks:
            if in_patterns:
                if tok.kind == "word" and tok.text == "esac":
                    in_patterns = False
                    cases -= 1
                elif tok.kind == "op" and tok.text == ")":
                    in_patterns = False
                continue
            if cases and tok.kind == "op" and tok.text in (";;", ";&", ";;&"):
                flush(tok.text, tok)
                in_patterns = True
                continue
            if (
                tok.kind == "word"
                and tok.text == "in"
                and len(words) == 2
                and words[0].text == "case"
            ):
                words.append(tok)
                flush(";", None)
                cases += 1
                in_patterns = True
                continue
            if cases and not words and tok.kind == "word" and tok.text == "esac":
                cases -= 1
                continue
            if tok.kind == "op":
                if tok.text in _REDIRECTS:
                    if pending_redirect is not None:
                        redirects.append((pending_redirect, None))
                    pending_redirect = tok.text
                    continue
                if tok.text == "\n" and not words and pending_redirect is None:
                    continue  # blank line, or a line break after ``|``/``&&``/``||``
                if tok.text in _SEPARATORS:
                    flush(tok.text, tok)
                continue
            if pending_redirect is not None:
                redirects.append((pending_redirect, tok))
                pending_redirect = None
                continue
            if not words and tok.text in _RESERVED:
                continue
            words.append(tok)
        flush("", None)
        if depth < _MAX_DEPTH:
            for a, b in nested:
                if b > a:
                    out_nested.extend(self.split(a, b, depth + 1))
        return out_nested + commands

    def _next_pipeline(self) -> int:
        self.counter[0] += 1
        return self.counter[0]

    def _as_word(self, tok: _Tok) -> Word:
        return Word(tok.text, tok.value, self.span_of(tok.start, tok.end))

    def _command(
        self,
        toks: Sequence[_Tok],
        redirects: Sequence[tuple[str, _Tok | None]],
        connector: str,
        pipeline: int,
        pipe_index: int,
        pipe_op: _Tok | None,
        depth: int,
    ) -> Command:
        words = tuple(self._as_word(t) for t in toks)
        n = len(words)
        i = 0
        while i < n and _ASSIGNMENT.match(toks[i].text):
            i += 1
        assignments = words[:i]
        wrapper_start = i
        while i < n:
            prog = words[i].value.rsplit("/", 1)[-1]
            spec = _WRAPPERS.get(prog)
            if spec is None:
                break
            j = _skip_wrapper(words, i + 1, spec)
            if j is None:  # ``command -v x``: the wrapper is the program
                break
            i = j
        wrappers = words[wrapper_start:i]
        name = words[i] if i < n else None
        args = words[i + 1 :] if i < n else ()
        reds = tuple(
            Redirect(
                op,
                self._as_word(t) if t is not None else None,
                self.heredoc_bodies.get(t.start) if t is not None and op in _HEREDOCS else None,
            )
            for op, t in redirects
        )
        span = words[0].span.cover(words[-1].span)
        return Command(
            words=words,
            assignments=assignments,
            wrappers=wrappers,
            name=name,
            args=args,
            redirects=reds,
            span=span,
            connector=connector,
            pipeline=pipeline,
            pipe_index=pipe_index,
            pipe_span=self.span_of(pipe_op.start, pipe_op.end) if pipe_op is not None else None,
            depth=depth,
        )

    def _shell_c(self, cmd: Command, toks: Sequence[_Tok], depth: int) -> list[Command]:
        """Commands of ``sh -c 'script'`` (the script word's text, mapped back to the file)."""
        if cmd.program not in POSIX_SHELLS or cmd.name is None:
            return []
        start = len(cmd.words) - len(cmd.args)
        seen_c = False
        k = start
        while k < len(toks):
            value = toks[k].value
            if value in ("-o", "+o", "-O", "+O"):
                k += 2
                continue
            if value.startswith("-") and not value.startswith("--") and len(value) > 1:
                seen_c = seen_c or "c" in value[1:]
                k += 1
                continue
            if value.startswith("--"):
                k += 1
                continue
            break
        if not seen_c or k >= len(toks):
            return []
        tok = toks[k]
        if not tok.offsets or len(tok.offsets) != len(tok.value):
            return []
        offsets = tok.offsets
        outer = self.span_of

        def inner_span(a: int, b: int) -> Span:
            lo = offsets[min(a, len(offsets) - 1)]
            hi = offsets[min(max(b - 1, a), len(offsets) - 1)] + 1
            return outer(lo, hi)

        sub = _Splitter(tok.value, inner_span, True, self.counter, self.expressions)
        return sub.split(0, len(tok.value), depth + 1)


def _skip_wrapper(words: Sequence[Word], i: int, spec: _Wrapper) -> int | None:
    """Index of the first word after a wrapper's options and operands (None: no command)."""
    n = len(words)
    positionals = spec.positionals
    while i < n:
        value = words[i].value
        if value == "--":
            i += 1
            break
        if value in spec.stop_flags:
            return None
        if value.startswith("--") and len(value) > 2:
            if "=" not in value and value in spec.long_values:
                i += 2
            else:
                i += 1
            continue
        if value.startswith("-") and len(value) > 1:
            last = value[-1]
            i += 2 if (len(value) == 2 and last in spec.short_values) else 1
            continue
        if spec.assignments and _ASSIGNMENT.match(words[i].raw):
            i += 1
            continue
        if positionals > 0:
            positionals -= 1
            i += 1
            continue
        break
    while spec.assignments and i < n and _ASSIGNMENT.match(words[i].raw):
        i += 1
    return i


def split_script(
    text: str,
    span_of: SpanFn,
    *,
    posix: bool = True,
    shell: tuple[str, ...] = ("/bin/sh", "-c"),
    pipeline_base: int = 0,
    github_expressions: bool = False,
) -> ShellScript:
    """Split ``text`` into commands; ``span_of(start, end)`` maps offsets of ``text`` to spans.

    Pipelines are numbered from ``pipeline_base + 1`` (to combine several texts in one script).
    ``github_expressions`` keeps each ``${{ ... }}`` inside one word (GitHub Actions scripts).
    """
    splitter = _Splitter(text, span_of, posix, [pipeline_base], github_expressions)
    commands = splitter.split(0, len(text), 0)
    commands.sort(key=lambda c: (c.span.line, c.span.column, c.depth))
    return ShellScript(tuple(commands), shell, posix)
