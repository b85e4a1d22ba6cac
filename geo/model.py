"""Typed records of the atlas: places, agreements, events and the sources they cite. No I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "az", "hy", "ru")
PLACE_KINDS = ("region", "district", "city", "corridor")
GEOMETRY_PRECISIONS = ("surveyed", "derived", "indicative")
DATE_PRECISIONS = ("day", "month", "approximate")
# How well an event's own coordinates place it: the spot itself, somewhere near it (UCDP: within ~25 km), or only the
# district or province around it (the coordinates are then that area's centre).
LOCATION_PRECISIONS = ("exact", "near", "region")


@dataclass(frozen=True)
class Source:
    """Where a geometry or a fact comes from, and on what terms it may be reused."""

    id: str
    title: str
    publisher: str
    date: str | None = None
    url: str | None = None
    licence: str | None = None
    attribution: str | None = None
    kind: str = "reporting"

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Tie:
    """A link from a place or event to an agreement, optionally to some of its articles."""

    agreement: str
    articles: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"id": self.agreement, "articles": list(self.articles)}


@dataclass(frozen=True)
class Agreement:
    id: str
    title: str
    date: dt.date
    place: str
    parties: tuple[str, ...]
    articles: dict[str, str]
    source: str
    date_note: str | None = None
    short_title: str | None = None

    @property
    def label(self) -> str:
        """Date and short title, e.g. '10 Nov 2020 · Moscow ceasefire statement'."""
        return f"{self.date.day} {self.date:%b %Y} · {self.short_title or self.title}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat(),
            "place": self.place,
            "parties": list(self.parties),
            "articles": dict(self.articles),
            "source": self.source,
        }


@dataclass(frozen=True)
class Place:
    """A mapped place. `names` maps a language code to its spellings, the first one the display name."""

    id: str
    name: str
    names: dict[str, tuple[str, ...]]
    kind: str
    precision: str
    source: str
    ties: tuple[Tie, ...]
    geometry: Any = field(compare=False, repr=False)

    def display_name(self, lang: str = "en") -> str:
        spellings = self.names.get(lang) or ()
        return spellings[0] if spellings else self.name

    def spellings(self) -> tuple[str, ...]:
        """Every known spelling, the English name first."""
        seen = dict.fromkeys([self.name, *(s for group in self.names.values() for s in group)])
        return tuple(seen)

    @property
    def agreement_ids(self) -> tuple[str, ...]:
        return tuple(t.agreement for t in self.ties)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "names": {lang: list(s) for lang, s in self.names.items()},
            "kind": self.kind,
            "precision": self.precision,
            "source": self.source,
            "agreements": [t.as_json() for t in self.ties],
        }


@dataclass(frozen=True)
class Actor:
    name: str
    role: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role} if self.role else {"name": self.name}


@dataclass(frozen=True)
class Event:
    """A dated, sourced happening. `date` is exact only when `date_precision` is "day"."""

    id: str
    date: dt.date
    date_precision: str
    title: str
    summary: str
    places: tuple[str, ...]
    ties: tuple[Tie, ...]
    actors: tuple[Actor, ...]
    source: Source
    date_note: str | None = None
    deadline: dt.date | None = None
    # (lon, lat) where the event itself was reported; None when it is tied to places only.
    location: tuple[float, float] | None = None
    # One of LOCATION_PRECISIONS when the file said how precise `location` is.
    location_precision: str | None = None
    # The id a public dataset gives the event ("ucdp:123456", "acled:AZE1234"): a newer release updates it.
    external_id: str | None = None

    @property
    def agreement_ids(self) -> tuple[str, ...]:
        return tuple(t.agreement for t in self.ties)

    def date_label(self) -> str:
        """The date as precisely as it is known: '1 Dec 2020', 'Feb 2022' or 'c. 22 Mar 2022'."""
        if self.date_precision == "month":
            return self.date.strftime("%b %Y")
        label = f"{self.date.day} {self.date.strftime('%b %Y')}"
        return f"c. {label}" if self.date_precision == "approximate" else label

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "title": self.title,
            "summary": self.summary,
            "places": list(self.places),
            "agreements": [t.as_json() for t in self.ties],
            "actors": [a.as_json() for a in self.actors],
            "source": self.source.as_json(),
        }
        if self.date_note:
            out["date_note"] = self.date_note
        if self.deadline:
            out["deadline"] = self.deadline.isoformat()
        if self.location:
            out["location"] = list(self.location)
        if self.location_precision:
            out["location_precision"] = self.location_precision
        if self.external_id:
            out["external_id"] = self.external_id
        return out


@dataclass(frozen=True)
class Atlas:
    """Everything the app shows, loaded and cross-checked."""

    places: dict[str, Place]
    agreements: dict[str, Agreement]
    events: tuple[Event, ...]
    sources: dict[str, Source]
