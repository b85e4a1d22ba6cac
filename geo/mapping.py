"""The only module that imports folium: the offline base map and the layers drawn over it."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import groupby
from pathlib import Path

import folium
import shapely
from branca.element import Element, Figure, MacroElement, Template
from shapely.geometry import box, mapping, shape

from geo import assets, context, messages
from geo.escaping import html_text, script_json
from geo.model import LANGUAGES, Event, Place
from geo.panel import SELECTED_ATTRIBUTE
from geo.view import WAR_START

ATLAS_URL = f"/app/static/{assets.ATLAS_DIR}"  # the map's code and styles: Leaflet and geo/browser (geo.assets)
# Zoom 6 shows the whole South Caucasus; 13 is street level for a town, the finest these sources support.
MIN_ZOOM, MAX_ZOOM, START_ZOOM = 6, 13, 8
START_CENTER = (39.75, 46.4)
BOUNDS = [[37.5, 43.0], [42.5, 51.0]]
# Display geometry: a coverage simplification keeps shared borders shared. 0.0001° is at most 11 m, under the
# ~15 m of a pixel at zoom 13 (the closest the map goes) at this latitude; more detail would not show. Coordinates
# go on the same 0.0001° grid (4 digits): a fifth digit (1 m) would not show either, and cost 3 KB on every first map.
DISPLAY_TOLERANCE = 0.0001
DISPLAY_DIGITS = 4
COVERAGE_KINDS = ("district", "city")
# Geometry goes to the page packed (compact_geometry, compact_collection; the page's atlas.unpack unpacks it before
# L.geoJSON): each coordinate an integer on its grid (it already is one), each ring the steps from point to point,
# written as in Google's polyline encoding (zigzag, 5 bits a character) but with digits a script never needs to
# escape; a border two places share is sent once. Under half the bytes of plain GeoJSON after compression, and the
# same coordinates.
PACK_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-."
PACK_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
COUNTRY_TOLERANCE = 0.002
COUNTRY_DIGITS = 3
# The countries are background: only what can come into view is sent. Iran, Turkey and Russia reach far beyond
# the map's max bounds; 1° around BOUNDS covers the whole view from zoom 7 in (at zoom 6, the widest, the clipped
# frame shows round the area of interest).
COUNTRY_CLIP_MARGIN = 1.0
# The page draws the countries as one SVG path in Web Mercator metres over this unit (atlas.countries): 10 m, half a
# pixel at the closest zoom (13), where a pixel is 19 m of the projection.
COUNTRY_UNIT_M = 10
BASE_SOURCES = (
    "ne_10m_admin0_countries_deu_v5.1.1_caucasus.geojson",
    "ne_10m_admin0_russia_clip_caucasus_deu_v5.1.1.geojson",
)
COUNTRY_LABELS = {  # (lat, lon) of each label: inside each country's part of the view
    "Armenia": (40.05, 45.25),
    "Azerbaijan": (40.45, 47.6),
    "Georgia": (41.85, 44.2),
    "Iran": (38.7, 46.9),
    "Turkey": (39.9, 42.6),
    "Russia": (42.85, 46.6),
}
# Context (data/context.geojson, built by geo.context): drawn under the places, never clickable.
CONTEXT_FILE = "context.geojson"
CONTEXT_STYLES = {
    "river": {"color": "#5b93c2", "weight": 2, "opacity": 0.9, "fill": False},
    "lake": {"color": "#5b93c2", "weight": 1, "fillColor": "#a9c8e0", "fillOpacity": 1},
    # Indicative (drawn through cited towns), so dashed like every indicative line of the atlas.
    "road": {"color": "#7a5230", "weight": 2, "opacity": 0.8, "fill": False, "dashArray": "4 4"},
}
TOWN_DOT = "#333333"
# The grid each kind of context line lies on, as geo.context rounds it: packed on that grid, losslessly.
CONTEXT_DIGITS = {"river": context.DIGITS, "lake": context.DIGITS, "road": context.TOWN_DIGITS}
# A search or a link that selects a place flies the map to it: a town (a point) comes to this zoom, a larger place
# as close as fits it, never closer (at the start zoom a town is ~11 px; at 11 its surroundings are a few km).
FLY_MAX_ZOOM = 11
FLY_PADDING_PX = 30
ATTRIBUTION = (
    'Boundaries: <a href="https://www.geoboundaries.org/">geoBoundaries</a> (Runfola et al. 2020; source: Wikipedia,'
    ' CC BY-SA 3.0) · Made with <a href="https://www.naturalearthdata.com/">Natural Earth</a> · waypoints: Wikipedia'
)
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
KIND_STYLES = {
    "region": {"color": "#7a3b69", "weight": 3, "fillOpacity": 0.05},
    "zone": {"color": "#4f7d3a", "weight": 2, "fillOpacity": 0.05},
    "district": {"color": "#2c6e8f", "weight": 1.5, "fillOpacity": 0.18},
    "city": {"color": "#b5482f", "weight": 2, "fillOpacity": 0.45},
    "corridor": {"color": "#c27c0e", "weight": 3, "fillOpacity": 0.3},
    # Lines: a route or a border is its stroke; a wide one stays easy to hover and click.
    "route": {"color": "#c27c0e", "weight": 5, "fillOpacity": 0},
    "border": {"color": "#555555", "weight": 4, "fillOpacity": 0},
    # Points, drawn as circles of POINT_RADIUS pixels at every zoom.
    "town": {"color": "#b5482f", "weight": 2, "fillOpacity": 0.8},
    "village": {"color": "#b5482f", "weight": 2, "fillOpacity": 0.6},
    "site": {"color": "#6b3fa0", "weight": 2, "fillOpacity": 0.8},
}
POINT_RADIUS = 7
INDICATIVE_STYLE = {"dashArray": "8 6"}
SURVEYED_STYLE = {"dashArray": None}
# Who held a place on the map's date: the fill. A split place is hatched in both colours (HATCH_SVG).
CONTROL_COLORS = {"az": "#3b6fb6", "arm": "#c8553d"}
CONTROL_STYLES = {
    "az": {"fillColor": CONTROL_COLORS["az"], "fillOpacity": 0.45},
    "arm": {"fillColor": CONTROL_COLORS["arm"], "fillOpacity": 0.45},
    "partial": {"fillColor": "url(#atlas-hatch)", "fillOpacity": 0.6},
}
HATCH_SVG = (
    '<defs><pattern id="atlas-hatch" width="8" height="8" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)">'
    f'<rect width="4" height="8" fill="{CONTROL_COLORS["az"]}"/><rect x="4" width="4" height="8"'
    f' fill="{CONTROL_COLORS["arm"]}"/></pattern></defs>'
)
# The ▶ control: from the war's start, a week a frame at 20 frames a second (six years in about 16 s).
PLAY_START = WAR_START.isoformat()
PLAY_STEP_DAYS = 7
# The legend starts open on maps at least this wide (pixels); narrower, it starts closed and stays out of the way.
LEGEND_OPEN_MIN_WIDTH = 800
PLAY_FRAME_MS = 50
# What the PNG control paints over the places, besides the town and country names: the legend, the scale, the credits,
# and the boxes that say what the map shows (the exported map's place box, the street map's failure notice).
SNAPSHOT_BOXES = (
    ".atlas-legend",
    ".leaflet-control-scale-line",
    ".leaflet-control-attribution",
    ".atlas-place-box",
    ".atlas-tiles-failed",
)
SELECTED_STYLE = {"color": "#f2c200", "weight": 5, "fillOpacity": 0.35}
HOVER_STYLE = {"weight": 4}
COUNTRY_STYLE = {"color": "#8c8c8c", "weight": 1, "fillColor": "#f4f1ea", "fillOpacity": 1}
# What st_folium sends back on a click (ui asks for these), in the order st_folium builds its value.
CLICK_RETURNED = ("last_object_clicked", "last_object_clicked_count", "last_active_drawing")
# In the map's value once its places are painted (see _Places): the page then sends the rest of itself.
DRAWN_KEY = "atlas_drawn"
# Beyond this many located events on screen, markers give way to one count per place (payload stays bounded).
MAX_EVENT_MARKERS = 1000
EVENT_RADIUS = 4
EVENT_STYLE = {"color": "#333", "weight": 1, "fill": True, "fillOpacity": 0.8}
# Drawn bottom to top, so that small places stay clickable above the large ones.
KIND_ORDER = {
    "region": 0,
    "zone": 0,
    "district": 1,
    "corridor": 2,
    "border": 2,
    "route": 2,
    "city": 3,
    "town": 4,
    "village": 4,
    "site": 4,
}


class _Literal(Element):
    """Text rendered already, put into the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _Layer(MacroElement):
    """A map element whose rendered output is never compiled again.

    branca's MacroElement wraps what each of its macros rendered in a new Element, and so compiles the output as a
    Jinja template a second time: a `{{ 7*7 }}` in a user's title would run on the server. Here the output goes into
    the page literally; only the element's own template (this module's text) is ever compiled. It also spares the
    server compiling the places' and countries' ~100 KB of JSON on every rerun."""

    def render(self, **kwargs) -> str:  # type: ignore[override]  # branca's MacroElement.render returns None too
        figure = self.get_root()
        assert isinstance(figure, Figure), "a map element renders only inside a Figure"
        for part, section in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = getattr(self._template.module, part, None)
            if macro is not None:
                section.add_child(_Literal(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
        return ""


class _AtlasCall(_Layer):
    """A call of one of the atlas's constant functions (geo/browser/atlas.js: `atlas.<function>`) on the element's
    parent (the map, or a layer group) with this element's values, `config`: each map's own script carries only its
    data; the code is served once, and a browser may keep it (geo.assets)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "atlas.{{ this.function }}({{ this._parent.get_name() }},{{ this.config }});"
        "{% endmacro %}"
    )
    function = ""

    def __init__(self, config: object = None):
        super().__init__()
        self.config = script_json(config)


def display_geometries(places: Iterable[Place]) -> dict[str, dict]:
    """GeoJSON geometry per place id, simplified so that neighbouring districts and cities still meet exactly."""
    places = list(places)
    polygons = [p for p in places if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
    # Districts and cities tile the ground without overlaps (a test keeps it so): simplified as one coverage, they
    # keep their shared borders. Regions and corridors lie over them, so each is simplified on its own.
    coverage = [p for p in polygons if p.kind in COVERAGE_KINDS]
    groups = [coverage, *([p] for p in polygons if p.kind not in COVERAGE_KINDS)]
    simplified = {
        place.id: geometry
        for group in groups
        if group
        for place, geometry in zip(
            group, shapely.coverage_simplify([p.geometry for p in group], DISPLAY_TOLERANCE), strict=True
        )
    }
    grid = 10.0**-DISPLAY_DIGITS
    return {p.id: mapping(shapely.set_precision(simplified.get(p.id, p.geometry), grid)) for p in places}


def _packed_numbers(numbers: Iterable[int]) -> str:
    characters = []
    for number in numbers:
        value = ~(number << 1) if number < 0 else number << 1  # zigzag: a small step is small either way
        while value >= 32:
            characters.append(PACK_DIGITS[32 | (value & 31)])
            value >>= 5
        characters.append(PACK_DIGITS[value])
    return "".join(characters)


def _on_grid(positions: Iterable, digits: int) -> list[tuple[int, int]]:
    """Positions as integers on the 10**-digits grid. Raises ValueError for one off it: packing never moves a point."""
    scale, points = 10**digits, []
    for position in positions:
        point = (round(position[0] * scale), round(position[1] * scale))
        if any(abs(g - c * scale) > 1e-6 for g, c in zip(point, position, strict=True)):
            raise ValueError(f"{position} is not on the 1e-{digits} grid")
        points.append(point)
    return points


def _packed_steps(points: list[tuple[int, int]], last: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """Grid points packed as the steps between them, the first taken from `last`; and the last point."""
    steps = []
    for point in points:
        steps += [point[0] - last[0], point[1] - last[1]]
        last = point
    return _packed_numbers(steps), last


def compact_geometry(geometry: dict, digits: int) -> dict:
    """A GeoJSON geometry whose coordinates lie on the 10**-digits grid, packed for the page (see PACK_DIGITS):
    `{"type", "digits", "packed"}`, where each ring (a point: its one position) is a string. Raises ValueError for
    a coordinate off the grid: packing never moves a point."""

    def pack(coordinates, depth: int):
        if depth > 1:
            return [pack(part, depth - 1) for part in coordinates]
        return _packed_steps(_on_grid([coordinates] if depth == 0 else coordinates, digits), (0, 0))[0]

    return {
        "type": geometry["type"],
        "digits": digits,
        "packed": pack(geometry["coordinates"], PACK_DEPTH[geometry["type"]]),
    }


def _shared_arcs(lines: list[list[tuple[int, int]]]) -> tuple[list[list[tuple[int, int]]], list[list[int]]]:
    """Lines (and rings) cut into arcs so that a stretch two of them share is one arc: the arcs, and each line as
    the indexes of its arcs end to end (~i: arc i backwards). A line is cut where it ends and where it meets another
    line and they part (a point whose neighbours differ from one line to the other); pieces no other line uses are
    joined back, so a border only one place has stays one arc."""
    neighbours: dict[tuple[int, int], set[frozenset]] = {}
    junctions: set[tuple[int, int]] = set()
    for line in lines:
        junctions.update((line[0], line[-1]))
        for before, point, after in zip(line, line[1:], line[2:], strict=False):
            neighbours.setdefault(point, set()).add(frozenset((before, after)))
    junctions.update(point for point, seen in neighbours.items() if len(seen) > 1)

    def pieces(line):
        start = 0
        for i in range(1, len(line)):
            if line[i] in junctions:
                piece = tuple(line[start : i + 1])
                start = i
                yield min(piece, piece[::-1]), piece <= piece[::-1]

    uses = Counter(key for line in lines for key, _ in pieces(line))
    arcs: list[list[tuple[int, int]]] = []
    index: dict[tuple, int] = {}
    refs: list[list[int]] = []
    for line in lines:
        refs.append([])
        for alone, run in groupby(pieces(line), key=lambda piece: uses[piece[0]] == 1):
            if alone:  # pieces of this line only, end to end: one arc
                arc: list[tuple[int, int]] = []
                for key, forward in run:
                    arc.extend((key if forward else key[::-1])[1 if arc else 0 :])
                arcs.append(arc)
                refs[-1].append(len(arcs) - 1)
                continue
            for key, forward in run:
                if key not in index:
                    index[key] = len(arcs)
                    arcs.append(list(key))
                refs[-1].append(index[key] if forward else ~index[key])
    return arcs, refs


def compact_collection(collection: dict, digits: int) -> dict:
    """A GeoJSON FeatureCollection whose coordinates lie on the 10**-digits grid, packed for the page with every
    stretch of line that features share sent once (TopoJSON's idea: neighbouring districts and countries share long
    borders). `arcs` are packed as compact_geometry packs a ring, each arc's first step taken from where the arc
    before it ended, in one string with a space between two arcs (a list would cost a quote and a comma an arc,
    each escaped once more in st_folium's arguments); a line or polygon's geometry is `{"type", "arcs"}`, each ring
    (or line) the indexes of its arcs packed the same way (~i: arc i backwards); a point is packed as
    compact_geometry packs it. The page's atlas.unpack turns it back into the same GeoJSON. Raises ValueError for a
    coordinate off the grid: packing never moves a point."""
    lines: list[list[tuple[int, int]]] = []

    def collect(coordinates, depth: int):
        if depth > 1:
            return [collect(part, depth - 1) for part in coordinates]
        lines.append(_on_grid(coordinates, digits))
        return len(lines) - 1

    shapes = [
        None
        if (kind := f["geometry"]["type"]) in ("Point", "MultiPoint")
        else collect(f["geometry"]["coordinates"], PACK_DEPTH[kind])
        for f in collection["features"]
    ]
    arcs, refs = _shared_arcs(lines)

    def packed_refs(shape):
        return [packed_refs(part) for part in shape] if isinstance(shape, list) else _packed_numbers(refs[shape])

    last, packed_arcs = (0, 0), []
    for arc in arcs:
        packed, last = _packed_steps(arc, last)
        packed_arcs.append(packed)
    features = [
        {
            **feature,
            "geometry": compact_geometry(feature["geometry"], digits)
            if shape is None
            else {"type": feature["geometry"]["type"], "arcs": packed_refs(shape)},
        }
        for feature, shape in zip(collection["features"], shapes, strict=True)
    ]
    return {"type": "FeatureCollection", "digits": digits, "arcs": " ".join(packed_arcs), "features": features}


@cache
def _countries(data_dir: Path) -> dict:
    """The Natural Earth countries clipped to the view's reach, simplified and trimmed: a GeoJSON FeatureCollection."""
    (south, west), (north, east) = BOUNDS
    frame = box(
        west - COUNTRY_CLIP_MARGIN, south - COUNTRY_CLIP_MARGIN, east + COUNTRY_CLIP_MARGIN, north + COUNTRY_CLIP_MARGIN
    )
    features = []
    for name in BASE_SOURCES:
        for feature in json.loads((data_dir / "sources" / name).read_text(encoding="utf-8"))["features"]:
            clipped = shape(feature["geometry"]).intersection(frame)
            if clipped.is_empty:
                continue
            geometry = shapely.set_precision(clipped.simplify(COUNTRY_TOLERANCE), 10.0**-COUNTRY_DIGITS)
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": feature["properties"]["NAME_EN"]},
                    "geometry": mapping(geometry),
                }
            )
    return {"type": "FeatureCollection", "features": features}


def base_map(
    data_dir: Path, places: Iterable[Place], geometries: dict[str, dict], online_tiles: bool = False
) -> folium.Map:
    """The map that never changes between reruns: offline country outlines and labels, Leaflet served locally, and
    `places`, of which `view_layer` chooses what shows."""
    m = folium.Map(
        location=START_CENTER,
        zoom_start=START_ZOOM,
        minZoom=MIN_ZOOM,  # Leaflet's own names: folium drops min_zoom/max_zoom when tiles=None
        maxZoom=MAX_ZOOM,
        max_bounds=True,
        min_lat=BOUNDS[0][0],
        min_lon=BOUNDS[0][1],
        max_lat=BOUNDS[1][0],
        max_lon=BOUNDS[1][1],
        tiles=None,
        prefer_canvas=False,
        control_scale=True,
    )
    # folium's defaults load Leaflet, jQuery and Bootstrap from CDNs: offline the map would stay blank. Leaflet and the
    # atlas's own code come as one script and one stylesheet, under names that change with their content (geo.assets).
    m.default_js = [("map", _map_url("map.js"))]
    m.default_css = [("map_css", _map_url("map.css"))]
    _Unpacker().add_to(m)  # before every layer that draws packed geometry
    countries = _Countries(_countries(data_dir), filled=not online_tiles)
    countries.add_to(m)
    _Context(*_context(data_dir)).add_to(m)  # after the countries, before the places: drawn between them
    _Labels(COUNTRY_LABELS).add_to(m)
    _Places(places, geometries).add_to(m)
    _Legend().add_to(m)
    _TouchGestures().add_to(m)
    _Player().add_to(m)
    _Snapshot().add_to(m)
    if online_tiles:
        tiles = folium.TileLayer("OpenStreetMap", attr=OSM_ATTRIBUTION, opacity=0.6)
        tiles.add_to(m)
        _TileFallback(tiles, countries).add_to(m)
    _Attribution(ATTRIBUTION).add_to(m)
    return m


def _map_url(name: str) -> str:
    """Where the page loads the map's code (`map.js`) or styles (`map.css`) from: a name for its content."""
    return f"{ATLAS_URL}/{assets.served_name(name)}"


@cache
def _context(data_dir: Path) -> tuple[dict, list]:
    """data/context.geojson as the map draws it: the lines and lakes (a FeatureCollection with each feature's kind
    and id only) and the towns ([lat, lon, first zoom, side, names]). A data folder without the file has no context."""
    path = data_dir / CONTEXT_FILE
    features = json.loads(path.read_text(encoding="utf-8"))["features"] if path.exists() else []
    shapes = [
        {"type": "Feature", "properties": {"id": f["id"], "kind": f["properties"]["kind"]}, "geometry": f["geometry"]}
        for f in features
        if f["properties"]["kind"] in CONTEXT_STYLES
    ]
    towns = [
        [*reversed(f["geometry"]["coordinates"]), p["zoom"], p["side"], p["names"]]
        for f in features
        if (p := f["properties"])["kind"] == "town"
    ]
    return {"type": "FeatureCollection", "features": shapes}, towns


class _Context(_AtlasCall):
    """Rivers, lakes, the old Lachin road and the towns' names: under the places and inert (no click reaches them).
    A town shows from its zoom on (fewer when zoomed out), named in the view's language where its name is known in
    it, else in English; names are set as text."""

    function = "context"

    def __init__(self, shapes: dict, towns: list):
        features = [
            {**f, "geometry": compact_geometry(f["geometry"], CONTEXT_DIGITS[f["properties"]["kind"]])}
            for f in shapes["features"]
        ]
        shapes = {"type": "FeatureCollection", "features": features}
        super().__init__({"shapes": shapes, "towns": towns, "styles": CONTEXT_STYLES, "townDot": TOWN_DOT})


class _Labels(_AtlasCall):
    """The country names, as non-interactive div markers: one script for all (folium would render 12 elements,
    a Marker and a DivIcon each, on every rerun)."""

    function = "countryLabels"

    def __init__(self, labels: dict[str, tuple[float, float]]):
        super().__init__([[html_text(name), lat, lon] for name, (lat, lon) in labels.items()])


class _Attribution(_Layer):
    """Credits every source in view in Leaflet's attribution control (there are no tiles to carry them)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text }});"
        "{% endmacro %}"
    )

    def __init__(self, text: str):
        super().__init__()
        self.text = script_json(text)


def _style(place: Place) -> dict:
    style = {**KIND_STYLES[place.kind], "fillColor": KIND_STYLES[place.kind]["color"]}
    style.update(INDICATIVE_STYLE if place.precision == "indicative" else SURVEYED_STYLE)
    if place.geometry.geom_type == "Point":
        style["radius"] = POINT_RADIUS
    return style


class _Unpacker(_Layer):
    """Tells the page's `atlas.unpack` how geometry is packed (compact_geometry), before any layer draws some."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.unpacking({{ this.digits }},{{ this.depths }});{% endmacro %}"
    )

    def __init__(self):
        super().__init__()
        self.depths = script_json(PACK_DEPTH)
        self.digits = script_json(PACK_DIGITS)


