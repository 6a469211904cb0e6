from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resonance_lint.errors import ParseError
from resonance_lint.model import Source, Span
from resonance_lint.parsers.dockerfile import (
    DockerfileDocument,
    _parse,
    expand_variables,
    parse,
    parse_image_reference,
)

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "docker"


def doc_of(text: str) -> DockerfileDocument:
    return parse(Source("Dockerfile", text))


def excerpt(doc: DockerfileDocument, span: Span | None) -> str:
    assert span is not None
    return doc.source.excerpt(span)


def test_empty_file_is_valid() -> None:
    doc = doc_of("")
    assert doc.instructions == ()
    assert doc.stages == ()
    assert doc_of("# only a comment\n\n").instructions == ()


def test_simple_instruction_positions() -> None:
    doc = doc_of("FROM node:18 AS Build\n  run   echo hi\n")
    from_, run = doc.instructions
    assert from_.keyword == "FROM"
    assert from_.keyword_span == Span(1, 1, 1, 5)
    assert run.keyword == "RUN"  # lower-case keyword, leading blanks
    assert run.keyword_span == Span(2, 3, 2, 6)
    assert run.arguments == "echo hi"
    assert run.arguments_span == Span(2, 9, 2, 16)
    stage = doc.stages[0]
    assert stage.name == "build"
    assert excerpt(doc, stage.name_span) == "Build"


def test_unknown_instruction_is_parse_error_at_its_position() -> None:
    with pytest.raises(ParseError) as info:
        doc_of("FROM alpine\n  apt-get install x\n")
    assert (info.value.line, info.value.column) == (2, 3)
    assert "unknown instruction" in info.value.message


def test_continuation_with_comments_and_blank_lines() -> None:
    text = (
        "RUN apt-get update \\\n# a comment\n\n    && apt-get install -y \\\n      curl\nUSER app\n"
    )
    doc = doc_of(text)
    run, user = doc.instructions
    assert run.span == Span(1, 1, 5, 11)
    assert run.arguments == "apt-get update     && apt-get install -y       curl"
    curl = run.words[-1]
    assert curl.value == "curl"
    assert curl.span == Span(5, 7, 5, 11)
    assert user.line == 6
    assert doc.statement_start(3) == 1
    assert doc.statement_start(5) == 1
    assert doc.statement_start(6) == 6


def test_trailing_whitespace_after_backslash_continues() -> None:
    doc = doc_of("RUN echo a \\  \n    b\n")
    assert len(doc.instructions) == 1
    assert [w.value for w in doc.instructions[0].words] == ["echo", "a", "b"]


def test_crlf_and_tabs() -> None:
    doc = doc_of("FROM alpine:3.19\r\nRUN\tapk add \\\r\n\tcurl\r\n")
    run = doc.instructions[1]
    assert run.span.end_line == 3
    assert run.words[-1].span == Span(3, 2, 3, 6)
    assert run.script is not None
    assert [w.value for w in run.script.commands[0].args] == ["add", "curl"]


def test_escape_directive_backtick() -> None:
    text = (
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
        "RUN dir C:\\ `\n    && echo done\n"
    )
    doc = doc_of(text)
    assert doc.escape == "`"
    assert [d.name for d in doc.directives] == ["escape"]
    run = doc.instructions[1]
    assert run.span == Span(3, 1, 4, 17)
    assert run.arguments == "dir C:\\     && echo done"


def test_directives_only_at_top() -> None:
    doc = doc_of(
        "# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine\n# escape=`\nRUN a \\\n b\n"
    )
    assert [(d.name, d.value) for d in doc.directives] == [
        ("syntax", "docker/dockerfile:1"),
        ("escape", "\\"),
    ]
    assert doc.escape == "\\"
    assert doc.instructions[1].arguments == "a  b"


def test_directive_after_comment_is_a_comment() -> None:
    doc = doc_of("# hello\n# escape=`\nFROM alpine\n")
    assert doc.directives == ()
    assert doc.escape == "\\"


def test_invalid_escape_is_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        doc_of("# escape=x\nFROM alpine\n")
    assert info.value.line == 1


