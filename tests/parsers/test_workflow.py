from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from resonance_lint.errors import ParseError
from resonance_lint.model import Mapping, Scalar, Source, Span, Target
from resonance_lint.parsers.shell import ShellScript
from resonance_lint.parsers.workflow import (
    DEFAULT_SHELL,
    WorkflowDocument,
    expressions,
    parse,
    parse_uses,
    walk_scalars,
)

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

WORKFLOW = """\
name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
concurrency:
  group: ci-${{ github.ref }}
  cancel-in-progress: true
env:
  A: "1"
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - name: Test
        id: t
        run: |
          make test
          echo "${{ github.head_ref }}"
        shell: bash
        working-directory: app
        env:
          X: y
  deploy:
    needs: [test]
    if: github.ref == 'refs/heads/main'
    environment: production
    runs-on: ubuntu-latest
    container:
      image: node:20
    services:
      db:
        image: postgres:16
    concurrency: deploy
    steps:
      - run: fly deploy
  call:
    needs: deploy
    uses: org/repo/.github/workflows/release.yml@v1
    with:
      level: 2
    secrets: inherit
"""


def doc(text: str = WORKFLOW, path: str = ".github/workflows/ci.yml") -> WorkflowDocument:
    return parse(Source(path, text))


def test_document_basics() -> None:
    d = doc()
    assert d.target is Target.WORKFLOW
    assert d.kind == "workflow"
    assert d.path == ".github/workflows/ci.yml"
    assert d.name is not None
    assert d.name.value == "CI"


def test_triggers_from_mapping_list_and_string() -> None:
    assert [t.name for t in doc().triggers] == ["push", "pull_request"]
    assert [t.name for t in doc("on: [push, workflow_dispatch]\njobs: {}\n").triggers] == [
        "push",
        "workflow_dispatch",
    ]
    single = doc("on: push\njobs: {}\n")
    assert [(t.name, t.key.span) for t in single.triggers] == [("push", Span(1, 5, 1, 9))]
    assert single.trigger_names == frozenset({"push"})
    assert doc("jobs: {}\n").triggers == ()


def test_workflow_level_settings() -> None:
    d = doc()
    assert isinstance(d.permissions, Mapping)
    assert d.concurrency is not None
    assert d.concurrency.group is not None
    assert d.concurrency.group.tag == "expr"
    assert d.concurrency.cancel_in_progress is not None
    assert d.concurrency.cancel_in_progress.value is True
    assert d.env is not None
    assert d.env.keys() == ("A",)
    assert d.on_key is not None
    assert d.on_key.span == Span(2, 1, 2, 3)


def test_jobs_and_steps() -> None:
    d = doc()
    assert [j.id for j in d.jobs] == ["test", "deploy", "call"]
    test = d.job("test")
    assert test is not None
    assert test.key.span == Span(14, 3, 14, 7)
    assert isinstance(test.timeout_minutes, Scalar)
    assert test.timeout_minutes.value == 10
    checkout, run = test.steps
    assert checkout.uses is not None
    assert checkout.uses.value == "actions/checkout@v4"
    assert checkout.uses_action("actions/checkout")
    assert checkout.input("persist-credentials") is not None
    assert run.id is not None
    assert run.id.value == "t"
    assert run.label == "Test"
    assert run.shell is not None
    assert run.shell.value == "bash"
    assert run.working_directory is not None
    assert run.working_directory.value == "app"
    assert run.env is not None
    assert run.env.keys() == ("X",)
    assert run.run_text == 'make test\necho "${{ github.head_ref }}"\n'
    assert run.run is not None
    [expr] = expressions(run.run)
    assert (expr.text, expr.span) == ("github.head_ref", Span(25, 17, 25, 39))


def test_deploy_job_fields() -> None:
    deploy = doc().job("deploy")
    assert deploy is not None
    assert [n.value for n in deploy.needs] == ["test"]
    assert deploy.environment_name is not None
    assert deploy.environment_name.value == "production"
    assert isinstance(deploy.container, Mapping)
    assert deploy.services is not None
    assert deploy.services.keys() == ("db",)
    assert deploy.concurrency is not None
    assert deploy.concurrency.group is not None
    assert deploy.concurrency.group.value == "deploy"
    assert deploy.if_ is not None
    assert not deploy.is_call


def test_reusable_workflow_call() -> None:
    call = doc().job("call")
    assert call is not None
    assert call.is_call
    assert [n.value for n in call.needs] == ["deploy"]
    assert call.with_ is not None
    assert call.with_.keys() == ("level",)
    assert isinstance(call.secrets, Scalar)
    assert call.secrets.value == "inherit"
    assert call.steps == ()


def test_all_steps_in_order() -> None:
    labels = [(job.id if job else None, step.index) for job, step in doc().all_steps()]
    assert labels == [("test", 0), ("test", 1), ("deploy", 0)]


