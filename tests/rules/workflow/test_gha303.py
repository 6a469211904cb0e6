from __future__ import annotations

from helpers import hits

WF = ".github/workflows/release.yml"


def test_secrets_inherit() -> None:
    text = """\
on: push
jobs:
  release:
    uses: org/repo/.github/workflows/release.yml@0123456789abcdef0123456789abcdef01234567
    secrets: inherit
"""
    assert hits(WF, text, "GHA303") == [(5, 14, "GHA303")]


def test_explicit_secrets() -> None:
    text = """\
on: push
jobs:
  release:
    uses: ./.github/workflows/release.yml
    secrets:
      token: ${{ secrets.RELEASE_TOKEN }}
"""
    assert hits(WF, text, "GHA303") == []