def test_heredoc_run() -> None:
    text = "FROM alpine\nRUN <<EOF\napk add curl\ncurl x | sh\nEOF\nUSER app\n"
    doc = doc_of(text)
    run = doc.instructions[1]
    assert run.span == Span(2, 1, 5, 4)
    (heredoc,) = run.heredocs
    assert heredoc.delimiter == "EOF"
    assert heredoc.body == "apk add curl\ncurl x | sh\n"
    assert heredoc.span == Span(2, 5, 2, 10)
    assert heredoc.body_span == Span(3, 1, 4, 12)
    assert not heredoc.quoted
    assert run.script is not None
    names = [(c.program, c.name.span if c.name else None) for c in run.script.commands]
    assert names == [
        ("apk", Span(3, 1, 3, 4)),
        ("curl", Span(4, 1, 4, 5)),
        ("sh", Span(4, 10, 4, 12)),
    ]
    assert doc.statement_start(4) == 2
    assert doc.instructions[2].keyword == "USER"


def test_heredoc_chomp_quoted_and_several_on_one_line() -> None:
    text = 'FROM alpine\nCOPY <<-A <<"B" /dst/\n\tfirst\n\tA\nsecond $x\nB\n'
    doc = doc_of(text)
    copy = doc.instructions[1]
    first, second = copy.heredocs
    assert (first.delimiter, first.strip_tabs, first.quoted, first.body) == (
        "A",
        True,
        False,
        "first\n",
    )
    assert (second.delimiter, second.strip_tabs, second.quoted, second.body) == (
        "B",
        False,
        True,
        "second $x\n",
    )
    assert copy.span.end_line == 6
    assert copy.script is None


def test_heredoc_with_crlf() -> None:
    doc = doc_of("FROM alpine\r\nRUN <<EOF\r\necho a | b\r\nEOF\r\n")
    run = doc.instructions[1]
    assert run.heredocs[0].body == "echo a | b\n"
    assert run.script is not None
    assert run.script.commands[1].name is not None
    assert run.script.commands[1].name.span == Span(3, 10, 3, 11)


def test_heredoc_stdin_of_another_program_is_not_shell() -> None:
    doc = doc_of("FROM python\nRUN python3 <<EOF\nimport os | x\nEOF\n")
    script = doc.instructions[1].script
    assert script is not None
    assert [c.program for c in script.commands] == ["python3"]


def test_heredoc_with_python_shebang_is_not_shell() -> None:
    doc = doc_of("FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1) | 2\nEOF\n")
    script = doc.instructions[1].script
    assert script is not None
    assert script.commands == ()


def test_unterminated_heredoc_is_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        doc_of("FROM alpine\nRUN <<EOF\necho hi\n")
    assert (info.value.line, info.value.column) == (2, 5)


def test_heredoc_marker_inside_quotes_is_not_a_heredoc() -> None:
    doc = doc_of("FROM alpine\nRUN echo '<<EOF'\nUSER x\n")
    assert doc.instructions[1].heredocs == ()
    assert doc.instructions[2].keyword == "USER"


def test_exec_form_elements_with_positions() -> None:
    doc = doc_of('FROM alpine\nCMD ["node", \\\n     "server.js", "a\\"b"]\n')
    cmd = doc.instructions[1]
    assert cmd.exec_form is not None
    assert [t.value for t in cmd.exec_form] == ["node", "server.js", 'a"b']
    assert cmd.exec_form[1].span == Span(3, 6, 3, 17)


def test_invalid_json_falls_back_to_shell_form() -> None:
    doc = doc_of("FROM alpine\nCMD [node, server.js]\n")
    assert doc.instructions[1].exec_form is None
    assert doc.instructions[1].arguments == "[node, server.js]"


def test_run_exec_form_sh_c_is_split() -> None:
    doc = doc_of('FROM alpine\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl x | tar x"]\n')
    script = doc.instructions[1].script
    assert script is not None
    assert script.shell == ("/bin/bash", "-o", "pipefail", "-c")
    assert [c.program for c in script.commands] == ["curl", "tar"]
    assert script.commands[1].name is not None
    assert script.commands[1].name.span == Span(2, 53, 2, 56)


