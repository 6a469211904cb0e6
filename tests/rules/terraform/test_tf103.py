from __future__ import annotations

from helpers import hits, hits_multi

PROVIDER = 'provider "google" {\n  project = "p"\n}\n'


def test_root_module_without_required_version() -> None:
    text = 'terraform {\n  backend "gcs" {}\n}\n' + PROVIDER
    assert hits("main.tf", text, "TF103") == [(1, 1, "TF103")]
    assert hits("main.tf", PROVIDER, "TF103") == [(1, 1, "TF103")]


def test_required_version_in_any_file_of_the_module() -> None:
    files = {
        "env/main.tf": PROVIDER,
        "env/versions.tf": 'terraform {\n  required_version = "~> 1.9"\n}\n',
    }
    assert hits_multi(files, "TF103") == []


def test_child_modules_are_not_checked() -> None:
    assert hits("modules/x/main.tf", 'resource "null_resource" "n" {}\n', "TF103") == []
