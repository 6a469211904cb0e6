from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from resonance_lint.errors import ParseError
from resonance_lint.model import Mapping, Node, Scalar, Sequence, Source, Span, to_python
from resonance_lint.parsers.toml import TomlTree, parse_toml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.9/3.10
    import tomli as tomllib

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def parse(text: str) -> TomlTree:
    return parse_toml(Source("x.toml", text))


def node_at(tree: TomlTree, *path: str | int) -> Node:
    node: Node = tree.root
    for step in path:
        if isinstance(step, int):
            assert isinstance(node, Sequence)
            node = node.items[step]
        else:
            assert isinstance(node, Mapping)
            found = node.get(step)
            assert found is not None, step
            node = found
    return node


def key_span(tree: TomlTree, *path: str | int) -> Span:
    parent = node_at(tree, *path[:-1])
    assert isinstance(parent, Mapping)
    pair = parent.pair(str(path[-1]))
    assert pair is not None
    return pair.key.span


def excerpt(text: str, span: Span) -> str:
    return Source("x.toml", text).excerpt(span)


def normalised(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: normalised(v) for k, v in data.items()}
    if isinstance(data, list):
        return [normalised(v) for v in data]
    if isinstance(data, (dt.date, dt.time)):
        return data.isoformat()
    return data


def test_scalar_values_tags_and_spans() -> None:
    text = 'a = "s"\nb = 12\nc = 1.5\nd = true\ne = 1979-05-27T07:32:00Z\nf = 0x1F\n'
    tree = parse(text)
    expected = {
        "a": ("s", "str", '"s"'),
        "b": (12, "int", "12"),
        "c": (1.5, "float", "1.5"),
        "d": (True, "bool", "true"),
        "e": ("1979-05-27T07:32:00+00:00", "datetime", "1979-05-27T07:32:00Z"),
        "f": (31, "int", "0x1F"),
    }
    for key, (value, tag, raw) in expected.items():
        node = node_at(tree, key)
        assert isinstance(node, Scalar)
        assert (node.value, node.tag, excerpt(text, node.span)) == (value, tag, raw)


def test_key_and_value_positions() -> None:
    tree = parse('app = "x"\n  port   =   8080 # comment\n')
    assert key_span(tree, "app") == Span(1, 1, 1, 4)
    assert node_at(tree, "app").span == Span(1, 7, 1, 10)
    assert key_span(tree, "port") == Span(2, 3, 2, 7)
    assert node_at(tree, "port").span == Span(2, 14, 2, 18)


def test_dotted_keys_make_tables_with_part_spans() -> None:
    text = 'a.b.c = 1\na . d = "x"\n'
    tree = parse(text)
    assert key_span(tree, "a") == Span(1, 1, 1, 2)
    assert key_span(tree, "a", "b") == Span(1, 3, 1, 4)
    assert key_span(tree, "a", "b", "c") == Span(1, 5, 1, 6)
    assert key_span(tree, "a", "d") == Span(2, 5, 2, 6)
    assert to_python(tree.root) == {"a": {"b": {"c": 1}, "d": "x"}}


def test_quoted_keys() -> None:
    text = '"my key" = 1\n\'lit.key\' = 2\n"esc\\u00e9\\"q" = 3\nsite."google.com" = 4\n'
    tree = parse(text)
    assert to_python(tree.root) == tomllib.loads(text)
    assert excerpt(text, key_span(tree, "my key")) == '"my key"'
    assert excerpt(text, key_span(tree, "lit.key")) == "'lit.key'"
    assert excerpt(text, key_span(tree, 'esc\u00e9"q')) == '"esc\\u00e9\\"q"'
    assert excerpt(text, key_span(tree, "site", "google.com")) == '"google.com"'


def test_table_key_span_is_the_header_name() -> None:
    text = "[build]\nimage = 'x'\n\n[ deploy . release_command_vm ]\nsize = 'a'\n"
    tree = parse(text)
    assert key_span(tree, "build") == Span(1, 2, 1, 7)
    assert node_at(tree, "build").span == Span(1, 1, 2, 12)
    assert excerpt(text, key_span(tree, "deploy")) == "deploy"
    assert excerpt(text, key_span(tree, "deploy", "release_command_vm")) == (
        "deploy . release_command_vm"
    )
    assert tree.header_span(node_at(tree, "build")) == Span(1, 2, 1, 7)


def test_super_table_defined_after_sub_table() -> None:
    text = "[a.b]\nx = 1\n[a]\ny = 2\n"
    tree = parse(text)
    assert to_python(tree.root) == {"a": {"b": {"x": 1}, "y": 2}}
    assert key_span(tree, "a") == Span(3, 2, 3, 3)  # the explicit header wins
    assert node_at(tree, "a").span.line == 1


