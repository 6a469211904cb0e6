from __future__ import annotations

import pytest

from helpers import hits


def call(source: str, extra: str = "") -> str:
    return f'module "net" {{\n  source = "{source}"\n{extra}}}\n'


@pytest.mark.parametrize(
    "source",
    [
        "git::https://example.com/network.git",
        "git::https://example.com/network.git//modules/vpc",
        "git@github.com:acme/network.git",
        "github.com/acme/terraform-network",
        "bitbucket.org/acme/network",
        "https://example.com/acme/network.git",
        "git::https://example.com/network.git?ref=main",
        "git::ssh://git@example.com/network.git?depth=1&ref=master",
    ],
)
def test_vcs_sources_without_a_fixed_ref(source: str) -> None:
    assert hits("main.tf", call(source), "TF201") == [(2, 12, "TF201")]


@pytest.mark.parametrize(
    "source",
    [
        "git::https://example.com/network.git?ref=v1.2.0",
        "git::https://example.com/network.git?ref=" + "a1b2c3d4" * 5,
        "github.com/acme/terraform-network?ref=v3.0.0",
        "./modules/network",
        "../shared/network",
        "s3::https://s3.amazonaws.com/bucket/network.zip",
    ],
)
def test_pinned_or_local_sources(source: str) -> None:
    assert hits("main.tf", call(source), "TF201") == []


@pytest.mark.parametrize(
    "source",
    [
        "terraform-aws-modules/vpc/aws",
        "terraform-aws-modules/iam/aws//modules/iam-user",
        "app.terraform.io/acme/network/aws",
    ],
)
def test_registry_modules_need_a_version(source: str) -> None:
    assert hits("main.tf", call(source), "TF201") == [(2, 12, "TF201")]
    assert hits("main.tf", call(source, '  version = "5.8.1"\n'), "TF201") == []


def test_non_literal_source_is_not_judged() -> None:
    text = 'module "net" {\n  source = "${path.module}/x"\n}\n'
    assert hits("main.tf", text, "TF201") == []