def test_composite_action() -> None:
    action = doc(
        "name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n"
        "    - run: echo hi\n      shell: bash\n    - uses: actions/cache@v4\n",
        path="tools/action.yml",
    )
    assert action.kind == "action"
    assert action.is_action
    assert action.runs is not None
    assert [s.index for s in action.steps] == [0, 1]
    assert [(job, step.index) for job, step in action.all_steps()] == [(None, 0), (None, 1)]
    assert action.jobs == ()


@pytest.mark.parametrize("name", ["action.yml", "action.yaml", "sub/ACTION.YML"])
def test_action_file_names(name: str) -> None:
    assert doc("runs:\n  using: node20\n", path=name).kind == "action"


def test_malformed_shapes_do_not_raise() -> None:
    d = doc("on: push\njobs:\n  a: 3\n  b:\n    steps: oops\n  c:\n    steps: [1, {run: x}]\n")
    a, b, c = d.jobs
    assert a.mapping is None
    assert a.steps == ()
    assert b.steps == ()
    assert c.steps[0].mapping is None
    assert c.steps[1].run is not None


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just text\n"])
def test_non_mapping_roots(text: str) -> None:
    d = doc(text)
    assert d.root.pairs == ()
    assert d.jobs == ()


def test_duplicates_are_kept() -> None:
    d = doc("on: push\non: pull_request\njobs: {}\n")
    assert [dup.key.span.line for dup in d.duplicates] == [2]


def test_parse_errors_are_parse_errors() -> None:
    with pytest.raises(ParseError) as info:
        doc("on: push\njobs:\n  a: [\n")
    assert info.value.line >= 3


@pytest.mark.parametrize(
    ("text", "kind", "action", "ref", "pinned"),
    [
        ("actions/checkout@v4", "remote", "actions/checkout", "v4", False),
        ("actions/checkout@" + "a" * 40, "remote", "actions/checkout", "a" * 40, True),
        ("github/codeql-action/init@v3", "remote", "github/codeql-action/init", "v3", False),
        (
            "Org/Repo/.github/workflows/x.yml@main",
            "remote",
            "org/repo/.github/workflows/x.yml",
            "main",
            False,
        ),
        ("./local", "local", "/", None, False),
        ("docker://alpine:3", "docker", "/", None, False),
        ("owner/repo", "remote", "owner/repo", None, False),
    ],
)
def test_parse_uses(text: str, kind: str, action: str, ref: str | None, pinned: bool) -> None:
    uses = parse_uses(text)
    assert uses.kind == kind
    assert uses.action == action
    assert uses.ref == ref
    assert uses.is_sha_pinned is pinned


def test_reusable_workflow_reference() -> None:
    assert parse_uses("o/r/.github/workflows/x.yaml@v1").is_reusable_workflow
    assert not parse_uses("o/r/path@v1").is_reusable_workflow


def test_statement_start_maps_block_lines_to_their_key() -> None:
    d = doc()
    assert d.statement_start(25) == 23  # inside `run: |`
    assert d.statement_start(23) == 23
    assert d.statement_start(15) == 15


def test_walk_scalars_visits_shared_nodes_once() -> None:
    d = doc("a: &x [1, 2]\nb: *x\nc: 3\n")
    assert [s.value for s in walk_scalars(d.root_node)] == [1, 2, 3]
    assert [s.value for s in walk_scalars(d.root_node, keys=True)][:2] == ["a", 1]


def test_corpus_parses_fast_and_without_crashing() -> None:
    folder = CORPUS / ".github" / "workflows"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {folder}")
    sources = [Source(p.name, p.read_text(encoding="utf-8-sig")) for p in sorted(folder.iterdir())]
    start = time.perf_counter()
    parsed = 0
    for source in sources:
        try:
            parse(source)
            parsed += 1
        except ParseError:
            pass
    assert parsed >= len(sources) * 0.95
    # Generous bound (about 1 ms per file measured): catches an accidental pure-Python parser.
    assert time.perf_counter() - start < 0.02 * len(sources)


# --- run scripts ------------------------------------------------------------------------------

SCRIPTS = """\
on: push
defaults:
  run:
    shell: sh
jobs:
  a:
    runs-on: x
    defaults:
      run:
        shell: pwsh
    steps:
      - run: Get-Item C:\\app 'a b'
      - run: echo 'a b'
        shell: bash
      - run: print("hi")
        shell: python
      - uses: actions/checkout@v4
  b:
    runs-on: x
    steps:
      - run: echo 'a b'
      - run: echo 'a b'
        shell: ${{ matrix.shell }}
      - run: echo 'a b'
        shell: bash -Eeuo pipefail -x {0}
      - run: echo 'a b'
        shell: C:\\tools\\PowerShell\\pwsh.exe -command "& '{0}'"
"""


