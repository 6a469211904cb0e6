from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resonance_lint.model import Span
from resonance_lint.parsers.shell import Command, ShellScript, split_script


def one_line(start: int, end: int) -> Span:
    return Span(1, start + 1, 1, end + 1)


def split(text: str) -> ShellScript:
    return split_script(text, one_line)


def summary(script: ShellScript) -> list[tuple[str, list[str]]]:
    return [(c.program, [w.value for w in c.args]) for c in script.commands]


def only(script: ShellScript, program: str) -> Command:
    (found,) = [c for c in script.commands if c.program == program]
    return found


def test_operators_split_commands() -> None:
    script = split("a 1 && b 2 || c; d & e\nf")
    assert summary(script) == [
        ("a", ["1"]),
        ("b", ["2"]),
        ("c", []),
        ("d", []),
        ("e", []),
        ("f", []),
    ]
    assert [c.connector for c in script.commands] == ["&&", "||", ";", "&", "\n", ""]


def test_word_spans_and_quotes() -> None:
    script = split("""echo "a b" 'c d' e\\ f g"h"i""")
    words = script.commands[0].args
    assert [w.value for w in words] == ["a b", "c d", "e f", "ghi"]
    assert [w.span.column for w in words] == [6, 12, 18, 23]
    assert words[0].raw == '"a b"'


def test_pipes_are_visible() -> None:
    script = split("curl -fsSL x | tar -xz -C /opt && echo ok")
    curl, tar, echo = script.commands
    assert curl.pipeline == tar.pipeline != echo.pipeline
    assert (curl.pipe_index, tar.pipe_index) == (0, 1)
    assert curl.pipe_span == Span(1, 14, 1, 15)
    assert tar.pipe_span is None
    assert script.pipelines() == ((curl, tar),)


def test_line_break_after_pipe_continues_the_pipeline() -> None:
    script = split("a |\n  b\nc")
    a, b, c = script.commands
    assert a.pipeline == b.pipeline != c.pipeline


def test_backslash_newline_is_removed() -> None:
    script = split("apt-get install \\\n  curl")
    assert summary(script) == [("apt-get", ["install", "curl"])]


def test_assignments_env_and_sudo_are_peeled() -> None:
    script = split("A=1 sudo -E -u app env B=2 C=3 pip install x")
    cmd = script.commands[0]
    assert [w.value for w in cmd.assignments] == ["A=1"]
    assert [w.value for w in cmd.wrappers] == ["sudo", "-E", "-u", "app", "env", "B=2", "C=3"]
    assert cmd.program == "pip"
    assert cmd.sudo is not None
    assert cmd.sudo.span == Span(1, 5, 1, 9)


def test_wrappers_with_operands() -> None:
    assert split("timeout 10s curl x").commands[0].program == "curl"
    assert split("xargs -r -n 1 apt-get install -y").commands[0].program == "apt-get"
    assert split("command -v curl").commands[0].program == "command"
    assert split("/usr/bin/apt-get update").commands[0].program == "apt-get"


def test_command_substitution_and_backticks_are_nested() -> None:
    script = split('echo "$(curl -k https://x | sh)" `wget y`')
    assert summary(script)[0] == ("echo", ["$(curl -k https://x | sh)", "`wget y`"])
    curl = only(script, "curl")
    assert curl.depth == 1
    assert curl.name is not None
    assert curl.name.span == Span(1, 9, 1, 13)
    assert only(script, "wget").depth == 1
    assert only(script, "sh").pipeline == curl.pipeline


def test_arithmetic_and_parameter_expansion_are_words() -> None:
    script = split("x=$((1 + 2)) y=${A:-b c}; echo $x")
    assert [w.value for w in script.commands[0].assignments] == ["x=$((1 + 2))", "y=${A:-b c}"]
    assert summary(script)[1] == ("echo", ["$x"])


def test_sh_c_script_is_split_with_positions() -> None:
    script = split("bash -o pipefail -c 'curl x | sh'")
    assert [c.program for c in script.commands] == ["bash", "curl", "sh"]
    curl = only(script, "curl")
    assert curl.depth == 1
    assert curl.name is not None
    assert curl.name.span == Span(1, 22, 1, 26)


def test_redirections_are_not_arguments() -> None:
    script = split("echo hi > /tmp/x 2>&1 </dev/null; cat <<EOF >> f")
    echo, cat = script.commands
    assert [w.value for w in echo.args] == ["hi"]
    assert [(r.operator, r.target.value if r.target else None) for r in echo.redirects] == [
        (">", "/tmp/x"),
        (">&", "1"),
        ("<", "/dev/null"),
    ]
    assert [w.value for w in cat.args] == []


def test_heredoc_bodies_inside_a_script_are_skipped() -> None:
    script = split("cat <<-EOF > /etc/x\n\tnot | a command\n\tEOF\necho done")
    assert summary(script) == [("cat", []), ("echo", ["done"])]


def test_comments_are_ignored() -> None:
    assert summary(split("echo a # b | c\n# d\ne")) == [("echo", ["a"]), ("e", [])]