class _Countries(_AtlasCall):
    """The countries' outlines, inert. Their JSON is made once, with the base map: folium.GeoJson would serialise
    it and walk every vertex (for the map's bounds) on each rerun, and the per-rerun copy of the map would copy it."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }}=atlas.countries({{ this._parent.get_name() }},{{ this.config }});"
        "{% endmacro %}"
    )

    def __init__(self, collection: dict, filled: bool):
        # Over a street map, outlines only: a filled country would hide the street map beneath it.
        style = COUNTRY_STYLE if filled else {**COUNTRY_STYLE, "fillOpacity": 0}
        super().__init__(
            {"data": compact_collection(collection, COUNTRY_DIGITS), "style": style, "unit": COUNTRY_UNIT_M}
        )


class _TouchGestures(_AtlasCall):
    """On a touch screen, one finger scrolls the page and two fingers move and zoom the map: a map that took every
    one-finger swipe would trap a phone's reader inside it. Leaflet's one-finger drag is switched off there (its
    CSS then lets the browser pan the page), and its pinch zoom follows the two fingers, moving the map with them."""

    function = "touchGestures"


class _TileFallback(_AtlasCall):
    """When the online street map cannot be loaded (no network, a firewall, the tile server down), a notice says so
    and the offline countries are filled again: the map stays as readable as it is offline."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "atlas.tileFallback({{ this._parent.get_name() }},{{ this.tiles }},{{ this.countries }},{{ this.config }});"
        "{% endmacro %}"
    )

    def __init__(self, tiles: folium.TileLayer, countries: _Countries):
        super().__init__({"texts": messages.catalogue("tiles_failed")["tiles_failed"], "filled": COUNTRY_STYLE})
        self.tiles = tiles.get_name()
        self.countries = countries.get_name()


