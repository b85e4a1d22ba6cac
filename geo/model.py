"""Typed records of the atlas: places, agreements, events and the sources they cite. No I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from geo import dates

LANGUAGES = ("en", "az", "hy", "ru")
PLACE_KINDS = ("region", "district", "city", "corridor", "zone", "town", "village", "site", "route", "border")
# The geometry each kind may have: areas are polygons, settlements and sites points, routes and borders lines.
# A corridor is either: the Lachin corridor is a 5 km band, the Nakhchivan link only a line through waypoints.
_AREAS = ("Polygon", "MultiPolygon")
_LINES = ("LineString", "MultiLineString")
KIND_GEOMETRIES = {
    "region": _AREAS,
    "district": _AREAS,
    "city": _AREAS,
    "zone": _AREAS,
    "corridor": _AREAS + _LINES,
    "town": ("Point",),
    "village": ("Point",),
    "site": ("Point",),
    "route": _LINES,
    "border": _LINES,
}
GEOMETRY_PRECISIONS = ("surveyed", "derived", "indicative")
DATE_PRECISIONS = ("day", "month", "approximate", "range")
# Years a date may have. The page charts dates as milliseconds since 1970 and Streamlit refuses numbers past 2**53
# (a year 0221 broke the page with StreamlitJSNumberBoundsError); this story lies well inside these years.
CHARTABLE_YEARS = (1900, 2100)
# How precisely a change of control is dated: a range has no meaning for the first day of a period.
CONTROL_PRECISIONS = ("day", "month", "approximate")
# Who held a place: Azerbaijan; Armenian forces or the de facto Nagorno-Karabakh authorities; split between them.
CONTROL_STATUSES = ("az", "arm", "partial")
# Whether an agreement's text names the place (or the event's source names the agreement), or the tie is ours.
TIE_KINDS = ("named", "inferred")
# How far a commitment was carried out: the four points of the Peace Accords Matrix (Kroc Institute), 0 to 3, then
# `superseded` (overtaken by a later agreement or events) and `disputed` (the parties disagree; both accounts kept).
COMMITMENT_STATUSES = ("not_initiated", "minimal", "intermediate", "full", "superseded", "disputed")
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
    kind: str | None = None
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.agreement, "articles": list(self.articles)}
        if self.kind:
            out["kind"] = self.kind
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Variant:
    """One published version of an article, e.g. the one circulated in Azerbaijan."""

    label: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "text": self.text}


@dataclass(frozen=True)
class ControlPeriod:
    """Who held a place from `start` until the next period starts (or until `until`, when the place ended)."""

    status: str
    start: dt.date
    precision: str
    source: str
    note: str | None = None
    until: dt.date | None = None
    also_sources: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "from": self.start.isoformat(),
            "precision": self.precision,
            "source": self.source,
        }
        if self.note:
            out["note"] = self.note
        if self.until:
            out["until"] = self.until.isoformat()
        if self.also_sources:
            out["also_sources"] = list(self.also_sources)
        return out


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
    mediator: str | None = None
    # Article -> a note on it that is not treaty text (a later extension, where a version differs, who said it).
    article_notes: dict[str, str] = field(default_factory=dict)
    # Article -> the versions published of it, where they differ.
    article_variants: dict[str, tuple[Variant, ...]] = field(default_factory=dict)
    # Language code -> how people refer to it in text ("the Prague statement", "Пражское заявление").
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Language code -> where it was signed or the meeting held, as texts write it ("Sochi", "сочинский").
    signed_at: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Language code -> what it closed or wound up, as texts name it ("Minsk Process", "Минская группа").
    closes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The kind of text it is ("ceasefire"), and the generic words every agreement of that kind shares ("the truce",
    # "перемирие"; data/agreements.json `kinds`): which one such a word means follows from the dates around it.
    kind: str | None = None
    generic_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # For a text negotiated long before it was made: the day its wording was agreed, which describes it as well as the
    # day it was made ("The treaty text, agreed on 13 March 2025, …").
    text_agreed: dt.date | None = None

    def alias_list(self) -> list[str]:
        """Every alias, all languages, in file order."""
        return [a for names in self.aliases.values() for a in names]

    @property
    def label(self) -> str:
        """Date and short title, e.g. '10 Nov 2020 · Moscow ceasefire statement'."""
        return f"{self.date.day} {self.date:%b %Y} · {self.short_title or self.title}"

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat(),
            "place": self.place,
            "parties": list(self.parties),
            "articles": dict(self.articles),
            "source": self.source,
        }
        for key in ("short_title", "date_note", "mediator"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.text_agreed:
            out["text_agreed"] = self.text_agreed.isoformat()
        if self.article_notes:
            out["article_notes"] = dict(self.article_notes)
        if self.article_variants:
            out["article_variants"] = {a: [v.as_json() for v in vs] for a, vs in self.article_variants.items()}
        if self.aliases:
            out["aliases"] = {lang: list(names) for lang, names in self.aliases.items()}
        if self.signed_at:
            out["signed_at"] = {lang: list(names) for lang, names in self.signed_at.items()}
        if self.closes:
            out["closes"] = {lang: list(names) for lang, names in self.closes.items()}
        return out


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
    # Who held it, oldest first; each period runs until the next one starts.
    control: tuple[ControlPeriod, ...] = ()
    # When it existed, for a place that did not always: e.g. the peacekeepers' zone, 2020-11-10 to 2024-06-12.
    exists_from: dt.date | None = None
    exists_until: dt.date | None = None
    # What a reader should know about the place or its shape, and the sources that note and the names rest on.
    note: str | None = None
    sources: tuple[str, ...] = ()
    # Longer names holding one of its names that name another area ("East Zangezur" is not Syunik), by language.
    not_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # How a text describes it without a name: a sentence naming every place of `described_with` and one of
    # `described_words` (by language) names it ("a route to Nakhchivan through Iranian territory"); with none, the words
    # alone do ("the five-kilometre-wide corridor"), without being shown as its names.
    described_with: tuple[str, ...] = ()
    described_words: dict[str, tuple[str, ...]] = field(default_factory=dict)

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
            **({"note": self.note} if self.note else {}),
            **({"sources": list(self.sources)} if self.sources else {}),
            **({"control": [c.as_json() for c in self.control]} if self.control else {}),
            **({"exists": self.exists_json()} if self.exists_from or self.exists_until else {}),
        }

    def exists_json(self) -> dict[str, str]:
        out = {"from": self.exists_from.isoformat()} if self.exists_from else {}
        return {**out, **({"until": self.exists_until.isoformat()} if self.exists_until else {})}

    def exists_on(self, date: dt.date) -> bool:
        """Whether the place existed on `date` (places without `exists` always did)."""
        return (self.exists_from is None or self.exists_from <= date) and (
            self.exists_until is None or date <= self.exists_until
        )


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
    # The last day, for an event that spans days (date_precision "range").
    end_date: dt.date | None = None
    # One of LOCATION_PRECISIONS when the file said how precise `location` is.
    location_precision: str | None = None
    # The id a public dataset gives the event ("ucdp:123456", "acled:AZE1234"): a newer release updates it.
    external_id: str | None = None

    @property
    def agreement_ids(self) -> tuple[str, ...]:
        return tuple(t.agreement for t in self.ties)

    def date_label(self) -> str:
        """The date as precisely as it is known: '1 Dec 2020', 'Feb 2022', 'c. 22 Mar 2022' or '24–26 Mar 2022'."""
        if self.date_precision == "month":
            return dates.month_label(self.date)
        if self.date_precision == "range" and self.end_date:
            return dates.range_label(self.date, self.end_date)
        label = dates.day_label(self.date)
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
        if self.end_date:
            out["end_date"] = self.end_date.isoformat()
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
class Account:
    """One side's account of whether a commitment was kept, in our words."""

    side: str
    says: str

    def as_json(self) -> dict[str, str]:
        return {"side": self.side, "says": self.says}