def test_run_exec_form_other_program_has_no_script() -> None:
    doc = doc_of('FROM alpine\nRUN ["make", "all"]\n')
    assert doc.instructions[1].script is None


def test_flags() -> None:
    text = (
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
        "RUN --mount=type=cache,target=/root/.cache --network=none go build\n"
        "COPY --from=build --chown=app:app --link /out /app\n"
        "ADD --checksum=sha256:abc https://example.com/x.tgz /x\n"
    )
    doc = doc_of(text)
    from_, run, copy, add = doc.instructions
    platform = from_.flag("platform")
    assert platform is not None
    assert platform.value == "$BUILDPLATFORM"
    assert platform.span == Span(1, 6, 1, 31)
    assert doc.stages[0].platform == platform
    mount = run.flag("mount")
    assert mount is not None
    assert mount.fields() == {"type": "cache", "target": "/root/.cache"}
    assert run.arguments == "go build"
    assert [f.name for f in copy.flags] == ["from", "chown", "link"]
    link = copy.flag("link")
    assert link is not None
    assert link.value is None
    from_flag = copy.flag("from")
    assert from_flag is not None
    assert excerpt(doc, from_flag.value_span) == "build"
    assert [w.value for w in copy.words] == ["/out", "/app"]
    checksum = add.flag("checksum")
    assert checksum is not None
    assert checksum.value == "sha256:abc"


def test_flags_are_not_extracted_for_cmd() -> None:
    doc = doc_of("FROM alpine\nCMD --help\n")
    assert doc.instructions[1].flags == ()
    assert doc.instructions[1].arguments == "--help"


def test_env_arg_label_pairs() -> None:
    text = (
        'FROM alpine\nENV A=1 B="two words" C=\nENV LEGACY some value\n'
        'ARG NAME\nARG X=1 Y\nLABEL "k"="v"\n'
    )
    doc = doc_of(text)
    env, legacy, arg, arg2, label = doc.instructions[1:]
    assert [(p.key, p.value) for p in env.pairs] == [("A", "1"), ("B", "two words"), ("C", "")]
    b = env.pairs[1]
    assert excerpt(doc, b.key_span) == "B"
    assert excerpt(doc, b.value_span) == '"two words"'
    assert [(p.key, p.value) for p in legacy.pairs] == [("LEGACY", "some value")]
    assert excerpt(doc, legacy.pairs[0].value_span) == "some value"
    assert [(p.key, p.value) for p in arg.pairs] == [("NAME", None)]
    assert [(p.key, p.value) for p in arg2.pairs] == [("X", "1"), ("Y", None)]
    assert [(p.key, p.value) for p in label.pairs] == [("k", "v")]


def test_onbuild_trigger() -> None:
    doc = doc_of("FROM alpine\nONBUILD RUN sudo make | tee log\n")
    onbuild = doc.instructions[1]
    assert onbuild.trigger is not None
    assert onbuild.trigger.keyword == "RUN"
    assert onbuild.trigger.keyword_span == Span(2, 9, 2, 12)
    assert onbuild.trigger.script is not None
    assert [c.program for c in onbuild.trigger.script.commands] == ["make", "tee"]


def test_onbuild_onbuild_is_parse_error() -> None:
    with pytest.raises(ParseError):
        doc_of("FROM alpine\nONBUILD ONBUILD RUN x\n")


def test_stages_and_global_args() -> None:
    text = (
        "ARG BASE=node\n"
        "ARG TAG=${TAG_OVERRIDE:-20}\n"
        "FROM ${BASE}:${TAG} AS deps\n"
        "FROM deps AS build\n"
        "FROM scratch\n"
        "FROM $UNKNOWN\n"
    )
    doc = doc_of(text)
    assert [i.stage for i in doc.instructions] == [-1, -1, 0, 1, 2, 3]
    assert len(doc.global_args) == 2
    deps, build, scratch, unknown = doc.stages
    assert deps.image is not None
    assert (deps.image.value, deps.image.tag, deps.image.resolved) == ("node:20", "20", True)
    assert deps.image.tag_span == deps.image.span  # the tag came from a variable
    assert build.base_stage == 0
    assert scratch.is_scratch
    assert unknown.image is not None
    assert not unknown.image.resolved
    assert doc.final_stage is unknown
    assert doc.stage_named("BUILD") is build