class _Places(_AtlasCall):
    """Every place, clickable, drawn bottom to top so that small places stay clickable above large ones. Each
    feature carries its `id`, so a click tells Python which place it was; the JSON is made once, like _Countries'.

    Which places show, which one is selected (a selection made elsewhere than by a click on the map flies the map to
    it) and the tooltips' language are set by `view_layer`'s few bytes of script: the map's own script never changes, so st_folium never re-creates the map (which would lose the zoom),
    and a click does not redraw every shape.

    A click on a place is also sent to Python at once. st_folium sends map events 250 ms late (a debounce meant for
    panning); this sends the value st_folium would send, in its format and key order, and records it as sent, so
    st_folium's late update finds nothing new. Where st_folium's globals are missing (an exported map) or it was
    asked for other values, nothing is sent here and st_folium's own update goes through."""

    function = "places"

    def __init__(self, places: Iterable[Place], geometries: dict[str, dict]):
        places = sorted(places, key=lambda p: (KIND_ORDER[p.kind], p.id))
        features = [
            {
                "type": "Feature",
                "properties": {"id": place.id, "names": _tooltips(place)},
                "geometry": geometries[place.id],
            }
            for place in places
        ]
        style_of = {place.id: _style(place) for place in places}
        styles: list[dict] = []
        for style in style_of.values():
            if style not in styles:
                styles.append(style)
        super().__init__(
            {
                "data": compact_collection({"type": "FeatureCollection", "features": features}, DISPLAY_DIGITS),
                # Places of a kind share their style: each distinct style is sent once.
                "styles": styles,
                "styleOf": {place_id: styles.index(style) for place_id, style in style_of.items()},
                "selectedStyle": SELECTED_STYLE,
                "hoverStyle": HOVER_STYLE,
                "returned": CLICK_RETURNED,
                "drawnKey": DRAWN_KEY,
                "selectedAttribute": SELECTED_ATTRIBUTE,
                "control": {
                    p.id: [[c.start.isoformat(), c.status, c.until and c.until.isoformat()] for c in p.control]
                    for p in places
                },
                "exists": {
                    p.id: [p.exists_from and p.exists_from.isoformat(), p.exists_until and p.exists_until.isoformat()]
                    for p in places
                    if p.exists_from or p.exists_until
                },
                "controlStyles": CONTROL_STYLES,
                "hatch": HATCH_SVG,
                "flyMaxZoom": FLY_MAX_ZOOM,
                "flyPadding": FLY_PADDING_PX,
            }
        )


