from __future__ import annotations

from pathlib import Path

import pytest

from resonance_lint.errors import ParseError
from resonance_lint.model import Mapping, Scalar, Sequence, Source, Span, to_python
from resonance_lint.parsers.yaml import (
    MAX_DEPTH,
    YamlScalar,
    expressions,
    load,
    locate,
    resolve_plain,
    scan_expressions,
)


def tree(text: str) -> Mapping:
    root = load(Source("x.yml", text)).root
    assert isinstance(root, Mapping)
    return root


def value(text: str, key: str) -> Scalar:
    found = tree(text).scalar(key)
    assert found is not None
    return found


# --- YAML 1.2 semantics -----------------------------------------------------------------------


@pytest.mark.parametrize("key", ["on", "yes", "no", "off", "true", "y", "1", "null"])
def test_keys_stay_strings(key: str) -> None:
    root = tree(f"{key}: x\n")
    assert root.keys() == (key,)
    assert root.pairs[0].key.value == key


@pytest.mark.parametrize(
    ("raw", "expected", "tag"),
    [
        ("true", True, "bool"),
        ("False", False, "bool"),
        ("TRUE", True, "bool"),
        ("yes", "yes", "str"),
        ("no", "no", "str"),
        ("on", "on", "str"),
        ("off", "off", "str"),
        ("~", None, "null"),
        ("null", None, "null"),
        ("", None, "null"),
        ("42", 42, "int"),
        ("-7", -7, "int"),
        ("0o17", 15, "int"),
        ("0x1F", 31, "int"),
        ("1.5", 1.5, "float"),
        ("1e3", 1000.0, "float"),
        ("3.10", 3.1, "float"),
        ("1_000", "1_000", "str"),
        ("0b101", "0b101", "str"),
        ("12:30", "12:30", "str"),
        ("ubuntu-latest", "ubuntu-latest", "str"),
    ],
)
def test_plain_values_use_the_core_schema(raw: str, expected: object, tag: str) -> None:
    assert resolve_plain(raw) == (expected, tag)
    if raw:
        found = value(f"a: {raw}\n", "a")
        assert (found.value, found.tag) == (expected, tag)


@pytest.mark.parametrize("text", ["a: 'true'\n", 'a: "42"\n', "a: |\n  42\n", "a: !!str 42\n"])
def test_quoted_block_and_tagged_strings_stay_strings(text: str) -> None:
    assert isinstance(value(text, "a").value, str)


def test_explicit_int_tag_converts() -> None:
    assert value("a: !!int '7'\n", "a").value == 7


# --- spans ------------------------------------------------------------------------------------


def test_key_and_value_spans_are_exact() -> None:
    root = tree("jobs:\n  build:\n    runs-on: ubuntu-latest\n")
    job = root.mapping("jobs")
    assert job is not None
    build = job.mapping("build")
    assert build is not None
    pair = build.pair("runs-on")
    assert pair is not None
    assert pair.key.span == Span(3, 5, 3, 12)
    assert pair.value.span == Span(3, 14, 3, 27)


def test_columns_count_characters_not_bytes() -> None:
    assert value("a: é€😀 x\nb: y\n", "b").span == Span(2, 4, 2, 5)
    assert value("a: é€😀 x\n", "a").span == Span(1, 4, 1, 9)


def test_block_scalar_span_ends_at_its_last_character() -> None:
    found = value("run: |\n  echo a\n  echo bb\n\nnext: 1\n", "run")
    assert found.span == Span(1, 6, 3, 10)


def test_span_without_trailing_newline() -> None:
    root = tree("a: [1, 2]")
    assert root.span == Span(1, 1, 1, 10)


def test_crlf_line_endings() -> None:
    root = tree("a: 1\r\nb:\r\n  c: x\r\n")
    b = root.mapping("b")
    assert b is not None
    assert b.pairs[0].value.span == Span(3, 6, 3, 7)


def test_bom_shifts_first_line_columns() -> None:
    root = tree("\ufeffon: push\njobs: {}\n")
    assert root.pairs[0].key.span == Span(1, 2, 1, 4)
    assert root.pairs[1].key.span == Span(2, 1, 2, 5)


def test_yaml_11_line_separators_fall_back_to_source_positions() -> None:
    found = value('a: "x\u2028y"\nb: z\n', "b")
    assert found.span == Span(2, 4, 2, 5)


# --- expressions ------------------------------------------------------------------------------


def test_expressions_in_plain_scalar() -> None:
    found = expressions(value("run: echo ${{ a }} ${{ b.c }}\n", "run"))
    assert [(e.text, e.span) for e in found] == [
        ("a", Span(1, 11, 1, 19)),
        ("b.c", Span(1, 20, 1, 30)),
    ]


def test_expressions_in_literal_block_scalar() -> None:
    text = "run: | # ${{ not.this }}\n  echo hi\n    x ${{ github.head_ref }}\n"
    found = expressions(value(text, "run"))
    assert [(e.text, e.span, e.exact) for e in found] == [
        ("github.head_ref", Span(3, 7, 3, 29), True)
    ]


def test_expressions_in_quoted_scalars() -> None:
    single = expressions(value("a: 'it''s ${{ x }}'\n", "a"))
    assert [e.span for e in single] == [Span(1, 11, 1, 19)]
    double = expressions(value('a: "q\\t${{ y }}"\n', "a"))
    assert [e.span for e in double] == [Span(1, 8, 1, 16)]