def test_arrays_of_tables_and_subtables_attach_to_last_entry() -> None:
    text = (
        "[[services]]\n"
        "internal_port = 8080\n"
        "  [services.concurrency]\n"
        "  type = 'requests'\n"
        "  [[services.ports]]\n"
        "  port = 80\n"
        "  [[services.ports]]\n"
        "  port = 443\n"
        "[[services]]\n"
        "internal_port = 9000\n"
        "  [[services.ports]]\n"
        "  port = 9000\n"
    )
    tree = parse(text)
    assert to_python(tree.root) == tomllib.loads(text)
    services = node_at(tree, "services")
    assert isinstance(services, Sequence)
    assert len(services) == 2
    first, second = services.items
    assert first.span == Span(1, 1, 8, 13)
    assert second.span == Span(9, 1, 12, 14)
    assert key_span(tree, "services") == Span(1, 3, 1, 11)
    assert tree.header_span(first) == Span(1, 3, 1, 11)
    assert tree.header_span(second) == Span(9, 3, 9, 11)
    ports = node_at(tree, "services", 0, "ports")
    assert isinstance(ports, Sequence)
    assert [tree.header_span(p) for p in ports] == [Span(5, 5, 5, 19), Span(7, 5, 7, 19)]
    assert key_span(tree, "services", 0, "concurrency") == Span(3, 4, 3, 24)
    assert node_at(tree, "services", 1, "ports", 0, "port").span == Span(12, 10, 12, 14)


def test_inline_tables_and_arrays() -> None:
    text = 'p = { version = "v2", nested = { a = [1, 2] } }\nl = [ {x = 1}, {x = 2} ]\n'
    tree = parse(text)
    assert to_python(tree.root) == tomllib.loads(text)
    assert node_at(tree, "p").span == Span(1, 5, 1, 48)
    assert key_span(tree, "p", "version") == Span(1, 7, 1, 14)
    assert node_at(tree, "p", "version").span == Span(1, 17, 1, 21)
    assert node_at(tree, "p", "nested", "a", 1).span == Span(1, 42, 1, 43)
    assert node_at(tree, "l", 1).span == Span(2, 16, 2, 23)
    assert tree.header_span(node_at(tree, "l", 1)) is None


def test_multiline_strings() -> None:
    text = (
        'a = """\nline "one"\nline two"""""\n'
        "b = '''\nraw \\n # not a comment\n'''\n"
        'c = """esc \\"""\\\n   continued"""\n'
        "d = 1\n"
    )
    tree = parse(text)
    assert to_python(tree.root) == tomllib.loads(text)
    assert node_at(tree, "a").span == Span(1, 5, 3, 14)
    assert node_at(tree, "b").span == Span(4, 5, 6, 4)
    assert node_at(tree, "c").span == Span(7, 5, 8, 16)
    assert node_at(tree, "d").span == Span(9, 5, 9, 6)
    assert dict(tree.statement_starts) == {2: 1, 3: 1, 5: 4, 6: 4, 8: 7}


def test_comments_and_hashes_in_strings() -> None:
    text = 'a = "x # y" # real comment\n# [not] = "a table"\nb = [ # c\n  1, # d\n]\n'
    tree = parse(text)
    assert to_python(tree.root) == {"a": "x # y", "b": [1]}
    assert node_at(tree, "a").span == Span(1, 5, 1, 12)
    assert node_at(tree, "b").span == Span(3, 5, 5, 2)
    assert tree.statement_starts[5] == 3


def test_crlf_line_endings() -> None:
    text = '[http_service]\r\ninternal_port = 8080\r\n\r\n[[mounts]]\r\nsource = "data"\r\n'
    tree = parse(text)
    assert to_python(tree.root) == tomllib.loads(text)
    assert node_at(tree, "http_service", "internal_port").span == Span(2, 17, 2, 21)
    assert key_span(tree, "mounts") == Span(4, 3, 4, 9)
    assert node_at(tree, "mounts", 0, "source").span == Span(5, 10, 5, 16)


def test_datetime_with_space_separator() -> None:
    text = "when = 1979-05-27 07:32:00 # c\nday = 1979-05-27\nt = 07:32:00\n"
    tree = parse(text)
    when = node_at(tree, "when")
    assert isinstance(when, Scalar)
    assert (when.tag, when.span) == ("datetime", Span(1, 8, 1, 27))
    assert to_python(tree.root) == normalised(tomllib.loads(text))


