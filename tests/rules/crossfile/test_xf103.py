from __future__ import annotations

from helpers import hits_multi

FLY = 'app = "x"\nkill_signal = "SIGTERM"\nkill_timeout = 30\n'


def test_shell_form_cmd() -> None:
    docker = "FROM node:22.11.0\nCMD node server.js\n"
    assert hits_multi({"fly.toml": FLY, "Dockerfile": docker}, "XF103") == [
        ("fly.toml", 2, 15, "XF103")
    ]


def test_shell_form_entrypoint_with_processes() -> None:
    docker = "FROM node:22.11.0\nENTRYPOINT ./start.sh\n"
    fly = FLY + '[processes]\n  web = "node server.js"\n'
    assert hits_multi({"fly.toml": fly, "Dockerfile": docker}, "XF103") == [
        ("fly.toml", 2, 15, "XF103")
    ]


def test_silent_cases() -> None:
    cases = {
        "exec form": 'FROM node:22.11.0\nCMD ["node", "server.js"]\n',
        "exec in shell form": "FROM node:22.11.0\nCMD exec node server.js\n",
        # an init in exec form is PID 1 and forwards signals to the process group
        "init entrypoint, shell cmd": (
            'FROM node:22.11.0\nENTRYPOINT ["tini", "--"]\nCMD node a.js\n'
        ),
        "processes replace shell CMD": "FROM node:22.11.0\nCMD node server.js\n",
    }
    for name, docker in cases.items():
        fly = FLY + ('[processes]\n  web = "node a.js"\n' if "processes" in name else "")
        assert hits_multi({"fly.toml": fly, "Dockerfile": docker}, "XF103") == [], name
    no_signal = 'app = "x"\n'
    assert hits_multi({"fly.toml": no_signal, "Dockerfile": "FROM a:1\nCMD run\n"}, "XF103") == []


def test_pre_commit_run() -> None:
    files = {"fly.toml": FLY, "Dockerfile": "FROM node:22.11.0\nCMD node server.js\n"}
    assert hits_multi(files, "XF103", passed=("fly.toml",)) == [("fly.toml", 2, 15, "XF103")]
