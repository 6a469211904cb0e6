from __future__ import annotations

import pytest

from helpers import hits

KINDS = [
    "aws_launch_configuration",
    "aws_acm_certificate",
    "aws_api_gateway_deployment",
    "aws_lb_target_group",
    "aws_alb_target_group",
    "aws_iam_server_certificate",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
    "google_compute_ssl_certificate",
    "google_compute_region_ssl_certificate",
    "google_compute_managed_ssl_certificate",
]


@pytest.mark.parametrize("kind", KINDS)
def test_replaced_resource_without_create_before_destroy(kind: str) -> None:
    assert hits("main.tf", f'resource "{kind}" "x" {{\n}}\n', "TF208") == [(1, 10, "TF208")]


@pytest.mark.parametrize("kind", KINDS)
def test_create_before_destroy(kind: str) -> None:
    text = f'resource "{kind}" "x" {{\n  lifecycle {{\n    create_before_destroy = true\n  }}\n}}\n'
    assert hits("main.tf", text, "TF208") == []


def test_explicit_false_points_at_the_value() -> None:
    text = (
        'resource "aws_acm_certificate" "c" {\n'
        "  lifecycle {\n    create_before_destroy = false\n  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF208") == [(3, 29, "TF208")]


def test_other_resources_are_ignored() -> None:
    assert hits("main.tf", 'resource "aws_launch_template" "t" {}\n', "TF208") == []
