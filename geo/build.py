"""Build data/regions.geojson from the raw sources in data/sources/ and the recipes in data/places.json.

The output is deterministic (same inputs, same bytes) so that a rebuild can be checked against the shipped
file and every change to a boundary shows up as a reviewable diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, mapping, shape

# RFC 7946 recommends 6 decimals: ~0.1 m at these latitudes, far below any source's accuracy.
COORDINATE_DIGITS = 6
GRID_SIZE = 10.0**-COORDINATE_DIGITS
# A metric CRS for buffering corridors: UTM zone 38N covers 42-48°E, all of Karabakh and Syunik.
METRIC_CRS = "EPSG:32638"
COUNTRY_OUTLINE_SOURCE = "natural-earth-admin0"
LICENCE = "CC BY-SA 3.0"
ATTRIBUTION = (
    "Boundaries: geoBoundaries (Runfola et al. 2020, geoboundaries.org; source: Wikipedia, CC BY-SA 3.0)"
    " · Made with Natural Earth (public domain) · waypoints: Wikipedia contributors (CC BY-SA 3.0)"
)
# Properties copied from a places.json entry to its feature, in this order; `source` comes from the recipe.
FEATURE_PROPERTIES = ("id", "name", "names", "kind", "precision", "agreements")
# Copied too when a place has them: its note and the sources it cites, its lifetime, who held it when, the longer names
# that are another area's, how a text describes it without a name.
OPTIONAL_PROPERTIES = ("note", "sources", "exists", "control", "not_names", "described_by")


class BuildError(Exception):
    """A recipe in places.json cannot be followed with the files present."""


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


class _Sources:
    """The raw boundary files, each read once, found through data/sources.json."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.by_id = {s["id"]: s for s in _read_json(data_dir / "sources.json")["sources"]}
        self._features: dict[str, list[dict[str, Any]]] = {}
        waypoints = _read_json(data_dir / "waypoints.json")["waypoints"]
        self.waypoints = {w["id"]: (w["lon"], w["lat"]) for w in waypoints if "midpoint_of" not in w}
        for w in waypoints:
            # A derived point (e.g. between two villages facing each other across a border): its two ends are cited.
            if "midpoint_of" in w:
                (x1, y1), (x2, y2) = (self.waypoint(w["id"], end) for end in w["midpoint_of"])
                self.waypoints[w["id"]] = ((x1 + x2) / 2, (y1 + y2) / 2)

    def features(self, source_id: str) -> list[dict[str, Any]]:
        if source_id not in self._features:
            entry = self.by_id.get(source_id)
            if not entry or "file" not in entry:
                raise BuildError(f"sources.json: no file for source {source_id!r}")
            self._features[source_id] = _read_json(self.data_dir / "sources" / entry["file"])["features"]
        return self._features[source_id]

    def country(self, iso_a3: str):
        for feature in self.features(COUNTRY_OUTLINE_SOURCE):
            if feature["properties"]["ISO_A3"] == iso_a3:
                return shape(feature["geometry"])
        raise BuildError(f"{COUNTRY_OUTLINE_SOURCE}: no country {iso_a3!r}")

    def waypoint(self, place_id: str, waypoint_id: str) -> tuple[float, float]:
        try:
            return self.waypoints[waypoint_id]
        except KeyError:
            raise BuildError(f"places.json place {place_id!r}: unknown waypoint {waypoint_id!r}") from None

    def shared_boundary(self, first: str, second: str):
        """The line two countries' outlines share, merged into as few lines as possible."""
        a, b = self.country(first), self.country(second)
        # Natural Earth gives neighbours the same vertices, so the shared edge is where the outlines meet.
        return shapely.line_merge(shapely.intersection(a.boundary, b.boundary))


def _buffer_metres(line: LineString, metres: float):
    to_metric = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    to_lonlat = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)
    metric = shapely.transform(line, lambda xy: _apply(to_metric, xy))
    return shapely.transform(metric.buffer(metres), lambda xy: _apply(to_lonlat, xy))


def _apply(transformer: Transformer, xy):
    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    xy = xy.copy()
    xy[:, 0], xy[:, 1] = x, y
    return xy


def _matches(feature: dict[str, Any], where: dict[str, Any]) -> bool:
    properties = feature["properties"]
    return all(
        properties.get(key) in (wanted if isinstance(wanted, list) else [wanted]) for key, wanted in where.items()
    )


def _part(place_id: str, part: dict[str, Any], sources: _Sources):
    where = part.get("where", {})
    chosen = [f for f in sources.features(part["source"]) if _matches(f, where)]
    expected = sum(len(v) if isinstance(v, list) else 1 for v in where.values()) if "shapeID" in where else 1
    if len(chosen) != expected:
        raise BuildError(
            f"places.json place {place_id!r}: {part['source']} has {len(chosen)} features where {where}"
            f" (expected {expected})"
        )
    return shapely.union_all([shape(f["geometry"]) for f in chosen])


