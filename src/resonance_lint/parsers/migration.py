"""Database migrations -> :class:`MigrationDocument`: the destructive operations they run.

Recognised (by path, see ``discovery.py``): Rails ``db/migrate/*.rb``, Django
``*/migrations/*.py``, Alembic ``versions/*.py``, Prisma ``prisma/migrations/*/migration.sql``
and plain ``migrations/*.sql``. Only the forward direction counts: Rails ``def down`` and Alembic
``def downgrade`` bodies are skipped (dropping there is what a rollback is for). SQL comments
are skipped. Never raises: text that matches nothing has no operations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ..model import Document, Source, Span, Target

_TABLE = r"(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?[\w.\"`\[\]]+"
_KEEPS_DATA = r"(?!CONSTRAINT|INDEX|DEFAULT|NOT\b|FOREIGN|PRIMARY|CHECK|KEY\b|IDENTITY)"
_SQL = re.compile(
    r"\bDROP\s+TABLE\b"
    rf"|\bALTER\s+TABLE\s+{_TABLE}\s+(?:DROP\s+{_KEEPS_DATA}|RENAME\b)"
    r"|,\s*DROP\s+COLUMN\b"
    r"|\bsp_rename\b",
    re.IGNORECASE,
)
_RAILS = re.compile(
    r"\b(?:drop_table|remove_column|remove_columns|remove_reference|remove_belongs_to"
    r"|remove_timestamps|rename_table|rename_column)\b"
)
_DJANGO = re.compile(r"\bmigrations\.(?:DeleteModel|RemoveField|RenameModel|RenameField)\b")
_ALEMBIC = re.compile(r"\bop\.(?:drop_table|drop_column|rename_table)\b|\bnew_column_name\s*=")
_FORWARD_END = {
    "rails": re.compile(r"^\s*def\s+down\b", re.MULTILINE),
    "alembic": re.compile(r"^\s*def\s+downgrade\b", re.MULTILINE),
}
_ALEMBIC_REVISION = re.compile(r"^\s*revision\s*(?::\s*\w+\s*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_ALEMBIC_DOWN = re.compile(r"^\s*down_revision\s*(?::[^=]+)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")
_SQL_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


@dataclass(frozen=True)
class Operation:
    """A drop or rename: what it is, as written, and where."""

    text: str
    span: Span


@dataclass(frozen=True)
class MigrationDocument(Document):
    framework: str = "sql"  # rails, django, alembic, prisma, sql
    operations: tuple[Operation, ...] = ()
    revision: str | None = None  # Alembic: this revision and the ones it follows
    down_revisions: tuple[str, ...] = ()

    target: ClassVar[Target] = Target.MIGRATION

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""


def framework_of(path: str) -> str:
    if "/db/migrate/" in f"/{path}":
        return "rails"
    if path.endswith("/migration.sql") and "prisma/migrations/" in path:
        return "prisma"
    if path.endswith(".sql"):
        return "sql"
    if "/versions/" in f"/{path}":
        return "alembic"
    return "django"


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with ``pattern``'s matches replaced by spaces (offsets stay valid)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def parse(source: Source) -> MigrationDocument:
    text = source.text
    framework = framework_of(source.path)
    end = len(text)
    stop = _FORWARD_END.get(framework)
    if stop is not None:
        found = stop.search(text)
        if found is not None:
            end = found.start()
    body = text[:end]
    if framework in ("sql", "prisma"):
        pattern = _SQL
        body = _blank(body, _SQL_COMMENT)
    elif framework == "rails":
        pattern = _RAILS
    elif framework == "django":
        pattern = _DJANGO
    else:
        pattern = _ALEMBIC
    operations = []
    for match in pattern.finditer(body):
        line_start = body.rfind("\n", 0, match.start()) + 1
        if "#" in body[line_start : match.start()]:
            continue  # a Ruby/Python comment
        operations.append(
            Operation(" ".join(match.group().split()), source.span_of(match.start(), match.end()))
        )
    revision = down = None
    if framework == "alembic":
        rev = _ALEMBIC_REVISION.search(text)
        revision = rev.group(1) if rev else None
        down_match = _ALEMBIC_DOWN.search(text)
        down = tuple(_QUOTED.findall(down_match.group(1))) if down_match else ()
    return MigrationDocument(
        source=source,
        framework=framework,
        operations=tuple(operations),
        revision=revision,
        down_revisions=down or (),
    )