def test_expressions_in_folded_scalar() -> None:
    found = expressions(value("a: >\n  one ${{ x }}\n  two ${{ y }}\n", "a"))
    assert [e.span for e in found] == [Span(2, 7, 2, 15), Span(3, 7, 3, 15)]


def test_multiline_expression_in_block_scalar_keeps_both_ends() -> None:
    found = expressions(value("a: |\n  ${{\n    x\n  }}\n", "a"))
    assert [(e.text, e.span) for e in found] == [("x", Span(2, 3, 4, 5))]


def test_ambiguous_expression_falls_back_to_the_scalar() -> None:
    scalar = value("a: >\n  ${{ x\n  }}\n", "a")
    [found] = expressions(scalar)
    assert not found.exact
    assert found.span == scalar.span


def test_closing_braces_inside_expression_strings() -> None:
    found = list(scan_expressions("${{ format('}}{0}', x) }} tail"))
    assert found == [(0, 25, "format('}}{0}', x)")]


def test_unterminated_expression_is_ignored() -> None:
    assert list(scan_expressions("${{ a ")) == []
    assert expressions(value("a: '${{ b'\n", "a")) == ()


def test_expression_tag() -> None:
    assert value("a: ${{ x }}\n", "a").tag == "expr"


def test_locate_maps_value_offsets() -> None:
    source = Source("x.yml", "run: |\n  fly deploy --detach\n")
    root = load(source).root
    assert isinstance(root, Mapping)
    run = root.scalar("run")
    assert isinstance(run, YamlScalar)
    start = str(run.value).index("--detach")
    assert locate(source, run, start, start + 8) == Span(2, 14, 2, 22)


# --- anchors, duplicates, errors ----------------------------------------------------------------


def test_aliases_reuse_one_model_object() -> None:
    root = tree("a: &x {k: v}\nb: *x\n")
    assert root.get("a") is root.get("b")
    assert to_python(root) == {"a": {"k": "v"}, "b": {"k": "v"}}


def test_merge_keys_are_not_merged() -> None:
    root = tree("a: &x {k: v}\nb:\n  <<: *x\n")
    b = root.mapping("b")
    assert b is not None
    assert b.keys() == ("<<",)


def test_alias_bomb_is_a_parse_error() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(ParseError, match="alias expansion"):
        load(Source("x.yml", "\n".join(lines) + "\n"))


def test_recursive_alias_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="recursive alias"):
        load(Source("x.yml", "a: &x [*x]\n"))


def test_duplicate_keys_are_recorded_and_first_wins() -> None:
    result = load(Source("x.yml", "on: push\njobs: {}\non: pull_request\n"))
    assert isinstance(result.root, Mapping)
    assert result.root.scalar("on") is not None
    assert result.root.scalar("on").value == "push"  # type: ignore[union-attr]
    [dup] = result.duplicates
    assert (dup.key.span.line, dup.first.span.line) == (3, 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: [1, 2\nb: 3\n", 2, 2),
        ("a: 1\n---\nb: 2\n", 2, 1),
        ("a:\n\tb: 1\n", 2, 1),
        ("a: *nope\n", 1, 4),
        ("a: b\x07c\n", 1, 5),
        ("? [a]\n: 1\n", 1, 3),
    ],
)
def test_errors_carry_positions(text: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as info:
        load(Source("x.yml", text))
    assert (info.value.line, info.value.column) == (line, column)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 900, 5000, 100_000])
def test_deep_nesting_is_a_parse_error(depth: int) -> None:
    with pytest.raises(ParseError):
        load(Source("x.yml", "a: " + "[" * depth + "]" * depth + "\n"))


def test_deep_block_nesting_is_a_parse_error() -> None:
    text = "".join(" " * i + "k:\n" for i in range(3000))
    with pytest.raises(ParseError):
        load(Source("x.yml", text))


def test_nesting_under_the_limit_parses() -> None:
    root = tree("a: " + "[" * 100 + "]" * 100 + "\n")
    node = root.get("a")
    for _ in range(99):
        assert isinstance(node, Sequence)
        node = node.items[0]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_empty_documents(text: str) -> None:
    assert load(Source("x.yml", text)).root is None


def test_lone_surrogate_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        load(Source("x.yml", "a: \ud800\n"))


def test_spans_match_the_text_on_real_workflows() -> None:
    folder = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / ".github"
    folder = folder / "workflows"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {folder}")
    checked = 0
    for path in sorted(folder.iterdir())[:80]:
        source = Source(path.name, path.read_text(encoding="utf-8-sig"))
        try:
            root = load(source).root
        except ParseError:
            continue
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, Mapping):
                for pair in node.pairs:
                    key = pair.key
                    if isinstance(key, YamlScalar) and not key.style:
                        assert source.excerpt(key.span) == key.value, (path.name, key)
                        checked += 1
                    stack.append(pair.value)
            elif isinstance(node, Sequence):
                stack.extend(node.items)
            elif isinstance(node, YamlScalar) and node.style == "" and node.tag == "str":
                assert source.excerpt(node.span) == node.value, (path.name, node)
                checked += 1
    assert checked > 1000
