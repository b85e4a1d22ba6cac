"""A throwaway PostgreSQL + PostGIS cluster on 127.0.0.1, for the store's tests and benchmarks.

Debian's packages (`apt-get install postgresql postgresql-15-postgis-3`); as root, the cluster runs as `postgres`.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine

INSTALL = "apt-get install postgresql postgresql-15-postgis-3"
# Every new database is copied from this one, which already has PostGIS: CREATE EXTENSION takes a second each.
TEMPLATE = "atlas_template"
_numbers = itertools.count()


class Unavailable(RuntimeError):
    """PostgreSQL or PostGIS is missing or would not start; the message says how to fix it."""


def _bin_dir() -> Path:
    for candidate in [os.environ.get("PG_BIN", ""), *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise Unavailable(f"PostgreSQL is needed and initdb was not found: {INSTALL}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _autocommit(url: str, sql: str) -> None:
    engine = create_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(sql)
    finally:
        engine.dispose()


@contextlib.contextmanager
def throwaway_postgis() -> Iterator[str]:
    """Start a cluster in a temporary folder; yield its URL (no database name); stop it and remove the folder."""
    bin_dir = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "pg", _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*as_postgres, *command], capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise Unavailable(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        # -l: without a log file pg_ctl keeps our stdout open and a captured call never returns.
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
        server = f"postgresql+psycopg://postgres@127.0.0.1:{port}"
        _autocommit(f"{server}/postgres", f"CREATE DATABASE {TEMPLATE}")
        try:
            _autocommit(f"{server}/{TEMPLATE}", "CREATE EXTENSION postgis")
        except Exception as e:
            raise Unavailable(f"PostGIS is missing ({type(e).__name__}): {INSTALL}") from e
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(folder, ignore_errors=True)


def new_database(server: str) -> str:
    """The URL of a new database with PostGIS on `server`."""
    name = f"atlas_{os.getpid()}_{next(_numbers)}"
    _autocommit(f"{server}/postgres", f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    return f"{server}/{name}"
