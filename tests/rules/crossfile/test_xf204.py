from __future__ import annotations

import pytest

from helpers import findings, hits_multi

FLY = 'app = "x"\n[deploy]\n  release_command = "bin/rails db:migrate"\n'


def rails(body: str) -> str:
    return f"class M < ActiveRecord::Migration[7.1]\n  def change\n    {body}\n  end\nend\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                "db/migrate/20240101000000_create.rb": rails("create_table :users"),
                "db/migrate/20240301000000_drop.rb": rails("remove_column :users, :name"),
            },
            [("db/migrate/20240301000000_drop.rb", 3, 5, "XF204")],
        ),
        (
            {
                "prisma/migrations/20240301_x/migration.sql": (
                    'ALTER TABLE "User" RENAME COLUMN "a" TO "b";\n'
                )
            },
            [("prisma/migrations/20240301_x/migration.sql", 1, 1, "XF204")],
        ),
        (
            {"app/migrations/0007_remove.py": "ops = [migrations.DeleteModel(name='Post')]\n"},
            [("app/migrations/0007_remove.py", 1, 8, "XF204")],
        ),
        (
            {
                "alembic/versions/b2_drop.py": (
                    'revision = "b2"\ndown_revision = "a1"\n'
                    'def upgrade():\n    op.drop_column("t", "c")\n'
                    'def downgrade():\n    op.add_column("t", "c")\n'
                ),
                "alembic/versions/a1_init.py": (
                    'revision = "a1"\ndown_revision = None\n'
                    'def upgrade():\n    op.create_table("t")\n'
                    'def downgrade():\n    op.drop_table("t")\n'
                ),
            },
            [("alembic/versions/b2_drop.py", 4, 5, "XF204")],
        ),
        (
            {"migrations/0002.sql": "-- cleanup\nDROP TABLE legacy;\n"},
            [("migrations/0002.sql", 2, 1, "XF204")],
        ),
    ],
)
def test_destructive_newest_migration(files: dict[str, str], expected: list[object]) -> None:
    assert hits_multi({"fly.toml": FLY, **files}, "XF204") == expected


def test_related_points_at_release_command() -> None:
    (found,) = findings({"fly.toml": FLY, "migrations/0002.sql": "DROP TABLE legacy;\n"}, "XF204")
    assert [(r.path, r.span.line, r.span.column) for r in found.related] == [("fly.toml", 3, 21)]


def test_silent_cases() -> None:
    old_drop = {
        "db/migrate/20240101000000_drop.rb": rails("drop_table :legacy"),
        "db/migrate/20240301000000_add.rb": rails("add_column :users, :email, :string"),
    }
    assert hits_multi({"fly.toml": FLY, **old_drop}, "XF204") == []  # not the newest
    down_only = {
        "db/migrate/20240301000000_x.rb": (
            "class M\n  def up\n    add_column :a, :b\n  end\n"
            "  def down\n    remove_column :a, :b\n  end\nend\n"
        )
    }
    assert hits_multi({"fly.toml": FLY, **down_only}, "XF204") == []
    no_release = {"fly.toml": 'app = "x"\n', "migrations/0002.sql": "DROP TABLE legacy;\n"}
    assert hits_multi(no_release, "XF204") == []
    harmless = {
        "migrations/0002.sql": "ALTER TABLE t DROP CONSTRAINT c;\nALTER INDEX i RENAME TO j;\n"
    }
    assert hits_multi({"fly.toml": FLY, **harmless}, "XF204") == []


def test_newest_option() -> None:
    files = {
        "fly.toml": FLY,
        "migrations/0001.sql": "DROP TABLE a;\n",
        "migrations/0002.sql": "CREATE TABLE b (id int);\n",
    }
    assert hits_multi(files, "XF204", config="[rules.XF204]\nnewest = 2\n") == [
        ("migrations/0001.sql", 1, 1, "XF204")
    ]


def test_pre_commit_run_with_the_new_migration_passed() -> None:
    files = {"fly.toml": FLY, "migrations/0002.sql": "DROP TABLE legacy;\n"}
    assert hits_multi(files, "XF204", passed=("migrations/0002.sql",)) == [
        ("migrations/0002.sql", 1, 1, "XF204")
    ]
