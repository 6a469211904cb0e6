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
