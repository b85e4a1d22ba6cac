"""Filtered events and commitments as files people take away: CSV for spreadsheets, GeoJSON for GIS."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

import shapely
from shapely.geometry import MultiPoint, Point, mapping

from geo import query
from geo.model import Actor, Atlas, Commitment, Event, Place, Tie
from geo.view import View, default_view

# The Events CSV's columns. geo/importer/csv_rows.py reads a CSV by these same names, so that what is exported imports back.
CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "end_date",
    "date_note",
    "deadline",
    "title",
    "summary",
    "places",
    "location",
    "agreements",
    "agreement_ties",
    "actors",
    "source",
    "source_publisher",
    "source_title",
    "source_date",
    "source_url",
    "location_precision",
    "external_id",
    "origin",
)
# Columns the page's Events CSV adds for its reader, which the importer does not read back: the places' names in the
# page's language, and the filters the file follows. The filters go in a column, the same text on every row, rather
# than in a comment line above the header: a spreadsheet would take that line for the header, and a column survives
# sorting, filtering and copying rows elsewhere.
READER_COLUMNS = ("place_names", "filters")
# The Commitments CSV's columns: each commitment with its status on the chosen day and what that status rests on.
COMMITMENT_COLUMNS = (
    "id",
    "agreement",
    "article",
    "text",
    "party",
    "places",
    "deadline",
    "deadline_note",
    "status",
    "since",
    "event",
    "source",
    "evidence",
    "accounts",
    "note",
)
# The GeoJSON property saying whether a feature's point is the event's own location or drawn on its places.
LOCATED_BY = "located_by"
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What defuse_cell puts before such a cell: spreadsheets show the cell as text and hide the mark.
DEFUSE_MARK = "'"


def defuse_cell(value: str) -> str:
    """`value` as a spreadsheet cell that is never run as a formula: marked with DEFUSE_MARK when it starts like one."""
    return DEFUSE_MARK + value if value.startswith(FORMULA_PREFIXES) else value


def restore_cell(value: str) -> str:
    """The text `defuse_cell` was given: the mark taken off a cell that would otherwise start like a formula."""
    marked = value.startswith(DEFUSE_MARK) and value[len(DEFUSE_MARK) :].startswith(FORMULA_PREFIXES)
    return value[len(DEFUSE_MARK) :] if marked else value


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
        "date_note": event.date_note or "",
        "deadline": event.deadline.isoformat() if event.deadline else "",
        "title": event.title,
        "summary": event.summary,
        "places": "; ".join(event.places),
        # "lon, lat" as repr writes them, so that the floats read back are the same floats.
        "location": ", ".join(map(repr, event.location)) if event.location else "",
        "agreements": ties_cell(event.ties),
        # The same ties whole (kind and note too), as JSON: the readable cell above cannot carry a note.
        "agreement_ties": json.dumps([t.as_json() for t in event.ties], ensure_ascii=False) if event.ties else "",
        "actors": actors_cell(event.actors),
        "source": event.source.id,
        "source_publisher": event.source.publisher,
        "source_title": event.source.title,
        "source_date": event.source.date or "",
        "source_url": event.source.url or "",
        "location_precision": event.location_precision or "",
        "external_id": event.external_id or "",
    }


def view_filters(view: View, atlas: Atlas, origins: Iterable[str]) -> dict[str, Any]:
    """What an export of the page's events follows: the place selected (or none), the agreements shown ("all" when
    every one is), the dates, and which events (curated, community, session)."""
    everything = default_view(atlas).agreements
    return {
        "place": view.place,
        "agreements": "all" if view.agreements == everything else list(view.agreements),
        "from": view.start.isoformat(),
        "to": view.end.isoformat(),
        "events": sorted(origins),
    }


def filters_cell(filters: Mapping[str, Any]) -> str:
    """The filters as one line of text: 'place=lachin; agreements=all; from=2020-09-27; …'."""
    return "; ".join(
        f"{key}={','.join(value) if isinstance(value, list) else value or '-'}" for key, value in filters.items()
    )


def place_names(event: Event, places: Mapping[str, Place], lang: str = "en") -> list[str]:
    """The event's places by name in `lang` (ids the atlas does not know as they are)."""
    return [places[p].display_name(lang) if p in places else p for p in event.places]


