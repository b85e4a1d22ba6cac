"""Bring your own events: CSV, JSON and GeoJSON files -> checked Events, and every problem, row by row.

Pure: no streamlit, no folium, no writes. Nothing here changes the atlas it is given or any file on disk; the caller
decides what to do with the events (`merged` returns a new Atlas with them added).

Three shapes are read, each mapped onto the project's own event record (data/schema/events.schema.json) and then
checked by the same `parse_event` the loader uses, so an imported event obeys the same rules as a shipped one:

- JSON: {"events": [...]} or a bare list of event records, as in data/events.json.
- GeoJSON: a FeatureCollection (or one Feature) whose properties are event fields; a Point geometry is `location`.
- CSV: one event per row. Columns are event fields (lists separated by ";") or conflict-data style columns
  (`event_date`, `latitude`, `longitude`, `location`, `notes`, `source`, ...), as ACLED and UCDP GED export them;
  see `_COLUMNS` and the README.

Places may be given by id or by any spelling of a name; when an event names no place, its coordinates are joined to
the smallest atlas polygon containing them. An event must end up with at least one place: the map shows events
through their places, so a point outside every place is reported rather than imported unseen.

Text from the file is kept as written (the UI escapes it when drawing), except that control characters are removed.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from geo.dates import MONTHS
from geo.export import CSV_COLUMNS, LOCATED_BY, restore_cell
from geo.gazetteer import Gazetteer, fold
from geo.load import DEFAULT_DATA_DIR, Catalogue, load_atlas, parse_event
from geo.model import DATE_PRECISIONS, LOCATION_PRECISIONS, Atlas, Event, Source
from geo.query import PlaceIndex
from geo.validate import Problem, check_crs, check_ids, check_schema, parse_date, record_label

# The whole file is decoded and parsed in memory inside one Streamlit session. The shipped events.json is 17 kB;
# 5 MB is room for tens of thousands of conflict-data rows while keeping a careless upload from holding the page.
MAX_BYTES = 5 * 1024 * 1024
# Each row is schema-checked and parsed like a shipped event, about 4,000 rows a second (measured on a laptop with
# 100,000 generated conflict rows: 25 s). 50,000 rows keeps an upload under about 12 s, and is far more events than
# one map can show; a bigger file is the wrong extract (filter it by country or date first).
MAX_ROWS = 50_000
# A problem quotes what it found; a 5 MB cell quoted back would bury the report, so messages stop here.
MAX_MESSAGE = 300
# "Did you mean" is a fuzzy search over every spelling, about 0.2 ms each: the first this many distinct unknown names
# (or source ids) of a file get one, enough to show a pattern of typos; the rest get a plain message, so that a
# file of 500,000 made-up names costs no more than a file of valid ones.
MAX_SUGGESTIONS = 100
# Hex digits of a file's SHA-256 in the ids generated for it: 8 make a clash between two files of one session about
# one in four billion.
FILE_KEY_LENGTH = 8
# One event naming thousands of unknown places is one mistake (a wrong column), not thousands: its field reports this
# many and then how many more, so that the report (and its memory) grows with the rows, not with the names in a cell.
MAX_PROBLEMS_PER_FIELD = 20
# Conflict exports repeat a few hundred location names thousands of times, so each distinct name is resolved once;
# past this many distinct names the rest are resolved each time (cheaply, with no suggestion), keeping memory bounded.
MAX_CACHED_NAMES = 10_000
# Titles made from the first words of `notes` stop near here, the length of the longest shipped titles.
TITLE_LENGTH = 80
# Ids must match the schema's slug pattern; the same pattern tells a source id from a free-text source.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Control characters (C0, DEL, C1) except tab and newline, and the bidirectional overrides that can make text
# read differently from what it says ("Trojan Source", CVE-2021-42574). Everything else is kept literally.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The patterns below read cells of up to 5 MB, so none may try a run of characters more than one way: a host that
# cannot hold "/" then a path that may, and runs of spaces matched whole (possessive `*+`, `++`).
_WEB_URL = re.compile(r"https?://[^\s/<>\"'`\\][^\s<>\"'`\\]*+", re.IGNORECASE)
_LON_LAT = re.compile(r"\s*+(-?[\d.]++)(?:\s*+[,;]|\s)\s*+(-?[\d.]++)\s*+")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ \-/]([A-Za-z]+)\.?,?[ \-/](\d{4})$")
# Fields of a source record (data/sources.json, the GeoJSON export) that an ad-hoc source does not keep.
_SOURCE_RECORD_ONLY = frozenset(("id", "kind", "licence", "attribution"))
# Public datasets' precision codes -> the atlas's precision, by dataset (their codes overlap but differ).
# ACLED: time_precision 1 = the day is known, 2 = within a week or so, 3 = only the month; geo_precision 1 = the
# town itself, 2 = near it or part of a region, 3 = only the province (its capital's coordinates).
# UCDP GED: date_prec 1 = the day, 2 = within 2-6 days, 3 = the week, 4 = the month (8-30 days), 5 = more than a
# month (the atlas has no coarser precision: "approximate", with the range kept in date_note); where_prec 1 = the
# place itself, 2 = within ~25 km, 3 = a district, 4 = a province, 5 = a road, river or border between places,
# 6 = only the country, 7 = international waters or airspace (6 and 7 place nothing: the coordinates are dropped).
_DATE_PRECISION = {
    None: {"1": "day", "2": "approximate", "3": "month"},
    "acled": {"1": "day", "2": "approximate", "3": "month"},
    "ucdp": {"1": "day", "2": "approximate", "3": "approximate", "4": "month", "5": "approximate"},
}
_LOCATION_PRECISION: dict[str | None, dict[str, str | None]] = {
    None: {"1": "exact", "2": "near", "3": "region"},
    "acled": {"1": "exact", "2": "near", "3": "region"},
    "ucdp": {"1": "exact", "2": "near", "3": "region", "4": "region", "5": "region", "6": None, "7": None},
}
_EVENT_FIELDS = frozenset(
    (
        "id date date_precision end_date date_note deadline title summary places agreements actors source location"
        " location_precision external_id"
    ).split()
)
# Conflict-data exports (ACLED, UCDP GED) name some columns differently, give points as latitude and longitude,
# and have columns of their own (UCDP's sides and deaths).
_CONFLICT_COLUMNS = {
    "id": ("event_id", "event_id_cnty"),
    "date": ("event_date", "date_start"),
    "date_end": ("date_end",),
    "date_precision": ("time_precision", "date_prec"),
    "summary": ("notes",),
    "side_a": ("side_a",),
    "side_b": ("side_b",),
    "deaths": ("best",),
    "location": ("where_description",),
    "location_precision": ("geo_precision", "where_prec"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "lng"),
    "source": ("source_article",),
    "source_title": ("source_headline",),
    "source_url": ("url",),
}
# CSV header -> field: the Events CSV's own columns (geo/export.py, so that an export imports back), then the
# conflict-data names. The first column present wins; a conflict-data export's other columns are ignored.
_COLUMNS = {
    key: (*((key,) if key in CSV_COLUMNS else ()), *_CONFLICT_COLUMNS.get(key, ()))
    for key in dict.fromkeys((*CSV_COLUMNS, *_CONFLICT_COLUMNS))
}


@dataclass
class ImportResult:
    """What a file would add: the events that passed every check, every problem found, and how many rows were read."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0