def _swatch(kind: str, style: dict) -> str:
    """A small picture of how a kind of thing is drawn, for the legend (our own constant SVG, no data in it)."""
    stroke, fill = style.get("color", "none"), style.get("fillColor", style.get("color", "none"))
    opacity, dash = style.get("fillOpacity", 0.3), style.get("dashArray") or ""
    if kind == "line":
        shape = f'<line x1="1" y1="6" x2="19" y2="6" stroke="{stroke}" stroke-width="3" stroke-dasharray="{dash}"/>'
    elif kind == "point":
        shape = f'<circle cx="10" cy="6" r="4.5" fill="{fill}" fill-opacity="{opacity}" stroke="{stroke}"/>'
    else:
        shape = (
            f'<rect x="1.5" y="1.5" width="17" height="9" fill="{fill}" fill-opacity="{opacity}" stroke="{stroke}"'
            f' stroke-width="{min(style.get("weight", 1.5), 3)}" stroke-dasharray="{dash}"/>'
        )
    return f'<svg width="20" height="12" aria-hidden="true">{shape}</svg>'


def _legend_items() -> list[dict]:
    """What the legend lists, in order: control (only when the map has a date), kinds, context, precision, selection,
    events. Each item: the message key of its label, its swatch, and whether it needs a date."""
    control = [
        {"key": f"control.{status}", "swatch": _swatch("area", {"color": "#777", **style}), "asof": True}
        for status, style in CONTROL_STYLES.items()
    ]
    control.append(
        {"key": "control.none", "swatch": _swatch("area", {"color": "#777", "fillOpacity": 0}), "asof": True}
    )
    kinds = [
        {"key": f"kind.{kind}", "swatch": _swatch("line" if kind in ("route", "border") else "area", KIND_STYLES[kind])}
        for kind in ("region", "zone", "district", "city", "corridor", "route", "border")
    ]
    kinds.append({"key": "kind.point", "swatch": _swatch("point", KIND_STYLES["town"])})
    context = [
        {"key": "context.town", "swatch": _swatch("point", {"color": TOWN_DOT, "fillOpacity": 1})},
        {"key": "context.river", "swatch": _swatch("line", CONTEXT_STYLES["river"])},
        {"key": "context.lake", "swatch": _swatch("area", CONTEXT_STYLES["lake"])},
        {"key": "context.road", "swatch": _swatch("line", CONTEXT_STYLES["road"])},
    ]
    return [
        *control,
        *kinds,
        *context,
        {"key": "precision.surveyed", "swatch": _swatch("line", {"color": "#555"})},
        {"key": "precision.indicative", "swatch": _swatch("line", {"color": "#555", **INDICATIVE_STYLE})},
        {"key": "selected", "swatch": _swatch("area", {**SELECTED_STYLE, "fillColor": "none"})},
        {"key": "event", "swatch": _swatch("point", {**EVENT_STYLE, "fillColor": EVENT_STYLE["color"]})},
    ]


