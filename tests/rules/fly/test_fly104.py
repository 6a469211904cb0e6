from __future__ import annotations

import pytest

from helpers import findings, hits


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ('kill_signal = "SIGFOO"\n', (1, 15)),
        ("kill_timeout = 600\n", (1, 16)),
        ('kill_timeout = "10 minutes"\n', (1, 16)),
        ("app = 12\n", (1, 7)),
        ('[deploy]\nstrategy = "blue-green"\n', (2, 12)),
        ("[deploy]\nwait_timeout = 600\n", (2, 16)),
        ('[deploy]\nmax_unavailable = "all"\n', (2, 19)),
        ('[http_service]\nauto_stop_machines = "yes"\n', (2, 22)),
        ('[http_service]\ninternal_port = "8080"\n', (2, 17)),
        ("[http_service]\nforce_https = 1\n", (2, 15)),
        ("[env]\nPORT = 8080\n", (2, 8)),
        ('[[services]]\nprotocol = "http"\n', (2, 12)),
        ("[[services]]\n[[services.ports]]\nport = 70000\n", (3, 8)),
        ('[[services]]\n[[services.ports]]\nhandlers = ["http", "https"]\n', (3, 12)),
        ("[[services]]\nconcurrency = 20\n", (2, 15)),
        ('[http_service]\n[[http_service.checks]]\ninterval = "5 s"\n', (3, 12)),
        ('[[vm]]\nmemory = "lots"\n', (2, 10)),
        ('[[vm]]\ncpu_kind = "dedicated"\n', (2, 12)),
        ('[[mounts]]\nsource = "d"\ninitial_size = "500mb"\n', (3, 16)),
        ('[[restart]]\npolicy = "sometimes"\n', (2, 10)),
        ('[checks.web]\ntype = "grpc"\n', (2, 8)),
        ('[files]\nguest_path = "/a"\n', (1, 1)),
        ("[build.args]\nNODE_VERSION = 20\n", (2, 16)),
        ('[[statics]]\nguest_path = ["/a"]\n', (2, 14)),
    ],
)
def test_invalid_values(text: str, position: tuple[int, int]) -> None:
    assert hits("fly.toml", text, "FLY104") == [(*position, "FLY104")]


def test_valid_values_of_every_shape() -> None:
    text = """\
app = "demo"
primary_region = "ams"
kill_signal = "SIGTERM"
kill_timeout = 30
swap_size_mb = 512

[experimental]
  cmd = "start.sh"
  entrypoint = ["sh"]

[build]
  dockerfile = "Dockerfile"
  [build.args]
    NODE_ENV = "production"

[deploy]
  strategy = "rolling"
  max_unavailable = 0.33
  wait_timeout = "10m"
  release_command_timeout = "5m"
  [deploy.release_command_vm]
    memory = "2gb"

[env]
  PORT = "8080"

[http_service]
  internal_port = 8080
  force_https = true
  auto_stop_machines = "suspend"
  auto_start_machines = true
  min_machines_running = 1
  [http_service.concurrency]
    type = "requests"
    soft_limit = 200
  [[http_service.checks]]
    interval = 10000
    timeout = "2s"
    grace_period = ""
    path = "/health"

[[services]]
  internal_port = "5432"
  protocol = "tcp"
  auto_stop_machines = false
  [[services.ports]]
    port = "5432"
    handlers = ["pg_tls"]
  [[services.ports]]
    start_port = 8000
    end_port = 8010
    proxy_proto_options = { version = "v2" }

[[mounts]]
  source = "data"
  destination = "/data"
  initial_size = 10
  auto_extend_size_threshold = 80
  auto_extend_size_increment = "1GB"

[[vm]]
  memory = 1024
  cpu_kind = "shared"
  cpus = 1
  kernel_args = "quiet"
"""
    assert hits("fly.toml", text, "FLY104") == []


def test_message_explains_nanoseconds() -> None:
    (found,) = findings({"fly.toml": "[deploy]\nrelease_command_timeout = 300\n"}, "FLY104")
    assert "300 nanoseconds" in found.message
    assert '"300s"' in found.message
