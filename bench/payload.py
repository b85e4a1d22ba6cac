"""What st_folium hands the browser for the map, and server-side rerun times; prints `name: value` lines.

- payload_bytes: the map component's arguments (`json_args`, the JSON Streamlit sends over the websocket) on the
  atlas's first view, taken from the real page run by AppTest, deflated as the websocket sends them
  (`server.enableWebsocketCompression` is on in .streamlit/config.toml); payload_uncompressed_bytes before that.
  The geometry travels packed (mapping.compact_collection), each border that places or countries share sent once,
  the places' styles once per distinct style, and the code every map shares is not in it: 19,773 B (57,504
  uncompressed) on 2 Dec 2026, against 20,096 (61,333) with each place's style its own, 22,589 (66,305) with each
  ring carrying its shared borders, 43,524 (165,362) before packing and 27,753 (95,638) before the legend, the
  context, the player and the PNG control (issue 15).
- map_static_bytes, map_static_gzip_bytes: the map's code as the app serves it, Leaflet's and the atlas's
  (geo/browser/atlas.js and atlas.css) in one script and one stylesheet, map.js and map.css, under names with their
  content's hash, so that a browser may keep them: 183,313 B, 53,287 gzipped as Streamlit's server sends them.
  atlas_static_bytes, atlas_static_gzip_bytes: the atlas's share of that, the served files less Leaflet's own files
  (leaflet.js, leaflet.css), each side measured, gzipped the same way: 21,513 B, 6,611 gzipped (2 Dec 2026; 21,651 and
  7,050 when atlas.js and atlas.css were files of their own: gzip now shares one stream with Leaflet's).
  first_visit_bytes: payload_bytes plus that share, for a browser that has kept nothing (Leaflet, loaded by the
  naive page too, left out): 26,384 B, was 26,661 before the styles went once each, 27,158 with the atlas's files
  of their own (29,471 before shared borders; 27,753 before issue 15).
- raw_folium_payload_bytes: (deflated, as on the wire) the same arguments for folium fed the raw sources: the Natural Earth and geoBoundaries
  files of the same layers, unclipped and unsimplified, each a plain folium.GeoJson (st_folium's own code, with its
  call into the Streamlit component captured instead of sent).
- rerun_ms: the server time of what a click reruns, the map and the panel (a fragment: the function's own time,
  without Streamlit's per-run overhead), median over clicks on different places (each chosen through the map's
  session state); full_rerun_ms: the whole page's rerun; both against an empty script's rerun, all by AppTest in
  this process.
- builds_*: how often the expensive builders ran over the first run and all the clicks (1 = built once).
- events_*_layer_bytes: the events layer's script for 1k/10k/100k/1M synthetic located events.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import folium
import streamlit_folium
from shapely.geometry import mapping as to_geojson
from streamlit.testing.v1 import AppTest

from bench import common, synthetic, timing
from geo import assets, panel
from geo import mapping as atlas_mapping
from geo.load import DEFAULT_DATA_DIR, load_atlas

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "streamlit_app.py")
EMPTY = str(REPO / "bench" / "empty_app.py")
TIMEOUT_S = 120
CLICKS = 12
# Streamlit's server gzips what it serves at this level (streamlit/web/server/starlette/starlette_server_config.py).
SERVED_GZIP_LEVEL = 5
RAW_SOURCES = (
    "ne_10m_admin0_countries_deu_v5.1.1_caucasus.geojson",
    "ne_10m_admin0_russia_clip_caucasus_deu_v5.1.1.geojson",
    "geoBoundaries-AZE-ADM2.geojson",
    "ne_admin1_v4.1.0_generalized_arm_aze.geojson",
    "nkao_1991_polygon_derived_from_ne.geojson",
)


def _component_args(fig, **kwargs) -> dict:
    """st_folium's arguments to the Streamlit component, as it would send them."""
    captured = {}
    original = streamlit_folium._component_func
    streamlit_folium._component_func = lambda **args: captured.update(args)
    try:
        streamlit_folium.st_folium(fig, **kwargs)
    finally:
        streamlit_folium._component_func = original
    captured.pop("on_change", None)
    return captured


def raw_folium_payload(atlas) -> int:
    m = folium.Map(location=atlas_mapping.START_CENTER, zoom_start=atlas_mapping.START_ZOOM, tiles=None)
    m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]  # Leaflet alone, as bench/naive_app.py loads it
    m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
    for name in RAW_SOURCES[:2]:
        folium.GeoJson(json.loads((DEFAULT_DATA_DIR / "sources" / name).read_text(encoding="utf-8"))).add_to(m)
    places = folium.FeatureGroup(name="Places")
    for name in RAW_SOURCES[2:]:
        data = json.loads((DEFAULT_DATA_DIR / "sources" / name).read_text(encoding="utf-8"))
        folium.GeoJson(data, tooltip=folium.GeoJsonTooltip(fields=list(data["features"][0]["properties"])[:1])).add_to(
            places
        )
    drawn = [p for p in atlas.places.values() if p.kind in ("corridor", "city")]  # drawn for the atlas, no raw file
    folium.GeoJson(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"id": p.id}, "geometry": to_geojson(p.geometry)} for p in drawn
            ],
        }
    ).add_to(places)
    args = _component_args(m, key="map", feature_group_to_add=[places], use_container_width=True)
    return common.deflated_size(json.dumps(args).encode("utf-8"))