class _Legend(_AtlasCall):
    """A legend for everything the map draws, in the view's language, redrawn when the view changes."""

    function = "legend"

    def __init__(self):
        items = _legend_items()
        # Only the legend's own words: the catalogue also holds the rest of the interface's, which the map never shows.
        wanted = {"legend", "control_on", *(item["key"] for item in items)}
        texts = {key: texts for key, texts in messages.catalogue().items() if key in wanted}
        super().__init__({"texts": texts, "items": items, "openMinWidth": LEGEND_OPEN_MIN_WIDTH})


class _Player(_AtlasCall):
    """A ▶ control that plays the map's date from the war's start to today, a week per frame, then returns to the
    view's date (it runs in the browser: no rerun and no data are sent while it plays), and a ⌂ that resets the
    view."""

    function = "player"

    def __init__(self):
        super().__init__(
            {
                "texts": messages.catalogue("play")["play"],
                "start": PLAY_START,
                "stepDays": PLAY_STEP_DAYS,
                "frameMs": PLAY_FRAME_MS,
                "center": list(START_CENTER),
                "zoom": START_ZOOM,
            }
        )


class _Snapshot(_AtlasCall):
    """A PNG control: the map as the user sees it -- places, fills and hatches, the selection, events, town and
    country names, the legend, scale and credits -- painted onto a canvas of the map's size (at the screen's pixel
    ratio) and downloaded as `karabakh-atlas-<date>-<place>.png`. All vector: each SVG is copied with its computed
    styles inlined and drawn as an image, each word of text with fillText, so no tile, library or request is needed
    (it works in the exported HTML offline) and no text is ever parsed as HTML."""

    function = "snapshot"

    def __init__(self):
        super().__init__({"texts": messages.catalogue("save_png")["save_png"], "boxes": SNAPSHOT_BOXES})


