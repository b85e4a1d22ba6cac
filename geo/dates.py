"""Dates as the atlas writes and reads them, the same in every locale (strftime's month names follow the locale)."""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = ("January February March April May June July August September October November December").split()
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
# English month names and their three-letter forms (and "Sept") -> month number, lower case.
MONTHS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{abbr.lower(): number for number, abbr in enumerate(MONTH_ABBREVIATIONS, 1)},
    "sept": 9,
}


def month_label(date: dt.date) -> str:
    """'Feb 2022'."""
    return f"{MONTH_ABBREVIATIONS[date.month - 1]} {date.year}"


def day_label(date: dt.date) -> str:
    """'1 Dec 2020'."""
    return f"{date.day} {month_label(date)}"


def range_label(start: dt.date, end: dt.date) -> str:
    """'24–26 Mar 2022', '30 Sep–2 Oct 2023' or '12 Dec 2022–24 Sep 2023'."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_label(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTH_ABBREVIATIONS[start.month - 1]}–{day_label(end)}"
    return f"{day_label(start)}–{day_label(end)}"