def events_csv(
    events: Iterable[Event],
    origins: Mapping[str, str] | None = None,
    filters: Mapping[str, Any] | None = None,
    places: Mapping[str, Place] | None = None,
    lang: str = "en",
) -> str:
    """The Events CSV: one row of CSV_COLUMNS per event, formulas defused; `python -m geo import` reads it back.
    `origins` says which events are not curated (event id -> "community" or "session"). Given `filters` and
    `places` (the page's export), each row also carries READER_COLUMNS: its places' names in `lang`, the filters."""
    out = io.StringIO()
    columns = CSV_COLUMNS + (READER_COLUMNS if filters is not None and places is not None else ())
    # Rows end in CRLF (RFC 4180): the csv module quotes a cell holding a character of the line ending, and only then
    # is a carriage return inside a summary kept in its cell instead of ending the row.
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        row = {**event_row(event), "origin": (origins or {}).get(event.id, "curated")}
        if filters is not None and places is not None:
            row.update(place_names="; ".join(place_names(event, places, lang)), filters=filters_cell(filters))
        writer.writerow({k: defuse_cell(v) for k, v in row.items()})
    return out.getvalue()


def event_point(event: Event, places: dict[str, Place]):
    """Where to put an event: its own location, else a point inside each of its places."""
    if event.location:
        return Point(event.location)
    points = [shapely.point_on_surface(places[p].geometry) for p in event.places if p in places]
    if not points:
        return None
    return points[0] if len(points) == 1 else MultiPoint(points)


def events_geojson(
    events: Iterable[Event], places: dict[str, Place], filters: Mapping[str, Any] | None = None, lang: str = "en"
) -> str:
    """A FeatureCollection of events; a point per place when the event has no location of its own. Each feature
    names its places in `lang`; `filters`, when given, is recorded as the collection's "filters" member."""
    features = []
    for event in events:
        point = event_point(event, places)
        geometry = mapping(shapely.set_precision(point, 1e-6)) if point is not None else None
        properties = {
            **event.as_json(),
            "place_names": place_names(event, places, lang),
            LOCATED_BY: "location" if event.location else "places",
        }
        features.append({"type": "Feature", "id": event.id, "properties": properties, "geometry": geometry})
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if filters is not None:
        collection["filters"] = dict(filters)  # a foreign member (RFC 7946, 6.1): GIS tools keep or ignore it
    return json.dumps(collection, ensure_ascii=False, indent=1)


def commitment_row(commitment: Commitment, date: dt.date) -> dict[str, str] | None:
    """One commitment as flat text columns with its status on `date`; None before its agreement made it."""
    record = query.commitment_on(commitment, date)
    if record is None:
        return None
    return {
        **{key: record.get(key) or "" for key in COMMITMENT_COLUMNS},
        "places": "; ".join(record["places"]),
        "evidence": "; ".join(record["evidence"]),
        "accounts": "; ".join(f"{a['side']}: {a['says']}" for a in record.get("accounts", ())),
    }


def commitments_csv(atlas: Atlas, date: dt.date, commitments: Iterable[Commitment] | None = None) -> str:
    """The Commitments CSV on `date`: one row of COMMITMENT_COLUMNS per commitment its agreement had made by then
    (all of the atlas's, or those given), with its status that day and the event ids it rests on; formulas defused."""
    chosen = atlas.commitments.values() if commitments is None else commitments
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COMMITMENT_COLUMNS, lineterminator="\r\n")  # CRLF: see events_csv
    writer.writeheader()
    for commitment in chosen:
        row = commitment_row(commitment, date)
        if row is not None:
            writer.writerow({k: defuse_cell(v) for k, v in row.items()})
    return out.getvalue()
