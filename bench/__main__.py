"""`make bench`: size and speed figures, one `name: value` per line, each pair measured side by side in one run.

Ratios, not absolute times, are what hold on a noisy 2-core machine: every ratio's two sides are measured here, in
the same run, the same way. The figures that
need Streamlit, streamlit-folium or a browser come from the scripts in bench/, run as child processes that print
`name: value` lines too:

- bench/payload.py  what st_folium hands the browser for the map (ours, and folium fed the raw sources), rerun times
  (AppTest), what the caches build per rerun, and the events layer's payload at 10k/100k/1M events;
- bench/browser.py  real Chromium, offline: click times against the floor page, map remounts, websocket bytes, and
  the time until the page is usable with the events of 10k, 100k and 1M synthetic points.
"""

from __future__ import annotations

import copy
import dataclasses
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import shapely

from bench import synthetic, timing
from bench.synthetic import EVENT_COUNTS, count_label
from geo import mapping
from geo.load import DEFAULT_DATA_DIR, load_atlas
from geo.model import LANGUAGES, Atlas
from geo.query import PlaceIndex

REPO = Path(__file__).resolve().parents[1]
# The per-point loop is timed on this many points and scaled per point: 1M points would take minutes.
LOOP_SAMPLE = 5_000
# bench/browser.py clicks 2 x 12 times on two servers, then opens the pages with 10k, 100k and 1M events: minutes.
CHILD_TIMEOUT_S = 1800


# ---- the floor of the map's payload -------------------------------------------------------------------------------


def geojson_floor(atlas: Atlas, data_dir: Path) -> bytes:
    """The map's layers as plain GeoJSON at display precision, compact: countries as drawn, and every place with
    the properties the map uses (id, its name in each language). What the map needs at the least, before
    compression."""
    display = mapping.display_geometries(atlas.places.values())
    places = [
        {
            "type": "Feature",
            "properties": {"id": p.id, "names": {lang: p.display_name(lang) for lang in LANGUAGES}},
            "geometry": display[p.id],
        }
        for p in atlas.places.values()
    ]
    countries = mapping._countries(data_dir)["features"]
    collection = {"type": "FeatureCollection", "features": [*countries, *places]}
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def floor_figures(atlas: Atlas, data_dir: Path) -> dict[str, float]:
    floor = geojson_floor(atlas, data_dir)
    base = mapping.base_map(data_dir, atlas.places.values(), mapping.display_geometries(atlas.places.values()))
    return {
        "geojson_floor_bytes": len(floor),
        "geojson_floor_gzip_bytes": len(gzip.compress(floor, 9)),
        # The per-rerun copy of the cached base map (st_folium adds layers to the map it is given).
        "base_map_deepcopy_ms": round(timing.median_ms(lambda: copy.deepcopy(base), 21), 2),
    }


# ---- events -> places ---------------------------------------------------------------------------------------------


def _loop_join(lon: np.ndarray, lat: np.ndarray, polygons) -> list[str | None]:
    """The per-point baseline: a Point per row, then each (unprepared) polygon asked whether it contains it."""
    geometries = [shapely.from_wkb(shapely.to_wkb(p.geometry)) for p in polygons]
    areas = [g.area for g in geometries]
    out = []
    for x, y in zip(lon.tolist(), lat.tolist(), strict=True):
        point = shapely.Point(x, y)
        holders = [j for j, g in enumerate(geometries) if g.contains(point)]
        out.append(polygons[min(holders, key=areas.__getitem__)].id if holders else None)
    return out


def join_figures(atlas: Atlas) -> dict[str, float]:
    polygons = synthetic.polygons(atlas)
    start = time.perf_counter()
    index = PlaceIndex(atlas.places.values())
    figures: dict[str, float] = {"join_index_build_ms": round((time.perf_counter() - start) * 1000, 1)}
    for count in EVENT_COUNTS:
        label = count_label(count)
        start = time.perf_counter()
        columns = synthetic.synthetic_columns(count, atlas)
        figures[f"events_{label}_generate_ms"] = round((time.perf_counter() - start) * 1000, 1)
        lon, lat = columns["lon"], columns["lat"]
        start = time.perf_counter()
        place = index.assign(lon, lat)
        join_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        looped = _loop_join(lon[:LOOP_SAMPLE], lat[:LOOP_SAMPLE], polygons)
        loop_ms = (time.perf_counter() - start) * 1000 * count / LOOP_SAMPLE
        assert looped == place[:LOOP_SAMPLE], "the vectorised join and the loop disagree"
        start = time.perf_counter()
        tree_index, _ = shapely.STRtree([p.geometry for p in polygons]).query(shapely.points(lon, lat), "within")
        tree_ms = (time.perf_counter() - start) * 1000
        figures[f"events_{label}_join_ms"] = round(join_ms, 1)
        figures[f"events_{label}_join_loop_ms"] = round(loop_ms, 1)
        figures[f"events_{label}_join_speedup"] = round(loop_ms / join_ms, 1)
        figures[f"events_{label}_join_strtree_within_ms"] = round(tree_ms, 1)
        figures[f"events_{label}_assigned"] = sum(p is not None for p in place)
        start = time.perf_counter()
        events = synthetic.synthetic_events(count, atlas)
        figures[f"events_{label}_records_ms"] = round((time.perf_counter() - start) * 1000, 1)
        del events
    return figures


