"""Create or upgrade the store's schema with the Alembic migrations shipped in this package (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from geo.store.db import is_postgres

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: app servers starting together take turns to upgrade instead of racing to create tables.
_PG_LOCK = 741_013


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest schema revision this code knows."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    if revision is None:  # only if geo/store/migrations/versions/ lost its files
        raise RuntimeError(f"no schema revisions in {MIGRATIONS}")
    return revision


def current(engine: Engine) -> str | None:
    """The schema revision of the database, or None before `init`."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> str:
    """Bring the database to the newest schema; safe to run again. Returns what was done."""
    before = current(engine)
    if before == head():
        return f"schema up to date (revision {before})"
    config = _config()
    with engine.begin() as connection:
        if is_postgres(engine):
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return f"schema {'created' if before is None else 'upgraded from ' + before} (revision {head()})"
