"""What the user is looking at, and its permalink: the URL query <-> a View, with notices for bad values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from geo import query
from geo.model import LANGUAGES, Atlas
from geo.validate import parse_date

# The map's date runs from the start of the 2020 war to today.
WAR_START = dt.date(2020, 9, 27)


@dataclass(frozen=True)
class View:
    place: str | None
    agreements: tuple[str, ...]
    start: dt.date
    end: dt.date
    lang: str = "en"
    # The date whose control the map shows; None means today (a link without `asof` follows the news).
    asof: dt.date | None = None
    # An event the link points to: shown first in the panel, its first place selected.
    event: str | None = None
    # An agreement whose page is open: its points, the places each names, its text and its events.
    agreement: str | None = None


def date_span(atlas: Atlas) -> tuple[dt.date, dt.date]:
    """The first and last dates the atlas knows (events and agreements), the range of the time filter."""
    dates = [e.date for e in atlas.events] + [a.date for a in atlas.agreements.values()]
    return min(dates), max(dates)


def default_view(atlas: Atlas) -> View:
    start, end = date_span(atlas)
    return View(place=None, agreements=tuple(atlas.agreements), start=start, end=end)


def parse_view(params: Mapping[str, str], atlas: Atlas) -> tuple[View, list[str]]:
    """The view a URL query asks for; values the atlas does not know are dropped and named in the notices."""
    view = default_view(atlas)
    notices: list[str] = []
    place = params.get("place")
    if place and place not in atlas.places:
        # Any spelling search accepts (Berdzor, Şuşa, Ханкенди) names the place; the link is rewritten to its id.
        found = query.search_places(atlas.places.values(), place)
        if found:
            place = found[0].id
        else:
            notices.append(f'Unknown place "{place}" in the link was ignored.')
            place = None
    agreements = view.agreements
    if "agreements" in params:
        asked = [a for a in params["agreements"].split(",") if a]
        unknown = [a for a in asked if a not in atlas.agreements]
        if unknown:
            notices.append(f"Unknown agreement(s) in the link were ignored: {', '.join(unknown)}.")
        agreements = tuple(a for a in atlas.agreements if a in asked)
    lang = params.get("lang", "en")
    if lang not in LANGUAGES:
        notices.append(f'Unknown language "{lang}" in the link was ignored; showing English.')
        lang = "en"
    start, end = view.start, view.end
    for key in ("from", "to"):
        if key not in params:
            continue
        parsed = parse_date(params[key])
        if isinstance(parsed, str):
            notices.append(f'The "{key}" date in the link was ignored: {parsed}.')
        else:
            clamped = min(max(parsed, view.start), view.end)
            if clamped != parsed:
                notices.append(
                    f'The "{key}" date {parsed.isoformat()} is outside the data ({view.start.isoformat()} to'
                    f" {view.end.isoformat()}); showing {clamped.isoformat()}."
                )
            start, end = (clamped, end) if key == "from" else (start, clamped)
    if start > end:
        notices.append("The link's dates were in the wrong order; showing all dates.")
        start, end = view.start, view.end
    asof = None
    if "asof" in params:
        parsed = parse_date(params["asof"])
        if isinstance(parsed, str):
            notices.append(f'The "asof" date in the link was ignored: {parsed}.')
        elif not WAR_START <= parsed <= dt.date.today():
            notices.append(
                f'The "asof" date {parsed.isoformat()} is outside {WAR_START.isoformat()} to today; showing today.'
            )
        else:
            asof = parsed
    event = params.get("event")
    if event:
        linked = next((e for e in atlas.events if e.id == event), None)
        if linked is None:
            notices.append(f'Unknown event "{event}" in the link was ignored.')
            event = None
        elif not place and linked.places:
            place = linked.places[0]
    agreement = params.get("agreement")
    if agreement and agreement not in atlas.agreements:
        notices.append(f'Unknown agreement "{agreement}" in the link was ignored.')
        agreement = None
    if place and not query.shown_by(atlas.places[place].agreement_ids, set(agreements)):
        notices.append(
            f"The place in the link, {atlas.places[place].name}, is not on the map: none of its agreements is shown."
        )
    return View(place, agreements, start, end, lang, asof, event, agreement or None), notices


def view_query(view: View, atlas: Atlas) -> dict[str, str]:
    """The URL query for `view`: only what differs from the default, so plain links stay short."""
    default = default_view(atlas)
    query: dict[str, str] = {}
    if view.place:
        query["place"] = view.place
    if view.agreements != default.agreements:
        query["agreements"] = ",".join(view.agreements)
    if view.start != default.start:
        query["from"] = view.start.isoformat()
    if view.end != default.end:
        query["to"] = view.end.isoformat()
    if view.lang != "en":
        query["lang"] = view.lang
    if view.asof and view.asof != dt.date.today():
        query["asof"] = view.asof.isoformat()
    if view.event:
        query["event"] = view.event
    if view.agreement:
        query["agreement"] = view.agreement
    return query
