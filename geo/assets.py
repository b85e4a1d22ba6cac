"""Copy Leaflet from its pinned wheel into the folder the app serves, so the map needs no CDN."""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

# django-js-lib-leaflet 1.9.4.1 ships Leaflet 1.9.4's dist/ under this package path.
LEAFLET_PACKAGE = "js_lib_leaflet"
LEAFLET_DIR = ("static", "js_lib_leaflet")
SERVED_FILES = ("leaflet.js", "leaflet.css", "images")


def leaflet_text(name: str) -> str:
    """The text of one of Leaflet's files (`leaflet.js`, `leaflet.css`) from the installed wheel."""
    return resources.files(LEAFLET_PACKAGE).joinpath(*LEAFLET_DIR, name).read_text(encoding="utf-8")


def ensure_leaflet(static_dir: Path) -> Path:
    """Leaflet in static_dir/leaflet, copied there if it is missing or differs from the wheel's (another version)."""
    served = static_dir / "leaflet" / "leaflet.js"
    wheel = resources.files(LEAFLET_PACKAGE).joinpath(*LEAFLET_DIR, "leaflet.js")
    if served.is_file() and served.stat().st_size == len(wheel.read_bytes()):
        return served.parent
    return install_leaflet(static_dir)


def install_leaflet(static_dir: Path) -> Path:
    """Copy leaflet.js, leaflet.css and images/ to static_dir/leaflet; returns that folder."""
    source = resources.files(LEAFLET_PACKAGE).joinpath(*LEAFLET_DIR)
    target = static_dir / "leaflet"
    target.mkdir(parents=True, exist_ok=True)
    for name in SERVED_FILES:
        with resources.as_file(source / name) as path:
            if path.is_dir():
                shutil.copytree(path, target / name, dirs_exist_ok=True)
            else:
                shutil.copy2(path, target / name)
    return target


if __name__ == "__main__":
    print(install_leaflet(Path(sys.argv[1] if len(sys.argv) > 1 else "static")))
