from __future__ import annotations

from helpers import hits

WF = ".github/workflows/ci.yml"


def test_mutable_container_and_service_images() -> None:
    text = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    container: node
    services:
      db:
        image: postgres:latest
      cache:
        image: redis:7.2
      registry:
        image: localhost:5000/app
    steps:
      - run: npm test
  other:
    runs-on: ubuntu-latest
    container:
      image: python:3.12-slim@sha256:DIGEST
    steps:
      - run: pytest
"""
    text = text.replace("DIGEST", "0123456789abcdef" * 4)
    assert hits(WF, text, "GHA204") == [(5, 16, "GHA204"), (8, 16, "GHA204"), (12, 16, "GHA204")]


def test_pinned_or_dynamic_images() -> None:
    text = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    container:
      image: ${{ matrix.image }}
    services:
      db:
        image: postgres:16
    steps:
      - run: npm test
"""
    assert hits(WF, text, "GHA204") == []
