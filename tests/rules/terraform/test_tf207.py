from __future__ import annotations

import pytest

from helpers import hits


def service(body: str = "") -> str:
    return f'resource "aws_ecs_service" "api" {{\n  name = "api"\n{body}}}\n'


def breaker(enable: str = "true", rollback: str = "true") -> str:
    return (
        "  deployment_circuit_breaker {\n"
        f"    enable   = {enable}\n"
        f"    rollback = {rollback}\n"
        "  }\n"
    )


def test_service_without_circuit_breaker() -> None:
    assert hits("main.tf", service(), "TF207") == [(1, 10, "TF207")]


def test_circuit_breaker_without_rollback() -> None:
    assert hits("main.tf", service(breaker(rollback="false")), "TF207") == [(5, 16, "TF207")]
    assert hits("main.tf", service(breaker(enable="false")), "TF207") == [(4, 16, "TF207")]
    missing = "  deployment_circuit_breaker {\n    enable = true\n  }\n"
    assert hits("main.tf", service(missing), "TF207") == [(3, 3, "TF207")]


@pytest.mark.parametrize(
    "body",
    [
        breaker(),
        breaker(rollback="var.rollback"),
        "  deployment_circuit_breaker {\n    enable = true\n    rollback = true\n  }\n"
        '  deployment_controller {\n    type = "ECS"\n  }\n',
        '  deployment_controller {\n    type = "CODE_DEPLOY"\n  }\n',
        '  deployment_controller {\n    type = "EXTERNAL"\n  }\n',
        '  alarms {\n    alarm_names = ["5xx"]\n    enable = true\n    rollback = true\n  }\n',
        '  dynamic "deployment_circuit_breaker" {\n    for_each = [1]\n    content {}\n  }\n',
    ],
)
def test_service_that_rolls_back(body: str) -> None:
    assert hits("main.tf", service(body), "TF207") == []