def _tooltips(place: Place) -> dict[str, str]:
    """The place's name in each language, as written: the legend says what a dashed (indicative) line means."""
    return {lang: place.display_name(lang) for lang in LANGUAGES}


class _View(_Layer):
    _template = Template("{% macro script(this, kwargs) %}window.atlasView({{ this.view }});{% endmacro %}")

    def __init__(self, view: dict):
        super().__init__()
        self.view = script_json(view)


def view_layer(
    shown: Iterable[str], selected: str | None, lang: str, number: int = 0, asof: str | None = None
) -> folium.FeatureGroup:
    """A view of the places on the base map: which show, which is selected, the tooltips' language, and the date
    (ISO) whose control the places are filled by. `number` tells views apart that are otherwise equal (the map
    script ignores it)."""
    group = folium.FeatureGroup(name="View")
    view = {"shown": sorted(shown), "selected": selected, "lang": lang, "asof": asof, "number": number}
    _View(view).add_to(group)
    return group


# The page's script (st.html, once per page) that makes the live map follow the date slider as it moves, before the
# server has heard of the new date: the slider's value (microseconds since 1970, UTC midnight) is drawn at once
# with the map's own `atlasPlay`, and the server's reply (view_push_script) then makes it the map's view. Constant:
# no data in it.
FOLLOW_DATE_SCRIPT = """<script>
if (!window.atlasFollowsDate) {
  window.atlasFollowsDate = true;
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      var input = change.target;
      if (!input.matches || !input.matches(".st-key-asof input[type=range]")) return;
      var micros = Number(input.value);
      if (!isFinite(micros)) return;
      var day = new Date(micros / 1000).toISOString().slice(0, 10);
      // The slider's attributes are set again by each of the page's runs: only a day the map was not given is a move.
      if (day === window.atlasShownDay) return;
      window.atlasShownDay = day;
      var frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
      var map = frame && frame.contentWindow;
      if (map && map.atlasPlay) map.atlasPlay(day);
    });
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["aria-valuetext"]});
}
</script>"""