def _json_args(at: AppTest) -> str:
    (component,) = list(at.get("component_instance"))
    return component.proto.json_args


def app_figures(atlas) -> dict[str, float]:
    calls: Counter[str] = Counter()

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    from geo import ui

    # A click reruns only the map and the panel (a fragment): its server time is that function's.
    fragment_ms: list[float] = []
    ui._map_and_panel = timing.timed(ui._map_and_panel, fragment_ms.append)
    ui.load_atlas = counted("atlas", ui.load_atlas)
    atlas_mapping.base_map = counted("base_map", atlas_mapping.base_map)
    atlas_mapping.display_geometries = counted("geometries", atlas_mapping.display_geometries)

    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.session_state["map"] = common.DRAWN_VALUE  # the whole page, as after the map has drawn in a browser
    _, first_ms = timing.call_ms(at.run)
    assert not at.exception, at.exception
    args = _json_args(at).encode("utf-8")
    polygons = [p.id for p in atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
    click_ms = []
    fragment_ms.clear()
    for i in range(CLICKS):
        place = polygons[i % len(polygons)]
        at.session_state["map"] = common.clicked_value(place, i)
        click_ms.append(timing.call_ms(at.run)[1])
        assert any(
            m.value.startswith(f"### {panel.markdown_text(atlas.places[place].display_name('en'))}\n")
            for m in at.markdown
        )
    click_args = _json_args(at).encode("utf-8")

    empty = AppTest.from_file(EMPTY, default_timeout=TIMEOUT_S)
    empty.run()
    empty_ms = [timing.call_ms(empty.run)[1] for _ in range(CLICKS)]
    rerun, floor = statistics.median(fragment_ms), statistics.median(empty_ms)
    return {
        "payload_uncompressed_bytes": len(args),
        "payload_bytes": common.deflated_size(args),
        "payload_after_click_bytes": len(click_args),
        "first_run_ms": round(first_ms, 1),
        "rerun_ms": round(rerun, 1),
        "full_rerun_ms": round(statistics.median(click_ms), 1),
        "rerun_empty_ms": round(floor, 2),
        "rerun_vs_empty": round(rerun / floor, 1),
        "builds_atlas": calls["atlas"],
        "builds_base_map": calls["base_map"],
        "builds_geometries": calls["geometries"],
        "builds_over_runs": 1 + CLICKS,
    }


def events_figures(atlas) -> dict[str, float]:
    base = atlas_mapping.base_map(
        DEFAULT_DATA_DIR, atlas.places.values(), atlas_mapping.display_geometries(atlas.places.values())
    )
    figures = {}
    for count in (1_000, *synthetic.EVENT_COUNTS):
        # 1,000 points over the places' box put ~500 on the map: markers. The bigger counts give per-place counts.
        events = synthetic.synthetic_events(count, atlas)
        start = time.perf_counter()
        layer = atlas_mapping.events_layer(events, atlas.places)
        args = _component_args(base, key="map", feature_group_to_add=[layer], use_container_width=True)
        label = synthetic.count_label(count)
        figures[f"events_{label}_layer_ms"] = round((time.perf_counter() - start) * 1000, 1)
        figures[f"events_{label}_layer_bytes"] = len(args["feature_group"].encode("utf-8"))
        figures[f"events_{label}_located"] = len(events)
        del events
    return figures


def static_figures(payload_bytes: int) -> dict[str, int]:
    """The map's code as served (map.js and map.css, Leaflet's and the atlas's in one file of each kind) and the
    atlas's share of it: the served files, gzipped, less Leaflet's own files gzipped the same way, both measured."""
    served = [assets.map_text(name).encode("utf-8") for name in assets.MAP_FILES]
    leaflet = [assets.leaflet_text(leaflet_name).encode("utf-8") for leaflet_name, _ in assets.MAP_FILES.values()]
    served_gzip = sum(len(gzip.compress(text, SERVED_GZIP_LEVEL)) for text in served)
    leaflet_gzip = sum(len(gzip.compress(text, SERVED_GZIP_LEVEL)) for text in leaflet)
    return {
        "map_static_bytes": sum(len(text) for text in served),
        "map_static_gzip_bytes": served_gzip,
        "atlas_static_bytes": sum(len(text) for text in served) - sum(len(text) for text in leaflet),
        "atlas_static_gzip_bytes": served_gzip - leaflet_gzip,
        "first_visit_bytes": payload_bytes + served_gzip - leaflet_gzip,
    }


def main() -> None:
    atlas = load_atlas()
    app = app_figures(atlas)
    figures = {
        **app,
        **static_figures(int(app["payload_bytes"])),
        "raw_folium_payload_bytes": raw_folium_payload(atlas),
        **events_figures(atlas),
    }
    for name, value in figures.items():
        print(f"{name}: {value}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
