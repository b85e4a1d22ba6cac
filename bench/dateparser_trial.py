"""The extractor with `dateparser`'s multilingual date search in place of our date grammar, scored like the real one.

`python -m bench.dateparser_trial` prints the evaluation table for both finders (dev and test), so that the choice
between the library and the hand rules is made on figures. dateparser is a trial dependency, not the product's:
install it to run this (`pip install dateparser`).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from unittest import mock

from bench.extract_eval import EVAL_DIR, SPLITS, evaluate, table
from geo.extract import candidates
from geo.extract.dates import DateMention

_HAS_DAY = re.compile(r"\d{1,2}(?!\d{2})")
_HAS_YEAR = re.compile(r"\d{4}")
_RELATIVE = re.compile(
    r"(?i)yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago|вчера|сегодня"
)


def dateparser_dates(sentence: str, published: dt.date | None, anchor_year=None) -> list[DateMention]:
    """Dates of `sentence` as dateparser's search_dates finds them (en and ru), as our DateMention."""
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["month"]}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    try:
        found = search_dates(sentence, languages=["en", "ru"], settings=settings) or []
    except Exception:  # noqa: BLE001 - the library raises on some inputs; a trial treats that as no date
        return []
    out, at = [], 0
    for text, when in found:
        start = sentence.find(text, at)
        if start < 0:
            continue
        at = start + len(text)
        precision = "day" if _HAS_DAY.search(_HAS_YEAR.sub("", text)) else "month"
        date = when.date() if precision == "day" else when.date().replace(day=1)
        out.append(DateMention(start, at, date, precision, bool(_HAS_YEAR.search(text)), bool(_RELATIVE.search(text))))
    return out


def main(argv: list[str]) -> int:
    from geo.load import load_atlas

    atlas = load_atlas(Path(argv[0]) if argv else Path("data"))
    args = (EVAL_DIR, atlas.places.values(), atlas.agreements.values())
    print("our date grammar (geo/extract/dates.py):")
    print(table({s: evaluate(*args, s) for s in SPLITS}))
    with mock.patch.object(candidates, "find_dates", dateparser_dates):
        print("\ndateparser.search.search_dates (en, ru):")
        print(table({s: evaluate(*args, s) for s in SPLITS}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
