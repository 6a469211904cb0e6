from __future__ import annotations

import pytest

from helpers import hits, hits_multi


def required(entries: str) -> str:
    return f"terraform {{\n  required_providers {{\n{entries}  }}\n}}\n"


def test_entry_without_version_points_at_its_name() -> None:
    text = required('    aws = {\n      source = "hashicorp/aws"\n    }\n')
    assert hits("main.tf", text, "TF104") == [(3, 5, "TF104")]


@pytest.mark.parametrize(
    "entry",
    [
        '    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n',
        '    aws = "~> 5.0"\n',
        '    aws = {\n      source  = "hashicorp/aws"\n      version = var.v\n    }\n',
    ],
)
def test_entries_with_a_constraint(entry: str) -> None:
    text = required(entry) + 'resource "aws_s3_bucket" "b" {}\n'
    assert hits("main.tf", text, "TF104") == []


def test_empty_version_is_no_constraint() -> None:
    text = required('    aws = {\n      source  = "hashicorp/aws"\n      version = ""\n    }\n')
    assert hits("main.tf", text, "TF104") == [(3, 5, "TF104")]


def test_provider_used_without_an_entry_is_reported_once_at_first_use() -> None:
    files = {
        "a.tf": 'resource "google_storage_bucket" "b" {\n  name = "x"\n}\n',
        "b.tf": 'data "google_project" "p" {}\nresource "google_compute_network" "n" {}\n',
    }
    assert hits_multi(files, "TF104") == [("a.tf", 1, 10, "TF104")]


def test_provider_meta_argument_and_provider_blocks_count_as_use() -> None:
    text = (
        required(
            '    google = {\n      source  = "hashicorp/google"\n      version = "~> 6.0"\n    }\n'
        )
        + 'resource "google_compute_network" "n" {\n  provider = google-beta\n}\n'
        + 'provider "random" {}\n'
    )
    assert hits("main.tf", text, "TF104") == [(9, 10, "TF104"), (12, 10, "TF104")]


def test_builtin_terraform_provider_and_legacy_provider_version() -> None:
    text = (
        'resource "terraform_data" "d" {}\n'
        'data "terraform_remote_state" "s" {}\n'
        'provider "aws" {\n  version = "~> 2.0"\n}\n'
        'resource "aws_s3_bucket" "b" {}\n'
    )
    assert hits("main.tf", text, "TF104") == []
