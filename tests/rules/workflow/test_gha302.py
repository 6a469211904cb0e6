from __future__ import annotations

import pytest

from helpers import hits

WF = ".github/workflows/deploy.yml"


def test_static_keys_in_action_inputs_and_env() -> None:
    text = """\
on: push
env:
  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
  AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
jobs:
  deploy:
    runs-on: x
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - uses: google-github-actions/auth@v2
        with:
          credentials_json: ${{ secrets.GCP_SA_KEY }}
      - run: terraform apply
        env:
          ARM_CLIENT_SECRET: ${{ secrets.ARM_CLIENT_SECRET }}
"""
    assert hits(WF, text, "GHA302") == [
        (4, 3, "GHA302"),
        (12, 11, "GHA302"),
        (16, 11, "GHA302"),
        (19, 11, "GHA302"),
    ]


@pytest.mark.parametrize(
    "step",
    [
        "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
        "          role-to-assume: arn:aws:iam::1:role/deploy\n          aws-region: eu-west-1\n",
        "      - uses: google-github-actions/auth@v2\n        with:\n"
        "          workload_identity_provider: projects/1/locations/global/x\n",
        # short-lived keys produced by an earlier step are fine
        "      - run: ./deploy\n        env:\n"
        "          AWS_SECRET_ACCESS_KEY: ${{ steps.sts.outputs.secret }}\n",
    ],
)
def test_oidc_is_fine(step: str) -> None:
    text = "on: push\njobs:\n  deploy:\n    runs-on: x\n    steps:\n" + step
    assert hits(WF, text, "GHA302") == []
