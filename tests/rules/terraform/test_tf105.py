from __future__ import annotations

from helpers import hits, hits_multi

ROOT = 'terraform {\n  backend "s3" {}\n}\n'


def test_root_module_without_lock_file() -> None:
    assert hits("live/main.tf", ROOT, "TF105") == [(1, 1, "TF105")]


def test_lock_file_present() -> None:
    files = {"live/main.tf": ROOT, "live/.terraform.lock.hcl": "# lock\n"}
    assert hits_multi(files, "TF105") == []


def test_lock_file_of_another_directory_does_not_count() -> None:
    files = {"live/main.tf": ROOT, ".terraform.lock.hcl": "# lock\n"}
    assert hits_multi(files, "TF105") == [("live/main.tf", 1, 1, "TF105")]


def test_child_module_needs_no_lock_file() -> None:
    assert hits("modules/x/main.tf", 'variable "x" {}\n', "TF105") == []