def _geometry(place: dict[str, Any], sources: _Sources, built: dict[str, Any]):
    recipe = place["geometry"]
    if "point" in recipe:
        geometry = Point(sources.waypoint(place["id"], recipe["point"]))
    elif "union" in recipe:
        missing = [other for other in recipe["union"] if other not in built]
        if missing:
            raise BuildError(f"places.json place {place['id']!r}: union of {missing}, not built before it")
        geometry = shapely.union_all([built[other] for other in recipe["union"]], grid_size=GRID_SIZE)
    elif "crossing" in recipe:
        geometry = _crossing(place["id"], recipe["crossing"], built)
    elif "shared_boundary" in recipe:
        geometry = sources.shared_boundary(*recipe["shared_boundary"])
    elif "route" in recipe:
        geometry = LineString([sources.waypoint(place["id"], w) for w in recipe["route"]])
        if "width_km" in recipe:
            geometry = _buffer_metres(geometry, recipe["width_km"] * 1000 / 2)
    else:
        geometry = shapely.union_all([_part(place["id"], part, sources) for part in recipe["parts"]])
    if "clip_to" in recipe:
        # geoBoundaries overlaps Natural Earth's Armenia by 684 km² (PROVENANCE.md): clipping every layer to
        # one country outline keeps districts from spilling over the border.
        geometry = geometry.intersection(sources.country(recipe["clip_to"]))
    for other in recipe.get("minus", ()):
        # Where two sources disagree on a shared border, the place built first keeps the area.
        if other not in built:
            raise BuildError(f"places.json place {place['id']!r}: minus {other!r}, which is not built before it")
        geometry = shapely.difference(shapely.set_precision(geometry, GRID_SIZE), built[other], grid_size=GRID_SIZE)
    return _tidy(geometry)


def _crossing(place_id: str, lines: list[str], built: dict[str, Any]) -> Point:
    """Where two lines built before meet: a site no source gives a coordinate for, but that sources place on both
    (e.g. a bridge where a road crosses a border). Only as exact as the two lines."""
    missing = [line for line in lines if line not in built]
    if missing:
        raise BuildError(f"places.json place {place_id!r}: crossing of {missing}, not built before it")
    meeting = shapely.intersection(*(built[line] for line in lines))
    if meeting.is_empty or meeting.geom_type != "Point":
        where = "do not meet" if meeting.is_empty else f"meet in a {meeting.geom_type}"
        raise BuildError(f"places.json place {place_id!r}: {' and '.join(lines)} {where}, not in one point")
    return meeting


def _source_id(recipe: dict[str, Any]) -> str:
    return recipe.get("source") or recipe["parts"][0]["source"]


def _tidy(geometry):
    """Snap to the output grid, keep only the parts of the intended dimension, orient rings per RFC 7946."""
    snapped = shapely.set_precision(geometry, GRID_SIZE)
    if snapped.geom_type == "GeometryCollection":
        dimension = shapely.get_dimensions(geometry)
        snapped = shapely.union_all([g for g in snapped.geoms if shapely.get_dimensions(g) == dimension])
    return shapely.orient_polygons(snapped)


def _rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(c, COORDINATE_DIGITS) for c in coordinates]
    return [_rounded(c) for c in coordinates]


def build_regions(data_dir: Path) -> dict[str, Any]:
    """The regions FeatureCollection for `data_dir`, as a JSON-ready dict."""
    sources = _Sources(data_dir)
    features = []
    built: dict[str, Any] = {}
    for place in _read_json(data_dir / "places.json")["places"]:
        built[place["id"]] = _geometry(place, sources, built)
        geometry = mapping(built[place["id"]])
        features.append(
            {
                "type": "Feature",
                "id": place["id"],
                "properties": {
                    **{key: place[key] for key in FEATURE_PROPERTIES},
                    "source": _source_id(place["geometry"]),
                    **{key: place[key] for key in OPTIONAL_PROPERTIES if key in place},
                },
                "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])},
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "Karabakh Atlas regions",
        "license": LICENCE,
        "attribution": ATTRIBUTION,
        "features": features,
    }


def regions_text(collection: dict[str, Any]) -> str:
    """Serialise with one feature per line, so that a changed boundary is a one-line diff."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]]
    opening = json.dumps(head, ensure_ascii=False)[:-1] + ', "features": [\n'
    return opening + ",\n".join(lines) + "\n]}\n"


def write_regions(data_dir: Path) -> Path:
    """Build and write data_dir/regions.geojson; returns its path."""
    target = data_dir / "regions.geojson"
    target.write_text(regions_text(build_regions(data_dir)), encoding="utf-8")
    return target
