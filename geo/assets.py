"""What the map loads besides its data, put into the folder the app serves: Leaflet from its pinned wheel (so the
map needs no CDN) and the atlas's own constant script and styles (geo/browser), as one script and one stylesheet
under names with their content's hash, so that a browser may keep them from one map to the next and a new version
is a new name."""

from __future__ import annotations

import hashlib
import json
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
# The atlas's own files (package data, geo/browser): the map's script and styles, and the page's styles (page.css).
ATLAS_FILES = ("atlas.js", "atlas.css", "page.css")
# The map's code as the page gets it: one file of each kind, Leaflet's and then the atlas's. st_folium's frontend
# loads a map's scripts one after another (each waits for the one before), so a second script was a second round
# trip before the map could be drawn. Served from ATLAS_DIR in the static folder as `map.<hash>.js` and so on, with
# Leaflet's images/ beside them (its styles name them by relative URLs).
MAP_FILES = {"map.js": ("leaflet.js", "atlas.js"), "map.css": ("leaflet.css", "atlas.css")}
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
def map_text(name: str) -> str:
    """The map's code (`map.js`) or styles (`map.css`), served and inlined alike: Leaflet's file as the wheel has it,
    less the line naming its source map (no such file is served), then the atlas's (atlas_text), then for the script
    the page's styles it puts into the page (_page_dressing)."""
    leaflet, atlas = MAP_FILES[name]
    lines = leaflet_text(leaflet).splitlines(keepends=True)
    kept = "".join(line for line in lines if not line.startswith("//# sourceMappingURL="))
    return f"{kept.rstrip()}\n{atlas_text(atlas)}{_page_dressing(name)}"


def _page_dressing(name: str) -> str:
    """What the map's script adds after the atlas's: the page's styles (page.css), which the map's frame puts into
    the page around it before it draws (atlas.dressPage), so the page's first run needs no style element."""
    return f"atlas.dressPage({json.dumps(atlas_text('page.css'))});\n" if name == "map.js" else ""


@cache
def served_name(name: str) -> str:
    """The name `name` is served under: its content's hash in it (`map.js` -> `map.0123456789ab.js`)."""
    stem, suffix = name.rsplit(".", 1)
    digest = hashlib.sha256(map_text(name).encode("utf-8")).hexdigest()[:HASH_CHARS]
    return f"{stem}.{digest}.{suffix}"


def _write_new(path: Path, write) -> None:
    """Create path if it is missing. Two servers may start at once: each writes a file of its own, then names it
    (never a half-written file)."""
    if not path.is_file():
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        write(temporary)
        temporary.replace(path)


def ensure_served(static_dir: Path) -> Path:
    """Everything the map loads from the app, in static_dir/atlas: map.js and map.css under their served names and
    Leaflet's images, each written where missing; returns that folder. Files of other versions stay: a page of the
    version before may still ask for them."""
    target = static_dir / ATLAS_DIR
    (target / "images").mkdir(parents=True, exist_ok=True)
    for name in MAP_FILES:
        _write_new(target / served_name(name), lambda path, name=name: path.write_text(map_text(name), "utf-8"))
    for image in resources.files(LEAFLET_PACKAGE).joinpath(*LEAFLET_DIR, "images").iterdir():
        _write_new(target / "images" / image.name, lambda path, image=image: path.write_bytes(image.read_bytes()))
    return target


def install_leaflet(static_dir: Path) -> Path:
    """Leaflet alone, as its wheel has it (leaflet.js, leaflet.css and images/), in static_dir/leaflet, for a page
    that loads Leaflet by itself (the naive page bench.browser measures the atlas against); returns that folder."""
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
    print(install_leaflet(static), ensure_served(static))
