from __future__ import annotations

import pytest

from helpers import hits, hits_multi


def resource(kind: str, body: str = "", name: str = "db") -> str:
    return f'resource "{kind}" "{name}" {{\n{body}}}\n'


def test_rds_instance_without_multi_az() -> None:
    assert hits("main.tf", resource("aws_db_instance"), "TF107") == [(1, 10, "TF107")]


def test_rds_instance_multi_az_false_points_at_the_value() -> None:
    text = resource("aws_db_instance", "  multi_az = false\n")
    assert hits("main.tf", text, "TF107") == [(2, 14, "TF107")]


def test_rds_instance_multi_az_through_a_variable_default() -> None:
    files = {
        "main.tf": resource("aws_db_instance", "  multi_az = var.multi_az\n"),
        "variables.tf": 'variable "multi_az" {\n  default = false\n}\n',
    }
    assert hits_multi(files, "TF107") == [("main.tf", 2, 14, "TF107")]
    files["prod.auto.tfvars"] = "multi_az = true\n"
    assert hits_multi(files, "TF107") == []


@pytest.mark.parametrize(
    "body",
    [
        "  multi_az = true\n",
        "  multi_az = var.ha\n",
        "  multi_az = false\n  replicate_source_db = aws_db_instance.main.identifier\n",
    ],
)
def test_rds_instance_fine(body: str) -> None:
    assert hits("main.tf", resource("aws_db_instance", body), "TF107") == []


def test_cloud_sql() -> None:
    assert hits("main.tf", resource("google_sql_database_instance"), "TF107") == [(1, 10, "TF107")]
    zonal = '  settings {\n    availability_type = "ZONAL"\n  }\n'
    text = resource("google_sql_database_instance", zonal)
    assert hits("main.tf", text, "TF107") == [(3, 25, "TF107")]
    regional = (
        "  settings {\n"
        '    tier              = "db-custom-2-7680"\n'
        '    availability_type = "REGIONAL"\n'
        "  }\n"
    )
    assert hits("main.tf", resource("google_sql_database_instance", regional), "TF107") == []
    replica = '  master_instance_name = "primary"\n'
    assert hits("main.tf", resource("google_sql_database_instance", replica), "TF107") == []


@pytest.mark.parametrize(
    "kind", ["azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"]
)
def test_azure_flexible_servers(kind: str) -> None:
    assert hits("main.tf", resource(kind), "TF107") == [(1, 10, "TF107")]
    same_zone = '  high_availability {\n    mode = "SameZone"\n  }\n'
    assert hits("main.tf", resource(kind, same_zone), "TF107") == [(3, 12, "TF107")]
    zone_redundant = '  high_availability {\n    mode = "ZoneRedundant"\n  }\n'
    assert hits("main.tf", resource(kind, zone_redundant), "TF107") == []


def cluster_with_instances(count: str) -> str:
    return resource("aws_rds_cluster", '  engine = "aurora-postgresql"\n', "main") + resource(
        "aws_rds_cluster_instance",
        f"{count}  cluster_identifier = aws_rds_cluster.main.id\n",
        "one",
    )


def test_aurora_cluster_with_one_instance() -> None:
    assert hits("main.tf", cluster_with_instances(""), "TF107") == [(1, 10, "TF107")]
    assert hits("main.tf", cluster_with_instances("  count = 1\n"), "TF107") == [(1, 10, "TF107")]


@pytest.mark.parametrize(
    "count", ["  count = 2\n", "  count = var.instances\n", '  for_each = toset(["a"])\n']
)
def test_aurora_cluster_with_several_or_unknown_instances(count: str) -> None:
    assert hits("main.tf", cluster_with_instances(count), "TF107") == []


def test_aurora_cluster_without_instances_in_the_module_or_multi_az_db_cluster() -> None:
    assert hits("main.tf", resource("aws_rds_cluster"), "TF107") == []
    text = resource("aws_rds_cluster", '  db_cluster_instance_class = "db.r6gd.large"\n')
    assert hits("main.tf", text, "TF107") == []
