"""TF401: a database reachable from the internet."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, setting

#: Resource types whose ``publicly_accessible = true`` gives the database a public address.
PUBLIC_FLAGS = (
    "aws_db_instance",
    "aws_rds_cluster_instance",
    "aws_redshift_cluster",
)

#: Authorized networks that admit the whole internet: (resource type, block path, attribute).
AUTHORIZED_NETWORKS = (
    (
        "google_sql_database_instance",
        ("settings", "ip_configuration", "authorized_networks"),
        "value",
    ),
)
WORLD = frozenset({"0.0.0.0/0", "::/0"})

#: Firewall rules open to every address when start is 0.0.0.0 and end is 255.255.255.255.
FIREWALL_RULES = (
    "azurerm_mssql_firewall_rule",
    "azurerm_sql_firewall_rule",
    "azurerm_postgresql_firewall_rule",
    "azurerm_postgresql_flexible_server_firewall_rule",
    "azurerm_mysql_firewall_rule",
    "azurerm_mysql_flexible_server_firewall_rule",
    "azurerm_mariadb_firewall_rule",
)


@rule(
    code="TF401",
    name="database-publicly-accessible",
    target=Target.TERRAFORM_MODULE,
    category=Category.SECURITY,
    severity=Severity.ERROR,
    security_severity=8.0,
    summary="`publicly_accessible = true` on a database",
)
def database_publicly_accessible(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    networks = {kind: (path, attribute) for kind, path, attribute in AUTHORIZED_NETWORKS}
    for block in module.blocks_of("resource"):
        kind = block.label(0) or ""
        if kind in PUBLIC_FLAGS:
            found = setting(module, block, "publicly_accessible")
            if found.known and found.boolean is True:
                yield at_setting(
                    block,
                    found,
                    f"{block.address} is publicly accessible: the database gets a public "
                    "address and only its password stands between it and the internet; set "
                    "publicly_accessible = false and reach it through the VPC",
                )
        elif kind in networks:
            path, attribute = networks[kind]
            body = [block]
            for name in path:
                body = [inner for b in body for inner in b.blocks_of(name)]
            for network in body:
                found = setting(module, network, attribute)
                if found.known and str(found.value) in WORLD:
                    yield at_setting(
                        block,
                        found,
                        f"{block.address} admits connections from any address "
                        f"({found.value}); list only the networks that need the database",
                    )
        elif kind in FIREWALL_RULES:
            start = setting(module, block, "start_ip_address")
            end = setting(module, block, "end_ip_address")
            if start.text == "0.0.0.0" and end.text == "255.255.255.255":
                yield at_setting(
                    block,
                    end,
                    f"{block.address} opens the database server to every IPv4 address; allow "
                    "only the addresses that need it (or use a private endpoint)",
                )
