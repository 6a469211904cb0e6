from __future__ import annotations

import pytest

from helpers import findings, hits


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("[experimental]\n  auto_rollback = true\n", (2, 3)),
        ("[experimental]\nallowed_public_ports = []\n", (2, 1)),
        ("[experimental]\nkill_timeout = 5\n", (2, 1)),
        ("[experimental]\nmetrics_port = 9091\n", (2, 1)),
        ("[[services]]\nscript_checks = []\n", (2, 1)),
        ("[[services]]\n[[services.tcp_checks]]\nrestart_limit = 0\n", (3, 1)),
        ('[[services]]\nconcurrency = "20,25"\n', (2, 1)),
        ('[mount]\nsource = "data"\n', (1, 2)),
        ('[[compute]]\nmemory = "1gb"\n', (1, 3)),
        ("[[metric]]\nport = 9091\n", (1, 3)),
        ('[build]\nbuild_target = "prod"\n', (2, 1)),
        ("processes = []\n", (1, 1)),
        ('[[processes]]\nname = "web"\ncommand = "bin/web"\n', (1, 3)),
        ('[[env]]\nA = "1"\n', (1, 3)),
        ('[[checks]]\nname = "alive"\ntype = "tcp"\nport = 8080\n', (1, 3)),
        (
            "[[services]]\n[[services.http_checks]]\n[[services.http_checks.headers]]\n"
            'name = "Host"\nvalue = "x"\n',
            (3, 3),
        ),
    ],
)
def test_legacy_keys(text: str, position: tuple[int, int]) -> None:
    assert hits("fly.toml", text, "FLY110") == [(*position, "FLY110")]


def test_message_gives_the_modern_form() -> None:
    (found,) = findings({"fly.toml": '[mount]\nsource = "data"\n'}, "FLY110")
    assert found.message == "legacy section `[mount]`: use `[[mounts]]`"


def test_modern_config() -> None:
    text = """\
app = "x"
[build]
  build-target = "prod"
[processes]
  web = "bin/web"
[[mounts]]
  source = "data"
[[vm]]
  memory = "1gb"
[metrics]
  port = 9091
[checks.alive]
  type = "tcp"
  port = 8080
  headers = []
[experimental]
  cmd = ["start"]
"""
    assert hits("fly.toml", text, "FLY110") == []