def script_of(d: WorkflowDocument, job: int, step: int) -> ShellScript | None:
    return d.script(d.jobs[job].steps[step])


def args(script: ShellScript | None) -> list[str]:
    assert script is not None
    return [w.value for w in script.commands[0].args]


def test_script_is_split_once_and_cached() -> None:
    d = doc(WORKFLOW)
    step = d.jobs[0].steps[1]
    first = d.script(step)
    assert first is not None
    assert first is d.script(step)
    assert [c.text() for c in first.commands] == ["make test", "echo ${{ github.head_ref }}"]
    assert d.script(d.jobs[0].steps[0]) is None  # a `uses` step
    # a step of another document (equal but not the same object) is split for itself
    other = doc(WORKFLOW)
    assert other.jobs[0].steps[1] == step
    assert other.script(other.jobs[0].steps[1]) is not first


def test_script_shell_and_posix_mode() -> None:
    d = doc(SCRIPTS)
    pwsh = script_of(d, 0, 0)
    assert pwsh is not None
    assert (pwsh.posix, pwsh.shell[0]) == (False, "pwsh")  # job defaults
    assert args(pwsh) == ["C:\\app", "'a", "b'"]
    bash = script_of(d, 0, 1)
    assert bash is not None
    assert (bash.posix, bash.shell) == (
        True,
        ("bash", "--noprofile", "--norc", "-eo", "pipefail", "{0}"),
    )
    assert args(bash) == ["a b"]
    assert script_of(d, 0, 2) is None  # python is not a shell
    assert script_of(d, 0, 3) is None
    sh = script_of(d, 1, 0)
    assert sh is not None
    assert sh.shell == ("sh", "-e", "{0}")  # workflow defaults
    expression = script_of(d, 1, 1)
    assert expression is not None
    assert (expression.shell, expression.posix) == (DEFAULT_SHELL, True)
    custom = script_of(d, 1, 2)
    assert custom is not None
    assert custom.shell == ("bash", "-Eeuo", "pipefail", "-x", "{0}")
    windows = script_of(d, 1, 3)
    assert windows is not None
    assert windows.posix is False


def test_default_shell_without_defaults() -> None:
    d = doc("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: a 'b c'\n")
    found = script_of(d, 0, 0)
    assert found is not None
    assert (found.shell, found.posix) == (DEFAULT_SHELL, True)
    assert args(found) == ["b c"]


@pytest.mark.parametrize(
    "run",
    [
        "|\n          echo x\n          fly deploy --image=${{ env.IMAGE || 'a b' }}\n",
        "|-\n          fly deploy --image=${{ env.IMAGE || 'a b' }}",
        "fly deploy --image=${{ env.IMAGE || 'a b' }}",
        "\"fly deploy --image=${{ env.IMAGE || 'a b' }}\"",
        ">\n          fly deploy --image=${{ env.IMAGE || 'a b' }}\n",
    ],
)
def test_script_words_have_exact_spans(run: str) -> None:
    text = f"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: {run}\n"
    d = doc(text)
    found = script_of(d, 0, 0)
    assert found is not None
    fly = next(c for c in found.commands if c.program == "fly")
    flag = fly.args[1]
    assert flag.value == "--image=${{ env.IMAGE || 'a b' }}"
    line = text.splitlines()[flag.span.line - 1]
    column = line.index("--image=") + 1
    written = line[column - 1 :].rstrip("'\"")
    assert flag.span == Span(flag.span.line, column, flag.span.line, column + len(written))
    assert flag.find("${{") == Span(flag.span.line, column + 8, flag.span.line, column + 11)


def test_composite_action_scripts() -> None:
    d = doc(
        "runs:\n  using: composite\n  steps:\n    - run: fly deploy\n      shell: bash\n",
        "action.yml",
    )
    found = d.script(d.steps[0])
    assert found is not None
    assert found.commands[0].is_call("fly", "deploy")


def test_script_cache_survives_pickling() -> None:
    d = doc(WORKFLOW)
    step = d.jobs[0].steps[1]
    before = d.script(step)
    copy = pickle.loads(pickle.dumps(d))
    after = copy.script(copy.jobs[0].steps[1])
    assert after == before
    assert copy.script(copy.jobs[1].steps[0]) is not None


def test_corpus_script_words_are_written_where_their_spans_say() -> None:
    folder = CORPUS / ".github" / "workflows"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {folder}")
    checked = 0
    for path in sorted(folder.iterdir()):
        try:
            d = parse(Source(path.name, path.read_text(encoding="utf-8-sig")))
        except ParseError:
            continue
        for _, step in d.all_steps():
            found = d.script(step)
            for command in found.commands if found is not None else ():
                for word in command.words:
                    if word.span.line == word.span.end_line:
                        assert d.source.excerpt(word.span) == word.raw, (path.name, word)
                        checked += 1
    assert checked > 1000
