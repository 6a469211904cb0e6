from __future__ import annotations

import pytest

from helpers import hits


def backend(body: str, kind: str = "s3") -> str:
    return f'terraform {{\n  backend "{kind}" {{\n{body}  }}\n}}\n'


BUCKET = '    bucket = "state"\n    key    = "app.tfstate"\n'


def test_s3_backend_without_locking() -> None:
    assert hits("main.tf", backend(BUCKET), "TF102") == [(2, 11, "TF102")]


@pytest.mark.parametrize(
    "extra",
    [
        "    use_lockfile = true\n",
        '    dynamodb_table = "locks"\n',
        "    use_lockfile = var.lock\n",
    ],
)
def test_locking_configured(extra: str) -> None:
    assert hits("main.tf", backend(BUCKET + extra), "TF102") == []


def test_locking_turned_off_points_at_the_value() -> None:
    text = backend(BUCKET + "    use_lockfile = false\n")
    assert hits("main.tf", text, "TF102") == [(5, 20, "TF102")]


def test_partial_configuration_is_not_judged() -> None:
    assert hits("main.tf", backend(""), "TF102") == []


def test_other_backends_lock_on_their_own() -> None:
    assert hits("main.tf", backend(BUCKET, "gcs"), "TF102") == []
