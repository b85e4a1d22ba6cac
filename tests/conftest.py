from pathlib import Path

import pytest

from bench.postgis import Unavailable, throwaway_postgis
from geo.load import DEFAULT_DATA_DIR, load_atlas

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def _own_event_store(tmp_path_factory):
    """Tests (and the servers and commands they start) use a store of their own, never var/ or a real database."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'atlas.sqlite'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATLAS_DATABASE_URL", url)
        yield url


@pytest.fixture(scope="session")
def atlas():
    """The shipped data, loaded the way the app loads it."""
    return load_atlas(DEFAULT_DATA_DIR)


@pytest.fixture(scope="session")
def postgis_server():
    """One throwaway PostgreSQL + PostGIS for the whole run (bench/postgis.py), shared by the store tests and the
    browser tests; fails, never skips, when missing."""
    try:
        with throwaway_postgis() as server:
            yield server
    except Unavailable as e:
        pytest.fail(str(e), pytrace=False)
