from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import write_tree
from resonance_lint.discovery import classify, discover, glob_match
from resonance_lint.errors import ResonanceError
from resonance_lint.model import Target


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("Dockerfile", Target.DOCKERFILE),
        ("svc/Containerfile", Target.DOCKERFILE),
        ("web.Dockerfile", Target.DOCKERFILE),
        ("build/api.dockerfile", Target.DOCKERFILE),
        ("Dockerfile.prod", Target.DOCKERFILE),
        (".dockerignore", Target.DOCKERIGNORE),
        ("Dockerfile.dockerignore", Target.DOCKERIGNORE),
        ("fly.toml", Target.FLY),
        ("fly.staging.toml", Target.FLY),
        ("api.fly.toml", Target.FLY),
        ("infra/main.tf", Target.TERRAFORM),
        ("infra/prod.tfvars", Target.TERRAFORM),
        ("infra/main.tofu", Target.TERRAFORM),
        (".github/workflows/ci.yml", Target.WORKFLOW),
        ("sub/.github/workflows/deploy.yaml", Target.WORKFLOW),
        ("action.yml", Target.WORKFLOW),
        (".github/actions/setup/action.yaml", Target.WORKFLOW),
        ("pyproject.toml", Target.TEXT),
        (".github/workflows/sub/x.yml", Target.TEXT),
        ("docker-compose.yml", Target.TEXT),
    ],
)
def test_classify(path: str, target: Target) -> None:
    targets = classify(path)
    assert targets[0] == target
    assert targets[-1] == Target.TEXT


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("vendor", "a/vendor/x.tf", True),
        ("vendor", "vendorx/x.tf", False),
        ("gen/**", "gen/a/b.txt", True),
        ("gen/**", "x/gen/a.txt", False),
        ("**/gen/*.tf", "x/gen/a.tf", True),
        ("*.log", "deep/x.log", True),
        ("/top.txt", "top.txt", True),
        ("a?c", "abc", True),
    ],
)
def test_glob(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches


def paths(tmp_path: Path, **kwargs: object) -> list[str]:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return [f.path for f in discover(["."], **kwargs).files]  # type: ignore[arg-type]
    finally:
        os.chdir(old)


def test_default_excludes_and_gitignore(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".git/config": "x",
            "node_modules/a/Dockerfile": "FROM x",
            ".gitignore": "build/\n*.secret\n!keep.secret\n",
            "build/Dockerfile": "FROM x",
            "a.secret": "x",
            "keep.secret": "x",
            "app/.gitignore": "local.txt\n",
            "app/local.txt": "x",
            "app/Dockerfile": "FROM x",
        },
    )
    found = paths(tmp_path, excludes=("node_modules", ".git"))
    assert found == [".gitignore", "app/.gitignore", "app/Dockerfile", "keep.secret"]
    found_all = paths(tmp_path, excludes=(), respect_gitignore=False)
    assert "build/Dockerfile" in found_all
    assert not any(p.startswith(".git/") for p in found_all)


def test_symlinks_are_not_followed_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_tree(outside, {"secret.txt": "x"})
    root = tmp_path / "root"
    write_tree(root, {"a.txt": "x", "sub/b.txt": "y"})
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "inside.txt").symlink_to(root / "a.txt")
    (root / "dirlink").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    assert paths(root) == ["a.txt", "inside.txt", "sub/b.txt"]


def test_explicit_files_and_missing_paths(tmp_path: Path) -> None:
    write_tree(tmp_path, {"x/Dockerfile": "FROM a", "y.txt": "b"})
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        found = discover(["x/Dockerfile", "y.txt"])
        assert [(f.path, f.explicit) for f in found.files] == [
            ("x/Dockerfile", True),
            ("y.txt", True),
        ]
        with pytest.raises(ResonanceError, match="does not exist"):
            discover(["nope"])
    finally:
        os.chdir(old)


def test_forced_target(tmp_path: Path) -> None:
    write_tree(tmp_path, {"deploy/app.toml": "app = 'x'"})
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        (entry,) = discover(["deploy/app.toml"], forced=Target.FLY).files
        assert entry.targets == (Target.FLY, Target.TEXT)
    finally:
        os.chdir(old)