@dataclass
class _Draft:
    """One row on its way to an Event: the raw event record built so far, or its problems."""

    label: str
    raw: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


class _Context:
    """What the rows of one file share: the file name, the atlas, and the ad-hoc sources made so far."""

    def __init__(self, name: str, atlas: Atlas, data: bytes = b""):
        self.name = name
        self.atlas = atlas
        # Generated ids carry this much of the file's hash: two files added in one session never make the same id,
        # and the same file added twice makes the same ids, so it adds nothing the second time.
        self.file_key = hashlib.sha256(data).hexdigest()[:FILE_KEY_LENGTH]
        # "acled" or "ucdp" when the CSV header is one of theirs: their ids and precision codes are read as theirs.
        self.dataset: str | None = None
        self.adhoc: dict[tuple, Source] = {}
        self._adhoc_ids: set[str] = set()
        self._resolved: dict[tuple[str, bool], tuple[str | None, str]] = {}
        self._suggestions = 0
        self._source_suggests: dict[str, bool] = {}  # whether each distinct unknown source id got a "did you mean"
        self.gazetteer = Gazetteer(atlas.places.values())
        self._polygons: list | None = None
        self._tree: shapely.STRtree | None = None

    def nearest_place(self, location: list[float]) -> str:
        """' (nearest: <id>)' for a point outside every place, to help fix it; the tree is built once per file."""
        if self._polygons is None:
            self._polygons = [
                p for p in self.atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")
            ]
            self._tree = shapely.STRtree([p.geometry for p in self._polygons])
        if not self._polygons or self._tree is None:
            return ""
        index = self._tree.nearest(shapely.Point(location))
        return f" (nearest: {self._polygons[int(index)].id})" if index is not None else ""

    def may_suggest(self) -> bool:
        """Whether a "did you mean" may still be searched for: True for the first MAX_SUGGESTIONS asks of a file."""
        self._suggestions += 1
        return self._suggestions <= MAX_SUGGESTIONS

    def source_problems(self, draft: _Draft) -> list[Problem]:
        """An unknown source id, told with a "did you mean" among the atlas's sources while the file has some left."""
        source = draft.raw["source"]
        if source in self.atlas.sources or source in self._adhoc_ids:
            return []
        suggest = self._source_suggests.get(source)
        if suggest is None:
            suggest = self.may_suggest()
            if len(self._source_suggests) < MAX_CACHED_NAMES:
                self._source_suggests[source] = suggest
        return check_ids([source], self.atlas.sources, "source", self.name, draft.label, "source", suggest)

    def problem(self, draft: _Draft, field_name: str, message: str) -> None:
        draft.problems.append(Problem(self.name, draft.label, field_name, message))

    def generated_id(self, *parts: object) -> str:
        """An id for something the file does not name: "import-<file key>-<parts>"."""
        return "-".join(map(str, ("import", self.file_key, *parts)))

    def source_id(self, publisher: str, title: str, date: str | None = None, url: str | None = None) -> str:
        """The id of an ad-hoc source with these details: the same details give the same "import-<key>-<n>"."""
        key = (publisher, title, date, url)
        if key not in self.adhoc:
            source_id = self.generated_id(len(self.adhoc) + 1)
            self.adhoc[key] = Source(source_id, title=title, publisher=publisher, date=date, url=url)
            self._adhoc_ids.add(source_id)
        return self.adhoc[key].id

    def resolve_place(self, text: str, hint: bool = True) -> tuple[str | None, str]:
        """The place id `text` names (id or any spelling, exact match first), or None and why not.

        `hint=False` skips the "did you mean" search, for callers that will not show the message.
        """
        if (text, hint) in self._resolved:
            return self._resolved[text, hint]
        found = self._resolve(text, hint)
        if len(self._resolved) < MAX_CACHED_NAMES:
            self._resolved[text, hint] = found
        return found

    def _resolve(self, text: str, hint: bool) -> tuple[str | None, str]:
        return self.gazetteer.resolve(text, lambda: hint and self.may_suggest())


