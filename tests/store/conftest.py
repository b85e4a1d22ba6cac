"""Every store test runs twice: on a SQLite file, and on a real PostgreSQL + PostGIS started for the session."""

from __future__ import annotations

import pytest

from bench.postgis import new_database
from geo.store import Store


@pytest.fixture(params=["sqlite", "postgis"])
def database_url(request, tmp_path) -> str:
    """A new, empty database of each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    return new_database(request.getfixturevalue("postgis_server"))


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
