"""Data files -> model records. Paths are parameters; every problem is collected, none stops the others."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo import paths
from geo.model import (
    CHARTABLE_YEARS,
    Account,
    Actor,
    Agreement,
    Atlas,
    Commitment,
    ControlPeriod,
    Event,
    Place,
    Source,
    StatusChange,
    Tie,
    Variant,
)
from geo.validate import (
    DataError,
    Problem,
    check_control,
    check_crs,
    check_history,
    check_ids,
    check_kind_geometry,
    check_range,
    check_schema,
    check_tie_kinds,
    check_ties,
    did_you_mean,
    duplicate_ids,
    geometry_problem,
    parse_date,
    record_label,
)

DEFAULT_DATA_DIR = paths.data_dir()
# Raw files a source record names (its `file`), beside the data files: the base map and build-regions read them.
SOURCES_DIR = "sources"
FILES = {
    "sources": "sources.json",
    "agreements": "agreements.json",
    "regions": "regions.geojson",
    "events": "events.json",
    "commitments": "commitments.json",
}


@dataclass
class Catalogue:
    """What events are checked against: the sources, agreements and places loaded so far."""

    sources: dict[str, Source] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    # Every event id the events file names, loaded or not (None when the file is too broken to say): commitments cite
    # them, and an event with a problem of its own is not reported again under each commitment citing it.
    event_ids: set[str] | None = None


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
    return tuple(Tie(t["id"], tuple(t.get("articles", ())), t.get("kind"), t.get("note")) for t in raw)


def _control(raw: list[dict[str, Any]], file: str, label: str, problems: list[Problem]) -> tuple[ControlPeriod, ...]:
    """The schema-valid periods whose dates parse; a bad date is reported and its period left out."""
    periods = []
    for index, period in enumerate(raw):
        start = parse_date(period["from"])
        until = parse_date(period["until"]) if "until" in period else None
        if isinstance(start, str) or isinstance(until, str):
            for message in (d for d in (start, until) if isinstance(d, str)):
                problems.append(Problem(file, label, f"control[{index}]", message))
            continue
        periods.append(
            ControlPeriod(
                status=period["status"],
                start=start,
                precision=period["precision"],
                source=period["source"],
                note=period.get("note"),
                until=until,
                also_sources=tuple(period.get("also_sources", ())),
            )
        )
    return tuple(periods)


def _date(raw: dict[str, Any], key: str, file: str, label: str, problems: list[Problem]) -> dt.date | None:
    if key not in raw:
        return None
    parsed = parse_date(raw[key])
    if isinstance(parsed, str):
        problems.append(Problem(file, label, key, parsed))
        return None
    first, last = CHARTABLE_YEARS
    if not first <= parsed.year <= last:
        message = f"{raw[key]!r} is outside the years the page can chart ({first} to {last})"
        problems.append(Problem(file, label, key, message))
        return None
    return parsed


def load_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    document = read_json(path, problems)
    if document is None:
        return {}
    sources: dict[str, Source] = {}
    for label, raw in _records(document, "sources", "sources", path.name, problems):
        sources.setdefault(raw["id"], _source(raw))
        if "file" in raw and not (path.parent / SOURCES_DIR / raw["file"]).is_file():
            message = f"{raw['file']} is missing from data/{SOURCES_DIR}; the map or build-regions reads it"
            problems.append(Problem(path.name, label, "file", message))
    return sources


def _kinds(document: Any) -> dict[str, dict[str, list[str]]]:
    """The generic words of each kind of agreement (`kinds`), those the schema accepts (it reports the others)."""
    raw = document.get("kinds") if isinstance(document, dict) else None
    if not isinstance(raw, dict):
        return {}
    return {
        kind: {
            lang: [n for n in names if isinstance(n, str)] for lang, names in words.items() if isinstance(names, list)
        }
        for kind, words in raw.items()
        if isinstance(words, dict)
    }


def load_agreements(path: Path, catalogue: Catalogue, problems: list[Problem]) -> dict[str, Agreement]:
    document = read_json(path, problems)
    if document is None:
        return {}
    agreements = {}
    kinds = _kinds(document)
    for label, raw in _records(document, "agreements", "agreements", path.name, problems):
        date = _date(raw, "date", path.name, label, problems)
        kind = raw.get("kind")
        if kind is not None and kind not in kinds:
            problems.append(
                Problem(path.name, label, "kind", f'unknown kind "{kind}": not one of "kinds" {sorted(kinds)}')
            )
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
                mediator=raw.get("mediator"),
                article_notes=dict(sorted(raw.get("article_notes", {}).items(), key=lambda kv: int(kv[0]))),
                article_variants={
                    article: tuple(Variant(v["label"], v["text"]) for v in variants)
                    for article, variants in sorted(raw.get("article_variants", {}).items(), key=lambda kv: int(kv[0]))
                },
                aliases={lang: tuple(names) for lang, names in raw.get("aliases", {}).items()},
                signed_at={lang: tuple(names) for lang, names in raw.get("signed_at", {}).items()},
                closes={lang: tuple(names) for lang, names in raw.get("closes", {}).items()},
                kind=kind,
                generic_names={lang: tuple(names) for lang, names in kinds.get(kind or "", {}).items()},
                text_agreed=_date(raw, "text_agreed", path.name, label, problems),
            )
            for key in ("article_notes", "article_variants"):
                for article in raw.get(key, {}):
                    if article not in raw["articles"]:
                        problems.append(
                            Problem(path.name, label, key, f"a note on article {article}, which it has not")
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
        problems.extend(check_kind_geometry(raw["kind"], geometry, path.name, label))
        exists = raw.get("exists", {})
        exists_from = _date(exists, "from", path.name, label, problems)
        exists_until = _date(exists, "until", path.name, label, problems)
        if exists_from and exists_until and exists_until < exists_from:
            problems.append(Problem(path.name, label, "exists", f"ends {exists_until}, before it begins {exists_from}"))
        problems.extend(check_ids(raw.get("sources", []), catalogue.sources, "source", path.name, label, "sources"))
        control = _control(raw.get("control", []), path.name, label, problems)
        problems.extend(check_control(control, exists_from, exists_until, catalogue.sources, path.name, label))
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
                control=control,
                exists_from=exists_from,
                exists_until=exists_until,
                note=raw.get("note"),
                sources=tuple(raw.get("sources", ())),
                not_names={lang: tuple(spellings) for lang, spellings in raw.get("not_names", {}).items()},
                described_with=tuple(raw.get("described_by", {}).get("with", ())),
                described_words={
                    lang: tuple(words) for lang, words in raw.get("described_by", {}).get("words", {}).items()
                },
            )
    for place in places.values():
        # Checked once every place is in: a description may name a place listed after it.
        problems.extend(
            check_ids(list(place.described_with), places, "place", path.name, f'"{place.id}"', "described_by.with")
        )
    return places


def parse_event(raw: dict[str, Any], catalogue: Catalogue, file: str, label: str) -> tuple[Event | None, list[Problem]]:
    """One schema-valid event record checked against `catalogue`: the Event, or None and the problems."""
    problems: list[Problem] = []
    date = _date(raw, "date", file, label, problems)
    deadline = _date(raw, "deadline", file, label, problems)
    end_date = _date(raw, "end_date", file, label, problems)
    problems.extend(check_range(date, raw["date_precision"], end_date, file, label))
    problems.extend(check_ids(raw["places"], catalogue.places, "place", file, label, "places"))
    problems.extend(check_ties(raw["agreements"], catalogue.agreements, file, label))
    problems.extend(check_ids([raw["source"]], catalogue.sources, "source", file, label, "source"))
    location = raw.get("location")
    if location and not (-180 <= location[0] <= 180 and -90 <= location[1] <= 90):
        problems.append(Problem(file, label, "location", f"{location} is not a WGS84 [lon, lat] pair"))
    if problems:
        return None, problems
    assert date is not None, "the schema requires a date, and an unreadable one is a problem above"
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
        end_date=end_date,
        location_precision=raw.get("location_precision"),
        external_id=raw.get("external_id"),
    )
    return event, []


def _named_ids(items: Any) -> set[str] | None:
    """The ids of a list of records, or None when it is not a list of records that each have one."""
    if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        return None
    return {i["id"] for i in items}


def load_events(path: Path, catalogue: Catalogue, problems: list[Problem]) -> list[Event]:
    document = read_json(path, problems)
    if document is None:
        return []
    catalogue.event_ids = _named_ids(document.get("events"))
    events = []
    for label, raw in _records(document, "events", "events", path.name, problems):
        # Shipped events say of every tie whether it is named or inferred; an import need not.
        problems.extend(check_tie_kinds(raw["agreements"], path.name, label))
        event, event_problems = parse_event(raw, catalogue, path.name, label)
        problems.extend(event_problems)
        if event:
            events.append(event)
    return events


def _history(
    raw: list[dict[str, Any]], file: str, label: str, problems: list[Problem]
) -> tuple[StatusChange, ...] | None:
    """The changes of a schema-valid history, or None when a date does not parse (each such date is reported)."""
    changes = []
    for index, change in enumerate(raw):
        found: list[Problem] = []
        date = _date(change, "date", file, label, found)
        problems.extend(dataclasses.replace(p, field=f"history[{index}].{p.field}") for p in found)
        if date is not None:
            changes.append(
                StatusChange(
                    date=date,
                    status=change["status"],
                    event=change["event"],
                    source=change["source"],
                    note=change.get("note"),
                    accounts=tuple(Account(a["side"], a["says"]) for a in change.get("accounts", ())),
                )
            )
    return tuple(changes) if len(changes) == len(raw) else None


def load_commitments(path: Path, catalogue: Catalogue, problems: list[Problem]) -> dict[str, Commitment]:
    """Commitments by id, ordered by their agreement's date, then article, then as in the file."""
    document = read_json(path, problems)
    if document is None:
        return {}
    commitments = {}
    for label, raw in _records(document, "commitments", "commitments", path.name, problems):
        agreement = catalogue.agreements.get(raw["agreement"])
        if agreement is None:
            message = f'unknown agreement id "{raw["agreement"]}"{did_you_mean(raw["agreement"], catalogue.agreements)}'
            problems.append(Problem(path.name, label, "agreement", message))
        elif raw["article"] not in agreement.articles:
            message = f"{agreement.id} has no article {raw['article']} (it has {', '.join(agreement.articles)})"
            problems.append(Problem(path.name, label, "article", message))
        problems.extend(check_ids(raw["places"], catalogue.places, "place", path.name, label, "places"))
        deadline = _date(raw, "deadline", path.name, label, problems)
        history = _history(raw["history"], path.name, label, problems)
        if history is None:
            continue  # a change whose date is unreadable cannot be placed in the timeline, nor checked against it
        problems.extend(
            check_history(
                history,
                agreement.date if agreement else None,
                catalogue.event_ids,
                catalogue.sources,
                path.name,
                label,
            )
        )
        if raw["id"] not in commitments:
            commitments[raw["id"]] = Commitment(
                id=raw["id"],
                agreement=raw["agreement"],
                article=raw["article"],
                text=raw["text"],
                party=raw["party"],
                places=tuple(raw["places"]),
                history=history,
                deadline=deadline,
                deadline_note=raw.get("deadline_note"),
                note=raw.get("note"),
            )
    position = {ident: index for index, ident in enumerate(commitments)}

    def key(commitment: Commitment):
        agreement = catalogue.agreements.get(commitment.agreement)
        made = agreement.date if agreement else dt.date.max
        return (made, commitment.agreement, int(commitment.article), position[commitment.id])

    return {c.id: c for c in sorted(commitments.values(), key=key)}


def read_atlas(data_dir: Path = DEFAULT_DATA_DIR) -> tuple[Atlas, list[Problem]]:
    """Everything in `data_dir` that loads cleanly, and every problem found on the way."""
    problems: list[Problem] = []
    catalogue = Catalogue()
    catalogue.sources = load_sources(data_dir / FILES["sources"], problems)
    catalogue.agreements = load_agreements(data_dir / FILES["agreements"], catalogue, problems)
    catalogue.places = load_regions(data_dir / FILES["regions"], catalogue, problems)
    events = load_events(data_dir / FILES["events"], catalogue, problems)
    commitments = load_commitments(data_dir / FILES["commitments"], catalogue, problems)
    atlas = Atlas(
        catalogue.places,
        catalogue.agreements,
        tuple(sorted(events, key=lambda e: (e.date, e.id))),
        catalogue.sources,
        commitments,
    )
    return atlas, problems


def load_atlas(data_dir: Path = DEFAULT_DATA_DIR) -> Atlas:
    """The atlas in `data_dir`; raises DataError listing every problem if anything is wrong."""
    atlas, problems = read_atlas(data_dir)
    if problems:
        raise DataError(problems)
    return atlas