def test_empty_document() -> None:
    tree = parse("")
    assert tree.root.pairs == ()
    assert parse("# only a comment\n").root.pairs == ()


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a = 1\nb = = 2\n", 2, 5),
        ("a = 1\na = 2\n", 2, 6),
        ('[t]\nx = "unterminated\n', 2, 18),
        ("[[a]]\n[a]\n", 2, 3),
    ],
)
def test_invalid_toml_raises_parse_error_at_tomllib_position(
    text: str, line: int, column: int
) -> None:
    with pytest.raises(ParseError) as info:
        parse(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert info.value.message.startswith("invalid TOML:")


def test_error_at_end_of_document() -> None:
    with pytest.raises(ParseError) as info:
        parse("a = 1\nb = [1,\n")
    assert info.value.line >= 2


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000 + "\n",
        "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n",
        "[" + ".".join(["t"] * 500) + "]\nx = 1\n",
        ".".join(["k"] * 500) + " = 1\n",
    ],
)
def test_deep_nesting_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError):
        parse(text)


def test_moderate_nesting_is_fine() -> None:
    text = "a = " + "[" * 20 + "1" + "]" * 20 + "\n"
    assert to_python(parse(text).root) == tomllib.loads(text)


SAMPLES = [
    'title = "TOML"\n[owner]\nname = "Tom"\ndob = 1979-05-27T07:32:00-08:00\n',
    '[database]\nports = [ 8000, 8001, 8002 ]\ndata = [ ["delta", "phi"], [3.14] ]\n',
    "[servers]\n[servers.alpha]\nip = '10.0.0.1'\n[servers.beta]\nip = '10.0.0.2'\n",
    "[[fruits]]\nname = 'apple'\n[fruits.physical]\ncolor = 'red'\n[[fruits.varieties]]\n"
    "name = 'red delicious'\n[[fruits]]\nname = 'banana'\n[[fruits.varieties]]\nname = 'p'\n",
    "points = [ { x = 1, y = 2, z = 3 },\n  { x = 7, y = 8, z = 9 } ]\n",
    "int1 = +99\nint2 = 1_000\nflt = -inf\nbin = 0b1101\noct = 0o755\nexp = 5e+22\n",
    'str = "I\'m a string. \\"You can quote me\\". Name\\tJos\\u00E9\\nLocation\\tSF."\n',
    "fruit.apple.color = 'red'\nfruit.apple.taste.sweet = true\n[fruit.orange]\nk = 1\n",
    "a = []\nb = [\n]\nc = {}\n[empty]\n[[list]]\n[[list]]\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_values_equal_tomllib(text: str) -> None:
    tree = parse(text)
    assert to_python(tree.root) == normalised(tomllib.loads(text))
    assert tree.root.span.line == 1


def _check_spans(node: Node, source: Source) -> None:
    if isinstance(node, Mapping):
        for pair in node.pairs:
            raw = source.excerpt(pair.key.span)
            assert raw
            assert str(pair.key.value).split(".")[0].strip("\"'") in raw.strip("\"'")
            if isinstance(pair.value, Scalar):
                assert source.excerpt(pair.value.span)
            _check_spans(pair.value, source)
    elif isinstance(node, Sequence):
        for item in node.items:
            _check_spans(item, source)


def test_corpus_round_trips() -> None:
    folders = [CORPUS / "fly", CORPUS / "fly-fixtures"]
    files = [
        p for folder in folders if folder.is_dir() for p in folder.rglob("*.toml") if p.is_file()
    ]
    if not files:
        pytest.skip(f"corpus not found at {CORPUS.resolve()}")
    for path in files:
        text = path.read_text(encoding="utf-8")
        source = Source(str(path), text)
        tree = parse_toml(source)
        assert to_python(tree.root) == normalised(tomllib.loads(text)), path
        _check_spans(tree.root, source)


SEED = """\
app = "demo" # c
[build.args]
  A = 'x'
[[services]]
  ports = [ { port = 80, handlers = ["http"] }, ]
  [services.concurrency]
    type = "requests"
  [[services.tcp_checks]]
    interval = \"\"\"15s\"\"\"
[env]
  "QUOTED KEY" = '''multi
line'''
  when = 1979-05-27 07:32:00
"""
PIECES = [*"[]{}\"'=.,#\n\t \\a1_-:", '"""', "'''", "[[", "]]", "\r\n", "x.y", "0x1F"]


def test_mutated_documents_parse_or_fail_cleanly() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    edits = st.lists(
        st.tuples(st.integers(0, len(SEED)), st.integers(0, 3), st.sampled_from(PIECES)),
        min_size=1,
        max_size=4,
    )

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(edits)
    def check(changes: list[tuple[int, int, str]]) -> None:
        text = SEED
        for position, cut, piece in changes:
            position = min(position, len(text))
            text = text[:position] + piece + text[position + cut :]
        try:
            tree = parse(text)
        except ParseError as error:
            message = error.message  # tomllib's error, never a position-recovery failure
        else:
            message = "invalid TOML"
            assert to_python(tree.root) == normalised(tomllib.loads(text))
        assert message.startswith("invalid TOML"), message

    check()
