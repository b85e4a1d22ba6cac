"""JSON and GeoJSON files to drafts: event records as in data/events.json, features whose properties are event
fields, and inline sources made into ad-hoc ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geo.export import LOCATED_BY
from geo.importer.context import _Context, _Draft, _resolve_places, _too_many
from geo.importer.text import SLUG, _web_url, clean_text
from geo.validate import Problem, check_crs, parse_date, record_label

# Fields of a source record (data/sources.json, the GeoJSON export) that an ad-hoc source does not keep.
_SOURCE_RECORD_ONLY = frozenset(("id", "kind", "licence", "attribution"))
_EVENT_FIELDS = frozenset(
    (
        "id date date_precision end_date date_note deadline title summary places agreements actors source location"
        " location_precision external_id"
    ).split()
)


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
