"""Bring your own events: CSV, JSON and GeoJSON files -> checked Events, and every problem, row by row.

Pure: no streamlit, no folium, no writes. Nothing here changes the atlas it is given or any file on disk; the caller
decides what to do with the events (`merged` returns a new Atlas with them added).

Three shapes are read, each mapped onto the project's own event record (data/schema/events.schema.json) and then
checked by the same `parse_event` the loader uses, so an imported event obeys the same rules as a shipped one:

- JSON: {"events": [...]} or a bare list of event records, as in data/events.json.
- GeoJSON: a FeatureCollection (or one Feature) whose properties are event fields; a Point geometry is `location`.
- CSV: one event per row. Columns are event fields (lists separated by ";") or conflict-data style columns
  (`event_date`, `latitude`, `longitude`, `location`, `notes`, `source`, ...), as ACLED and UCDP GED export them;
  see `csv_rows._COLUMNS` and the README.

Places may be given by id or by any spelling of a name; when an event names no place, its coordinates are joined to
the smallest atlas polygon containing them. An event must end up with at least one place: the map shows events
through their places, so a point outside every place is reported rather than imported unseen.

Text from the file is kept as written (the UI escapes it when drawing), except that control characters are removed.

One job per module; this one decodes a file, hands it to the reader of its kind, and merges events into an atlas:
- `text`         — text as kept from a file: control characters removed, web addresses, slugs;
- `context`      — what the rows of one file share: ad-hoc sources made so far, place resolution, "did you mean";
- `csv_rows`     — CSV reading and row drafting: the column mapping of the Events CSV, ACLED and UCDP GED;
- `json_records` — JSON and GeoJSON records and features to drafts, inline sources;
- `checks`       — places from coordinates, then every draft checked and built into an Event;
- `cli`          — `python -m geo import FILE`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from geo.importer.checks import ImportResult, _finish, _join_places
from geo.importer.context import MAX_PROBLEMS_PER_FIELD, MAX_SUGGESTIONS, _Context
from geo.importer.csv_rows import TITLE_LENGTH, _csv_drafts, csv_columns_read
from geo.importer.json_records import _json_drafts
from geo.importer.text import clean_text
from geo.model import Atlas, Event
from geo.validate import Problem

# The whole file is decoded and parsed in memory inside one Streamlit session. The shipped events.json is 17 kB;
# 5 MB is room for tens of thousands of conflict-data rows while keeping a careless upload from holding the page.
MAX_BYTES = 5 * 1024 * 1024
# Each row is schema-checked and parsed like a shipped event, about 4,000 rows a second (measured on a laptop with
# 100,000 generated conflict rows: 25 s). 50,000 rows keeps an upload under about 12 s, and is far more events than
# one map can show; a bigger file is the wrong extract (filter it by country or date first).
MAX_ROWS = 50_000
# A problem quotes what it found; a 5 MB cell quoted back would bury the report, so messages stop here.
MAX_MESSAGE = 300

__all__ = [
    "MAX_BYTES",
    "MAX_PROBLEMS_PER_FIELD",
    "MAX_ROWS",
    "MAX_SUGGESTIONS",
    "TITLE_LENGTH",
    "ImportResult",
    "clean_text",
    "csv_columns_read",
    "import_events",
    "main_import",
    "merged",
]


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


def merged(atlas: Atlas, events: list[Event]) -> Atlas:
    """A new Atlas with `events` added (and their ad-hoc sources); `atlas` itself is left as it was."""
    known = {e.id for e in atlas.events}
    added = [e for e in events if e.id not in known]
    sources = {**atlas.sources, **{e.source.id: e.source for e in added if e.source.id not in atlas.sources}}
    everything = tuple(sorted((*atlas.events, *added), key=lambda e: (e.date, e.id)))
    return dataclasses.replace(atlas, events=everything, sources=sources)


def main_import(argv: list[str]) -> int:
    """`python -m geo import FILE [--json] [--data-dir DIR]`: 0 all good, 1 problems, 2 the file cannot be read."""
    from geo.importer.cli import main

    return main(argv)
