"""What the map loads besides its data, put into the folder the app serves: Leaflet from its pinned wheel (so the
map needs no CDN) and the atlas's own constant script and styles (geo/browser), under names with their content's
hash, so that a browser may keep them from one map to the next and a new version is a new name."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from functools import cache
from importlib import resources
from pathlib import Path

# django-js-lib-leaflet 1.9.4.1 ships Leaflet 1.9.4's dist/ under this package path.
LEAFLET_PACKAGE = "js_lib_leaflet"
LEAFLET_DIR = ("static", "js_lib_leaflet")
SERVED_FILES = ("leaflet.js", "leaflet.css", "images")
# The atlas's own files (package data), served from ATLAS_DIR in the static folder as `atlas.<hash>.js` and so on.
ATLAS_FILES = ("atlas.js", "atlas.css")
ATLAS_DIR = "atlas"
HASH_CHARS = 12  # of the content's sha256: a new version of a file never takes an old one's name


def leaflet_text(name: str) -> str:
    """The text of one of Leaflet's files (`leaflet.js`, `leaflet.css`) from the installed wheel."""
    return resources.files(LEAFLET_PACKAGE).joinpath(*LEAFLET_DIR, name).read_text(encoding="utf-8")


@cache
def atlas_text(name: str) -> str:
    """One of the atlas's own files (`atlas.js`, `atlas.css`) as the page gets it, served or inlined: the package's
    file without its comments and indentation (a third of its bytes, a quarter gzipped). Only what cannot be code
    goes: whole lines that are a `//` comment, `/* */` blocks that start a line, and the spaces that start a line;
    line breaks stay, so JavaScript reads every statement as before."""
    source = resources.files("geo").joinpath("browser", name).read_text(encoding="utf-8")
    source = re.sub(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", "", source, flags=re.MULTILINE | re.DOTALL)
    lines = (line.strip() for line in source.splitlines())
    return "".join(f"{line}\n" for line in lines if line and not line.startswith("//"))


@cache
def atlas_served_name(name: str) -> str:
    """The name `name` is served under: its content's hash in it (`atlas.js` -> `atlas.0123456789ab.js`)."""
    stem, suffix = name.rsplit(".", 1)
    digest = hashlib.sha256(atlas_text(name).encode("utf-8")).hexdigest()[:HASH_CHARS]
    return f"{stem}.{digest}.{suffix}"


def install_atlas(static_dir: Path) -> Path:
    """The atlas's files in static_dir/atlas under their served names (written where missing); returns that folder.
    Files of other versions stay: a page of the version before may still ask for them."""
    target = static_dir / ATLAS_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in ATLAS_FILES:
        served = target / atlas_served_name(name)
        if not served.is_file():
            # Two servers may start at once: each writes a file of its own, then names it (never a half-written file).
            temporary = served.with_name(f"{served.name}.{os.getpid()}.tmp")
            temporary.write_text(atlas_text(name), encoding="utf-8")
            temporary.replace(served)
    return target


def ensure_served(static_dir: Path) -> Path:
    """Leaflet in static_dir/leaflet, copied there if it is missing or differs from the wheel's (another version),
    and the atlas's own files beside it (install_atlas): everything the map loads from the app."""
    install_atlas(static_dir)
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
    static = Path(sys.argv[1] if len(sys.argv) > 1 else "static")
    print(install_leaflet(static), install_atlas(static))
