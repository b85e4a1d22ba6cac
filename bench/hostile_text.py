"""Extraction time on hostile pasted text, in seconds per MB; prints `name: value` lines.

Each mix repeats punctuation, digits or month names that once made the sentence regex backtrack (one paste of
100,000 dots held the server for 100 s). Time per MB that stays flat from 125 KB to 1 MB means linear time; a
quadratic step shows as seconds per MB doubling with each size (a small one only past 400 KB: it reaches 1 MB).

Run as `python -m bench.hostile_text`.
"""

from __future__ import annotations

import datetime as dt
import time

from geo.extract import Linker, extract_candidates
from geo.load import load_atlas

# Each unit is repeated to the wanted size: runs of sentence punctuation with nothing after them, digits and month
# names that look like dates, all of them mixed, and agreements' names and descriptions with dates in one endless
# sentence (each shared alias and each kind word once looked at every date and reference of its sentence).
HOSTILE_UNITS = {
    "dots": ".",
    "bangs": "!?",
    "ellipses": "…",
    "digits": "2020.11.10.",
    "months": "November.May.Jan.10",
    "mixed": ".!?…10 November 2020…May.",
    "agreements": "the Brussels meeting on 14 May 2023 and the Sochi summit, ",
    "described": "the accord signed at the White House in August, переговоры в Сочи 10 ноября 2020 года, the border with Azerbaijan, ",
    # Days and places of the atlas's signing events, each looked up among its events, and "the document" far from
    # any agreement named (the article's agreement).
    "linked": "Fighting stopped in Karabakh on 10 November. Talks in Brussels on 6 April. The document. Q. Q. Q. ",
    # One report continued by every sentence after it, each naming an agreement by its date (each sentence once
    # looked at every sentence of the report before it, and each sentence once looked at every reference of the report).
    "continued": "The sides said the statement of 10 November 2020 stands. ",
    # One report continued by sentences counted to its own day (each sentence once gathered the days of every
    # sentence of the report before it).
    "same_day": "He said so the same day. ",
    # Clauses counted back from a day to an agreement described by its venue (each counted clause was once looked up
    # in the list of every such clause of the sentence).
    "counted": "on October 12, six days after the meeting in Prague and the Sochi summit, ",
    # Days of reported words beside the days they report (each date was once looked up in the list of every
    # speaking day of the sentence).
    "spoken": "residents must leave by August 25, the village head told reporters on Friday, and ",
    # A year written with "in" and year-less days after it in one endless sentence, in an undated text and (below) a
    # dated one (each day once read the sentence back to its start, or back to the year).
    "in_year": "in 2020 the sides met on 10 November and on 5 May and ",
}
# Mixes also run as a text published on PUBLISHED, where other rules date year-less days.
DATED_MIXES = ("in_year", "counted", "spoken")
PUBLISHED = dt.date(2026, 1, 15)
SIZES_KB = (125, 250, 500, 1000)


def hostile_text(mix: str, size_bytes: int) -> str:
    """`HOSTILE_UNITS[mix]` repeated to about `size_bytes` bytes of UTF-8."""
    unit = HOSTILE_UNITS[mix]
    return unit * max(1, size_bytes // len(unit.encode("utf-8")))


def extraction_seconds_per_mb(text: str, atlas=None, published: dt.date | None = None) -> float:
    """Seconds that candidate extraction takes on `text`, per MB of its UTF-8 bytes.

    The extractor's own size limit is lifted, so that sizes past it show whether time stays linear. It runs as the
    app and `geo extract` do, linked to the atlas's events.
    """
    atlas = atlas or load_atlas()
    start = time.perf_counter()
    linker = Linker(atlas.events, atlas.agreements.values())
    extract_candidates(
        text, atlas.places.values(), atlas.agreements.values(), published, max_chars=len(text), linker=linker
    )
    seconds = time.perf_counter() - start
    return seconds / (len(text.encode("utf-8")) / 1_000_000)


def main() -> None:
    atlas = load_atlas()
    runs = [(mix, mix, None) for mix in HOSTILE_UNITS] + [(f"{mix}_dated", mix, PUBLISHED) for mix in DATED_MIXES]
    for name, mix, published in runs:
        for size in SIZES_KB:
            value = extraction_seconds_per_mb(hostile_text(mix, size * 1000), atlas, published)
            print(f"extraction_s_per_mb_{name}_{size}kb: {value:.3f}", flush=True)


if __name__ == "__main__":
    main()
