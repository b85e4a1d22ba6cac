"""data/context.geojson built from Natural Earth's rivers, lakes and towns, the cited waypoints and the places' names.

Context is what a reader needs to find their way (towns, rivers, lakes, the old Lachin road), drawn under the
places: it is not a place of the atlas (never clickable, searchable or exported as one), so it lives in a file of its
own rather than among the places of data/regions.geojson, whose every feature the loader, the gazetteer, the
validator and the exports take for a place. Same inputs, same bytes: `python -m geo build-context` (in `make data`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import shapely
from shapely.geometry import LineString, mapping, shape

from geo.build import BuildError, regions_text
from geo.model import LANGUAGES

# Lines and lakes as simplified as the base map's country outlines (geo.mapping.COUNTRY_TOLERANCE): the Aras is the
# border along most of its course, and a river simplified otherwise would wander off the border drawn beside it.
TOLERANCE = 0.002
DIGITS = 3
# Towns: 4 decimals (~10 m) is far finer than a label needs.
TOWN_DIGITS = 4
RIVERS, LAKES, TOWNS = "natural-earth-rivers", "natural-earth-lakes", "natural-earth-populated-places"
WAYPOINTS = "atlas-waypoints"
# Natural Earth's cities (at least this population) are context at small scales, from zoom 7. Its smaller towns are
# left out: zoomed in, the agreements' towns are what matters, and each label is bytes on every first map.
NE_CITY_POPULATION = 100_000
NE_CITY_ZOOM = 7
# Natural Earth points never labelled (PROVENANCE.md): its "Agdam" is a village in Tovuz district, not Aghdam town;
# Stepanakert and Nakhchivan are labelled from their cited waypoints instead.
NE_SKIPPED = ("Agdam", "Stepanakert", "Naxcivan")
# Kapan, Syunik's centre on the route the 2025 agreements are about, shows with the agreements' towns (its point has no
# cited waypoint; Natural Earth's coordinates are right, its country field is not).
NE_TOWNS = {"Kapan": 8}


class Town(NamedTuple):
    """A town labelled from a cited waypoint. Its names are those of `place` in data/places.json (display names,
    else the spellings chosen in `names`, each of which must be one of the place's spellings); without a place,
    English only. `zoom` is the first zoom it shows at; `side` where its label sits by its dot (right, left, below)."""

    waypoint: str
    zoom: int
    place: str | None = None
    names: dict[str, str] | None = None
    side: str = "right"


# The towns the agreements are about, at the start zoom (8), and the map's anchor from 7. Shusha's label sits left of
# its dot: Khankendi is 6 km north, about 13 px at zoom 8, less than a label's height.
TOWN_LABELS = (
    Town("khankendi", 7, "khankendi"),
    Town("shusha", 8, "shusha", side="left"),
    Town("lachin", 8, "lachin"),
    Town("kalbajar", 8, "kalbajar"),
    Town("aghdam", 8, "aghdam"),
    Town("khojaly", 8, "khojaly"),
    # Below its dot: Khankendi's label runs towards it from the west (in Armenian, Ստեփանակերտ, right over it).
    Town("khojavend", 8, "khojavend", side="below"),
    Town("fuzuli", 8, "fuzuli"),
    Town("jabrayil", 8, "jabrayil"),
    # The district's Russian display name is the district's ("Зангиланский район"); the town is "Зангилан".
    Town("zangilan", 8, "zangilan", {"ru": "Зангилан"}),
    Town("gubadly", 8, "gubadly"),
    Town("goris", 8, "goris"),
    Town("meghri", 8, names={"en": "Meghri"}),
    # The place `nakhchivan` is the autonomous republic; the city bears its short name.
    Town("nakhchivan", 7, "nakhchivan", {"en": "Nakhchivan", "az": "Naxçıvan", "ru": "Нахичевань"}),
    Town("horadiz", 9, names={"en": "Horadiz"}),
    Town("ordubad", 9, names={"en": "Ordubad"}),
    Town("julfa", 9, names={"en": "Julfa"}),
    Town("jermuk", 9, "jermuk"),
    # Azerbaijan's capital, where many of the agreements' meetings and trials took place; no place of the atlas.
    Town("baku", 7, names={"en": "Baku", "az": "Bakı", "hy": "Բաքու", "ru": "Баку"}),
)
# The road between Armenia and Karabakh before August 2022 (Goris–Berdzor/Lachin–Shushi–Stepanakert), through its
# cited waypoints: indicative, the real road winds. Its 2022 bypass is a place (lachin-road-2022).
OLD_LACHIN_ROAD = {
    "id": "old-lachin-road",
    "name": "Lachin road before 2022 (Goris–Lachin–Shusha–Khankendi)",
    "route": ("goris", "kornidzor", "lachin", "shusha", "khankendi"),
    "sources": ["armenpress-2022-08-25-new-route", "travel-images-lachin"],
}


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _rounded(geometry, digits: int) -> dict:
    geojson = mapping(shapely.set_precision(geometry, 10.0**-digits))

    def rounded(coordinates):
        if isinstance(coordinates[0], (int, float)):
            return [round(c, digits) for c in coordinates]
        return [rounded(c) for c in coordinates]

    return {"type": geojson["type"], "coordinates": rounded(geojson["coordinates"])}


def _feature(feature_id: str, properties: dict, geometry: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "properties": {"id": feature_id, **properties}, "geometry": geometry}


class _Inputs:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.files = {s["id"]: s.get("file") for s in _read(data_dir / "sources.json")["sources"]}
        self.waypoints = {w["id"]: w for w in _read(data_dir / "waypoints.json")["waypoints"] if "lon" in w}
        self.places = {p["id"]: p for p in _read(data_dir / "places.json")["places"]}

    def features(self, source_id: str) -> list[dict]:
        name = self.files.get(source_id)
        if not name:
            raise BuildError(f"sources.json: no file for source {source_id!r}")
        return _read(self.data_dir / "sources" / name)["features"]

    def point(self, waypoint_id: str) -> tuple[float, float]:
        if waypoint_id not in self.waypoints:
            raise BuildError(f"context: unknown waypoint {waypoint_id!r}")
        w = self.waypoints[waypoint_id]
        return w["lon"], w["lat"]

    def names(self, town: Town) -> dict[str, str]:
        chosen = dict(town.names or {})
        if town.place is None:
            return chosen
        place = self.places.get(town.place)
        if place is None:
            raise BuildError(f"context: town {town.waypoint!r} names unknown place {town.place!r}")
        spellings = place["names"]
        for lang, name in chosen.items():
            if name not in spellings.get(lang, ()):
                raise BuildError(f"context: {name!r} is no {lang} spelling of place {town.place!r}")
        return {
            lang: chosen.get(lang) or spellings[lang][0] for lang in LANGUAGES if lang in chosen or spellings.get(lang)
        }


def _water(inputs: _Inputs) -> list[dict]:
    rivers: dict[str, list] = {}
    for f in inputs.features(RIVERS):
        # The Kura's line through the Mingachevir reservoir ("Lake Centerline") joins its river parts into one.
        rivers.setdefault(f["properties"]["name_en"], []).append(shape(f["geometry"]))
    features = []
    for name in sorted(rivers):
        line = shapely.line_merge(shapely.union_all(rivers[name])).simplify(TOLERANCE)
        features.append(
            _feature(f"river-{name.lower()}", {"kind": "river", "name": name, "source": RIVERS}, _rounded(line, DIGITS))
        )
    for f in sorted(inputs.features(LAKES), key=lambda f: f["properties"]["name"]):
        name = f["properties"]["name"]
        lake = shape(f["geometry"]).simplify(TOLERANCE)
        slug = "-".join(name.lower().split())
        features.append(
            _feature(f"lake-{slug}", {"kind": "lake", "name": name, "source": LAKES}, _rounded(lake, DIGITS))
        )
    return features


def _road(inputs: _Inputs) -> dict:
    line = LineString([inputs.point(w) for w in OLD_LACHIN_ROAD["route"]])
    properties = {
        "kind": "road",
        "name": OLD_LACHIN_ROAD["name"],
        "precision": "indicative",
        "source": WAYPOINTS,
        "sources": OLD_LACHIN_ROAD["sources"],
    }
    return _feature(str(OLD_LACHIN_ROAD["id"]), properties, _rounded(line, TOWN_DIGITS))


def _town(feature_id: str, names: dict[str, str], zoom: int, side: str, source: str, xy) -> dict:
    properties = {"kind": "town", "name": names["en"], "names": names, "zoom": zoom, "side": side, "source": source}
    point = {"type": "Point", "coordinates": [round(c, TOWN_DIGITS) for c in xy]}
    return _feature(f"town-{feature_id}", properties, point)


def _towns(inputs: _Inputs) -> list[dict]:
    towns = [
        _town(t.waypoint, inputs.names(t), t.zoom, t.side, WAYPOINTS, inputs.point(t.waypoint)) for t in TOWN_LABELS
    ]
    for f in sorted(inputs.features(TOWNS), key=lambda f: (-f["properties"]["POP_MAX"], f["properties"]["NAME"])):
        p = f["properties"]
        if p["NAME"] in NE_SKIPPED or (p["POP_MAX"] < NE_CITY_POPULATION and p["NAME"] not in NE_TOWNS):
            continue
        # NAME_EN is sometimes the local spelling ("Gədəbəy"); NAME is the plain one then.
        english = p["NAME_EN"] if p["NAME_EN"].isascii() else p["NAMEASCII"]
        zoom = NE_TOWNS.get(p["NAME"], NE_CITY_ZOOM)
        slug = "-".join(p["NAMEASCII"].lower().split())
        towns.append(
            _town(slug, {"en": english, "ru": p["NAME_RU"]}, zoom, "right", TOWNS, f["geometry"]["coordinates"])
        )
    return towns


def build_context(data_dir: Path) -> dict[str, Any]:
    """The context FeatureCollection for `data_dir` (rivers, lakes, the old Lachin road, towns), JSON-ready."""
    inputs = _Inputs(data_dir)
    return {
        "type": "FeatureCollection",
        "name": "Karabakh Atlas context (not places)",
        "license": "Public domain (Natural Earth); waypoints CC BY-SA 3.0 (Wikipedia contributors)",
        "attribution": "Made with Natural Earth · waypoints: Wikipedia contributors (CC BY-SA 3.0)",
        "features": [*_water(inputs), _road(inputs), *_towns(inputs)],
    }


def write_context(data_dir: Path) -> Path:
    """Build and write data_dir/context.geojson, one feature per line; returns its path."""
    target = data_dir / "context.geojson"
    target.write_text(regions_text(build_context(data_dir)), encoding="utf-8")
    return target
