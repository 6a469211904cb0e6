from __future__ import annotations

from helpers import findings, hits

WF = ".github/workflows/ci.yml"
GITHUB_TOKEN = "ghp_" + "a1B2" * 9
PASSWORD = "Zq8" + "vT3r" * 3 + "!x"


def test_literal_secrets_in_env_and_with() -> None:
    text = f"""\
on: push
env:
  API_TOKEN: {PASSWORD}
jobs:
  build:
    runs-on: x
    steps:
      - uses: docker/login-action@v3
        with:
          username: bot
          password: "{PASSWORD}"
      - run: make
        env:
          NOTE: "token is {GITHUB_TOKEN} here"
"""
    assert hits(WF, text, "GHA301") == [(3, 14, "GHA301"), (11, 21, "GHA301"), (14, 27, "GHA301")]


def test_messages_mask_secrets_and_carry_a_hash() -> None:
    text = f"on: push\nenv:\n  API_TOKEN: {PASSWORD}\n"
    text += "jobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n"
    [finding] = findings({WF: text}, "GHA301")
    assert PASSWORD not in finding.message
    assert finding.secret_hash is not None
    assert len(finding.secret_hash) == 64


def test_references_placeholders_and_labels_are_fine() -> None:
    text = """\
on: push
env:
  API_TOKEN: ${{ secrets.API_TOKEN }}
  AUTH_HEADER: "Bearer ${{ secrets.TOKEN }}"
  DB_PASSWORD: postgres
  ENABLE_TOKEN_AUTH: true
  TOKEN_FILE: /run/secrets/token
jobs:
  build:
    runs-on: x
    services:
      db:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
    steps:
      - uses: Swatinem/rust-cache@v2
        with:
          shared-key: ruff-linux-debug
      - uses: some/action@v1
        with:
          api-key: github-actions
          github-token: ${{ github.token }}
"""
    assert hits(WF, text, "GHA301") == []


def test_reusable_call_secrets_and_with() -> None:
    text = f"""\
on: push
jobs:
  call:
    uses: ./.github/workflows/deploy.yml
    secrets:
      deploy_token: "{PASSWORD}"
"""
    assert hits(WF, text, "GHA301") == [(6, 21, "GHA301")]
