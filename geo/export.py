"""Filtered events as files people take away: CSV for spreadsheets, GeoJSON for GIS."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

import shapely
from shapely.geometry import MultiPoint, Point, mapping

from geo.model import Actor, Event, Place, Tie

CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "end_date",
    "title",
    "summary",
    "places",
    "agreements",
    "actors",
    "source_publisher",
    "source_title",
    "source_date",
    "source_url",
)
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def ties_cell(ties: Iterable[Tie]) -> str:
    """Agreements and their articles in one cell, as the importer reads them: 'statement-2020-11-10:2,6; …'."""
    return "; ".join(f"{t.agreement}:{','.join(t.articles)}" if t.articles else t.agreement for t in ties)


def actors_cell(actors: Iterable[Actor]) -> str:
    """Actors in one cell, as the importer reads them: 'Ilham Aliyev (President of Azerbaijan); …'."""
    return "; ".join(f"{a.name} ({a.role})" if a.role else a.name for a in actors)


def event_row(event: Event) -> dict[str, str]:
    """One event as flat text columns."""
    return {
        "id": event.id,
        "date": event.date.isoformat(),
        "date_precision": event.date_precision,
        "end_date": event.end_date.isoformat() if event.end_date else "",
        "title": event.title,
        "summary": event.summary,
        "places": "; ".join(event.places),
        "agreements": ties_cell(event.ties),
        "actors": actors_cell(event.actors),
        "source_publisher": event.source.publisher,
        "source_title": event.source.title,
        "source_date": event.source.date or "",
        "source_url": event.source.url or "",
    }


def events_csv(events: Iterable[Event]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({k: _cell(v) for k, v in event_row(event).items()})
    return out.getvalue()


def event_point(event: Event, places: dict[str, Place]):
    """Where to put an event: its own location, else a point inside each of its places."""
    if event.location:
        return Point(event.location)
    points = [shapely.point_on_surface(places[p].geometry) for p in event.places if p in places]
    if not points:
        return None
    return points[0] if len(points) == 1 else MultiPoint(points)


def events_geojson(events: Iterable[Event], places: dict[str, Place]) -> str:
    """A FeatureCollection of events; a point per place when the event has no location of its own."""
    features = []
    for event in events:
        point = event_point(event, places)
        geometry = mapping(shapely.set_precision(point, 1e-6)) if point is not None else None
        properties = {**event.as_json(), "located_by": "location" if event.location else "places"}
        features.append({"type": "Feature", "id": event.id, "properties": properties, "geometry": geometry})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1)
