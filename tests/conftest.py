from pathlib import Path

import pytest

from geo.load import DEFAULT_DATA_DIR, load_atlas

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def atlas():
    """The shipped data, loaded the way the app loads it."""
    return load_atlas(DEFAULT_DATA_DIR)
