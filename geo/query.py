"""Pure questions over an Atlas: which events, which places, which place a spelling means, who held what and what
was done on a date. The map and the CLI both ask these, so they answer alike."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import shapely

from geo.gazetteer import fold, gazetteer_of, place_keys
from geo.model import Atlas, Change, Commitment, ControlPeriod, Event, Place, StatusChange

__all__ = ["fold", "place_keys", "search_places"]  # fold and place_keys live in geo.gazetteer

# ~1 km cells: a district's border crosses few of them, so most points are decided by a lookup alone.
GRID_CELL_DEGREES = 0.01
_BORDER_CELL = -2


def search_places(places: Iterable[Place], text: str) -> list[Place]:
    """Places one of whose spellings matches `text`: exact matches first, then prefixes, then substrings."""
    return gazetteer_of(places).search(text)


def shown_by(agreement_ids: tuple[str, ...], wanted: set[str] | None) -> bool:
    """Whether a place or event with these ties shows when the `wanted` agreements are on (None: all are).

    Something tied to no agreement is not hidden by any toggle.
    """
    return wanted is None or not agreement_ids or bool(wanted.intersection(agreement_ids))


def places_for_agreements(atlas: Atlas, agreement_ids: Iterable[str] | None) -> list[Place]:
    """Places shown when `agreement_ids` are on (all places when None), in catalogue order."""
    wanted = None if agreement_ids is None else set(agreement_ids)
    return [p for p in atlas.places.values() if shown_by(p.agreement_ids, wanted)]


def filter_events(
    events: Iterable[Event],
    *,
    place: str | None = None,
    agreements: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    keep_untied: bool = True,
) -> list[Event]:
    """Events matching every given filter, oldest first.

    `agreements` works as in `shown_by`; with `keep_untied=False` only events tied to one of them are kept.
    """
    wanted = None if agreements is None else set(agreements)
    chosen = [
        e
        for e in events
        if (place is None or place in e.places)
        and shown_by(e.agreement_ids, wanted)
        and (keep_untied or wanted is None or e.agreement_ids)
        and (since is None or e.date >= since)
        and (until is None or e.date <= until)
    ]
    return sorted(chosen, key=lambda e: (e.date, e.id))


def control_on(place: Place, date: dt.date) -> ControlPeriod | None:
    """The control period of `place` that holds on `date`: the last one begun by then, None before the first one,
    after the `until` of a place that ceased to exist, or for a place with no history."""
    current = None
    for period in place.control:
        if period.start > date:
            break
        current = period
    if current is not None and current.until is not None and date > current.until:
        return None
    return current


def commitment_change_on(commitment: Commitment, date: dt.date) -> StatusChange | None:
    """The change that set `commitment`'s status on `date`: the last one on or before it (of several on one day, the
    last listed), None before the first (which is never before its agreement was made)."""
    current = None
    for change in commitment.history:
        if change.date > date:
            break
        current = change
    return current


def commitment_status_on(commitment: Commitment, date: dt.date) -> str | None:
    """The status of `commitment` on `date` (one of COMMITMENT_STATUSES), None before the agreement made it."""
    change = commitment_change_on(commitment, date)
    return change.status if change else None


def commitment_evidence(commitment: Commitment, date: dt.date) -> list[str]:
    """The event ids its history rests on up to `date`, oldest first, each once."""
    return list(dict.fromkeys(c.event for c in commitment.history if c.date <= date))


def commitment_on(commitment: Commitment, date: dt.date) -> dict[str, Any] | None:
    """A commitment as it stood on `date` (the CLI's JSON record, the Commitments CSV's row before flattening):
    who, what, where, by when, its status then and since when, and the evidence; None before its agreement made it."""
    change = commitment_change_on(commitment, date)
    if change is None:
        return None
    return {
        "id": commitment.id,
        "agreement": commitment.agreement,
        "article": commitment.article,
        "text": commitment.text,
        "party": commitment.party,
        "places": list(commitment.places),
        "deadline": commitment.deadline.isoformat() if commitment.deadline else None,
        **({"deadline_note": commitment.deadline_note} if commitment.deadline_note else {}),
        "status": change.status,
        "since": change.date.isoformat(),
        "event": change.event,
        "source": change.source,
        "evidence": commitment_evidence(commitment, date),
        **({"accounts": [a.as_json() for a in change.accounts]} if change.accounts else {}),
        **({"note": change.note} if change.note else {}),
    }


def commitments_for(atlas: Atlas, agreement: str | None = None, place: str | None = None) -> list[Commitment]:
    """The commitments of `agreement` that name `place` (either filter None: any), by agreement date and article."""
    return [
        c
        for c in atlas.commitments.values()
        if (agreement is None or c.agreement == agreement) and (place is None or place in c.places)
    ]


def implementation_share(atlas: Atlas, agreement_id: str, date: dt.date) -> float | None:
    """The share (0 to 1) of the agreement's commitments whose status on `date` is `full`.

    A `superseded` commitment is left out of the count altogether (neither kept nor broken: a later agreement or
    events took its place); `disputed`, `not_initiated`, `minimal` and `intermediate` count as not full, and so does
    a commitment with no status yet. None when nothing is left to count: before the agreement was made, or when it
    has no commitments, or all are superseded.
    """
    agreement = atlas.agreements.get(agreement_id)
    if agreement is None or date < agreement.date:
        return None
    statuses = [commitment_status_on(c, date) for c in commitments_for(atlas, agreement=agreement_id)]
    counted = [s for s in statuses if s != "superseded"]
    return counted.count("full") / len(counted) if counted else None


def changes_between(atlas: Atlas, start: dt.date, end: dt.date) -> list[Change]:
    """What changed from `start` to `end`, both days included, by date: who held a place (a control period that
    follows one of another status; where a history begins is not a change) and a commitment's status (its first
    status, the day its agreement made it, and every later entry that changes it; a new event for the same status,
    such as a further dispute, is evidence rather than a change). Same-day changes keep their order."""
    changes = []
    for place in atlas.places.values():
        for before, period in zip(place.control, place.control[1:], strict=False):
            if start <= period.start <= end and period.status != before.status:
                changes.append(
                    Change(
                        period.start,
                        "control",
                        place.id,
                        before.status,
                        period.status,
                        period.source,
                        None,
                        period.note,
                    )
                )
    for commitment in atlas.commitments.values():
        previous = None
        for change in commitment.history:
            if change.status != previous and start <= change.date <= end:
                changes.append(
                    Change(
                        change.date,
                        "commitment",
                        commitment.id,
                        previous,
                        change.status,
                        change.source,
                        change.event,
                        change.note,
                    )
                )
            previous = change.status
    return sorted(changes, key=lambda c: (c.date, c.kind != "control"))


def places_on(atlas: Atlas, date: dt.date) -> list[Place]:
    """The places that existed on `date`, in catalogue order (a place without `exists` always did)."""
    return [p for p in atlas.places.values() if p.exists_on(date)]


def agreement_ties(atlas: Atlas, agreement_id: str) -> list[dict]:
    """The places an agreement is tied to, in catalogue order: [{place, articles, kind, note}], one per tie."""
    return [
        {"place": place.id, "articles": list(tie.articles), "kind": tie.kind, "note": tie.note}
        for place in atlas.places.values()
        for tie in place.ties
        if tie.agreement == agreement_id
    ]


class PlaceIndex:
    """Finds the smallest place holding each of many points at once (events to places, a spatial join).

    Smallest, because places nest (Khankendi lies in the 1991 oblast and on the Lachin corridor): the most specific
    place is what an event is about. One grid of cells covers all places; a cell that no border crosses already
    knows its answer, so only points in border cells need an exact point-in-polygon test.
    """

    def __init__(self, places: Iterable[Place], cell: float = GRID_CELL_DEGREES):
        polygonal = [p for p in places if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
        # Largest first, so that a smaller place holding the same point is written over it.
        self.places = sorted(polygonal, key=lambda p: -p.geometry.area)
        self._ids = np.array([p.id for p in self.places] + [None], dtype=object)  # index -1 -> None
        # Copies, prepared for fast repeated tests, so the atlas's own geometries stay untouched.
        self._geometries = [shapely.from_wkb(shapely.to_wkb(p.geometry)) for p in self.places]
        shapely.prepare(self._geometries)
        self._bounds = shapely.bounds(self._geometries)
        self.cell = cell
        bounds = shapely.total_bounds(self._geometries) if self.places else (0, 0, 0, 0)
        xmin, ymin, xmax, ymax = (float(b) for b in bounds)
        self.xmin, self.ymin = xmin, ymin
        nx, ny = max(1, math.ceil((xmax - self.xmin) / cell)), max(1, math.ceil((ymax - self.ymin) / cell))
        x0, y0 = np.meshgrid(self.xmin + cell * np.arange(nx), self.ymin + cell * np.arange(ny))
        boxes = shapely.box(x0, y0, x0 + cell, y0 + cell)
        self._grid = np.full(boxes.shape, -1, dtype=np.int64)  # place index, -1 none, _BORDER_CELL exact test
        for index, geometry in enumerate(self._geometries):
            touched = shapely.intersects(geometry, boxes)
            inside = shapely.contains_properly(geometry, boxes)
            self._grid[inside & (self._grid != _BORDER_CELL)] = index
            self._grid[touched & ~inside] = _BORDER_CELL

    def assign(self, lon, lat) -> list[str | None]:
        """The id of the smallest place holding each (lon, lat), None where no place does."""
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        ix = np.floor((lon - self.xmin) / self.cell)
        iy = np.floor((lat - self.ymin) / self.cell)
        in_grid = (ix >= 0) & (iy >= 0) & (ix < self._grid.shape[1]) & (iy < self._grid.shape[0])
        found = np.full(len(lon), -1, dtype=np.int64)
        found[in_grid] = self._grid[iy[in_grid].astype(np.int64), ix[in_grid].astype(np.int64)]
        border = np.nonzero(found == _BORDER_CELL)[0]
        found[border] = -1
        x, y = lon[border], lat[border]
        for index, geometry in enumerate(self._geometries):
            xmin, ymin, xmax, ymax = self._bounds[index]
            near = np.nonzero((x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax))[0]
            found[border[near[shapely.contains_xy(geometry, x[near], y[near])]]] = index
        return self._ids[found].tolist()
