from __future__ import annotations

from helpers import findings, hits_multi

FLY = 'app = "web"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n'
DOCKER = 'FROM node:22.11.0\nENV PORT=3000\nEXPOSE 3000\nCMD ["node", "server.js"]\n'


def test_internal_port_not_exposed() -> None:
    files = {"fly.toml": FLY, "Dockerfile": DOCKER}
    assert hits_multi(files, "XF101") == [("fly.toml", 5, 19, "XF101")]
    (found,) = findings(files, "XF101")
    assert [(r.path, r.span.line) for r in found.related] == [("Dockerfile", 2), ("Dockerfile", 3)]
    assert "listens on 3000" in found.message


def test_services_section_and_named_dockerfile_and_build_target() -> None:
    fly = (
        'app = "api"\n[build]\n  dockerfile = "docker/api.Dockerfile"\n  build-target = "run"\n'
        '[[services]]\n  internal_port = 9000\n  protocol = "tcp"\n'
    )
    docker = (
        "FROM golang:1.23 AS build\nEXPOSE 9000\n"
        'FROM gcr.io/distroless/base AS run\nEXPOSE 8000\nCMD ["/app"]\n'
    )
    files = {"deploy/fly.toml": fly, "deploy/docker/api.Dockerfile": docker}
    assert hits_multi(files, "XF101") == [("deploy/fly.toml", 6, 19, "XF101")]


def test_matching_ports_are_silent() -> None:
    ok_expose = {"fly.toml": FLY, "Dockerfile": DOCKER.replace("3000", "8080")}
    assert hits_multi(ok_expose, "XF101") == []
    # fly's [env] PORT tells the app where to listen
    with_env = {"fly.toml": FLY + '\n[env]\n  PORT = "8080"\n', "Dockerfile": DOCKER}
    assert hits_multi(with_env, "XF101") == []
    # an ARG-resolved EXPOSE inherited from a local base stage
    inherited = (
        'ARG P=8080\nFROM node:22.11.0 AS base\nARG P\nEXPOSE ${P}\nFROM base\nCMD ["node"]\n'
    )
    assert hits_multi({"fly.toml": FLY, "Dockerfile": inherited}, "XF101") == []
    # an image that declares no port at all: no evidence, no finding
    silent = {"fly.toml": FLY, "Dockerfile": 'FROM node:22.11.0\nCMD ["node"]\n'}
    assert hits_multi(silent, "XF101") == []
    # a fly.toml building from an image is not linked to the sibling Dockerfile
    image = FLY + '\n[build]\n  image = "registry.example.com/web:1.2.3"\n'
    assert hits_multi({"fly.toml": image, "Dockerfile": DOCKER}, "XF101") == []


def test_pre_commit_run_with_only_the_dockerfile_passed() -> None:
    files = {"fly.toml": FLY, "Dockerfile": DOCKER}
    # The finding lives in fly.toml: passing only the Dockerfile reports nothing ...
    assert hits_multi(files, "XF101", passed=("Dockerfile",)) == []
    # ... passing only fly.toml loads the Dockerfile as context and reports it.
    assert hits_multi(files, "XF101", passed=("fly.toml",)) == [("fly.toml", 5, 19, "XF101")]
