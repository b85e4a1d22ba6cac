"""Every store test runs twice: on a SQLite file, and on a real PostgreSQL + PostGIS started for the session."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from geo.store import Store
from geo.store.db import make_engine

INSTALL = "apt-get install postgresql postgresql-15-postgis-3"
# Every test database is copied from this one, which already has PostGIS: CREATE EXTENSION takes a second each.
TEMPLATE = "atlas_template"
_numbers = itertools.count()


def _pg_bin() -> Path:
    for candidate in [os.environ.get("PG_BIN", ""), *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    pytest.fail(f"PostgreSQL is needed for the store tests and initdb was not found: {INSTALL}", pytrace=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgis_server():
    """A throwaway PostgreSQL cluster on 127.0.0.1 with PostGIS, owned by `postgres` when run as root.

    Yields the server URL without a database name; stops the cluster and removes its folder at the end."""
    bin_dir = _pg_bin()
    folder = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = folder / "pg"

    def run(*command: str) -> None:
        done = subprocess.run([*as_postgres, *command], capture_output=True, text=True, timeout=120)
        if done.returncode:
            pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)

    run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    # -l: without a log file pg_ctl keeps our stdout open and a captured call never returns.
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
    server = f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    try:
        engine = make_engine(f"{server}/postgres")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {TEMPLATE}")
        engine.dispose()
        template = make_engine(f"{server}/{TEMPLATE}")
        with template.begin() as connection:
            try:
                connection.exec_driver_sql("CREATE EXTENSION postgis")
            except Exception as e:
                pytest.fail(f"PostGIS is missing ({e.__class__.__name__}): {INSTALL}", pytrace=False)
        template.dispose()
        yield server
    finally:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgis"])
def database_url(request, tmp_path) -> str:
    """A new, empty database of each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    server = request.getfixturevalue("postgis_server")
    name = f"atlas_test_{next(_numbers)}"
    engine = make_engine(f"{server}/postgres")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    engine.dispose()
    return f"{server}/{name}"


@pytest.fixture
def store(database_url, atlas):
    """A Store on a new database, schema made."""
    made = Store(atlas, database_url)
    made.init()
    yield made
    made.engine.dispose()


# Points inside atlas places (lon, lat), for located rows.
INSIDE = {"lachin": (46.2833, 39.7682), "kalbajar": (46.3417, 40.0511), "fuzuli": (47.3731, 39.5736)}


@pytest.fixture
def rows_csv():
    """make(n, prefix="row", place="lachin") -> a clean CSV of `n` located events with ids `<prefix>-<i>`."""

    def make(n: int, prefix: str = "row", place: str = "lachin", note: str = "") -> bytes:
        lon, lat = INSIDE[place]
        lines = ["id,date,summary,latitude,longitude,source"]
        lines += [
            f"{prefix}-{i},2021-03-{1 + i % 28:02d},Event {i} of {prefix}{note}.,{lat},{lon},Reuters" for i in range(n)
        ]
        return ("\n".join(lines) + "\n").encode()

    return make
