from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterator

from ...links import fly_apps
from ...model import Category, Problem, Project, Related, Severity, Target
from ...parsers.fly import scalar_str
from ...parsers.migration import MigrationDocument
from ..base import RuleContext, rule


def newest(migrations: list[MigrationDocument], count: int) -> list[MigrationDocument]:
    """The ``count`` newest migrations of one folder.

    Alembic: the heads of the revision graph (revisions no other one follows), then their
    parents; everything else: file names sort by creation (timestamps, ``0042_``).
    """
    if all(m.framework == "alembic" and m.revision for m in migrations):
        by_rev = {m.revision: m for m in migrations}
        followed = {d for m in migrations for d in m.down_revisions}
        chosen: list[MigrationDocument] = []
        frontier = [m for m in migrations if m.revision not in followed]
        while frontier and len(chosen) < count:
            current = frontier.pop(0)
            if current in chosen:
                continue
            chosen.append(current)
            frontier.extend(by_rev[d] for d in current.down_revisions if d in by_rev)
        return chosen
    return sorted(migrations, key=lambda m: m.path)[-count:]


def _inside(path: str, folder: str) -> bool:
    return not folder or path.startswith(folder.rstrip("/") + "/")


@rule(
    code="XF204",
    name="destructive-migration",
    target=Target.PROJECT,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="a `release_command` app whose newest migration drops or renames a table/column",
    options={"newest": 1},
)
def destructive_migration(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    migrations = [
        d for d in project.of_target(Target.MIGRATION) if isinstance(d, MigrationDocument)
    ]
    if not migrations:
        return
    count = max(1, int(ctx.option("newest")))
    folders: dict[str, list[MigrationDocument]] = defaultdict(list)
    for migration in migrations:
        key = posixpath.dirname(migration.path)
        if migration.framework == "prisma":  # prisma/migrations/<name>/migration.sql
            key = posixpath.dirname(key)
        folders[key].append(migration)
    reported: set[str] = set()
    for app in fly_apps(project):
        deploy = app.fly.deploy
        release = deploy.scalar("release_command") if deploy is not None else None
        if release is None or not scalar_str(release):
            continue
        for folder, items in sorted(folders.items()):
            if not _inside(folder, app.folder):
                continue
            for migration in newest(items, count):
                if migration.path in reported:
                    continue
                reported.add(migration.path)
                for op in migration.operations:
                    yield Problem(
                        op.span,
                        f"`{op.text}` in the newest migration runs as release_command before "
                        "the new release: the previous release (still serving, and the rollback "
                        "target) breaks on the missing table/column; expand now, contract in a "
                        "later release",
                        path=migration.path,
                        related=(Related(app.fly.path, release.span, "release_command"),),
                    )
