from __future__ import annotations

from helpers import findings, hits

WF = ".github/workflows/ci.yml"
PASSWORD = "Zq8" + "vT3r" * 3 + "!x"


def test_literal_registry_passwords() -> None:
    text = f"""\
on: push
jobs:
  build:
    runs-on: x
    container:
      image: ghcr.io/acme/builder:1
      credentials:
        username: bot
        password: {PASSWORD}
    services:
      db:
        image: ghcr.io/acme/db:1
        credentials:
          username: bot
          password: "{PASSWORD}"
    steps:
      - run: make
"""
    assert hits(WF, text, "GHA306") == [(9, 19, "GHA306"), (15, 21, "GHA306")]
    assert all(PASSWORD not in f.message and f.secret_hash for f in findings({WF: text}, "GHA306"))


def test_secret_references() -> None:
    text = """\
on: push
jobs:
  build:
    runs-on: x
    container:
      image: ghcr.io/acme/builder:1
      credentials:
        username: ${{ github.actor }}
        password: ${{ secrets.GITHUB_TOKEN }}
    steps:
      - run: make
"""
    assert hits(WF, text, "GHA306") == []
