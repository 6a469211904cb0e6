"""The HCL2 parser: values in the common model, exact spans, errors as ParseError only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resonance_lint.errors import ParseError
from resonance_lint.model import Mapping, Scalar, Sequence, Span
from resonance_lint.parsers.hcl import MAX_DEPTH, parse_body, parse_expression
from resonance_lint.parsers.hcl_model import (
    Attribute,
    Block,
    Call,
    iter_nodes,
    literal_bool,
    references,
    template_parts,
)


def value(expression: str) -> object:
    node = parse_expression(expression)
    assert isinstance(node, Scalar)
    return (node.value, node.tag)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"hello"', ("hello", "str")),
        ('"a\\"b\\n\\u00e9"', ('a"b\né', "str")),
        ('"$${literal} %%{x}"', ("${literal} %{x}", "str")),
        ("42", (42, "int")),
        ("-42", (-42, "int")),
        ("1.5e3", (1500.0, "float")),
        ("true", (True, "bool")),
        ("false", (False, "bool")),
        ("null", (None, "null")),
        ("var.db_password", ("var.db_password", "expr")),
        (
            "aws_ecr_repository.app.repository_url",
            ("aws_ecr_repository.app.repository_url", "expr"),
        ),
        ('"${var.x}-foo"', ('"${var.x}-foo"', "template")),
        ('"%{if var.a}yes%{else}no%{endif}"', ('"%{if var.a}yes%{else}no%{endif}"', "template")),
        ('"${"nested ${var.y}"}"', ('"${"nested ${var.y}"}"', "template")),
        ("var.a ? 1 : 2", ("var.a ? 1 : 2", "expr")),
        ("a + b * c - -d", ("a + b * c - -d", "expr")),
        ("!var.enabled", ("!var.enabled", "expr")),
        ("aws_instance.web[0].id", ("aws_instance.web[0].id", "expr")),
        ("aws_instance.web[*].id", ("aws_instance.web[*].id", "expr")),
        ("aws_instance.web.*.id", ("aws_instance.web.*.id", "expr")),
        ("aws_instance.web.0.id", ("aws_instance.web.0.id", "expr")),
        ('[for s in var.list : upper(s) if s != ""]', None),
        ("{ for k, v in var.map : k => v... if v != null }", None),
        ("(1 + 2)", ("(1 + 2)", "expr")),
        ("all", ("all", "expr")),
    ],
)
def test_expression_values(expression: str, expected: tuple[object, str] | None) -> None:
    node = parse_expression(expression)
    assert isinstance(node, Scalar)
    if expected is None:
        assert node.tag == "expr"
        assert node.value == expression
    else:
        assert (node.value, node.tag) == expected


def test_calls_keep_their_arguments() -> None:
    node = parse_expression('jsonencode([{ image = "nginx:1.27", cpu = 256 }])')
    assert isinstance(node, Call)
    assert node.tag == "call"
    assert node.name == "jsonencode"
    (arg,) = node.args
    assert isinstance(arg, Sequence)
    container = arg.items[0]
    assert isinstance(container, Mapping)
    assert container.scalar("image") == Scalar("nginx:1.27", Span(1, 23, 1, 35), "str")
    provider = parse_expression('provider::aws::arn_parse("arn")')
    assert isinstance(provider, Call)
    assert provider.name == "provider::aws::arn_parse"
    expanded = parse_expression("concat(var.a, var.b...)")
    assert isinstance(expanded, Call)
    assert len(expanded.args) == 2


def test_objects_and_tuples_are_mappings_and_sequences() -> None:
    node = parse_expression('{\n  a = 1\n  "b" : [true, null,]\n  (var.k) = "v", c = {}\n}')
    assert isinstance(node, Mapping)
    assert node.keys() == ("a", "b", "(var.k)", "c")
    key = node.pair("(var.k)")
    assert key is not None
    assert key.key.tag == "expr"
    seq = node.sequence("b")
    assert seq is not None
    assert [i.value for i in seq if isinstance(i, Scalar)] == [True, None]
    assert node.span == Span(1, 1, 5, 2)


def test_block_and_attribute_spans() -> None:
    text = (
        'resource "aws_s3_bucket" "logs" {\n'
        '  bucket = "my-logs" # comment\n'
        "  tags = {\n"
        '    Team = "ops"\n'
        "  }\n"
        "  lifecycle { prevent_destroy = true }\n"
        "}\n"
    )
    (block,) = parse_body(text, "main.tf")
    assert isinstance(block, Block)
    assert block.type == "resource"
    assert block.type_span == Span(1, 1, 1, 9)
    assert [label.value for label in block.labels] == ["aws_s3_bucket", "logs"]
    assert block.labels[0].span == Span(1, 10, 1, 25)
    assert block.name_span == Span(1, 10, 1, 32)
    assert block.header == Span(1, 1, 1, 34)
    assert block.span == Span(1, 1, 7, 2)
    assert block.path == "main.tf"
    assert block.address == "aws_s3_bucket.logs"
    bucket = block.attribute("bucket")
    assert isinstance(bucket, Attribute)
    assert bucket.key.span == Span(2, 3, 2, 9)
    assert bucket.value == Scalar("my-logs", Span(2, 12, 2, 21), "str")
    tags = block.attribute("tags")
    assert tags is not None
    assert tags.span == Span(3, 3, 5, 4)
    lifecycle = block.block("lifecycle")
    assert lifecycle is not None
    assert literal_bool(lifecycle.get("prevent_destroy")) is True
    assert [b.type for b in block.walk_blocks()] == ["lifecycle"]
    assert [a.name for a in block.walk_attributes()] == ["bucket", "tags", "prevent_destroy"]


def test_heredocs() -> None:
    text = 'a = <<EOT\nline 1\n  line 2\nEOT\nb = <<-EOF\n    x\n      y\n    EOF\nc = "z"\n'
    items = parse_body(text, "x.tf")
    a, b, c = (item.value for item in items if isinstance(item, Attribute))
    assert a == Scalar("line 1\n  line 2\n", Span(1, 5, 4, 4), "str")
    assert isinstance(b, Scalar)
    assert b.value == "x\n  y\n"
    assert isinstance(c, Scalar)
    assert c.span.line == 9
    templated = parse_body('p = <<EOT\n{"image": "${var.image}"}\nEOT\n', "x.tf")[0]
    assert isinstance(templated, Attribute)
    assert isinstance(templated.value, Scalar)
    assert templated.value.tag == "template"


def test_comments_and_crlf() -> None:
    text = '# top\r\n// also\r\n/* block\r\ncomment */ x = 1 /* inline */ # end\r\ny = "two"\r\n'
    items = parse_body(text, "x.tf")
    assert [(i.name, i.value.span) for i in items if isinstance(i, Attribute)] == [
        ("x", Span(4, 16, 4, 17)),
        ("y", Span(5, 5, 5, 10)),
    ]


def test_newlines_inside_brackets_and_for_expressions() -> None:
    text = (
        "x = merge({ for k, v in\n"
        "  {\n"
        "    a = { port = 1 }\n"
        "  } : k => v\n"
        "}, {})\n"
        "y = [\n  1,\n  2\n]\n"
        "z = var.a ? (\n  1\n) : 2\n"
    )
    names = [i.name for i in parse_body(text, "x.tf") if isinstance(i, Attribute)]
    assert names == ["x", "y", "z"]


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ('resource "a" "b" {\n  x = 1\n', 1, 18, "unclosed block"),
        ("x = \n", 1, 5, "expected an expression"),
        ('x = "abc\n', 1, 5, "unterminated string"),
        ("x = 1 2\n", 1, 7, "expected a newline"),
        ("}\n", 1, 1, "unexpected '}'"),
        ("x = @\n", 1, 5, "invalid character"),
        ("x = <<EOT\nnever closed\n", 1, 5, "unterminated heredoc"),
        ("x = [1, 2\n", 2, 1, "expected ',' or ']'"),
        ("x = { a = 1 b = 2 }\n", 1, 13, "expected ','"),
        ('x = "${var.a"\n', 1, 13, "unterminated string"),
        ('x = "${ }"\n', 1, 9, "expected an expression"),
        ("x = /* open\n", 1, 5, "unterminated comment"),
        ('x = "\\q"\n', 1, 6, "invalid escape"),
        ("block label {\n", 1, 13, "unclosed block"),
        ("a b\n", 1, 4, "expected '{'"),
        ('x = "%{ bogus }"\n', 1, 9, "template directive"),
    ],
)
def test_errors_are_parse_errors_at_the_position(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(ParseError) as caught:
        parse_body(text, "x.tf")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000,
        "x = " + "(" * 5000,
        "x = " + '"${' * 3000,
        "x = " + "{a = " * 3000,
        "a " + "{ b " * 3000,
        "x = " + "1 ? " * 3000 + "1",
    ],
)
def test_deep_nesting_is_a_parse_error_not_a_recursion_error(text: str) -> None:
    with pytest.raises(ParseError):
        parse_body(text, "x.tf")


def test_long_flat_chains_parse() -> None:
    assert parse_expression("-" * 1 + "1" + " + 1" * 20000) is not None
    assert parse_expression("!" * 5000 + "true") is not None
    nested = "x = " + "[" * (MAX_DEPTH // 2 - 1) + "]" * (MAX_DEPTH // 2 - 1) + "\n"
    assert parse_body(nested, "x.tf")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='{}[]()"$%<>-=,.:?!#/*\\\n ~abcEOT01', max_size=80))
def test_any_input_raises_only_parse_error(text: str) -> None:
    error: ParseError | None = None
    try:
        parse_body(text, "x.tf")
    except ParseError as exc:
        error = exc
    if error is not None:
        assert error.line >= 1
        assert error.column >= 1


def test_references_and_template_parts() -> None:
    node = parse_expression('"${aws_ecr_repository.app.repository_url}:${var.tag}"')
    assert isinstance(node, Scalar)
    assert references(node) == ("aws_ecr_repository.app.repository_url", "var.tag")
    assert template_parts(node) == (
        "",
        "${aws_ecr_repository.app.repository_url}",
        ":",
        "${var.tag}",
        "",
    )
    expr = parse_expression('coalesce(data.aws_ami.x.id, "a.b.c", each.key, aws_instance.w[0].id)')
    assert isinstance(expr, Scalar)
    assert references(expr) == ("data.aws_ami.x.id", "aws_instance.w.id")
    assert references(Scalar("var.x", Span.point(1), "str")) == ()


def test_iter_nodes_walks_calls_and_collections() -> None:
    node = parse_expression('jsonencode({ a = [1, { b = "x" }] })')
    found = [n.value for n in iter_nodes(node) if isinstance(n, Scalar) and n.tag == "str"]
    assert found == ["x"]