# The page's script (st.html) that hands the live map a new view: a date change restyles the map without changing
# st_folium's arguments, which Streamlit would send again whole (~140 KB, the places' geometry) on every change.
_PUSH = (
    "<script>(function (view) {{ var first = {first};"
    " var frame = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
    " var map = frame && frame.contentWindow; var earlier = window.atlasPushedView;"
    " window.atlasPushedView = view; window.atlasShownDay = view.asof;"
    " if (map && map.atlasView && (earlier || !first)) map.atlasView(view); }})({view});</script>"
)


def view_push_script(
    shown: Iterable[str], selected: str | None, lang: str, number: int, asof: str | None = None, first: bool = False
) -> str:
    """HTML with a script for the page around the map (not the map's frame): it gives the map drawn there the view
    `view_layer` would give, at once, and keeps it for a map still loading (its view layer takes the newer one).
    A session's `first` view is pushed once the map has drawn it: it goes to the map only over a view an earlier
    session pushed in the page (a reconnection), which the map took instead; else the map shows it already."""
    view = {"shown": sorted(shown), "selected": selected, "lang": lang, "asof": asof, "number": number}
    return _PUSH.format(view=script_json(view), first=json.dumps(first))


class _EventPoints(_AtlasCall):
    """Located events as circle markers. Tooltips are set as text (Leaflet would insert a string as HTML)."""

    function = "events"

    def __init__(self, points: list[tuple[tuple[float, float], str, float]]):
        features = [
            {
                "type": "Feature",
                "properties": {"label": label, "radius": round(radius, 1)},
                "geometry": {"type": "Point", "coordinates": [round(c, DISPLAY_DIGITS) for c in xy]},
            }
            for xy, label, radius in points
        ]
        super().__init__({"data": {"type": "FeatureCollection", "features": features}, "style": EVENT_STYLE})


