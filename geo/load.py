"""Data files -> model records. Paths are parameters; every problem is collected, none stops the others."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.model import Actor, Agreement, Atlas, Event, Place, Source, Tie
from geo.validate import (
    DataError,
    Problem,
    check_crs,
    check_ids,
    check_schema,
    check_ties,
    duplicate_ids,
    geometry_problem,
    parse_date,
    record_label,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FILES = {
    "sources": "sources.json",
    "agreements": "agreements.json",
    "regions": "regions.geojson",
    "events": "events.json",
}


@dataclass
class Catalogue:
    """What events are checked against: the sources, agreements and places loaded so far."""

    sources: dict[str, Source] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)


def read_json(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    """The parsed file (a JSON object, as every data file is), or None with the reason added to `problems`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        problems.append(Problem(path.name, "", "", f"cannot read file ({e.strerror or e})"))
        return None
    except UnicodeDecodeError as e:
        problems.append(Problem(path.name, "", "", f"not UTF-8 text ({e.reason} at byte {e.start})"))
        return None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(Problem(path.name, "", "", f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}"))
        return None
    except RecursionError:
        problems.append(Problem(path.name, "", "", "JSON nested too deeply to read"))
        return None
    if not isinstance(document, dict):
        problems.append(
            Problem(path.name, "", "", f"expected a JSON object at the top, found {type(document).__name__}")
        )
        return None
    return document


def _records(document: dict, key: str, schema: str, file: str, problems: list[Problem]) -> list[tuple[str, dict]]:
    """The schema-valid records of `document[key]`, labelled; schema problems go to `problems`."""
    schema_problems = check_schema(document, schema, file, key)
    problems.extend(schema_problems)
    items = document.get(key)
    if not isinstance(items, list):
        return []
    problems.extend(duplicate_ids(items, file))
    broken = {p.record for p in schema_problems}
    labelled = [(record_label(item, i), item) for i, item in enumerate(items)]
    return [(label, item) for label, item in labelled if label not in broken]


def _source(raw: dict[str, Any]) -> Source:
    return Source(
        id=raw["id"],
        title=raw["title"],
        publisher=raw["publisher"],
        date=raw.get("date"),
        url=raw.get("url"),
        licence=raw.get("licence"),
        attribution=raw.get("attribution"),
        kind=raw["kind"],
    )


def _ties(raw: list[dict[str, Any]]) -> tuple[Tie, ...]:
    return tuple(Tie(t["id"], tuple(t.get("articles", ()))) for t in raw)


def _date(raw: dict[str, Any], key: str, file: str, label: str, problems: list[Problem]):
    if key not in raw:
        return None
    parsed = parse_date(raw[key])
    if isinstance(parsed, str):
        problems.append(Problem(file, label, key, parsed))
        return None
    return parsed


def load_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    document = read_json(path, problems)
    if document is None:
        return {}
    sources = {}
    for _label, raw in _records(document, "sources", "sources", path.name, problems):
        sources.setdefault(raw["id"], _source(raw))
    return sources


def load_agreements(path: Path, catalogue: Catalogue, problems: list[Problem]) -> dict[str, Agreement]:
    document = read_json(path, problems)
    if document is None:
        return {}
    agreements = {}
    for label, raw in _records(document, "agreements", "agreements", path.name, problems):
        date = _date(raw, "date", path.name, label, problems)
        problems.extend(check_ids([raw["source"]], catalogue.sources, "source", path.name, label, "source"))
        # Kept despite a bad source, so that places and events citing it do not report it again.
        if date and raw["id"] not in agreements:
            agreements[raw["id"]] = Agreement(
                id=raw["id"],
                title=raw["title"],
                date=date,
                place=raw["place"],
                parties=tuple(raw["parties"]),
                articles=dict(sorted(raw["articles"].items(), key=lambda kv: int(kv[0]))),
                source=raw["source"],
                date_note=raw.get("date_note"),
                short_title=raw.get("short_title"),
            )
    return agreements


def load_regions(path: Path, catalogue: Catalogue, problems: list[Problem]) -> dict[str, Place]:
    document = read_json(path, problems)
    if document is None:
        return {}
    problems.extend(check_crs(document, path.name))
    places = {}
    for label, feature in _records(document, "features", "regions", path.name, problems):
        raw = feature["properties"]
        label = record_label(raw, 0)
        if feature["id"] != raw["id"]:
            problems.append(Problem(path.name, label, "id", f'feature id "{feature["id"]}" differs from properties.id'))
        geometry, issue = geometry_problem(feature["geometry"])
        if issue:
            problems.append(Problem(path.name, label, "geometry", issue))
        problems.extend(check_ids([raw["source"]], catalogue.sources, "source", path.name, label, "source"))
        problems.extend(check_ties(raw["agreements"], catalogue.agreements, path.name, label))
        # Kept despite a bad reference, so that events placed here do not report it again.
        if geometry is not None and raw["id"] not in places:
            places[raw["id"]] = Place(
                id=raw["id"],
                name=raw["name"],
                names={lang: tuple(spellings) for lang, spellings in raw["names"].items()},
                kind=raw["kind"],
                precision=raw["precision"],
                source=raw["source"],
                ties=_ties(raw["agreements"]),
                geometry=geometry,
            )
    return places


def parse_event(raw: dict[str, Any], catalogue: Catalogue, file: str, label: str) -> tuple[Event | None, list[Problem]]:
    """One schema-valid event record checked against `catalogue`: the Event, or None and the problems."""
    problems: list[Problem] = []
    date = _date(raw, "date", file, label, problems)
    deadline = _date(raw, "deadline", file, label, problems)
    problems.extend(check_ids(raw["places"], catalogue.places, "place", file, label, "places"))
    problems.extend(check_ties(raw["agreements"], catalogue.agreements, file, label))
    problems.extend(check_ids([raw["source"]], catalogue.sources, "source", file, label, "source"))
    location = raw.get("location")
    if location and not (-180 <= location[0] <= 180 and -90 <= location[1] <= 90):
        problems.append(Problem(file, label, "location", f"{location} is not a WGS84 [lon, lat] pair"))
    if problems:
        return None, problems
    event = Event(
        id=raw["id"],
        date=date,
        date_precision=raw["date_precision"],
        title=raw["title"],
        summary=raw["summary"],
        places=tuple(raw["places"]),
        ties=_ties(raw["agreements"]),
        actors=tuple(Actor(a["name"], a.get("role")) for a in raw["actors"]),
        source=catalogue.sources[raw["source"]],
        date_note=raw.get("date_note"),
        deadline=deadline,
        location=tuple(location) if location else None,
        location_precision=raw.get("location_precision"),
        external_id=raw.get("external_id"),
    )
    return event, []


def load_events(path: Path, catalogue: Catalogue, problems: list[Problem]) -> list[Event]:
    document = read_json(path, problems)
    if document is None:
        return []
    events = []
    for label, raw in _records(document, "events", "events", path.name, problems):
        event, event_problems = parse_event(raw, catalogue, path.name, label)
        problems.extend(event_problems)
        if event:
            events.append(event)
    return events


def read_atlas(data_dir: Path = DEFAULT_DATA_DIR) -> tuple[Atlas, list[Problem]]:
    """Everything in `data_dir` that loads cleanly, and every problem found on the way."""
    problems: list[Problem] = []
    catalogue = Catalogue()
    catalogue.sources = load_sources(data_dir / FILES["sources"], problems)
    catalogue.agreements = load_agreements(data_dir / FILES["agreements"], catalogue, problems)
    catalogue.places = load_regions(data_dir / FILES["regions"], catalogue, problems)
    events = load_events(data_dir / FILES["events"], catalogue, problems)
    atlas = Atlas(
        catalogue.places, catalogue.agreements, tuple(sorted(events, key=lambda e: (e.date, e.id))), catalogue.sources
    )
    return atlas, problems


def load_atlas(data_dir: Path = DEFAULT_DATA_DIR) -> Atlas:
    """The atlas in `data_dir`; raises DataError listing every problem if anything is wrong."""
    atlas, problems = read_atlas(data_dir)
    if problems:
        raise DataError(problems)
    return atlas
