"""The event store at scale, SQLite and PostGIS side by side: `python -m bench.store [ROWS]` prints `name: value`.

Proposes ROWS (default 50,000, the importer's per-file limit) located rows in one file, proposes the same file again
(all unchanged), lists them, approves them all in one batch, reads them back as atlas events, and counts them per
place (PostGIS: ST_Contains in the database). Each step is timed once: these are batch operations on a fresh
database, and a second run would measure a different database.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import shapely

from bench import timing
from bench.postgis import new_database, throwaway_postgis
from bench.synthetic import synthetic_coordinates
from geo.importer import import_events
from geo.load import load_atlas
from geo.model import Atlas
from geo.store import Store

ROWS = 50_000


def located_csv(count: int, atlas: Atlas, prefix: str = "bench") -> bytes:
    """`count` reproducible rows whose points all lie inside some atlas place, in the importer's CSV shape."""
    areas = shapely.union_all([p.geometry for p in atlas.places.values() if p.geometry.geom_type != "LineString"])
    # Rounded as the file writes them before the test: a point on a border could otherwise round outside it.
    lon, lat = (np.round(c, 5) for c in synthetic_coordinates(count * 4, atlas))
    inside = shapely.contains_xy(areas, lon, lat)
    lon, lat = lon[inside][:count], lat[inside][:count]
    days = np.arange(count) % 28 + 1
    lines = ["id,date,summary,latitude,longitude,source"]
    lines += [
        f"{prefix}-{i},2021-03-{days[i]:02d},Bench event {i}.,{lat[i]:.5f},{lon[i]:.5f},Reuters" for i in range(count)
    ]
    return ("\n".join(lines) + "\n").encode()


def _timed(work):
    """What `work()` returns, and its time in seconds."""
    result, ms = timing.call_ms(work)
    return result, ms / 1000


def figures(url: str, engine: str, data: bytes, atlas: Atlas, rows: int) -> dict[str, float]:
    store = Store(atlas, url)
    store.init()
    out = {}
    proposal, out[f"{engine}.propose_s"] = _timed(lambda: store.propose("bench.csv", data, "bench"))
    assert proposal.added == rows and not proposal.problems, proposal.problems[:3]
    again, out[f"{engine}.propose_again_unchanged_s"] = _timed(lambda: store.propose("bench.csv", data, "bench"))
    assert again.unchanged == rows
    listed, out[f"{engine}.list_all_s"] = _timed(store.entries)
    assert len(listed) == rows
    _, out[f"{engine}.list_one_status_s"] = _timed(lambda: store.entries("proposed"))
    _, out[f"{engine}.approve_all_one_batch_s"] = _timed(lambda: store.approve(proposal.ids, "bench"))
    events, out[f"{engine}.approved_events_s"] = _timed(store.approved_events)
    assert len(events) == rows
    counts, out[f"{engine}.place_counts_s"] = _timed(store.place_counts)
    _, out[f"{engine}.events_in_place_lachin_s"] = _timed(lambda: store.events_in_place("lachin"))
    out[f"{engine}.events_in_some_place"] = float(sum(counts.values()))
    store.engine.dispose()
    return out


def main(argv: list[str]) -> None:
    rows = int(argv[0]) if argv else ROWS
    atlas = load_atlas()
    data = located_csv(rows, atlas)
    print(f"rows: {rows}")
    print(f"file_mb: {len(data) / 1e6:.2f}")
    checked, seconds = _timed(lambda: import_events("bench.csv", data, atlas))
    assert len(checked.events) == rows
    print(f"importer_checks_only_s: {seconds:.2f}")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results |= figures(f"sqlite:///{Path(folder) / 'bench.sqlite'}", "sqlite", data, atlas, rows)
    with throwaway_postgis() as server:
        results |= figures(new_database(server), "postgis", data, atlas, rows)
    for name, value in results.items():
        print(f"{name}: {value:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
