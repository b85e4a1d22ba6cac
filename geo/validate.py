"""Checks on the data files: schema, dates, geometry, cross-references. Each finds every problem at once."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema
import shapely
from shapely.geometry import shape

from geo import paths
from geo.model import ControlPeriod, StatusChange

SCHEMA_DIR = paths.data_dir() / "schema"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Geometry types geo/mapping.py draws (areas as polygons, corridors as lines, towns as points); a place of any other
# type would load and then be missing from the map, or break it.
DRAWABLE_GEOMETRIES = ("Polygon", "MultiPolygon", "Point", "LineString", "MultiLineString")
# Names of the CRS that RFC 7946 allows; any other `crs` member means the coordinates are not lon/lat.
WGS84_CRS_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "CRS84"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, said so a person can find and fix it."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file} record {self.record}" if self.record else self.file
        return f"{where}, field {self.field!r}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """The data could not be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def record_label(item: Any, index: int, key: str = "id") -> str:
    """How a record is named in messages: its id when it has one, else its position."""
    if isinstance(item, dict) and isinstance(item.get(key), str) and item[key]:
        return f'"{item[key]}"'
    return f"#{index + 1}"


def did_you_mean(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f' (did you mean "{close[0]}"?)' if close else ""


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    """The validator of data/schema/<name>.schema.json, made once: the importer checks every row with it."""
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_schema(document: Any, schema_name: str, file: str, records_key: str) -> list[Problem]:
    """Schema problems in `document`, each tied to the record (item of `records_key`) it is in."""
    problems = []
    for error in sorted(_validator(schema_name).iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        record, field = "", ""
        if len(path) >= 2 and path[0] == records_key and isinstance(path[1], int):
            record = record_label(document[records_key][path[1]], path[1])
            field = ".".join(str(p) for p in path[2:])
        elif path:
            field = ".".join(str(p) for p in path)
        if error.validator == "required":
            missing = re.findall(r"'([^']+)' is a required property", error.message)
            field = ".".join(filter(None, [field, *missing]))
            message = "missing required field"
        else:
            message = error.message
        problems.append(Problem(file, record, field, message))
    return problems


def parse_date(value: Any) -> dt.date | str:
    """The date in `value` (YYYY-MM-DD), or a message saying why it is not one."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return f"{value!r} is not a date in the form YYYY-MM-DD"
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        return f"{value!r} is not a real date ({e})"


def duplicate_ids(items: list[Any], file: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str):
            if ident in seen:
                yield Problem(file, f"#{index + 1}", "id", f'duplicate id "{ident}"')
            seen.add(ident)


def check_crs(document: dict[str, Any], file: str) -> list[Problem]:
    """A problem when the document's `crs` member (from the 2008 GeoJSON draft) names anything but WGS84 lon/lat."""
    crs = document.get("crs")
    if crs is None:
        return []
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    if not isinstance(name, str):
        example = '{"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}'
        return [Problem(file, "", "crs", f"crs must be an object like {example}, not {crs!r}; or leave it out")]
    if name in WGS84_CRS_NAMES:
        return []
    return [Problem(file, "", "crs", f"coordinates must be WGS84 lon/lat (RFC 7946), not {name!r}")]


def geometry_problem(geometry: Any) -> tuple[Any, str | None]:
    """The shapely geometry of a GeoJSON geometry, and what is wrong with it (None when nothing)."""
    try:
        geom = shape(geometry)
    except Exception as e:  # shapely raises several types for malformed coordinates
        return None, f"malformed geometry ({e})"
    if geom.is_empty:
        return geom, "empty geometry"
    if geom.geom_type not in DRAWABLE_GEOMETRIES:
        return geom, f"the map cannot draw a {geom.geom_type}; use one of {', '.join(DRAWABLE_GEOMETRIES)}"
    xmin, ymin, xmax, ymax = geom.bounds
    if xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90:
        return geom, (
            f"coordinates ({xmin:.0f}, {ymin:.0f}) - ({xmax:.0f}, {ymax:.0f}) are not WGS84 lon/lat;"
            " reproject to EPSG:4326"
        )
    if not geom.is_valid:
        return geom, f"invalid geometry: {shapely.is_valid_reason(geom)}"
    return geom, None


def check_ties(
    ties: list[dict[str, Any]], agreements: dict[str, Any], file: str, record: str, field: str = "agreements"
) -> list[Problem]:
    """Unknown agreement ids, and articles the agreement does not have."""
    problems = []
    for tie in ties:
        agreement = agreements.get(tie["id"])
        if agreement is None:
            message = f'unknown agreement id "{tie["id"]}"{did_you_mean(tie["id"], agreements)}'
            problems.append(Problem(file, record, field, message))
            continue
        for article in tie.get("articles", ()):
            if article not in agreement.articles:
                message = f"{tie['id']} has no article {article} (it has {', '.join(agreement.articles)})"
                problems.append(Problem(file, record, field, message))
    return problems


def check_ids(
    ids: list[str], known: Collection[str], kind: str, file: str, record: str, field: str, suggest: bool = True
) -> list[Problem]:
    """Ids of `ids` that are not in `known`, each a Problem (with a "did you mean" when `suggest`).

    `known` is looked into, never listed, unless an id is missing: the importer checks every row against all the
    sources made so far, and listing them each time made 50,000 rows quadratic.
    """
    return [
        Problem(file, record, field, f'unknown {kind} id "{i}"{did_you_mean(i, known) if suggest else ""}')
        for i in ids
        if i not in known
    ]


def check_tie_kinds(ties: list[dict[str, Any]], file: str, record: str, field: str = "agreements") -> list[Problem]:
    """Ties without a `kind`: the shipped data says of every tie whether the text names it or it is inferred."""
    return [
        Problem(file, record, field, f'tie to "{tie["id"]}" has no kind (named or inferred)')
        for tie in ties
        if "kind" not in tie
    ]


def check_kind_geometry(kind: str, geometry: Any, file: str, record: str) -> list[Problem]:
    """A point kind drawn as a polygon, or an area as a line: the map would draw it wrongly."""
    from geo.model import KIND_GEOMETRIES

    allowed = KIND_GEOMETRIES.get(kind, ())
    if geometry is None or geometry.geom_type in allowed:
        return []
    return [Problem(file, record, "geometry", f"a {kind} must be a {' or '.join(allowed)}, not a {geometry.geom_type}")]


def check_range(date: Any, precision: str, end_date: Any, file: str, record: str) -> list[Problem]:
    """A range needs an end on or after its start; other precisions have no end."""
    if precision == "range" and end_date is None:
        return [Problem(file, record, "end_date", "a range needs an end_date")]
    if precision != "range" and end_date is not None:
        return [
            Problem(file, record, "end_date", f'an end_date only goes with date_precision "range", not {precision!r}')
        ]
    if date and end_date and end_date < date:
        return [Problem(file, record, "end_date", f"{end_date} is before the start {date}")]
    return []


def check_control(
    periods: Sequence[ControlPeriod],
    exists_from: dt.date | None,
    exists_until: dt.date | None,
    sources: Iterable[str],
    file: str,
    record: str,
) -> list[Problem]:
    """A control history that reads as one timeline: oldest first, each period running until the next one starts
    (so no gap and no overlap can be written), `until` only to end the last period of a place that ceased to exist,
    within the place's own lifetime, every source known."""
    problems = []
    sources = list(sources)
    field = "control"
    for index, period in enumerate(periods):
        here = f"{field}[{index}]"
        for source in (period.source, *period.also_sources):
            if source not in sources:
                problems.append(
                    Problem(file, record, here, f'unknown source id "{source}"{did_you_mean(source, sources)}')
                )
        if index and period.start <= periods[index - 1].start:
            problems.append(
                Problem(
                    file,
                    record,
                    here,
                    f"starts {period.start}, not after the period before it ({periods[index - 1].start}):"
                    " periods overlap or are out of order",
                )
            )
        if period.until is not None:
            if index != len(periods) - 1:
                problems.append(Problem(file, record, here, "only the last period may have an `until`"))
            elif exists_until is None:
                problems.append(
                    Problem(file, record, here, "`until` is for a place that ceased to exist: set exists.until")
                )
            elif period.until != exists_until:
                problems.append(
                    Problem(file, record, here, f"until {period.until} differs from exists.until {exists_until}")
                )
            if period.until < period.start:
                problems.append(Problem(file, record, here, f"until {period.until} is before its start {period.start}"))
        if exists_from and period.start < exists_from:
            problems.append(
                Problem(file, record, here, f"starts {period.start}, before the place existed ({exists_from})")
            )
        if exists_until and period.start > exists_until:
            problems.append(
                Problem(file, record, here, f"starts {period.start}, after the place ended ({exists_until})")
            )
    if periods and exists_until and periods[-1].until is None:
        problems.append(
            Problem(
                file,
                record,
                f"{field}[{len(periods) - 1}]",
                f"the place ended {exists_until}: the last period needs that `until`",
            )
        )
    return problems


def check_history(
    history: Sequence[StatusChange],
    agreement_date: dt.date | None,
    events: Collection[str] | None,
    sources: Collection[str],
    file: str,
    record: str,
) -> list[Problem]:
    """A commitment's status history that reads as one timeline: oldest first (entries of one day in the order they
    happened), none before the agreement was made, every change backed by a known event and source, and a `disputed`
    entry giving the accounts of at least two sides. `events` None skips the
    event check (the events file could not be read, and says so itself)."""
    problems = []
    for index, change in enumerate(history):
        here = f"history[{index}]"
        if index and change.date < history[index - 1].date:
            message = f"{change.date} is listed after {history[index - 1].date}: the history must be in date order"
            problems.append(Problem(file, record, here, message))
        if index == 0 and agreement_date and change.date < agreement_date:
            message = f"starts {change.date}, before the agreement was made ({agreement_date})"
            problems.append(Problem(file, record, here, message))
        if events is not None:
            problems.extend(check_ids([change.event], events, "event", file, record, f"{here}.event"))
        problems.extend(check_ids([change.source], sources, "source", file, record, f"{here}.source"))
        sides = {account.side for account in change.accounts}
        if change.status == "disputed" and len(sides) < 2:
            message = "a disputed status needs the accounts of at least two sides (the atlas does not rule)"
            problems.append(Problem(file, record, f"{here}.accounts", message))
    return problems