def csv_columns_read() -> set[str]:
    """Every CSV column name the importer reads."""
    return {name for aliases in _COLUMNS.values() for name in aliases}


def clean_text(value: Any) -> Any:
    """`value` with control characters removed from every string in it (lists and dicts walked, depth-limited)."""
    return _clean(value, 0)


def _clean(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if depth > 20:  # event records are three levels deep; deeper nesting is left for the schema check to reject
        return value
    if isinstance(value, list):
        return [_clean(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {(_clean(k, depth + 1) if isinstance(k, str) else k): _clean(v, depth + 1) for k, v in value.items()}
    return value


# ---- reading the file ---------------------------------------------------------------------------------------------


def import_events(
    name: str, data: bytes, atlas: Atlas, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS
) -> ImportResult:
    """The events in file `name` (its bytes `data`) that pass every check against `atlas`, and every problem.

    Never raises for bad input: each failure is a Problem naming the file (and row and field where there is one).
    """
    if len(data) > max_bytes:
        message = f"file is {len(data):,} bytes; the limit is {max_bytes:,} bytes - split it or filter it first"
        return ImportResult(problems=[Problem(name, "", "", message)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        message = f"not UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8 and try again"
        return ImportResult(problems=[Problem(name, "", "", message)])
    if "\x00" in text:
        # UTF-16 without a byte-order mark decodes as UTF-8 with a NUL beside every letter; no text file has NULs.
        message = f"not UTF-8 text (a NUL byte at byte {data.index(0)}: UTF-16 or a binary file); save it as UTF-8"
        return ImportResult(problems=[Problem(name, "", "", message)])
    context = _Context(name, atlas, data)
    if _kind(name, text) == "csv":
        drafts, problems, rows = _csv_drafts(text, context, max_rows)
    else:
        drafts, problems, rows = _json_drafts(text, context, max_rows)
    if problems:
        return ImportResult(problems=[_short(p) for p in problems], rows=rows)
    _join_places(drafts, context)
    result = _finish(drafts, context, rows)
    result.problems = [_short(p) for p in result.problems]
    return result


def _short(problem: Problem) -> Problem:
    def cut(text: str, limit: int) -> str:
        return text if len(text) <= limit else text[: limit - 1] + "…"

    return Problem(problem.file, cut(problem.record, 80), problem.field, cut(problem.message, MAX_MESSAGE))


def _kind(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".json", ".geojson"):
        return "json"
    if suffix == ".csv":
        return "csv"
    return "json" if text.lstrip()[:1] in ("{", "[") else "csv"


def _json_drafts(text: str, context: _Context, max_rows: int) -> tuple[list[_Draft], list[Problem], int]:
    name = context.name
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        return [], [Problem(name, "", "", f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}")], 0
    except (ValueError, RecursionError) as e:  # numbers with too many digits; nesting deeper than Python's stack
        return [], [Problem(name, "", "", f"malformed JSON: {str(e) or type(e).__name__}")], 0
    is_geojson = isinstance(document, dict) and document.get("type") in ("FeatureCollection", "Feature")
    if is_geojson:
        crs = check_crs(document, name)
        if crs:
            return [], crs, 0
        items = document.get("features") if document["type"] == "FeatureCollection" else [document]
        key = "features"
    else:
        items = document.get("events") if isinstance(document, dict) else document
        key = "events"
    if not isinstance(items, list):
        expected = (
            'a GeoJSON FeatureCollection with a "features" list'
            if is_geojson or Path(name).suffix.lower() == ".geojson"
            else '{"events": [...]}, a list of events, or a GeoJSON FeatureCollection'
        )
        return [], [Problem(name, "", key, f"expected {expected}")], 0
    if len(items) > max_rows:
        return [], [_too_many(name, len(items), max_rows)], len(items)
    make = _feature_draft if is_geojson else _record_draft
    return [make(item, index, context) for index, item in enumerate(items)], [], len(items)


def _too_many(name: str, rows: int, max_rows: int) -> Problem:
    message = f"{rows:,} rows or more; the limit is {max_rows:,} - split the file or filter it by date or country first"
    return Problem(name, "", "", message)


def _record_draft(item: Any, index: int, context: _Context) -> _Draft:
    draft = _Draft(record_label(item, index), {})
    if not isinstance(item, dict):
        context.problem(draft, "", f"an event must be an object, not {type(item).__name__}")
        return draft
    draft.raw = clean_text(item)
    _own_fields(draft, context)
    return draft


def _feature_draft(item: Any, index: int, context: _Context) -> _Draft:
    properties = item.get("properties") if isinstance(item, dict) else None
    draft = _Draft(record_label(properties if isinstance(properties, dict) else item, index), {})
    if not isinstance(item, dict) or item.get("type") != "Feature":
        context.problem(draft, "", "expected a GeoJSON Feature")
        return draft
    if not isinstance(properties, dict):
        context.problem(draft, "properties", "a Feature needs properties holding the event fields")
        return draft
    # Files from GIS tools carry their own properties (styling, layer names): only event fields are read.
    raw = {k: v for k, v in clean_text(properties).items() if k in _EVENT_FIELDS}
    if "id" not in raw and isinstance(item.get("id"), str):
        raw["id"] = clean_text(item["id"])
    geometry = item.get("geometry")
    if properties.get(LOCATED_BY) == "places" or "location" in raw:
        # The GeoJSON export draws an event without a location of its own on its places: that point is not the
        # event's. An event's own `location` is kept exactly, not as the 6-decimal point drawn for it.
        geometry = None
    if geometry is not None:
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
            context.problem(draft, "geometry", f"only Point geometries are imported, not {kind!r}")
        elif not isinstance(coordinates, list) or len(coordinates) < 2:
            context.problem(draft, "geometry", "a Point needs [longitude, latitude] coordinates")
        else:
            raw["location"] = coordinates[:2]
    draft.raw = raw
    _own_fields(draft, context)
    return draft


def _own_fields(draft: _Draft, context: _Context) -> None:
    """Fill the optional lists, turn inline or free-text sources into ad-hoc ones, resolve place names."""
    raw = draft.raw
    raw.setdefault("date_precision", "day")
    raw.setdefault("agreements", [])
    raw.setdefault("actors", [])
    source = raw.get("source")
    if isinstance(source, dict):
        raw["source"] = _inline_source(source, draft, context)
    elif isinstance(source, str) and source.strip() and source not in context.atlas.sources and not SLUG.match(source):
        raw["source"] = context.source_id(source.strip(), source.strip())
    places = raw.get("places")
    if isinstance(places, list) and all(isinstance(p, str) for p in places):
        raw["places"] = _resolve_places(places, "places", draft, context)
    elif places is None:
        raw["places"] = []


def _inline_source(source: dict[str, Any], draft: _Draft, context: _Context) -> str | None:
    """An inline {publisher, title, date?, url?} source as an ad-hoc source id, or None with the problems noted.

    A whole source record, as the GeoJSON export writes it, names a source of the atlas by its id; when the atlas
    does not have it (it was made by an earlier import), it is made again from its publisher, title, date and url.
    """
    if isinstance(source.get("id"), str) and source["id"] in context.atlas.sources:
        return source["id"]
    before = len(draft.problems)
    for key in ("publisher", "title"):
        if not isinstance(source.get(key), str) or not source[key].strip():
            context.problem(draft, f"source.{key}", "an inline source needs a publisher and a title (text)")
    unknown = sorted(set(source) - {"publisher", "title", "date", "url"} - _SOURCE_RECORD_ONLY)
    if unknown:
        context.problem(draft, "source", f"an inline source has publisher, title, date and url, not {unknown}")
    date = source.get("date")
    parsed = parse_date(date) if date is not None else None
    if isinstance(parsed, str):
        context.problem(draft, "source.date", parsed)
    url = source.get("url")
    if url is not None and not _web_url(url):
        context.problem(draft, "source.url", f"{url!r} is not an http(s) address")
    if len(draft.problems) > before:
        return None
    return context.source_id(source["publisher"].strip(), source["title"].strip(), date, url)


def _web_url(url: Any) -> bool:
    # Only http(s): a javascript: or data: address would run when the link is clicked, escaped or not.
    # No spaces, quotes, angle brackets or backslashes: they could end a link early wherever it is written out.
    return isinstance(url, str) and _WEB_URL.fullmatch(url) is not None


def _resolve_places(
    names: list[str], field_name: str, draft: _Draft, context: _Context, hint: bool = True
) -> list[str]:
    ids = []
    unknown = 0
    for text in (n.strip() for n in names):
        if not text:
            continue
        place, why = context.resolve_place(text, hint)
        if place is None:
            unknown += 1
            if unknown <= MAX_PROBLEMS_PER_FIELD:
                context.problem(draft, field_name, why)
        elif place not in ids:
            ids.append(place)
    if unknown > MAX_PROBLEMS_PER_FIELD:
        context.problem(draft, field_name, f"and {unknown - MAX_PROBLEMS_PER_FIELD:,} more names that are not places")
    return ids


def _csv_drafts(text: str, context: _Context, max_rows: int) -> tuple[list[_Draft], list[Problem], int]:
    name = context.name
    if not text.strip():
        return [], [Problem(name, "", "", "the file is empty; expected a header row and one event per row")], 0
    first_line = text.lstrip().split("\n", 1)[0]
    # Spreadsheets in many locales save with ";" or tabs; lists inside cells then need quoting.
    delimiter = max((",", ";", "\t"), key=first_line.count) if "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    last_start = 1  # the line the last record read starts on
    try:
        header = [_CONTROL.sub("", h).strip().lower() for h in next(reader, [])]
        # Rows are numbered as a spreadsheet shows them below the header, blank ones included; blank ones are skipped.
        next_start = reader.line_num + 1
        for number, cells in enumerate(reader, start=1):
            last_start, next_start = next_start, reader.line_num + 1
            if any(c.strip() for c in cells):
                rows.append((number, cells))
                if len(rows) > max_rows:
                    return [], [_too_many(name, len(rows), max_rows)], len(rows)
    except csv.Error as e:
        if "field limit" in str(e):  # the csv module's own cap on a cell
            message = f"line {reader.line_num} has a cell longer than {csv.field_size_limit():,} characters; shorten it"
        else:
            message = f"malformed CSV at line {reader.line_num}: {e}"
        return [], [Problem(name, "", "", message)], len(rows)
    if _quote_left_open(text, last_start, delimiter):
        record = f"row {rows[-1][0]}" if rows else "header"
        message = f"a quote opened on line {last_start} is never closed, so the rest of the file would be one cell"
        return [], [Problem(name, record, "", message)], len(rows)
    columns = {key: next((header.index(a) for a in aliases if a in header), None) for key, aliases in _COLUMNS.items()}
    context.dataset = (
        "ucdp" if "date_start" in header else "acled" if {"event_id_cnty", "time_precision"} & set(header) else None
    )
    missing = _missing_columns(columns)
    if missing:
        found = ", ".join(h for h in header if h) or "none"
        return [], [Problem(name, "", "", f"{missing} (columns found: {found})")], len(rows)
    drafts = []
    for number, cells in rows:
        if len(cells) > len(header):
            draft = _Draft(f"row {number}", {})
            context.problem(draft, "", f"{len(cells)} cells but the header has {len(header)} columns")
            drafts.append(draft)
            continue
        values = {
            key: _CONTROL.sub("", restore_cell(cells[i])).strip()
            for key, i in columns.items()
            if i is not None and i < len(cells)
        }
        drafts.append(_row_draft(number, {k: v for k, v in values.items() if v}, context))
    return drafts, [], len(rows)


def _quote_left_open(text: str, start_line: int, delimiter: str) -> bool:
    """Whether the record starting on `start_line` opens a quote that the file never closes.

    The csv module, when not strict, ends such a cell at the end of the file: the last record swallows every row
    below it. Only that record is read again, strictly: strict everywhere would also refuse `"Lachin" district`.
    """
    tail = "".join(io.StringIO(text, newline="").readlines()[start_line - 1 :])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as e:
        return "unexpected end of data" in str(e)
    return False


def _missing_columns(columns: dict[str, int | None]) -> str:
    needs = []
    if columns["date"] is None:
        needs.append("a date column (date or event_date)")
    if columns["title"] is None and columns["summary"] is None and columns["side_a"] is None:
        needs.append("a title, summary or notes column")
    has_coordinates = columns["latitude"] is not None and columns["longitude"] is not None
    if columns["places"] is None and columns["location"] is None and not has_coordinates:
        needs.append("a places or location column, or latitude and longitude")
    return "the CSV needs " + " and ".join(needs) if needs else ""


def _row_draft(number: int, values: dict[str, str], context: _Context) -> _Draft:
    """One CSV row as a raw event record, with the problems found mapping it."""
    draft = _Draft(f"row {number}", {})
    raw: dict[str, Any] = {}
    date = _csv_date(values.get("date", ""))
    if isinstance(date, str):
        context.problem(draft, "date", date)
    precision = values.get("date_precision", "day").lower()
    precision = _DATE_PRECISION[context.dataset].get(precision, precision)
    if precision not in DATE_PRECISIONS:
        context.problem(draft, "date_precision", f"{precision!r} is not one of {', '.join(DATE_PRECISIONS)}")
    if isinstance(date, dt.date):
        # The schema keeps a month-precise date on the first of its month.
        raw["date"] = (date.replace(day=1) if precision == "month" else date).isoformat()
    raw["date_precision"] = precision
    end = _csv_date(values.get("date_end", ""))
    if isinstance(date, dt.date) and isinstance(end, dt.date) and end != date:
        raw["date_note"] = f"between {date.isoformat()} and {end.isoformat()}"
    slug = _slug(values.get("id", ""))
    if context.dataset and slug:
        raw["external_id"] = f"{context.dataset}:{values['id']}"
        slug = _slug(f"{context.dataset}-{values['id']}") if context.dataset == "ucdp" else slug
    elif values.get("external_id"):  # the Events CSV carries it for events that came from a public dataset
        raw["external_id"] = values["external_id"]
    raw["id"] = slug or (
        context.generated_id(raw["date"], "row", number) if "date" in raw else context.generated_id("row", number)
    )
    code = values.get("location_precision", "").lower()
    located = _LOCATION_PRECISION[context.dataset].get(code, code) if code else None
    if code and located is None:  # only the country is known: its centre would put the event in the wrong place
        values = {k: v for k, v in values.items() if k not in ("latitude", "longitude")}
    elif located and located not in LOCATION_PRECISIONS:
        message = f"{code!r} is not a location precision ({', '.join(LOCATION_PRECISIONS)})"
        context.problem(draft, "location_precision", message)
    summary = values.get("summary") or values.get("title", "") or _sides_summary(values)
    raw["title"] = values.get("title") or _title_from(summary)
    raw["summary"] = summary
    if not summary:
        context.problem(draft, "summary", "each row needs a title or notes")
    for key in ("date_note", "deadline", "end_date"):
        if values.get(key):
            raw[key] = values[key]
    for key in ("deadline", "end_date"):
        if key in raw:
            parsed = _csv_date(raw[key])
            raw[key] = parsed.isoformat() if isinstance(parsed, dt.date) else raw[key]
    raw["agreements"] = (
        _csv_tie_records(values["agreement_ties"], draft, context)
        if values.get("agreement_ties")
        else _csv_ties(values.get("agreements", ""), draft, context)
    )
    raw["actors"] = [_csv_actor(a) for a in _split(values.get("actors", ""))] or [
        {"name": values[side]} for side in ("side_a", "side_b") if side in values
    ]
    location, places = _csv_location(values, draft, context)
    if location:
        raw["location"] = location
        if located:
            raw["location_precision"] = located
    raw["places"] = places
    source = values.get("source", "")
    publisher, title = values.get("source_publisher"), values.get("source_title")
    url = values.get("source_url")
    if url is not None and not _web_url(url):
        context.problem(draft, "source_url", f"{url!r} is not an http(s) address")
    if source in context.atlas.sources:
        raw["source"] = source
    elif publisher and title:  # the Events CSV: a source this atlas does not have is made again from its details
        raw["source"] = context.source_id(publisher, title, values.get("source_date"), url)
    elif not source:
        context.problem(draft, "source", "each row needs a source: a source id, or who reported it")
    elif SLUG.match(source) and url is None:
        raw["source"] = source
    else:
        raw["source"] = context.source_id(source, title or source, None, url)
    draft.raw = raw
    return draft


def _sides_summary(values: dict[str, str]) -> str:
    """UCDP GED rows have no notes: who fought whom, the deaths (UCDP's best estimate), and where, as text."""
    sides = " – ".join(values[side] for side in ("side_a", "side_b") if side in values)
    if not sides:
        return ""
    where = f", {values['location']}" if "location" in values else ""
    deaths = f" {values['deaths']} deaths (best estimate)." if "deaths" in values else ""
    return f"{sides}{where}.{deaths}"


def _csv_location(values: dict[str, str], draft: _Draft, context: _Context) -> tuple[list[float] | None, list[str]]:
    """[lon, lat] from latitude/longitude (or a "lon, lat" location cell) and the places the row names."""
    location = None
    lat, lon = values.get("latitude"), values.get("longitude")
    location_cell = values.get("location", "")
    pair = _LON_LAT.fullmatch(location_cell)
    if pair and lat is None and lon is None:  # the own-format CSV writes location as "lon, lat"
        lon, lat = pair.groups()
        location_cell = ""
    if (lat is None) != (lon is None):
        context.problem(draft, "latitude" if lat is None else "longitude", "latitude and longitude come together")
    elif lat is not None and lon is not None:
        location = _coordinates(lat, lon, draft, context)
    places = _resolve_places(_split(values.get("places", "")), "places", draft, context)
    if location_cell:
        named = _Draft(draft.label, {})
        found = _resolve_places(_split(location_cell), "location", named, context, hint=location is None)
        places += [p for p in found if p not in places]
        # A conflict export's location is often a village the atlas does not map; its coordinates then place it.
        if named.problems and not (location and not found):
            draft.problems.extend(named.problems)
    return location, places


def _coordinates(lat: str, lon: str, draft: _Draft, context: _Context) -> list[float] | None:
    try:
        lat_f, lon_f = float(lat), float(lon)
    except ValueError:
        bad, key = (lat, "latitude") if not _is_number(lat) else (lon, "longitude")
        context.problem(draft, key, f"{bad!r} is not a number")
        return None
    if not (math.isfinite(lat_f) and -90 <= lat_f <= 90):
        context.problem(draft, "latitude", f"{lat!r} is not a latitude (-90 to 90)")
        return None
    if not (math.isfinite(lon_f) and -180 <= lon_f <= 180):
        context.problem(draft, "longitude", f"{lon!r} is not a longitude (-180 to 180)")
        return None
    return [lon_f, lat_f]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv_date(text: str) -> dt.date | str:
    """A date written YYYY-MM-DD or "DD Month YYYY" (English month, full or short), or why it is not one."""
    if not text:
        return "missing date"
    # UCDP GED writes dates as timestamps at midnight ("2020-10-01 00:00:00.000"); the day is what counts.
    text = re.sub(r"^(\d{4}-\d{2}-\d{2})[ T]00:00(:00(\.0+)?)?$", r"\1", text.strip())
    match = _DAY_MONTH_YEAR.match(text.strip())
    if not match:
        parsed = parse_date(text.strip())
        if isinstance(parsed, dt.date) or "real date" in parsed:
            return parsed
        return f"{text!r} is not a date (YYYY-MM-DD or 10 November 2020)"
    day, month, year = match.groups()
    if month.lower() not in MONTHS:
        return f"{text!r} is not a date: unknown month {month!r}"
    try:
        return dt.date(int(year), MONTHS[month.lower()], int(day))
    except ValueError as e:
        return f"{text!r} is not a real date ({e})"


def _csv_ties(cell: str, draft: _Draft, context: _Context) -> list[dict[str, Any]]:
    """Agreements written "statement-2020-11-10:1,6; brussels-2021-12-14": id, then optional articles after ":"."""
    ties = []
    for part in _split(cell):
        agreement, _, articles = part.partition(":")
        numbers = [a for a in re.split(r"[\s,+]+", articles) if a]
        bad = [a for a in numbers if not a.isdigit()]
        if bad:
            context.problem(draft, "agreements", f"{part!r}: articles are numbers, as in statement-2020-11-10:1,6")
        ties.append({"id": agreement.strip(), "articles": [a for a in numbers if a.isdigit()]})
    return ties


def _csv_tie_records(cell: str, draft: _Draft, context: _Context) -> list[Any]:
    """Ties written whole as a JSON list, as the Events CSV's `agreement_ties` column has them; the schema checks
    each record."""
    try:
        ties = json.loads(cell)
    except json.JSONDecodeError as e:
        context.problem(draft, "agreement_ties", f"not JSON ({e.msg} at character {e.pos})")
        return []
    if not isinstance(ties, list):
        context.problem(draft, "agreement_ties", "a JSON list of ties, as the Events CSV writes it")
        return []
    return ties


def _csv_actor(text: str) -> dict[str, str]:
    """ "Ilham Aliyev (President of Azerbaijan)" -> name and role: the role is the bracketed group that closes the
    cell, which may hold brackets of its own ("… (Artsakh))"); without one, a name only."""
    if text.endswith(")"):
        depth = 0
        for opening in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[opening], 0)
            if depth == 0:
                name, role = text[:opening].strip(), text[opening + 1 : -1].strip()
                if name and role:
                    return {"name": name, "role": role}
                break
    return {"name": text}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") if text else ""


def _title_from(summary: str) -> str:
    """The first sentence of `summary` when short enough, else its first words up to TITLE_LENGTH and an ellipsis."""
    sentence = re.split(r"(?<=[.!?])\s", summary, maxsplit=1)[0]
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = summary[:TITLE_LENGTH].rsplit(" ", 1)[0] or summary[:TITLE_LENGTH]
    return cut.rstrip(" ,;:") + "…"


# ---- places from coordinates --------------------------------------------------------------------------------------


def _valid_location(location: Any) -> bool:
    return (
        isinstance(location, list)
        and len(location) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in location)
        and -180 <= location[0] <= 180
        and -90 <= location[1] <= 90
    )


def _join_places(drafts: list[_Draft], context: _Context) -> None:
    """Give each event with coordinates and no places the smallest atlas polygon its point lies within.

    Corridors drawn as lines are never joined to.
    """
    waiting = [
        d for d in drafts if not d.problems and not d.raw.get("places") and _valid_location(d.raw.get("location"))
    ]
    if not waiting:
        return
    lon, lat = np.array([d.raw["location"] for d in waiting], dtype=float).T
    for draft, place_id in zip(waiting, PlaceIndex(context.atlas.places.values()).assign(lon, lat), strict=True):
        if place_id:
            draft.raw["places"] = [place_id]


# ---- checking and building the events -----------------------------------------------------------------------------


def _finish(drafts: list[_Draft], context: _Context, rows: int) -> ImportResult:
    atlas = context.atlas
    catalogue = Catalogue(
        sources={**atlas.sources, **{s.id: s for s in context.adhoc.values()}},
        agreements=atlas.agreements,
        places=atlas.places,
    )
    taken = {e.id for e in atlas.events}
    result = ImportResult(rows=rows)
    for draft in drafts:
        problems = draft.problems or _check(draft, context)
        if problems:
            result.problems.extend(problems)
            continue
        event, problems = parse_event(draft.raw, catalogue, context.name, draft.label)
        if event is None:
            result.problems.extend(problems)
        elif event.id in taken:
            where = "the atlas" if any(e.id == event.id for e in atlas.events) else "an earlier row"
            result.problems.append(Problem(context.name, draft.label, "id", f'id "{event.id}" is already in {where}'))
        else:
            taken.add(event.id)
            result.events.append(event)
    return result


def _check(draft: _Draft, context: _Context) -> list[Problem]:
    """Schema problems of one raw record, then the rule that every event has a place."""
    problems = [
        Problem(context.name, draft.label, p.field, p.message)
        for p in check_schema({"events": [draft.raw]}, "events", context.name, "events")
    ]
    if problems:
        return problems
    problems = context.source_problems(draft)
    if problems or draft.raw["places"]:
        return problems
    location = draft.raw.get("location")
    if location and _valid_location(location):
        lon, lat = location
        nearest = context.nearest_place(location)
        message = f"[{lon}, {lat}] is not inside any place of the atlas{nearest}; give places or a location name"
        return [Problem(context.name, draft.label, "location", message)]
    if location:
        return []  # parse_event reports the bad pair itself
    if draft.raw.get("agreements"):
        return []  # shown under its agreements, like a shipped event that names no place (a transit deal)
    message = "no place and no agreement: give places, a location name, coordinates or an agreement"
    return [Problem(context.name, draft.label, "places", message)]


# ---- using the result ---------------------------------------------------------------------------------------------


def merged(atlas: Atlas, events: list[Event]) -> Atlas:
    """A new Atlas with `events` added (and their ad-hoc sources); `atlas` itself is left as it was."""
    known = {e.id for e in atlas.events}
    added = [e for e in events if e.id not in known]
    sources = {**atlas.sources, **{e.source.id: e.source for e in added if e.source.id not in atlas.sources}}
    everything = tuple(sorted((*atlas.events, *added), key=lambda e: (e.date, e.id)))
    return dataclasses.replace(atlas, events=everything, sources=sources)


def main_import(argv: list[str]) -> int:
    """`python -m geo import FILE [--json] [--data-dir DIR]`: 0 all good, 1 problems, 2 the file cannot be read."""
    parser = argparse.ArgumentParser(
        prog="python -m geo import",
        description="Check an events file (CSV, JSON, GeoJSON) against the atlas and report what would be imported."
        " Nothing is written.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print events and problems as JSON")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)
    try:
        with args.file.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # enough to know it is over the limit without reading all of it
    except OSError as e:
        print(f"cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    atlas = load_atlas(args.data_dir)
    result = import_events(args.file.name, data, atlas)
    if args.json:
        payload = {
            "events": [event.as_json() for event in result.events],
            "problems": [dataclasses.asdict(p) for p in result.problems],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{args.file.name}: {len(result.events)} of {result.rows} row(s) would be imported")
        for event in result.events:
            print(f"{event.date.isoformat()}  {event.id:<40}  {','.join(event.places):<20}  {event.title}")
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.problems:
            print(f"{len(result.problems)} problem(s) in {args.file.name}", file=sys.stderr)
    return 1 if result.problems else 0


__all__ = ["MAX_BYTES", "MAX_ROWS", "ImportResult", "clean_text", "import_events", "main_import", "merged"]
