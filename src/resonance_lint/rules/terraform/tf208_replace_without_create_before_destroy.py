"""TF208: a resource in front of traffic that is destroyed before its replacement exists."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.hcl_model import literal_bool
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import lifecycle_flag, missing

#: Resource types that are replaced (not updated in place) when they change, while something
#: serving traffic depends on them.
REPLACED_IN_FRONT_OF_TRAFFIC = (
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
)


@rule(
    code="TF208",
    name="replace-without-create-before-destroy",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="resources replaced in front of traffic (`aws_launch_configuration`, "
    "`aws_acm_certificate`, `aws_lb_target_group`, `google_compute_instance_template` …) "
    "without `create_before_destroy = true`",
)
def replace_without_create_before_destroy(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    for block in module.resources(*REPLACED_IN_FRONT_OF_TRAFFIC):
        flag = lifecycle_flag(block, "create_before_destroy")
        if flag is None:
            yield missing(
                block,
                f"{block.address} is replaced when it changes and is destroyed first: traffic "
                "fails until the new one exists; add `lifecycle { create_before_destroy = true }`",
            )
        elif literal_bool(flag.value) is False:
            yield Problem(
                flag.value.span,
                f"{block.address} sets create_before_destroy = false: traffic fails between "
                "destroying it and creating its replacement; set it to true",
                path=block.path,
            )
