"""The map's geometry holds together: valid shapes, no overlaps, inside Azerbaijan, towns inside their places."""

import json
import math
from collections import Counter
from itertools import combinations

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, shape

from geo import mapping
from geo.mapping import display_geometries
from tests.conftest import ROOT

DATA = ROOT / "data"
# 1e-6 deg² is ~0.01 km²: what rounding the output to 6 decimals can move, far below the sources' accuracy.
AREA_TOLERANCE = 1e-6
# ~100 m: two boundaries from different sources "touch" where they come this close.
TOUCH_TOLERANCE = 0.001


@pytest.fixture(scope="module")
def countries():
    collection = json.loads((DATA / "sources" / "ne_10m_admin0_countries_deu_v5.1.1_caucasus.geojson").read_text())
    return {f["properties"]["ISO_A3"]: shape(f["geometry"]) for f in collection["features"]}


@pytest.fixture(scope="module")
def towns():
    """Town coordinates, each cited in waypoints.json, and the place each must fall in (places.json `town`)."""
    waypoints = {
        w["id"]: Point(w["lon"], w["lat"])
        for w in json.loads((DATA / "waypoints.json").read_text())["waypoints"]
        if "midpoint_of" not in w  # derived between two cited points, not a town
    }
    places = json.loads((DATA / "places.json").read_text())["places"]
    return {p["id"]: waypoints[p["town"]] for p in places if "town" in p}


def test_every_geometry_is_valid(atlas):
    for place in atlas.places.values():
        assert place.geometry.is_valid, (place.id, shapely.is_valid_reason(place.geometry))


def test_districts_and_cities_tile_without_overlaps_so_they_simplify_together(atlas):
    assert shapely.coverage_is_valid([p.geometry for p in atlas.places.values() if p.kind in ("district", "city")])
    assert all(shape(g).is_valid for g in display_geometries(atlas.places.values()).values())


def test_districts_do_not_overlap(atlas):
    districts = [p for p in atlas.places.values() if p.kind == "district"]
    for a, b in combinations(districts, 2):
        assert a.geometry.intersection(b.geometry).area < AREA_TOLERANCE, (a.id, b.id)


def test_districts_and_nakhchivan_lie_within_azerbaijan(atlas, countries):
    for place in atlas.places.values():
        if place.kind == "district" or place.id == "nakhchivan":
            assert place.geometry.difference(countries["AZE"]).area < AREA_TOLERANCE, place.id
            assert place.geometry.intersection(countries["ARM"]).area < AREA_TOLERANCE, place.id


def test_lachin_lies_between_armenia_and_karabakh(atlas, countries):
    lachin = atlas.places["lachin"].geometry
    assert lachin.distance(countries["ARM"]) < TOUCH_TOLERANCE
    assert lachin.distance(atlas.places["karabakh"].geometry) < TOUCH_TOLERANCE
    # Touching along a border, not at a point: over 10 km (0.1°) of shared edge with each.
    assert lachin.boundary.intersection(countries["ARM"].buffer(TOUCH_TOLERANCE)).length > 0.1
    assert lachin.boundary.intersection(atlas.places["karabakh"].geometry.buffer(TOUCH_TOLERANCE)).length > 0.1


def test_each_place_contains_its_own_town(atlas, towns):
    assert len(towns) >= 13
    for place_id, town in towns.items():
        assert atlas.places[place_id].geometry.contains(town), place_id


def test_nakhchivan_link_crosses_armenia_and_reaches_nakhchivan(atlas, countries):
    link = atlas.places["nakhchivan-link"].geometry
    assert link.geom_type == "LineString"
    assert link.intersection(countries["ARM"]).length > 0.3  # through Syunik, tens of km
    assert link.intersects(atlas.places["nakhchivan"].geometry)
    assert atlas.places["nakhchivan"].geometry.contains(Point(link.coords[-1]))


def test_lachin_corridor_runs_from_khankendi_through_lachin_and_leaves_shusha_out(atlas, towns):
    corridor = atlas.places["lachin-corridor"].geometry
    assert corridor.contains(towns["lachin"]) and corridor.contains(towns["khankendi"])
    # Article 6: the corridor does not touch Shusha.
    assert not corridor.contains(towns["shusha"])


def test_hakari_checkpoint_is_where_the_2022_road_meets_the_border_south_of_lachin(atlas, countries, towns):
    checkpoint = atlas.places["hakari-bridge-checkpoint"]
    assert checkpoint.precision == "indicative" and checkpoint.geometry.geom_type == "Point"
    # On the road and on the border, to the output grid (1e-6 deg).
    assert checkpoint.geometry.distance(atlas.places["lachin-road-2022"].geometry) < 1e-5
    assert checkpoint.geometry.distance(atlas.places["armenia-azerbaijan-border"].geometry) < 1e-5
    # Sources: the bridge is some 10 km south of Lachin town, at the Armenian border: within 15 km, and south of it.
    lachin = towns["lachin"]
    km = checkpoint.geometry.distance(lachin) * 111
    assert 3 < km < 15 and checkpoint.geometry.y < lachin.y


