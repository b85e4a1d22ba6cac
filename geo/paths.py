"""Where the atlas's files are, in a checkout and once installed. One setting, ATLAS_DATA_DIR, overrides it."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# A wheel carries data/ inside the package (pyproject.toml maps it to geo/data); a checkout has it beside geo/.
INSTALLED_DATA_DIR = PACKAGE_DIR / "data"
CHECKOUT_DATA_DIR = PACKAGE_DIR.parent / "data"
DATA_DIR_SETTING = "ATLAS_DATA_DIR"
# Where the default event store lives: the checkout's git-ignored var/, or, installed, the user's data folder.
IN_CHECKOUT = (PACKAGE_DIR.parent / "pyproject.toml").is_file()
VAR_DIR = PACKAGE_DIR.parent / "var" if IN_CHECKOUT else Path.home() / ".local" / "share" / "karabakh-atlas"


def data_dir() -> Path:
    """The folder of the shipped data: $ATLAS_DATA_DIR if set, else the installed copy, else the checkout's."""
    if os.environ.get(DATA_DIR_SETTING):
        return Path(os.environ[DATA_DIR_SETTING]).resolve()
    return INSTALLED_DATA_DIR if INSTALLED_DATA_DIR.is_dir() else CHECKOUT_DATA_DIR
