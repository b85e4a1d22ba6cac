"""Reproducible synthetic events for the benchmarks: as columns, as a CSV the importer reads, as Event records."""

from __future__ import annotations

import datetime as dt

import numpy as np
import shapely

from geo.model import Atlas, Event, Place, Tie
from geo.query import PlaceIndex

EVENT_COUNTS = (10_000, 100_000, 1_000_000)
SEED = 20201110


def count_label(count: int) -> str:
    return f"{count // 1_000_000}M" if count >= 1_000_000 else f"{count // 1000}k"


def polygons(atlas: Atlas) -> list[Place]:
    """The places that are areas: the ones events are joined to."""
    return [p for p in atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")]


def synthetic_coordinates(count: int, atlas: Atlas, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """`count` reproducible points over the box of the atlas's places (about half fall inside one)."""
    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = shapely.total_bounds([p.geometry for p in polygons(atlas)])
    return rng.uniform(xmin, xmax, count), rng.uniform(ymin, ymax, count)


def synthetic_columns(count: int, atlas: Atlas, seed: int = SEED) -> dict[str, np.ndarray]:
    """Reproducible located events as columns: lon, lat, date (days since the first agreement), agreement, source."""
    lon, lat = synthetic_coordinates(count, atlas, seed)
    rng = np.random.default_rng(seed + 1)
    first = min(a.date for a in atlas.agreements.values())
    return {
        "lon": lon,
        "lat": lat,
        "day": rng.integers(0, 1500, count),
        "agreement": rng.integers(0, len(atlas.agreements), count),
        "source": rng.integers(0, len(atlas.sources), count),
        "first": np.array([first.toordinal()]),
    }


def synthetic_csv(count: int, atlas: Atlas, seed: int = SEED) -> bytes:
    """The same events as a conflict-data style CSV, the shape geo.importer reads."""
    columns = synthetic_columns(count, atlas, seed)
    agreements, sources = list(atlas.agreements), list(atlas.sources)
    first = int(columns["first"][0])
    lines = ["event_id,event_date,latitude,longitude,notes,agreements,source"]
    for i in range(count):
        date = dt.date.fromordinal(first + int(columns["day"][i])).isoformat()
        lines.append(
            f"synthetic-{i},{date},{columns['lat'][i]:.5f},{columns['lon'][i]:.5f},Synthetic event {i}.,"
            f"{agreements[columns['agreement'][i]]},{sources[columns['source'][i]]}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def synthetic_events(count: int, atlas: Atlas, seed: int = SEED) -> list[Event]:
    """Located events placed by the spatial join (points outside every place are dropped): Event records the app
    shows like imported ones."""
    # About 40% of the box lies in a place: draw 3x the points and keep the first `count` that land in one.
    columns = synthetic_columns(3 * count, atlas, seed)
    place = np.array(PlaceIndex(atlas.places.values()).assign(columns["lon"], columns["lat"]), dtype=object)
    place[np.cumsum(place != None) > count] = None  # noqa: E711 (element-wise on an object array)
    agreements, sources = list(atlas.agreements), list(atlas.sources.values())
    first = int(columns["first"][0])
    days = {}
    events = []
    for i in np.nonzero(place != None)[0].tolist():  # noqa: E711
        day = int(columns["day"][i])
        if day not in days:
            days[day] = dt.date.fromordinal(first + day)
        events.append(
            Event(
                id=f"synthetic-{i}",
                date=days[day],
                date_precision="day",
                title=f"Synthetic event {i}",
                summary="Generated for the benchmark.",
                places=(place[i],),
                ties=(Tie(agreements[columns["agreement"][i]]),),
                actors=(),
                source=sources[columns["source"][i]],
                location=(round(float(columns["lon"][i]), 5), round(float(columns["lat"][i]), 5)),
            )
        )
    return events