def test_display_simplification_leaves_no_gaps_or_overlaps_between_neighbours(atlas):
    districts = [p for p in atlas.places.values() if p.kind == "district"]
    simplified = {k: shape(v) for k, v in display_geometries(districts).items()}
    for a, b in combinations(districts, 2):
        assert simplified[a.id].intersection(simplified[b.id]).area < AREA_TOLERANCE, (a.id, b.id)
        if a.geometry.distance(b.geometry) == 0 and a.geometry.intersection(b.geometry).length > 0.01:
            # Neighbours that shared a border still share it: no sliver gap opened up.
            assert simplified[a.id].distance(simplified[b.id]) < 1e-5, (a.id, b.id)
    before = shapely.union_all([p.geometry for p in districts]).area
    after = shapely.union_all(list(simplified.values())).area
    assert abs(after - before) / before < 0.01


def test_display_simplification_moves_no_border_by_a_pixel_at_the_closest_zoom(atlas):
    # Web Mercator: metres per pixel at the map's closest zoom, smallest at the northernmost place.
    north = max(p.geometry.bounds[3] for p in atlas.places.values())
    pixel_m = 40_075_016.686 * math.cos(math.radians(north)) / (256 * 2**mapping.MAX_ZOOM)
    metres_per_degree = 111_320  # along a meridian; along a parallel it is less, so this bounds both
    display = display_geometries(atlas.places.values())
    for place in atlas.places.values():
        moved = shapely.hausdorff_distance(shape(display[place.id]), place.geometry) * metres_per_degree
        assert moved < pixel_m, (place.id, moved, pixel_m)