@dataclass(frozen=True)
class StatusChange:
    """A commitment's status from `date` until its next change, resting on an event and a source."""

    date: dt.date
    status: str
    event: str
    source: str
    note: str | None = None
    # Both sides' accounts where they disagree (at least two sides for `disputed`).
    accounts: tuple[Account, ...] = ()

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "status": self.status,
            "event": self.event,
            "source": self.source,
        }
        if self.note:
            out["note"] = self.note
        if self.accounts:
            out["accounts"] = [a.as_json() for a in self.accounts]
        return out


@dataclass(frozen=True)
class Commitment:
    """One stipulation of an agreement: who must do what, where, by when, and how far it was done over time."""

    id: str
    agreement: str
    article: str
    text: str
    party: str
    places: tuple[str, ...]
    # Oldest first; entries of one day keep their order in the file (the last is the status at the end of that day).
    history: tuple[StatusChange, ...]
    deadline: dt.date | None = None
    deadline_note: str | None = None
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "agreement": self.agreement,
            "article": self.article,
            "text": self.text,
            "party": self.party,
            "places": list(self.places),
        }
        if self.deadline:
            out["deadline"] = self.deadline.isoformat()
        for key in ("deadline_note", "note"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        out["history"] = [c.as_json() for c in self.history]
        return out


@dataclass(frozen=True)
class Change:
    """What changed on a day: who held a place (`kind` "control") or a commitment's status ("commitment")."""

    date: dt.date
    kind: str
    subject: str
    before: str | None
    after: str
    source: str
    event: str | None = None
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            self.kind_key: self.subject,
            "before": self.before,
            "after": self.after,
            "event": self.event,
            "source": self.source,
            **({"note": self.note} if self.note else {}),
        }

    @property
    def kind_key(self) -> str:
        """The JSON key naming the subject: "place" for a control change, "commitment" for a status change."""
        return "place" if self.kind == "control" else "commitment"


@dataclass(frozen=True)
class Atlas:
    """Everything the app shows, loaded and cross-checked."""

    places: dict[str, Place]
    agreements: dict[str, Agreement]
    events: tuple[Event, ...]
    sources: dict[str, Source]
    # Commitment id -> the commitment, ordered by agreement date, article, then as in the file.
    commitments: dict[str, Commitment] = field(default_factory=dict)