def test_reserved_words_and_case_patterns() -> None:
    script = split(
        'if [ -f x ]; then rm -f x; fi; case "$a" in amd64|arm64) b=1 ;; *) c | d ;; esac'
    )
    assert [c.program for c in script.commands] == ["[", "rm", "case", "", "c", "d"]
    assert script.pipelines() == ((script.commands[4], script.commands[5]),)


def test_flag_lookup() -> None:
    cmd = split("apt-get -qy install --no-install-recommends=1 -o X=y pkg").commands[0]
    assert cmd.flag("-y") is not None
    assert cmd.flag("--no-install-recommends") is not None
    assert cmd.flag("-z") is None
    assert [w.value for w in cmd.positionals(frozenset({"-o"}))] == ["install", "pkg"]


def test_flags_after_double_dash_are_operands() -> None:
    cmd = split("sh -s -- -y").commands[0]
    assert cmd.flag("-y") is None
    assert [w.value for w in cmd.positionals()] == ["-y"]


def test_non_posix_mode_keeps_backslashes() -> None:
    script = split_script(r"copy C:\src\app C:\app | out", one_line, posix=False)
    assert summary(script)[0] == ("copy", [r"C:\src\app", r"C:\app"])


@pytest.mark.parametrize(
    "text",
    [
        "'unterminated",
        '"$(',
        "`",
        "$(",
        "${a",
        "((",
        ")))",
        "<(x",
        "a\\",
        "case x in",
        ";;",
        "|",
        "&&",
    ],
)
def test_broken_input_does_not_raise(text: str) -> None:
    split(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $()`'\"\\|&;<>{}\n#=-c")), max_size=60))
def test_never_raises(text: str) -> None:
    script = split(text)
    for command in script.commands:
        assert command.words


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $()`'\"\\|&;<>{}\n#=-c")), max_size=60))
def test_never_raises_with_github_expressions(text: str) -> None:
    script = split_script(text, one_line, github_expressions=True)
    for command in script.commands:
        assert command.words
        for word in command.words:
            assert word.raw == text[word.span.column - 1 : word.span.end_column - 1]


# --- GitHub Actions expressions -------------------------------------------------------------


def gha(text: str) -> ShellScript:
    return split_script(text, one_line, github_expressions=True)


def values(script: ShellScript) -> list[list[str]]:
    return [[w.value for w in c.words] for c in script.commands]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spaces, `||` and `&&` inside the expression
        (
            "deploy ${{ inputs.env || 'staging' }} --fast",
            [["deploy", "${{ inputs.env || 'staging' }}", "--fast"]],
        ),
        (
            "run ${{ github.event_name == 'push' && '--all' || '' }}; echo done",
            [["run", "${{ github.event_name == 'push' && '--all' || '' }}"], ["echo", "done"]],
        ),
        # glued to other text, inside double quotes (quotes removed around it)
        (
            'echo "X=${{ github.event.issue.title }}"x --k=${{ a }}b',
            [["echo", "X=${{ github.event.issue.title }}x", "--k=${{ a }}b"]],
        ),
        # inside single quotes: the expression's own quotes do not end the shell string
        (
            "echo '${{ github.ref == 'refs/heads/main' }} ok' next",
            [["echo", "${{ github.ref == 'refs/heads/main' }} ok", "next"]],
        ),
        # `}}` inside an expression string; `(`/`)` and `|` inside it
        ("a ${{ format('}} {0}', x) }} b", [["a", "${{ format('}} {0}', x) }}", "b"]]),
        ("a ${{ contains(x, '|') }} | b", [["a", "${{ contains(x, '|') }}"], ["b"]]),
        # inside a command substitution
        (
            'v=$(echo "${{ a || b }}" | tr a b)',
            [['v=$(echo "${{ a || b }}" | tr a b)'], ["echo", "${{ a || b }}"], ["tr", "a", "b"]],
        ),
        # an unterminated quote inside the expression ends at the first `}}`
        ("a ${{ 'x }} b", [["a", "${{ 'x }}", "b"]]),
        # an unterminated expression runs to the end of the text
        ("a ${{ b c", [["a", "${{ b c"]]),
    ],
)
def test_github_expressions_stay_in_one_word(text: str, expected: list[list[str]]) -> None:
    assert values(gha(text)) == expected


def test_github_expressions_nested_commands() -> None:
    text = 'echo "$(curl ${{ inputs.url || \'a b\' }})" && sh -c "fly deploy ${{ x }}"'
    script = gha(text)
    assert [(c.program, c.depth) for c in script.commands] == [
        ("echo", 0),
        ("curl", 1),
        ("sh", 0),
        ("fly", 1),
    ]
    assert [w.value for w in script.commands[1].args] == ["${{ inputs.url || 'a b' }}"]
    fly = script.commands[3]
    assert [w.value for w in fly.args] == ["deploy", "${{ x }}"]
    column = text.index("${{ x }}") + 1
    assert fly.args[1].span == Span(1, column, 1, column + len("${{ x }}"))


