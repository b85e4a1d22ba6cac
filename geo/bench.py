"""`make bench`: size and speed figures, one `name: value` per line, each pair measured side by side in one run.

Ratios, not absolute times, are what hold on a noisy 2-core machine.
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
from pathlib import Path

import numpy as np
import shapely

from geo import mapping
from geo.load import DEFAULT_DATA_DIR, load_atlas

REPEATS = 7
EVENT_COUNTS = (10_000, 100_000, 1_000_000)
LOOP_SAMPLE = 2_000  # points run through the per-point loop; its time is scaled per point
SEED = 20201110


def _median_ms(work, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _map_payload(atlas, data_dir: Path, geometries: dict[str, dict]) -> int:
    m = mapping.base_map(data_dir)
    mapping.places_layer(atlas.places.values(), geometries, "en", None).add_to(m)
    return len(m.get_root().render().encode("utf-8"))


def payload_figures(atlas, data_dir: Path) -> dict[str, float]:
    ours = _map_payload(atlas, data_dir, mapping.display_geometries(atlas.places.values()))
    raw = _map_payload(atlas, data_dir, {p.id: shapely.geometry.mapping(p.geometry) for p in atlas.places.values()})
    display = mapping.display_geometries(atlas.places.values())
    floor = json.dumps(
        {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": g} for g in display.values()]}
    )
    return {
        "payload_bytes": ours,
        "payload_vs_geojson_gzip": round(ours / len(gzip.compress(floor.encode())), 2),
        "payload_vs_raw_regions": round(raw / ours, 2),
    }


def _synthetic_points(count: int, bounds) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    xmin, ymin, xmax, ymax = bounds
    return np.column_stack([rng.uniform(xmin, xmax, count), rng.uniform(ymin, ymax, count)])


def join_figures(atlas) -> dict[str, float]:
    polygons = [p for p in atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
    geometries = [p.geometry for p in polygons]
    bounds = shapely.total_bounds(geometries)
    tree = shapely.STRtree(geometries)
    figures: dict[str, float] = {}
    for count in EVENT_COUNTS:
        start = time.perf_counter()
        points = shapely.points(_synthetic_points(count, bounds))
        figures[f"events_{count}_generate_ms"] = round((time.perf_counter() - start) * 1000, 1)
        start = time.perf_counter()
        point_index, place_index = tree.query(points, predicate="within")
        join_ms = (time.perf_counter() - start) * 1000
        sample = points[:LOOP_SAMPLE]
        start = time.perf_counter()
        for point in sample:
            [i for i, geometry in enumerate(geometries) if geometry.contains(point)]
        loop_ms = (time.perf_counter() - start) * 1000 * count / LOOP_SAMPLE
        figures[f"events_{count}_join_ms"] = round(join_ms, 1)
        figures[f"events_{count}_join_speedup"] = round(loop_ms / join_ms, 1)
        figures[f"events_{count}_assigned"] = len(np.unique(point_index))
    return figures


def main() -> None:
    data_dir = DEFAULT_DATA_DIR
    load_ms = _median_ms(lambda: load_atlas(data_dir), repeats=3)
    atlas = load_atlas(data_dir)
    figures = {"load_shipped_ms": round(load_ms, 1), **payload_figures(atlas, data_dir), **join_figures(atlas)}
    for name, value in figures.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
