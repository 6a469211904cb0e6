from __future__ import annotations

from helpers import hits, hits_multi

PROVIDER = 'provider "aws" {\n  region = "eu-west-1"\n}\n'


def test_root_module_without_backend_points_at_the_terraform_block() -> None:
    files = {
        "infra/main.tf": PROVIDER,
        "infra/versions.tf": 'terraform {\n  required_version = ">= 1.6"\n}\n',
    }
    assert hits_multi(files, "TF101") == [("infra/versions.tf", 1, 1, "TF101")]


def test_without_terraform_block_points_at_the_provider() -> None:
    assert hits("main.tf", PROVIDER, "TF101") == [(1, 1, "TF101")]


def test_lock_file_alone_makes_a_root_module() -> None:
    files = {
        "app/main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n',
        "app/.terraform.lock.hcl": "# lock\n",
    }
    assert hits_multi(files, "TF101") == [("app/main.tf", 1, 1, "TF101")]


def test_backend_or_cloud_block_is_remote_state() -> None:
    backend = 'terraform {\n  backend "gcs" {\n    bucket = "state"\n  }\n}\n'
    assert hits("main.tf", PROVIDER + backend, "TF101") == []
    cloud = 'terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n'
    assert hits("main.tf", PROVIDER + cloud, "TF101") == []


def test_child_module_is_not_a_root_module() -> None:
    assert hits("modules/db/main.tf", 'resource "aws_db_instance" "d" {}\n', "TF101") == []


def test_suppressed_with_a_hash_comment() -> None:
    text = "# resonance-lint: ignore[TF101] state is throwaway\n" + PROVIDER
    assert hits("main.tf", text, "TF101") == []
