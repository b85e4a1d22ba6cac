"""Drafts finished into Events: places joined from coordinates, then every draft checked (schema, source, the rule
that every event has a place) and built by the loader's own `parse_event`, ids unique against the atlas."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from geo.importer.context import _Context, _Draft
from geo.load import Catalogue, parse_event
from geo.model import Event
from geo.query import PlaceIndex
from geo.validate import Problem, check_schema


@dataclass
class ImportResult:
    """What a file would add: the events that passed every check, every problem found, and how many rows were read."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0


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
