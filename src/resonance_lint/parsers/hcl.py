"""A tolerant, fast HCL2 (native syntax) parser producing the common model with exact spans.

Pure Python, one code path for every supported Python version. A lexer driven by one compiled
regex produces flat token arrays (quoted templates and heredocs are scanned by hand, their
``${...}``/``%{...}`` interpolations lexed recursively); a recursive-descent parser with
precedence climbing builds :mod:`resonance_lint.parsers.hcl_model` values.

Newlines are significant only where HCL makes them so: at body level (they end attributes)
and between object elements. The lexer drops them inside ``(...)``, ``[...]`` and
interpolations. The parser is a little more permissive than Terraform (it accepts a newline
after a binary operator, ``?`` or ``:``), never stricter.

Errors raise :class:`~resonance_lint.errors.ParseError` at the offending token; nesting deeper
than :data:`MAX_DEPTH` is a ``ParseError`` too, never a ``RecursionError``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NoReturn

from ..errors import ParseError
from ..model import Mapping, Node, Pair, Scalar, Sequence, Span
from .hcl_model import Attribute, Block, Call, Item

__all__ = ["MAX_DEPTH", "parse_body"]

#: Deepest nesting of blocks, brackets and interpolations accepted.
MAX_DEPTH = 100

_TOKEN = re.compile(
    r"""(?:[ \t\f\v\ufeff\u00a0]+|\#[^\r\n]*|//[^\r\n]*|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/)*
    (?:
      (?P<nl>\r\n|\r|\n)
     |(?P<id>[^\W\d][\w\-]*)
     |(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+\-]?[0-9]+)?)
     |(?P<str>"(?:[^"\\\r\n$%]|\\[^\r\n]|\$\$\{|%%\{|\$(?!\{)|%(?!\{))*")
     |(?P<badcomment>/\*)
     |(?P<heredoc><<-?)
     |(?P<op>\.\.\.|=>|==|!=|<=|>=|&&|\|\||::|[{}\[\]()=,.:?!+\-*/%<>~])
     |(?P<tpl>")
     |(?P<eof>\Z)
     |(?P<bad>.)
    )""",
    re.VERBOSE | re.DOTALL,
)
_STR_BODY = re.compile(r"(?:[^\"\\\r\n$%]|\\[^\r\n]|\$\$\{|%%\{|\$(?!\{)|%(?!\{))*")
_HEREDOC_HEAD = re.compile(r"([^\W\d][\w\-]*)[ \t]*(\r\n|\r|\n)")
_HEREDOC_INTERP = re.compile(r"\$\$\{|%%\{|([$%])\{")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))|\$\$\{|%%\{", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_OPEN = frozenset("([{")
_PREC = {
    "||": 1,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 4,
    ">": 4,
    "<=": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
}
_LITERAL_WORDS = {"true": (True, "bool"), "false": (False, "bool"), "null": (None, "null")}
_DIRECTIVES = frozenset({"if", "else", "endif", "for", "endfor"})

# One interpolation segment of a template: ("$" or "%", its lexed tokens).
_Segment = tuple[str, "_Lexed"]


class _Lexed:
    __slots__ = ("end", "ends", "kinds", "segments", "starts")

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.segments: dict[int, list[_Segment]] = {}
        self.end = 0


class _Positions:
    """Offsets to 1-based line/column."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))

    def point(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        starts = self.starts
        line = bisect_right(starts, start)
        end_line = bisect_right(starts, end)
        return Span(line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1)

    def error(self, message: str, offset: int) -> NoReturn:
        line, column = self.point(offset)
        raise ParseError(message, line, column)


def _lex(text: str, pos: int, depth: int, interp: bool, where: _Positions) -> _Lexed:
    """Tokens from ``pos`` to the end (or, in an interpolation, to its closing brace)."""
    if depth > MAX_DEPTH:
        where.error("nesting too deep", pos)
    out = _Lexed()
    kinds = out.kinds
    starts = out.starts
    ends = out.ends
    stack: list[str] = []
    match = _TOKEN.match
    while True:
        m = match(text, pos)
        assert m is not None  # the pattern always matches (``bad``/``eof`` catch the rest)
        kind = m.lastgroup or "bad"
        start, end = m.span(kind)
        pos = end
        if kind == "id" or kind == "str" or kind == "num":
            kinds.append(kind)
        elif kind == "op":
            op = text[start:end]
            if op in _OPEN:
                stack.append(op)
            elif op == "}" or op == ")" or op == "]":
                if stack:
                    stack.pop()
                elif interp and op == "}":
                    return _finish(out, start)
            kinds.append(op)
        elif kind == "nl":
            if (stack[-1] != "{" if stack else interp) or (kinds and kinds[-1] == "nl"):
                continue
            kinds.append("nl")
        elif kind == "tpl":
            end = pos = _scan_quoted(text, start, depth, where, out, len(kinds))
            kinds.append("tpl")
        elif kind == "heredoc":
            end = pos = _scan_heredoc(text, start, end, depth, where, out, len(kinds))
            kinds.append("heredoc")
        elif kind == "eof":
            if interp:
                where.error("unterminated interpolation: no closing '}'", start)
            return _finish(out, start)
        elif kind == "badcomment":
            where.error("unterminated comment: no closing '*/'", start)
        else:
            where.error(f"invalid character {text[start:end]!r}", start)
        starts.append(start)
        ends.append(end)


def _finish(out: _Lexed, offset: int) -> _Lexed:
    # Three end tokens, so the parser may look two tokens ahead without bounds checks.
    out.kinds.extend(("eof", "eof", "eof"))
    out.starts.extend((offset, offset, offset))
    out.ends.extend((offset, offset, offset))
    out.end = offset
    return out


def _scan_quoted(
    text: str, start: int, depth: int, where: _Positions, out: _Lexed, index: int
) -> int:
    """A quoted template starting at ``start``; returns the offset after its closing quote."""
    segments: list[_Segment] = []
    pos = start + 1
    body = _STR_BODY.match
    n = len(text)
    while True:
        found = body(text, pos)
        pos = found.end() if found is not None else pos
        if pos >= n:
            where.error("unterminated string: no closing quote", start)
        ch = text[pos]
        if ch == '"':
            out.segments[index] = segments
            return pos + 1
        if ch == "\\":
            where.error("invalid escape sequence at the end of a line", pos)
        if ch in "\r\n":
            where.error("unterminated string: newline before the closing quote", start)
        sub = _lex(text, pos + 2, depth + 1, True, where)
        segments.append((ch, sub))
        pos = sub.end + 1


def _scan_heredoc(
    text: str, start: int, pos: int, depth: int, where: _Positions, out: _Lexed, index: int
) -> int:
    head = _HEREDOC_HEAD.match(text, pos)
    if head is None:
        where.error("invalid heredoc: expected an identifier and a newline after '<<'", start)
    marker = head.group(1)
    body_start = head.end()
    closing = re.compile(r"^[ \t]*(" + re.escape(marker) + r")[ \t]*\r?$", re.MULTILINE)
    found = closing.search(text, body_start)
    if found is None:
        where.error(f"unterminated heredoc: no closing {marker!r} line", start)
    body_end = found.start()
    segments: list[_Segment] = []
    scan = body_start
    while True:
        hit = _HEREDOC_INTERP.search(text, scan, body_end)
        if hit is None:
            break
        if hit.group(1) is None:  # $${ or %%{ escape
            scan = hit.end()
            continue
        sub = _lex(text, hit.end(), depth + 1, True, where)
        if sub.end >= body_end:
            where.error("unterminated interpolation in heredoc", hit.start())
        segments.append((hit.group(1), sub))
        scan = sub.end + 1
    out.segments[index] = segments
    return found.end(1)


def _decode(raw: str, offset: int, where: _Positions) -> str:
    """The value of a quoted string's inner text (escapes resolved)."""
    if "\\" not in raw and "$${" not in raw and "%%{" not in raw:
        return raw

    def repl(m: re.Match[str]) -> str:
        whole = m.group(0)
        if whole == "$${":
            return "${"
        if whole == "%%{":
            return "%{"
        if m.group(1) or m.group(2):
            code = int(m.group(1) or m.group(2), 16)
            if code > 0x10FFFF:
                where.error("invalid unicode escape", offset + m.start())
            return chr(code)
        simple = _SIMPLE_ESCAPES.get(m.group(3))
        if simple is None:
            where.error(f"invalid escape sequence '\\{m.group(3)}'", offset + m.start())
        return simple

    return _ESCAPE.sub(repl, raw)


class _Parser:
    __slots__ = (
        "depth",
        "ends",
        "i",
        "kinds",
        "path",
        "segments",
        "starts",
        "text",
        "where",
    )

    def __init__(self, text: str, lexed: _Lexed, where: _Positions, path: str, depth: int) -> None:
        self.text = text
        self.kinds = lexed.kinds
        self.starts = lexed.starts
        self.ends = lexed.ends
        self.segments = lexed.segments
        self.where = where
        self.path = path
        self.depth = depth
        self.i = 0

    # --- helpers ------------------------------------------------------------------------

    def fail(self, message: str, index: int | None = None) -> NoReturn:
        at = self.i if index is None else index
        kind = self.kinds[at]
        if kind == "eof":
            message += " (found the end of the file)"
        elif kind == "nl":
            message += " (found a newline)"
        else:
            token = self.text[self.starts[at] : self.ends[at]]
            if len(token) > 20:
                token = token[:20] + "…"
            message += f" (found {token!r})"
        self.where.error(message, self.starts[at])

    def expect(self, kind: str, message: str) -> int:
        i = self.i
        if self.kinds[i] != kind:
            self.fail(message)
        self.i = i + 1
        return i

    def skip_nl(self) -> None:
        while self.kinds[self.i] == "nl":
            self.i += 1

    def expr_node(self, first: int) -> Scalar:
        s = self.starts[first]
        e = self.ends[self.i - 1]
        return Scalar(self.text[s:e], self.where.span(s, e), "expr")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.where.error("nesting too deep", self.starts[self.i])

    # --- bodies -------------------------------------------------------------------------

    def body(self, end_kind: str, open_index: int) -> tuple[Item, ...]:
        items: list[Item] = []
        kinds = self.kinds
        starts = self.starts
        ends = self.ends
        text = self.text
        span = self.where.span
        while True:
            i = self.i
            k = kinds[i]
            if k == "nl":
                self.i = i + 1
                continue
            if k == end_kind:
                return tuple(items)
            if k != "id":
                if k == "eof":
                    self.fail("unclosed block: no matching '}'", open_index)
                if k == "}":
                    self.fail("unexpected '}'")
                self.fail("expected an attribute or a block")
            name_start = starts[i]
            name_end = ends[i]
            name = text[name_start:name_end]
            nk = kinds[i + 1]
            if nk == "=":
                self.i = i + 2
                value = self.expr()
                end = ends[self.i - 1]
                key = Scalar(name, span(name_start, name_end), "str")
                items.append(Attribute(key, value, span(name_start, end)))
            else:
                items.append(self.block(i, name))
            k = kinds[self.i]
            if k == "nl":
                self.i += 1
            elif k != end_kind:
                if k == "eof" and end_kind == "}":
                    self.fail("unclosed block: no matching '}'", open_index)
                self.fail("expected a newline after the attribute or block")

    def block(self, i: int, name: str) -> Block:
        kinds = self.kinds
        starts = self.starts
        ends = self.ends
        span = self.where.span
        labels: list[Scalar] = []
        j = i + 1
        while True:
            k = kinds[j]
            if k == "str":
                s, e = starts[j], ends[j]
                value = _decode(self.text[s + 1 : e - 1], s + 1, self.where)
                labels.append(Scalar(value, span(s, e), "str"))
            elif k == "id":
                s, e = starts[j], ends[j]
                labels.append(Scalar(self.text[s:e], span(s, e), "str"))
            else:
                break
            j += 1
        if kinds[j] != "{":
            if kinds[j] == "tpl":
                self.fail("block labels must be plain strings", j)
            if not labels:
                self.fail(f"expected '=' or a block after {name!r}", j)
            self.fail("expected '{' to open the block", j)
        open_index = j
        self.i = j + 1
        self.enter()
        items = self.body("}", open_index)
        self.depth -= 1
        close = self.i
        self.i = close + 1
        return Block(
            type=name,
            type_span=span(starts[i], ends[i]),
            labels=tuple(labels),
            items=items,
            header=span(starts[i], ends[open_index]),
            span=span(starts[i], ends[close]),
            path=self.path,
        )

    # --- expressions --------------------------------------------------------------------

    def expr(self) -> Node:
        self.enter()
        first = self.i
        node = self.binary(0)
        kinds = self.kinds
        if kinds[self.i] == "?":
            self.i += 1
            self.skip_nl()
            self.expr()
            self.skip_nl()
            self.expect(":", "expected ':' in the conditional expression")
            self.skip_nl()
            self.expr()
            node = self.expr_node(first)
        self.depth -= 1
        return node

    def binary(self, min_prec: int) -> Node:
        first = self.i
        node = self.unary()
        kinds = self.kinds
        prec = _PREC.get(kinds[self.i])
        if prec is None or prec < min_prec:
            return node
        while prec is not None and prec >= min_prec:
            self.i += 1
            self.skip_nl()
            self.binary(prec + 1)
            prec = _PREC.get(kinds[self.i])
        return self.expr_node(first)

    def unary(self) -> Node:
        kinds = self.kinds
        first = self.i
        i = first
        while kinds[i] == "-" or kinds[i] == "!":
            i += 1
        if i == first:
            return self.postfix()
        self.i = i
        operand = self.postfix()
        if (
            i == first + 1
            and kinds[first] == "-"
            and isinstance(operand, Scalar)
            and operand.tag in ("int", "float")
            and isinstance(operand.value, (int, float))
        ):
            s = self.starts[first]
            return Scalar(-operand.value, self.where.span(s, self.ends[self.i - 1]), operand.tag)
        return self.expr_node(first)

    def postfix(self) -> Node:
        kinds = self.kinds
        starts = self.starts
        ends = self.ends
        text = self.text
        i = self.i
        k = kinds[i]
        node: Node | None = None
        if k == "id":
            nk = kinds[i + 1]
            if nk == "(":
                node = self.call(i, i)
            elif nk == "::":
                node = self.provider_call(i)
            else:
                self.i = i + 1
                literal = _LITERAL_WORDS.get(text[starts[i] : ends[i]])
                if literal is not None:
                    s, e = starts[i], ends[i]
                    node = Scalar(literal[0], self.where.span(s, e), literal[1])
        elif k == "str":
            self.i = i + 1
            s, e = starts[i], ends[i]
            node = Scalar(
                _decode(text[s + 1 : e - 1], s + 1, self.where), self.where.span(s, e), "str"
            )
        elif k == "num":
            self.i = i + 1
            s, e = starts[i], ends[i]
            raw = text[s:e]
            if "." in raw or "e" in raw or "E" in raw:
                node = Scalar(float(raw), self.where.span(s, e), "float")
            else:
                node = Scalar(int(raw), self.where.span(s, e), "int")
        elif k == "tpl":
            node = self.template(i)
        elif k == "heredoc":
            node = self.heredoc(i)
        elif k == "[":
            node = self.tuple_()
        elif k == "{":
            node = self.object_()
        elif k == "(":
            self.i = i + 1
            self.expr()
            self.expect(")", "expected ')' to close the parenthesis")
        else:
            self.fail("expected an expression")
        k = kinds[self.i]
        if k != "." and k != "[":
            return node if node is not None else self.expr_node(i)
        while True:
            k = kinds[self.i]
            if k == ".":
                nk = kinds[self.i + 1]
                if nk != "id" and nk != "num" and nk != "*":
                    self.fail("expected an attribute name after '.'", self.i + 1)
                self.i += 2
            elif k == "[":
                if kinds[self.i + 1] == "*" and kinds[self.i + 2] == "]":
                    self.i += 3
                else:
                    self.i += 1
                    self.expr()
                    self.expect("]", "expected ']' to close the index")
            else:
                break
        return self.expr_node(i)

    def call(self, first: int, name_index: int) -> Call:
        kinds = self.kinds
        name = self.text[self.starts[first] : self.ends[name_index]]
        self.i = name_index + 2
        self.enter()
        args: list[Node] = []
        while kinds[self.i] != ")":
            args.append(self.expr())
            k = kinds[self.i]
            if k == ",":
                self.i += 1
            elif k == "...":
                self.i += 1
                if kinds[self.i] != ")":
                    self.fail("expected ')' after '...'")
            elif k != ")":
                self.fail(f"expected ',' or ')' in the arguments of {name}()")
        self.i += 1
        self.depth -= 1
        s = self.starts[first]
        e = self.ends[self.i - 1]
        return Call(self.text[s:e], self.where.span(s, e), "call", name, tuple(args))

    def provider_call(self, first: int) -> Call:
        kinds = self.kinds
        i = first
        while kinds[i + 1] == "::" and kinds[i + 2] == "id":
            i += 2
        if kinds[i + 1] != "(":
            self.fail("expected a provider function call", i + 1)
        return self.call(first, i)

    def tuple_(self) -> Node:
        kinds = self.kinds
        open_index = self.i
        self.i += 1
        if self.is_for():
            return self.for_expr(open_index, "]")
        self.enter()
        items: list[Node] = []
        while kinds[self.i] != "]":
            items.append(self.expr())
            k = kinds[self.i]
            if k == ",":
                self.i += 1
            elif k != "]":
                self.fail("expected ',' or ']' in the list")
        self.i += 1
        self.depth -= 1
        return Sequence(
            tuple(items), self.where.span(self.starts[open_index], self.ends[self.i - 1])
        )

    def object_(self) -> Node:
        kinds = self.kinds
        starts = self.starts
        ends = self.ends
        text = self.text
        span = self.where.span
        open_index = self.i
        self.i += 1
        self.skip_nl()
        if self.is_for():
            return self.for_expr(open_index, "}")
        self.enter()
        pairs: list[Pair] = []
        while True:
            i = self.i
            k = kinds[i]
            if k == "nl":
                self.i = i + 1
                continue
            if k == "}":
                break
            if k == "id" and (kinds[i + 1] == "=" or kinds[i + 1] == ":"):
                s, e = starts[i], ends[i]
                key = Scalar(text[s:e], span(s, e), "str")
                self.i = i + 1
            elif k == "eof":
                self.fail("unclosed object: no matching '}'", open_index)
            else:
                knode = self.expr()
                if isinstance(knode, Scalar):
                    key = knode if knode.tag in ("str", "template") else _as_expr(knode)
                else:
                    s, e = starts[i], ends[self.i - 1]
                    key = Scalar(text[s:e], span(s, e), "expr")
            k = kinds[self.i]
            if k != "=" and k != ":":
                self.fail("expected '=' or ':' after the object key")
            self.i += 1
            self.skip_nl()
            value = self.expr()
            pairs.append(Pair(key, value))
            k = kinds[self.i]
            if k == ",":
                self.i += 1
            elif k == "eof":
                self.fail("unclosed object: no matching '}'", open_index)
            elif k != "nl" and k != "}":
                self.fail("expected ',', a newline or '}' after the object element")
        self.i += 1
        self.depth -= 1
        return Mapping(tuple(pairs), span(starts[open_index], ends[self.i - 1]))

    def is_for(self) -> bool:
        i = self.i
        return (
            self.kinds[i] == "id"
            and self.kinds[i + 1] == "id"
            and self.text[self.starts[i] : self.ends[i]] == "for"
        )

    def word(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def for_expr(self, open_index: int, close: str) -> Scalar:
        # Inside a for expression newlines are insignificant (even within braces).
        kinds = self.kinds
        skip = self.skip_nl
        self.enter()
        self.i += 1  # 'for'
        skip()
        self.expect("id", "expected a variable name after 'for'")
        skip()
        if kinds[self.i] == ",":
            self.i += 1
            skip()
            self.expect("id", "expected a second variable name after ','")
            skip()
        if kinds[self.i] != "id" or self.word(self.i) != "in":
            self.fail("expected 'in' in the for expression")
        self.i += 1
        skip()
        self.expr()
        skip()
        self.expect(":", "expected ':' in the for expression")
        skip()
        self.expr()
        skip()
        if close == "}":
            self.expect("=>", "expected '=>' in the object for expression")
            skip()
            self.expr()
            skip()
            if kinds[self.i] == "...":
                self.i += 1
                skip()
        if kinds[self.i] == "id" and self.word(self.i) == "if":
            self.i += 1
            skip()
            self.expr()
            skip()
        if kinds[self.i] != close:
            self.fail(f"expected {close!r} to close the for expression")
        self.i += 1
        self.depth -= 1
        return self.expr_node(open_index)

    # --- templates ----------------------------------------------------------------------

    def interpolations(self, index: int) -> None:
        for kind, lexed in self.segments.get(index, ()):
            sub = _Parser(self.text, lexed, self.where, self.path, self.depth + 1)
            if sub.depth > MAX_DEPTH:
                self.where.error("nesting too deep", self.starts[index])
            sub.interpolation(kind)

    def interpolation(self, kind: str) -> None:
        kinds = self.kinds
        if kinds[0] == "~":
            self.i = 1
        if kind == "$":
            self.expr()
        else:
            if kinds[self.i] != "id" or self.word(self.i) not in _DIRECTIVES:
                self.fail("expected a template directive (if, else, endif, for, endfor)")
            word = self.word(self.i)
            self.i += 1
            if word == "if":
                self.expr()
            elif word == "for":
                self.expect("id", "expected a variable name after 'for'")
                if kinds[self.i] == ",":
                    self.i += 1
                    self.expect("id", "expected a second variable name after ','")
                if kinds[self.i] != "id" or self.word(self.i) != "in":
                    self.fail("expected 'in' in the for directive")
                self.i += 1
                self.expr()
        if kinds[self.i] == "~":
            self.i += 1
        if kinds[self.i] != "eof":
            self.fail("expected '}' to close the interpolation")

    def template(self, index: int) -> Scalar:
        self.interpolations(index)
        self.i = index + 1
        s, e = self.starts[index], self.ends[index]
        return Scalar(self.text[s:e], self.where.span(s, e), "template")

    def heredoc(self, index: int) -> Scalar:
        self.interpolations(index)
        self.i = index + 1
        s, e = self.starts[index], self.ends[index]
        if self.segments.get(index):
            return Scalar(self.text[s:e], self.where.span(s, e), "template")
        raw = self.text[s:e]
        strip = raw.startswith("<<-")
        head = _HEREDOC_HEAD.match(raw, 3 if strip else 2)
        assert head is not None
        marker = head.group(1)
        body = raw[head.end() : len(raw) - len(marker)]
        lines = _LINE_BREAK.split(body)
        lines.pop()  # the closing marker's indentation
        if strip:
            indents = [len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()]
            cut = min(indents) if indents else 0
            lines = [line[cut:] for line in lines]
        value = "".join(line + "\n" for line in lines)
        value = value.replace("$${", "${").replace("%%{", "%{")
        return Scalar(value, self.where.span(s, e), "str")


def _as_expr(node: Scalar) -> Scalar:
    if node.tag == "expr":
        return node
    return Scalar(str(node.value) if node.value is not None else "null", node.span, "expr")


def parse_body(text: str, path: str) -> tuple[Item, ...]:
    """The top-level attributes and blocks of an HCL file; ParseError when it is not valid."""
    where = _Positions(text)
    lexed = _lex(text, 0, 0, False, where)
    parser = _Parser(text, lexed, where, path, 0)
    return parser.body("eof", 0)


def parse_expression(text: str, path: str = "") -> Node:
    """One HCL expression (the whole text); ParseError when it is not valid."""
    where = _Positions(text)
    lexed = _lex(text, 0, 0, False, where)
    parser = _Parser(text, lexed, where, path, 0)
    parser.skip_nl()
    node = parser.expr()
    parser.skip_nl()
    if parser.kinds[parser.i] != "eof":
        parser.fail("unexpected text after the expression")
    return node
