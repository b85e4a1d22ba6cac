"""The map's geometry holds together: valid shapes, no overlaps, inside Azerbaijan, towns inside their places."""

import json
import math
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


def _unpacked(geometry: dict) -> dict:
    """What the page's atlas.unpack makes of a packed geometry, in Python: the same steps, digit for digit."""
    values = {digit: value for value, digit in enumerate(mapping.PACK_DIGITS)}

    def positions(text: str, scale: int) -> list[list[float]]:
        numbers, value, factor = [], 0, 1
        for character in text:
            digit = values[character]
            value, factor = value + (digit & 31) * factor, factor * 32
            if not digit & 32:
                numbers.append(-(value + 1) // 2 if value % 2 else value // 2)
                value, factor = 0, 1
        assert not value and len(numbers) % 2 == 0
        xs, ys = np.cumsum(numbers[::2]), np.cumsum(numbers[1::2])
        return [[int(x) / scale, int(y) / scale] for x, y in zip(xs, ys, strict=True)]

    def unpack(packed, depth: int, scale: int):
        if depth > 1:
            return [unpack(part, depth - 1, scale) for part in packed]
        ring = positions(packed, scale)
        return ring if depth else ring[0]

    depth = mapping.PACK_DEPTH[geometry["type"]]
    return {"type": geometry["type"], "coordinates": unpack(geometry["packed"], depth, 10 ** geometry["digits"])}


def _close(a, b) -> bool:
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)


def test_packed_geometry_unpacks_to_every_coordinate_the_map_drew_before(atlas):
    """The places, the countries and the context go to the page packed: unpacked, each is the same geometry."""
    from geo.load import DEFAULT_DATA_DIR

    layers = [
        (display_geometries(atlas.places.values()).values(), mapping.DISPLAY_DIGITS),
        ([f["geometry"] for f in mapping._countries(DEFAULT_DATA_DIR)["features"]], mapping.COUNTRY_DIGITS),
        *(
            ([f["geometry"]], mapping.CONTEXT_DIGITS[f["properties"]["kind"]])
            for f in mapping._context(DEFAULT_DATA_DIR)[0]["features"]
        ),
    ]
    kinds = set()
    for geometries, digits in layers:
        for geometry in geometries:
            kinds.add(geometry["type"])
            unpacked = _unpacked(mapping.compact_geometry(geometry, digits))
            assert unpacked["type"] == geometry["type"]
            assert _close(unpacked["coordinates"], json.loads(json.dumps(geometry["coordinates"])))
    assert {"Point", "LineString", "Polygon", "MultiPolygon"} <= kinds


def test_packing_refuses_a_point_off_its_grid_rather_than_move_it():
    assert _unpacked(
        mapping.compact_geometry({"type": "LineString", "coordinates": [[-0.001, 51.0], [46.2, -3.5]]}, 3)
    )["coordinates"] == [[-0.001, 51.0], [46.2, -3.5]]
    with pytest.raises(ValueError, match="not on the 1e-3 grid"):
        mapping.compact_geometry({"type": "Point", "coordinates": [46.2345, 39.8]}, 3)
