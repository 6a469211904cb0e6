from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/triage.yml"


def wf(run: str) -> str:
    return f"on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    "expr",
    [
        "${{ github.event.issue.title }}",
        "${{ github.event.pull_request.body }}",
        "${{ github.head_ref }}",
        "${{github.event.pull_request.head.ref}}",
        "${{ github.event.comment.body }}",
        "${{ github.event.review.body }}",
        "${{ github.event.pages[0].page_name }}",
        "${{ github.event.commits[0].message }}",
        "${{ github.event.head_commit.author.email }}",
        "${{ github.event.workflow_run.head_branch }}",
        "${{ github.event.discussion.title }}",
        "${{ github.event['issue']['body'] }}",
        "${{ toJSON(github.event.pull_request) }}",
        "${{ format('{0}', github.event.issue.title) }}",
        "${{ github.event.pull_request.head.repo.description }}",
        "${{ github.event.changes.title.from }}",
    ],
)
def test_attacker_controlled_expansion_in_run(expr: str) -> None:
    run = f'echo "{expr}"'
    assert hits(WF, wf(run), "GHA404") == [(6, 14 + run.index("${{"), "GHA404")]


@pytest.mark.parametrize(
    "expr",
    [
        "${{ github.event.issue.number }}",
        "${{ github.event.pull_request.head.sha }}",
        "${{ github.event.pull_request.user.login == 'bot' }}",
        "${{ contains(github.event.issue.title, 'bug') && 'bug' || 'other' }}",
        "${{ github.sha }}",
        "${{ secrets.TOKEN }}",
        "${{ github.event.pull_request.head.repo.fork }}",
        "${{ github.event.pull_request.head.repo.full_name }}",
        "${{ github['event']['issue']['number'] }}",
    ],
)
def test_safe_expansion(expr: str) -> None:
    assert hits(WF, wf(f'echo "{expr}"'), "GHA404") == []


def test_env_is_the_fix() -> None:
    text = """\
on: issues
jobs:
  a:
    runs-on: x
    steps:
      - run: echo "$TITLE"
        env:
          TITLE: ${{ github.event.issue.title }}
      - uses: actions/github-script@v7
        with:
          script: |
            const title = process.env.TITLE
"""
    assert hits(WF, text, "GHA404") == []


def test_block_scripts_and_github_script() -> None:
    text = """\
on: pull_request_target
jobs:
  a:
    runs-on: x
    steps:
      - run: |
          echo start
          git checkout "${{ github.head_ref }}"
      - uses: actions/github-script@v7
        with:
          script: |
            const t = "${{ github.event.pull_request.title }}"
"""
    assert hits(WF, text, "GHA404") == [(8, 25, "GHA404"), (12, 24, "GHA404")]


def test_composite_action_run() -> None:
    text = (
        "runs:\n  using: composite\n  steps:\n"
        "    - run: echo ${{ github.event.issue.body }}\n      shell: bash\n"
    )
    assert hits("action.yml", text, "GHA404") == [(4, 17, "GHA404")]


@pytest.mark.parametrize(
    ("action", "name"),
    [
        ("Amadevus/pwsh-script@v2", "script"),
        ("mikefarah/yq@v4", "cmd"),
        ("addnab/docker-run-action@v3", "run"),
        ("appleboy/ssh-action@v1", "script"),
    ],
)
def test_other_code_inputs(action: str, name: str) -> None:
    text = (
        f"on: pull_request\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {action}\n"
        f"        with:\n          {name}: echo ${{{{ github.event.pull_request.title }}}}\n"
    )
    assert hits(WF, text, "GHA404") == [(8, 18 + len(name), "GHA404")]


def test_other_inputs_are_data() -> None:
    text = (
        "on: pull_request\njobs:\n  a:\n    runs-on: x\n    steps:\n"
        "      - uses: actions/labeler@v5\n        with:\n"
        "          configuration-path: ${{ github.event.pull_request.title }}\n"
    )
    assert hits(WF, text, "GHA404") == []
