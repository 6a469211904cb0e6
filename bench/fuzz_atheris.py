"""Coverage-guided fuzzing of every parser with atheris (local only, not part of CI).

    python -m pip install atheris
    python bench/fuzz_atheris.py -max_total_time=600 -rss_limit_mb=2048

Any exception other than ParseError, or a hang (atheris' -timeout), is a bug: the crashing input
is written to ./crash-* for a regression test.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from resonance_lint.errors import ParseError
    from resonance_lint.model import Source
    from resonance_lint.parsers import dockerfile, dockerignore, fly, migration, terraform, workflow

PARSERS = (
    ("Dockerfile", dockerfile.parse),
    ("fly.toml", fly.parse),
    ("main.tf", terraform.parse),
    (".github/workflows/ci.yml", workflow.parse),
    (".dockerignore", dockerignore.parse),
    ("migrations/0001.sql", migration.parse),
)


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    name, parse = PARSERS[provider.ConsumeIntInRange(0, len(PARSERS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    with contextlib.suppress(ParseError):
        parse(Source(name, text))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
