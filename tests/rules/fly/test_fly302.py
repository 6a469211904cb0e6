from __future__ import annotations

from helpers import findings, hits

NPM_TOKEN = "npm_" + "a1B2c3D4e5" * 3 + "abcdef"


def test_secret_build_arg() -> None:
    text = f'[build]\n  [build.args]\n    NPM_TOKEN = "{NPM_TOKEN}"\n'
    assert hits("fly.toml", text, "FLY302") == [(3, 18, "FLY302")]
    (found,) = findings({"fly.toml": text}, "FLY302")
    assert "--build-secret NPM_TOKEN" in found.message
    assert NPM_TOKEN not in found.message


def test_ordinary_build_args() -> None:
    text = '[build.args]\nNODE_VERSION = "20"\nGIT_SHA = "abc123"\nNPM_TOKEN = "$NPM_TOKEN"\n'
    assert hits("fly.toml", text, "FLY302") == []
