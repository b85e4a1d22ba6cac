"""Which database the store uses, and engines set up for it: SQLite by default, PostgreSQL + PostGIS by URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from geo.paths import VAR_DIR

ENV = "ATLAS_DATABASE_URL"
# Under the project, git-ignored: `make run` on a fresh clone keeps what users add, with no setup (an installed
# package keeps it in the user's data folder instead of site-packages).
DEFAULT_SQLITE = VAR_DIR / "atlas.sqlite"
# A writer waits this long for another writer's transaction before SQLite reports "database is locked".
SQLITE_BUSY_SECONDS = 30


def database_url() -> str:
    """$ATLAS_DATABASE_URL, else the SQLite file var/atlas.sqlite of the project."""
    return os.environ.get(ENV) or f"sqlite:///{DEFAULT_SQLITE}"


def describe(url: str) -> str:
    """The URL with its password hidden, to show in the sidebar or a log."""
    return make_url(url).render_as_string(hide_password=True)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def make_engine(url: str) -> Engine:
    """An engine for `url`; a SQLite file (and its folder) is created on first use."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, open transactions, so that each can start with BEGIN IMMEDIATE below.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # Take the write lock when the transaction starts: two writers then queue (up to SQLITE_BUSY_SECONDS)
        # instead of both reading and one failing when it upgrades to write (SQLAlchemy's documented pysqlite recipe).
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