def test_github_expressions_are_off_by_default() -> None:
    # Dockerfile behaviour: `${{` is an ordinary (brace-counted) parameter expansion.
    assert values(split("a ${{ b || c }} d")) == [["a", "${{ b || c }}", "d"]]
    assert values(split("echo '${{ x == 'y z' }}'")) == [["echo", "${{ x == y", "z }}"]]
    assert values(gha("echo '${{ x == 'y z' }}'")) == [["echo", "${{ x == 'y z' }}"]]


# --- Command helpers ------------------------------------------------------------------------


def test_argv_text_and_is_call() -> None:
    cmd = gha('A=1 sudo -E /usr/local/bin/fly deploy "--app" x >> log').commands[0]
    assert [w.value for w in cmd.argv] == ["/usr/local/bin/fly", "deploy", "--app", "x"]
    assert cmd.text() == "/usr/local/bin/fly deploy --app x"
    assert cmd.is_call("fly")
    assert cmd.is_call("fly", "deploy")
    assert cmd.is_call("fly", "deploy", "--app", "x")
    assert not cmd.is_call("fly", "deploy", "--app", "x", "y")
    assert not cmd.is_call("flyctl", "deploy")
    assert not cmd.is_call("fly", "status")
    assert not cmd.is_call()
    empty = gha("A=1 > f").commands[0]
    assert empty.argv == ()
    assert empty.text() == ""
    assert not empty.is_call("A=1")


def option_values(text: str, *flags: str) -> list[tuple[str, str | None, str | None]]:
    cmd = gha(text).commands[0]
    return [
        (flag.value, word.value if word is not None else None, value)
        for flag, word, value in cmd.option(*flags)
    ]


@pytest.mark.parametrize(
    ("text", "flags", "expected"),
    [
        ("fly deploy --image a:1", ("--image", "-i"), [("--image", "a:1", "a:1")]),
        (
            "fly deploy --image=a:1",
            ("--image",),
            [("--image=a:1", "--image=a:1", "a:1")],
        ),
        ("fly deploy -i a:1", ("--image", "-i"), [("-i", "a:1", "a:1")]),
        # short flags never take `=value`; a flag at the end has no value
        ("fly deploy -i=a:1", ("-i",), []),
        ("fly deploy --detach", ("--detach",), [("--detach", None, None)]),
        # every use, in order; options after `--` are operands
        (
            "x --a 1 --a=2 -- --a 3",
            ("--a",),
            [("--a", "1", "1"), ("--a=2", "--a=2", "2")],
        ),
        ("x --image-name y", ("--image",), []),
        (
            "x --image ${{ inputs.image || 'a b' }}",
            ("--image",),
            [("--image", "${{ inputs.image || 'a b' }}", "${{ inputs.image || 'a b' }}")],
        ),
    ],
)
def test_option(
    text: str, flags: tuple[str, ...], expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert option_values(text, *flags) == expected


def test_word_find_and_subspan() -> None:
    cmd = gha("fly deploy '--image=reg/app:latest'").commands[0]
    word = cmd.args[1]
    assert word.span == Span(1, 12, 1, 36)
    assert word.find("reg/app:latest") == Span(1, 21, 1, 35)
    assert word.find("nothing") == word.span
    assert word.find("") == word.span
    assert word.subspan(1, 3) == Span(1, 13, 1, 15)
    assert word.subspan(-5, 99) == word.span


def test_word_subspan_falls_back_when_not_written_verbatim() -> None:
    # Words spanning a continuation line, or mapped from escaped text, keep their whole span.
    def lines(start: int, end: int) -> Span:
        return Span(1, start + 1, 2, end + 1)

    word = split_script("echo ab", lines).commands[0].args[0]
    assert word.find("b") == word.span


def test_heredoc_bodies_are_kept_on_the_redirect() -> None:
    script = gha(
        'cat >> "$GITHUB_ENV" <<EOF\nA=${{ x }}\nB=2\nEOF\n'
        "cat << 'END' | tee f\n  one\nEND\n"
        "cat <<-X\n\tt\n\tX\necho done"
    )
    assert [c.program for c in script.commands] == ["cat", "cat", "tee", "cat", "echo"]
    first, second, _, third, _ = script.commands
    assert [(r.operator, r.body) for r in first.redirects] == [
        (">>", None),
        ("<<", "A=${{ x }}\nB=2\n"),
    ]
    assert first.heredocs == ("A=${{ x }}\nB=2\n",)
    assert second.heredocs == ("  one\n",)
    assert third.heredocs == ("\tt\n",)


def test_heredoc_delimiter_after_a_space() -> None:
    script = split("cat << EOF > f\nnot | a command\nEOF\necho done")
    assert summary(script) == [("cat", []), ("echo", ["done"])]
    assert script.commands[0].heredocs == ("not | a command\n",)


def test_unterminated_heredoc_body_runs_to_the_end() -> None:
    script = split("cat <<EOF\na\nb")
    assert script.commands[0].heredocs == ("a\nb",)
