from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.fly import FlyDocument
from ..base import RuleContext, rule

#: Commands that change a database schema: Rails, Django, Prisma, Alembic, Ecto, Laravel,
#: Knex, Sequelize, TypeORM, Drizzle, Flyway, Liquibase, goose, dbmate, diesel, sqlx …
MIGRATION = re.compile(
    r"""migrat                                  # migrate, migrations, Release.migrate
      | \bdb:(?:prepare|setup|schema:load|push)\b
      | \balembic\b[^;&|]*\bupgrade\b
      | \bprisma\b[^;&|]*\bdb\s+push\b
      | \bdrizzle-kit\b[^;&|]*\bpush\b
      | \bliquibase\b[^;&|]*\bupdate\b
      | \b(?:goose|dbmate)\b[^;&|]*\bup\b
      | \bschema:(?:load|update)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


@rule(
    code="FLY211",
    name="release-command-migrations",
    target=Target.FLY,
    category=Category.ROLLBACK,
    severity=Severity.NOTE,
    summary="a `release_command` that migrates a database",
)
def release_command_migrations(doc: FlyDocument, ctx: RuleContext) -> Iterator[Problem]:
    deploy = doc.deploy
    node = deploy.scalar("release_command") if deploy is not None else None
    if node is None or not isinstance(node.value, str) or not MIGRATION.search(node.value):
        return
    yield Problem(
        node.span,
        "`release_command` migrates the database on every deploy: rolling back the image does "
        "not roll back the schema; make migrations backward compatible (expand/contract) so "
        "the previous release still runs on the new schema",
    )
