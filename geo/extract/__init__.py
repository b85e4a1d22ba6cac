"""Candidate events from the text of a news article: dates, places, agreements, articles and actors.

One job per module:
- `sentences`  — the linear-time sentence splitter and the openers that continue a sentence;
- `dates`      — dates written in text (the grammar; month tables and year completion are geo/dates.py's);
- `agreements` — references to agreements by alias (from data/agreements.json), by date, and article numbers;
- `actors`     — people acting in a sentence (data/people.json, plus "<Title> <Name>");
- `candidates` — assembling candidates, one per dated event, each with the spans that explain it;
- `linking`    — agreements inferred from the atlas's events of their signing days, and "the document" as the
                 article's agreement;
- `cli`        — `python -m geo extract`.
Places are found by the one gazetteer, geo/gazetteer.py, which search and import use too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from geo.extract.actors import People, load_people
from geo.extract.candidates import DATE_NOTE_AGREEMENT, Candidate, Span, assemble
from geo.extract.linking import Linker, Reason
from geo.model import Agreement, Place

# About fifteen times a long feature article: enough for any real article, small enough that the worst
# pasted junk (one 200,000-character "sentence" full of dates) still takes only a few seconds.
MAX_TEXT_CHARS = 200_000

__all__ = [
    "DATE_NOTE_AGREEMENT",
    "MAX_TEXT_CHARS",
    "Candidate",
    "ExtractError",
    "Linker",
    "Reason",
    "Span",
    "extract_candidates",
    "main_extract",
]


class ExtractError(ValueError):
    """The input cannot be read as article text."""


def extract_candidates(
    text: str,
    places: Iterable[Place],
    agreements: Iterable[Agreement],
    published: dt.date | None = None,
    *,
    max_chars: int = MAX_TEXT_CHARS,
    people: People | Path | None = None,
    linker: Linker | None = None,
) -> list[Candidate]:
    """Candidate events in `text`, in the order the article tells them.

    `published` is the article's date: it completes dates without a year and anchors "yesterday"; without it, a
    year-less date takes the year the text last wrote. `people` is the people list (a People, or a data folder
    holding people.json; the shipped one by default). `linker` holds the atlas's events of the days its agreements
    were made: with it, a candidate naming no agreement is given the agreement of the event of its day and place, as
    an inferred tie (in `inferred`, apart from `agreements`).
    Raises ExtractError when `text` is not text or is longer than `max_chars` (a benchmark lifts the limit to
    show that time stays linear past it).
    """
    if not isinstance(text, str):
        raise ExtractError(f"article text must be a string, not {type(text).__name__}")
    if len(text) > max_chars:
        raise ExtractError(
            f"article text is {len(text):,} characters; the limit is {max_chars:,} (one article, not a dump)"
        )
    if published is not None and not isinstance(published, dt.date):
        raise ExtractError(f"publication date must be a date, not {type(published).__name__}")
    if isinstance(published, dt.datetime):
        published = published.date()
    if not isinstance(people, People):
        people = load_people(people)
    found = assemble(text, places, agreements, published, people, linker)
    return linker.link(found) if linker is not None else found


def main_extract(argv: list[str]) -> int:
    """`geo extract FILE [--date YYYY-MM-DD] [--json]`: print the candidate events in an article."""
    from geo.extract.cli import main

    return main(argv)
