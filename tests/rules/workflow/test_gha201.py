from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/deploy.yml"


def wf(run: str) -> str:
    return f"on: push\njobs:\n  deploy:\n    runs-on: x\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    ("run", "token"),
    [
        ("fly deploy --image registry.fly.io/app:latest", "registry.fly.io/app:latest"),
        ("flyctl deploy -i registry.fly.io/app", "registry.fly.io/app"),
        ('fly deploy --image="registry.fly.io/app:latest"', "registry.fly.io/app:latest"),
        ("docker push ghcr.io/acme/app:latest", "ghcr.io"),
        ("docker push acme/app", "acme/app"),
        ("gcloud run deploy web --image gcr.io/p/web:latest", "gcr.io"),
        ("kubectl set image deployment/web web=acme/web:latest", "acme/web"),
    ],
)
def test_mutable_deploys(run: str, token: str) -> None:
    # `      - run: ` puts the script at column 14
    assert hits(WF, wf(run), "GHA201") == [(6, 14 + run.index(token), "GHA201")]


@pytest.mark.parametrize(
    "run",
    [
        "fly deploy --image registry.fly.io/app:v1.2.3",
        "fly deploy --image registry.fly.io/app@sha256:" + "a" * 64,
        "fly deploy --image $IMAGE",
        "fly deploy",
        "docker push ghcr.io/acme/app:${{ github.sha }}",
        "docker push --all-tags acme/app",
        "docker push localhost:5000/app:1.0",
    ],
)
def test_pinned_or_unknown_images(run: str) -> None:
    assert hits(WF, wf(run), "GHA201") == []


def test_latest_next_to_a_versioned_tag_is_fine() -> None:
    run = (
        "|\n          docker push acme/app:${{ github.sha }}\n          docker push acme/app:latest"
    )
    assert hits(WF, wf(run), "GHA201") == []
    only_latest = "|\n          docker build -t acme/app .\n          docker push acme/app:latest"
    assert hits(WF, wf(only_latest), "GHA201") == [(8, 23, "GHA201")]


def test_build_push_action_tags() -> None:
    text = """\
on: push
jobs:
  image:
    runs-on: x
    steps:
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: acme/app:latest
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: |
            acme/app:latest
            acme/app:${{ github.sha }}
      - uses: docker/build-push-action@v6
        with:
          push: false
          tags: acme/app:latest
"""
    assert hits(WF, text, "GHA201") == [(9, 17, "GHA201")]


def test_composite_action_steps() -> None:
    text = (
        "runs:\n  using: composite\n  steps:\n    - run: docker push acme/app\n      shell: bash\n"
    )
    assert hits("action.yml", text, "GHA201") == [(4, 24, "GHA201")]