def import_figures(atlas: Atlas) -> dict[str, float]:
    """The importer's full path (parse, schema-check and build each row, then join) on 10k rows; beyond its
    MAX_ROWS (50,000) the vectorised path above is what loads events."""
    from geo import importer

    data = synthetic.synthetic_csv(10_000, atlas)
    start = time.perf_counter()
    result = importer.import_events("synthetic.csv", data, atlas, max_bytes=len(data) + 1)
    return {
        "events_10k_import_ms": round((time.perf_counter() - start) * 1000, 1),
        "events_10k_imported": len(result.events),
    }


def extraction_figures(atlas: Atlas) -> dict[str, float]:
    """Extraction per article over the dev articles of the evaluation: with the atlas's catalogue passed each time
    (as the app and the evaluation do: its gazetteer and agreement finder are built once), and with a new copy of it
    for every article (built every time). Whole passes over the articles alternate, twice each, the faster kept (the
    extractor keeps the last catalogue's finders only, so alternating article by article would rebuild both)."""
    from bench.extract_eval import EVAL_DIR
    from geo.extract import extract_candidates

    labels = json.loads((EVAL_DIR / "labels.json").read_text(encoding="utf-8"))["files"]
    articles = [
        (EVAL_DIR / name).read_text(encoding="utf-8")
        for name, entry in sorted(labels.items())
        if entry["split"] == "dev"
    ]
    places, agreements = list(atlas.places.values()), list(atlas.agreements.values())

    def shared_pass() -> None:
        for text in articles:
            extract_candidates(text, places, agreements)

    def new_catalogue_pass() -> None:
        for text in articles:
            extract_candidates(
                text, [dataclasses.replace(p) for p in places], [dataclasses.replace(a) for a in agreements]
            )

    shared_ms, new_ms = float("inf"), float("inf")
    for _ in range(2):
        shared_ms = min(shared_ms, timing.call_ms(shared_pass)[1])
        new_ms = min(new_ms, timing.call_ms(new_catalogue_pass)[1])
    return {
        "extract_article_ms": round(shared_ms / len(articles), 1),
        "extract_article_new_catalogue_ms": round(new_ms / len(articles), 1),
        "extract_article_new_catalogue_vs_shared": round(new_ms / shared_ms, 2),
    }


# ---- the child scripts --------------------------------------------------------------------------------------------


def child_figures(module: str, *args: str) -> dict[str, float | str]:
    """Run `python -m bench.<module>` and read its `name: value` lines (its other output goes to stderr)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"bench/{module}.py failed (exit {done.returncode})")
    figures: dict[str, float | str] = {}
    for line in done.stdout.splitlines():
        name, sep, value = line.partition(": ")
        if sep:
            try:
                figures[name] = float(value) if "." in value else int(value)
            except ValueError:
                figures[name] = value
    return figures


def main() -> None:
    data_dir = DEFAULT_DATA_DIR
    load_ms = timing.median_ms(lambda: load_atlas(data_dir), 3)
    atlas = load_atlas(data_dir)
    floor = floor_figures(atlas, data_dir)
    payload = child_figures("payload")
    # Both sides as the browser receives them: deflated by the websocket (compression is on in the app's config).
    ours, raw = payload.pop("payload_bytes"), payload.pop("raw_folium_payload_bytes")
    figures: dict[str, float | str] = {
        "payload_bytes": ours,
        "payload_vs_geojson_gzip": round(ours / floor["geojson_floor_gzip_bytes"], 2),
        "raw_folium_payload_bytes": raw,
        "payload_vs_raw_folium": round(raw / ours, 2),
        **floor,
        **payload,
    }
    figures.update(child_figures("browser"))
    figures["load_shipped_ms"] = round(load_ms, 1)
    figures.update(import_figures(atlas))
    figures.update(join_figures(atlas))
    figures.update(extraction_figures(atlas))
    for name, value in figures.items():
        print(f"{name}: {value}", flush=True)


if __name__ == "__main__":
    main()
