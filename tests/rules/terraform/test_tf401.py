from __future__ import annotations

import pytest

from helpers import hits, hits_multi


@pytest.mark.parametrize(
    "kind", ["aws_db_instance", "aws_rds_cluster_instance", "aws_redshift_cluster"]
)
def test_publicly_accessible(kind: str) -> None:
    text = f'resource "{kind}" "db" {{\n  publicly_accessible = true\n}}\n'
    assert hits("main.tf", text, "TF401") == [(2, 25, "TF401")]
    assert hits("main.tf", text.replace("true", "false"), "TF401") == []
    assert hits("main.tf", f'resource "{kind}" "db" {{}}\n', "TF401") == []


def test_through_a_variable() -> None:
    files = {
        "main.tf": 'resource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n',
        "variables.tf": 'variable "public" {\n  default = false\n}\n',
        "terraform.tfvars": "public = true\n",
    }
    assert hits_multi(files, "TF401") == [("main.tf", 2, 25, "TF401")]


def test_cloud_sql_authorized_networks() -> None:
    text = (
        'resource "google_sql_database_instance" "db" {\n'
        "  settings {\n"
        "    ip_configuration {\n"
        "      authorized_networks {\n"
        '        value = "203.0.113.0/24"\n'
        "      }\n"
        "      authorized_networks {\n"
        '        name  = "everyone"\n'
        '        value = "0.0.0.0/0"\n'
        "      }\n"
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert hits("main.tf", text, "TF401") == [(9, 17, "TF401")]


@pytest.mark.parametrize(
    "kind",
    [
        "azurerm_mssql_firewall_rule",
        "azurerm_postgresql_flexible_server_firewall_rule",
        "azurerm_mysql_flexible_server_firewall_rule",
    ],
)
def test_azure_firewall_rules(kind: str) -> None:
    world = (
        f'resource "{kind}" "all" {{\n'
        '  start_ip_address = "0.0.0.0"\n'
        '  end_ip_address   = "255.255.255.255"\n'
        "}\n"
    )
    assert hits("main.tf", world, "TF401") == [(3, 22, "TF401")]
    azure_services = world.replace("255.255.255.255", "0.0.0.0")
    assert hits("main.tf", azure_services, "TF401") == []