def test_the_spatial_join_puts_each_point_in_the_smallest_place_holding_it(atlas, towns):
    from geo.query import PlaceIndex

    index = PlaceIndex(atlas.places.values())
    assert index.assign([towns["khankendi"].x], [towns["khankendi"].y]) == ["khankendi"]
    assert index.assign([towns["lachin"].x, 30.0], [towns["lachin"].y, 30.0]) == ["lachin-corridor", None]
    # Against the plain per-point answer, on points spread over the whole area and just beyond it.
    polygons = [p for p in atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
    xmin, ymin, xmax, ymax = shapely.total_bounds([p.geometry for p in polygons])
    rng = np.random.default_rng(7)
    lon, lat = rng.uniform(xmin - 0.1, xmax + 0.1, 3000), rng.uniform(ymin - 0.1, ymax + 0.1, 3000)
    expected = []
    for x, y in zip(lon, lat, strict=True):
        holders = [p for p in polygons if p.geometry.contains(Point(x, y))]
        expected.append(min(holders, key=lambda p: p.geometry.area).id if holders else None)
    assert index.assign(lon, lat) == expected


_VALUES = {digit: value for value, digit in enumerate(mapping.PACK_DIGITS)}


def _numbers(text: str) -> list[int]:
    numbers, value, factor = [], 0, 1
    for character in text:
        digit = _VALUES[character]
        value, factor = value + (digit & 31) * factor, factor * 32
        if not digit & 32:
            numbers.append(-(value + 1) // 2 if value % 2 else value // 2)
            value, factor = 0, 1
    assert not value
    return numbers


def _walk(text: str, start: tuple[int, int]) -> list[tuple[int, int]]:
    numbers = _numbers(text)
    assert len(numbers) % 2 == 0
    xs, ys = np.cumsum([start[0], *numbers[::2]]), np.cumsum([start[1], *numbers[1::2]])
    return [(int(x), int(y)) for x, y in zip(xs[1:], ys[1:], strict=True)]


def _nest(packed, depth: int, line):
    if depth > 1:
        return [_nest(part, depth - 1, line) for part in packed]
    positions = line(packed)
    return positions if depth else positions[0]


def _scaled(positions, scale: int) -> list[list[float]]:
    return [[x / scale, y / scale] for x, y in positions]


def _unpacked(geometry: dict) -> dict:
    """What the page's atlas.unpack makes of a packed geometry, in Python: the same steps, digit for digit."""
    scale, depth = 10 ** geometry["digits"], mapping.PACK_DEPTH[geometry["type"]]
    return {
        "type": geometry["type"],
        "coordinates": _nest(geometry["packed"], depth, lambda text: _scaled(_walk(text, (0, 0)), scale)),
    }


def _arcs(collection: dict) -> list[list[tuple[int, int]]]:
    """A packed collection's shared arcs, on its grid, as the page unpacks them (each begun where the last ended)."""
    arcs, end = [], (0, 0)
    for text in collection["arcs"].split(" "):
        arcs.append(_walk(text, end))
        end = arcs[-1][-1]
    return arcs


def _unpacked_collection(collection: dict) -> list[dict]:
    """The geometries atlas.unpack makes of a packed collection (compact_collection), in Python."""
    arcs, scale = _arcs(collection), 10 ** collection["digits"]

    def joined(refs: str) -> list[list[float]]:
        positions: list[tuple[int, int]] = []
        for ref in _numbers(refs):
            arc = arcs[~ref][::-1] if ref < 0 else arcs[ref]
            positions += arc[1:] if positions else arc
        return _scaled(positions, scale)

    return [
        {"type": g["type"], "coordinates": _nest(g["arcs"], mapping.PACK_DEPTH[g["type"]], joined)}
        if "arcs" in g
        else _unpacked(g)
        for g in (f["geometry"] for f in collection["features"])
    ]


def _close(a, b) -> bool:
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)


def _packed_layers(atlas) -> list[tuple[dict, int]]:
    """The places and the countries, as the map packs them: a FeatureCollection each, and its grid's digits."""
    from geo.load import DEFAULT_DATA_DIR

    places = [
        {"type": "Feature", "properties": {}, "geometry": g} for g in display_geometries(atlas.places.values()).values()
    ]
    return [
        ({"type": "FeatureCollection", "features": places}, mapping.DISPLAY_DIGITS),
        (mapping._countries(DEFAULT_DATA_DIR), mapping.COUNTRY_DIGITS),
    ]


def test_packed_geometry_unpacks_to_every_coordinate_the_map_drew_before(atlas):
    """The places, the countries and the context go to the page packed: unpacked, each is the same geometry."""
    from geo.load import DEFAULT_DATA_DIR

    kinds = set()
    for collection, digits in _packed_layers(atlas):
        unpacked = _unpacked_collection(mapping.compact_collection(collection, digits))
        for geometry, drawn in zip([f["geometry"] for f in collection["features"]], unpacked, strict=True):
            kinds.add(geometry["type"])
            assert drawn["type"] == geometry["type"]
            assert _close(drawn["coordinates"], json.loads(json.dumps(geometry["coordinates"])))
    for feature in mapping._context(DEFAULT_DATA_DIR)[0]["features"]:
        geometry = feature["geometry"]
        kinds.add(geometry["type"])
        unpacked = _unpacked(mapping.compact_geometry(geometry, mapping.CONTEXT_DIGITS[feature["properties"]["kind"]]))
        assert unpacked["type"] == geometry["type"]
        assert _close(unpacked["coordinates"], json.loads(json.dumps(geometry["coordinates"])))
    assert {"Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon"} <= kinds


def test_a_border_that_places_or_countries_share_is_sent_once(atlas):
    """Neighbouring districts, and neighbouring countries, share long borders: each stretch of border is in one arc
    only, and the arcs hold far fewer points than the rings drawn from them."""
    for collection, digits in _packed_layers(atlas):
        packed = mapping.compact_collection(collection, digits)
        arcs = _arcs(packed)
        segments = Counter(frozenset(pair) for arc in arcs for pair in zip(arc, arc[1:], strict=False))
        assert segments.most_common(1)[0][1] == 1
        drawn = sum(len(ring) for g in _unpacked_collection(packed) if g["type"] != "Point" for ring in _rings(g))
        assert sum(len(arc) for arc in arcs) < 0.8 * drawn


def _rings(geometry: dict) -> list:
    depth = mapping.PACK_DEPTH[geometry["type"]]
    parts = [geometry["coordinates"]]
    for _ in range(depth - 1):
        parts = [ring for part in parts for ring in part]
    return parts


def test_shared_arcs_rebuild_lines_that_touch_cross_and_run_together():
    """Lines that share a stretch both ways, cross at a point, touch end to end or repeat a ring come back whole."""
    square = [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]
    lines = [
        square,
        [(2, 0), (4, 0), (4, 2), (2, 2), (2, 0)],  # shares the square's right side, the other way round
        [(1, -1), (1, 0), (1, 1), (3, 1), (5, 1)],  # crosses both, through the square's bottom side
        [(5, 1), (6, 1)],  # goes on from where the line before it ends
        square[2:] + square[1:3],  # the square again, from another corner
    ]
    arcs, refs = mapping._shared_arcs(lines)
    for line, line_refs in zip(lines, refs, strict=True):
        rebuilt: list[tuple[int, int]] = []
        for ref in line_refs:
            arc = arcs[~ref][::-1] if ref < 0 else arcs[ref]
            rebuilt += arc[1:] if rebuilt else arc
        assert rebuilt == line
    assert [(2, 0), (2, 2)] in arcs or [(2, 2), (2, 0)] in arcs  # the shared side, once


def test_packing_refuses_a_point_off_its_grid_rather_than_move_it():
    assert _unpacked(
        mapping.compact_geometry({"type": "LineString", "coordinates": [[-0.001, 51.0], [46.2, -3.5]]}, 3)
    )["coordinates"] == [[-0.001, 51.0], [46.2, -3.5]]
    with pytest.raises(ValueError, match="not on the 1e-3 grid"):
        mapping.compact_geometry({"type": "Point", "coordinates": [46.2345, 39.8]}, 3)
    line = {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[46.2, 39.8]]}}
    line["geometry"]["coordinates"].append([46.2345, 39.8])
    with pytest.raises(ValueError, match="not on the 1e-3 grid"):
        mapping.compact_collection({"type": "FeatureCollection", "features": [line]}, 3)