def events_layer(events: Iterable[Event], places: dict[str, Place]) -> folium.FeatureGroup:
    """Events that carry coordinates: one marker each up to MAX_EVENT_MARKERS, else one count per place,
    so that the map's payload stays bounded however many events there are."""
    located = [e for e in events if e.location]
    group = folium.FeatureGroup(name="Events")
    if not located:
        return group
    points: list[tuple[tuple[float, float], str, float]]
    if len(located) <= MAX_EVENT_MARKERS:
        points = [(e.location, f"{e.date_label()} · {e.title}", EVENT_RADIUS) for e in located if e.location]
    else:
        counts = Counter(e.places[0] for e in located if e.places)
        points = [
            (
                shapely.point_on_surface(places[place_id].geometry).coords[0],
                f"{count:,} events in {places[place_id].name}",
                EVENT_RADIUS + 4 * math.log10(count),
            )
            for place_id, count in counts.most_common()
        ]
    _EventPoints(points).add_to(group)
    return group


def view_layers(
    shown: Iterable[str],
    selected: str | None,
    lang: str,
    events: Iterable[Event],
    places: dict[str, Place],
    number: int = 0,
    asof: str | None = None,
) -> list[folium.FeatureGroup]:
    """What a view adds to the base map: which places show and which is selected, the date, the located events."""
    return [view_layer(shown, selected, lang, number, asof), events_layer(events, places)]


class _PlaceBox(_AtlasCall):
    """The exported map's answer to a click on a place: a box with its name in the view's language and its other
    spellings (the live page has its side panel for that)."""

    function = "placeBox"

    def __init__(self, places: Iterable[Place]):
        super().__init__({p.id: {**_tooltips(p), "spellings": p.spellings()} for p in places})


def standalone_html(
    data_dir: Path,
    places: Iterable[Place],
    geometries: dict[str, dict],
    layers: Iterable[folium.FeatureGroup],
    title: str = "Karabakh Atlas",
) -> str:
    """A fresh map of `places` with `layers` as one HTML file that works offline: Leaflet is inlined. `title` names
    what it shows, as the page's title and over the map; a click on a place shows its names."""
    places = list(places)
    m = base_map(data_dir, places, geometries)
    _PlaceBox(places).add_to(m)
    for group in layers:
        group.add_to(m)
    root = m.get_root()
    root.title = html_text(title)  # type: ignore[attr-defined]  # the root of a folium.Map is a Figure
    root.html.add_child(_Literal(f'<h1 class="atlas-title">{html_text(title)}</h1>'))  # type: ignore[attr-defined]
    page = root.render()
    scripts = {_map_url("map.js"): assets.map_text("map.js")}
    styles = {_map_url("map.css"): assets.map_text("map.css")}
    for url, text in scripts.items():
        assert "</script" not in text.lower(), url  # it would end the inlined script early
        page = page.replace(f'<script src="{url}"></script>', f"<script>{text}</script>")
    for url, text in styles.items():
        assert "</style" not in text.lower(), url
        page = page.replace(f'<link rel="stylesheet" href="{url}"/>', f"<style>{text}</style>")
    # Nothing left to load from the app's server (user text cannot fake these: its quotes are escaped).
    assert not re.search(r'(src|href)="/app/static/', page), "the exported map would need the app's server"
    return page
