from __future__ import annotations

from helpers import findings, hits_multi

FLY = (
    'app = "x"\n[http_service]\n  internal_port = 8080\n'
    '  [[http_service.checks]]\n    path = "/healthz"\n    interval = "10s"\n'
)


def test_different_path() -> None:
    docker = (
        "FROM node:22.11.0\n"
        "HEALTHCHECK CMD curl -fsS http://localhost:8080/status || exit 1\n"
        'CMD ["node", "a.js"]\n'
    )
    files = {"fly.toml": FLY, "Dockerfile": docker}
    assert hits_multi(files, "XF104") == [("Dockerfile", 2, 48, "XF104")]
    (found,) = findings(files, "XF104")
    assert [(r.path, r.span.line, r.span.column) for r in found.related] == [("fly.toml", 5, 12)]


def test_same_path_or_nothing_to_compare() -> None:
    same = "FROM a:1\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/healthz/ || exit 1\n"
    assert hits_multi({"fly.toml": FLY, "Dockerfile": same}, "XF104") == []
    no_url = "FROM a:1\nHEALTHCHECK CMD pg_isready\n"
    assert hits_multi({"fly.toml": FLY, "Dockerfile": no_url}, "XF104") == []
    no_fly_check = 'app = "x"\n[http_service]\n  internal_port = 8080\n'
    other = "FROM a:1\nHEALTHCHECK CMD curl -f http://localhost/status\n"
    assert hits_multi({"fly.toml": no_fly_check, "Dockerfile": other}, "XF104") == []


def test_pre_commit_run() -> None:
    docker = "FROM a:1\nHEALTHCHECK CMD curl -f http://localhost:8080/status\n"
    files = {"fly.toml": FLY, "Dockerfile": docker}
    assert hits_multi(files, "XF104", passed=("Dockerfile",)) == [("Dockerfile", 2, 46, "XF104")]
    assert hits_multi(files, "XF104", passed=("fly.toml",)) == []