def test_literal_tag_span() -> None:
    doc = doc_of("FROM ghcr.io/org/app:1.2@sha256:abcd AS x\n")
    image = doc.stages[0].image
    assert image is not None
    assert (image.registry, image.repository, image.tag, image.digest) == (
        "ghcr.io",
        "org/app",
        "1.2",
        "sha256:abcd",
    )
    assert excerpt(doc, image.tag_span) == "1.2"
    assert image.full_name == "ghcr.io/org/app"


def test_shell_instruction_sets_and_inherits_shell() -> None:
    text = (
        'FROM alpine AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n'
        "FROM base\nRUN c | d\n"
        'FROM mcr.microsoft.com/windows\nSHELL ["powershell", "-Command"]\nRUN e | f\n'
    )
    doc = doc_of(text)
    runs = [i for i in doc.instructions if i.keyword == "RUN"]
    assert runs[0].shell == ("/bin/bash", "-o", "pipefail", "-c")
    assert runs[1].shell == ("/bin/bash", "-o", "pipefail", "-c")
    assert runs[2].script is not None
    assert runs[2].script.posix is False


def test_healthcheck_exec_form() -> None:
    doc = doc_of('FROM alpine\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n')
    health = doc.instructions[1]
    assert health.flag("interval") is not None
    assert health.exec_form is not None
    assert [t.value for t in health.exec_form] == ["curl", "-f", "http://localhost/"]


def test_bom_is_skipped() -> None:
    doc = doc_of("\ufeffFROM alpine\n")
    assert doc.instructions[0].keyword == "FROM"
    assert doc.instructions[0].keyword_span == Span(1, 2, 1, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${A}", ("1", True)),
        ("$A-$B", ("1-$B", False)),
        ("${B:-dflt}", ("dflt", True)),
        ("${A:+alt}", ("alt", True)),
        ("${B:+alt}", ("", True)),
        ("${E:-x}", ("x", True)),
        ("${E-x}", ("", True)),
        ("\\$A", ("\\$A", True)),
    ],
)
def test_expand_variables(text: str, expected: tuple[str, bool]) -> None:
    assert expand_variables(text, {"A": "1", "B": None, "E": ""}) == expected


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("node", ("", "node", None, None)),
        ("node:18-alpine", ("", "node", "18-alpine", None)),
        ("localhost:5000/app", ("localhost:5000", "app", None, None)),
        ("registry.io:443/a/b:v1", ("registry.io:443", "a/b", "v1", None)),
        ("library/node@sha256:00", ("", "library/node", None, "sha256:00")),
    ],
)
def test_parse_image_reference(
    reference: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert parse_image_reference(reference) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "FROM a AS b",
                "RUN x | y",
                "RUN <<EOF",
                "EOF",
                "\\",
                "`",
                "# escape=`",
                "# c",
                "",
                '["a", "b',
                "COPY --from=",
                "ONBUILD RUN a",
                'ENV A="b',
                "RUN $(echo 'a",
                "\r",
                "\t",
                "ARG X=${Y:-",
                "RUN case x in a|b) y;; esac",
            ]
        ),
        max_size=12,
    ),
    st.text(max_size=40),
)
def test_never_raises_anything_but_parse_error(lines: list[str], noise: str) -> None:
    text = "\n".join(lines) + noise
    with contextlib.suppress(ParseError):
        _parse(Source("Dockerfile", text))  # without the safety net of parse()


def test_corpus_parses() -> None:
    files = sorted(CORPUS.glob("*/Dockerfile")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"corpus not found at {CORPUS}")
    failures = []
    start = time.perf_counter()
    for path in files:
        source = Source(str(path), path.read_text(encoding="utf-8", errors="replace"))
        try:
            _parse(source)
        except ParseError as exc:
            failures.append((path.parent.name, exc.line, exc.message))
    elapsed = time.perf_counter() - start
    print(f"{len(files)} Dockerfiles parsed in {elapsed:.2f}s, {len(failures)} parse errors")
    assert failures == []
