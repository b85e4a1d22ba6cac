"""CSV files to drafts: the column mapping (the Events CSV's own columns, then ACLED's and UCDP GED's), their
precision codes, and each row drafted as a raw event record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from typing import Any

from geo.dates import MONTHS
from geo.export import CSV_COLUMNS, restore_cell
from geo.gazetteer import fold
from geo.importer.context import _Context, _Draft, _resolve_places, _too_many
from geo.importer.text import _CONTROL, SLUG, _web_url
from geo.model import DATE_PRECISIONS, LOCATION_PRECISIONS
from geo.validate import Problem, parse_date

# Titles made from the first words of `notes` stop near here, the length of the longest shipped titles.
TITLE_LENGTH = 80
# The patterns below read cells of up to 5 MB, so none may try a run of characters more than one way: runs of spaces
# are matched whole (possessive `*+`, `++`).
_LON_LAT = re.compile(r"\s*+(-?[\d.]++)(?:\s*+[,;]|\s)\s*+(-?[\d.]++)\s*+")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ \-/]([A-Za-z]+)\.?,?[ \-/](\d{4})$")
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


def csv_columns_read() -> set[str]:
    """Every CSV column name the importer reads."""
    return {name for aliases in _COLUMNS.values() for name in aliases}


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
