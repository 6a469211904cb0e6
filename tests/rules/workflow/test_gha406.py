from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/pr.yml"


def wf(on: str, run: str) -> str:
    return f"on: {on}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    ("run", "token"),
    [
        ('echo "TITLE=${{ github.event.pull_request.title }}" >> $GITHUB_ENV', "GITHUB_ENV"),
        ('echo "SHA=$(git rev-parse HEAD)" >> "$GITHUB_ENV"', "GITHUB_ENV"),
        ('echo "$TOOL_DIR" >> $GITHUB_PATH', "GITHUB_PATH"),
        ('echo "V=$VERSION" | tee -a $GITHUB_ENV', "GITHUB_ENV"),
        (
            'Write-Output "V=$env:VERSION" | Out-File -FilePath $env:GITHUB_ENV -Append',
            "GITHUB_ENV",
        ),
    ],
)
def test_dynamic_writes_under_privileged_triggers(run: str, token: str) -> None:
    assert hits(WF, wf("pull_request_target", run), "GHA406") == [
        (6, 14 + run.index(token), "GHA406")
    ]


def test_heredoc_with_expansion() -> None:
    text = """\
on: workflow_run
jobs:
  a:
    runs-on: x
    steps:
      - run: |
          cat >> "$GITHUB_ENV" <<EOF
          BRANCH=${{ github.event.workflow_run.head_branch }}
          EOF
"""
    assert hits(WF, text, "GHA406") == [(7, 20, "GHA406")]


@pytest.mark.parametrize(
    ("on", "run"),
    [
        ("pull_request_target", 'echo "MODE=release" >> $GITHUB_ENV'),
        ("push", 'echo "TITLE=${{ github.event.head_commit.message }}" >> $GITHUB_ENV'),
        ("issue_comment", "echo hi"),
    ],
)
def test_constant_writes_or_unprivileged_triggers(on: str, run: str) -> None:
    assert hits(WF, wf(on, run), "GHA406") == []


@pytest.mark.parametrize(
    "run",
    [
        # the command before the pipe counts, not the substitution nested in it
        'echo "V=$(cat version.txt)" | tee -a "$GITHUB_ENV"',
        # an expression with spaces and quotes stays one word
        "echo \"T=${{ github.event.pull_request.title || 'none' }}\" >> $GITHUB_ENV",
        "echo DIR=$HOME/bin 2>&1 >> $GITHUB_ENV",
    ],
)
def test_pipes_and_expressions(run: str) -> None:
    assert hits(WF, wf("pull_request_target", run), "GHA406") == [
        (6, 14 + run.index("GITHUB_ENV"), "GHA406")
    ]


def test_heredoc_delimiter_after_a_space() -> None:
    text = """\
on: issue_comment
jobs:
  a:
    runs-on: x
    steps:
      - run: |
          cat << 'EOF' >> "$GITHUB_ENV"
          BODY=${{ github.event.comment.body }}
          EOF
          cat << EOF >> "$GITHUB_ENV"
          MODE=release
          EOF
"""
    assert hits(WF, text, "GHA406") == [(7, 29, "GHA406")]
