"""Dates as the atlas writes and reads them, the same in every locale (strftime's month names follow the locale)."""

from __future__ import annotations

import calendar
import datetime as dt

MONTH_NAMES = ("January February March April May June July August September October November December").split()
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
# English month names and their three-letter forms (and "Sept") -> month number, lower case.
MONTHS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{abbr.lower(): number for number, abbr in enumerate(MONTH_ABBREVIATIONS, 1)},
    "sept": 9,
}


def in_year(day: dt.date, year: int) -> dt.date | None:
    """`day`'s month and day in `year`; None for 29 February in a year without it."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def month_start(day: dt.date, months: int = 0) -> dt.date:
    """The first day of the month `months` after `day`'s (before it when negative): "next month", "a month earlier"."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(day: dt.date) -> dt.date:
    """The last day of `day`'s month: what a date read as a month ("in July 2024") reaches to."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


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


# --- dates written in text (the extractor's grammar, geo/extract/dates.py, reads these tables) ---------------

# Russian month stems, in match order: "ма" (мая, мае) last, so that "марта" is March. Abbreviations of datelines
# ("14 дек — РИА Новости") are stems too.
RU_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12, "ма": 5,
}  # fmt: skip
# Genitive, as in "с июня", "до марта": the stem and its ending ("марта", "августа", "мая").
RU_MONTHS_GENITIVE = tuple(stem + ("а" if stem.endswith("т") else "я") for stem in RU_MONTH_STEMS)
RU_MONTH_ABBREVIATIONS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "сент": 9, "окт": 10,
    "ноя": 11, "дек": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Accusative, as in "в пятницу"; "во вторник" takes "вторник".
RU_WEEKDAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
# Genitive, as in "к утру четверга".
RU_WEEKDAYS_GENITIVE = ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья")
# Approximate days, the labels' convention: early = 5th, mid = 15th, late/end = 25th.
APPROXIMATE_DAYS = {"early": 5, "beginning": 5, "start": 5, "mid": 15, "middle": 15, "late": 25, "end": 25}
RU_APPROXIMATE_DAYS = {
    **{f"начал{e}": 5 for e in "еау"},
    **{f"середин{e}": 15 for e in "еыу"},
    **{f"конц{e}": 25 for e in "еау"},
}


def approximate_day(part: str) -> int:
    """The day a folded part of a month stands for: "early"/"начале" the 5th, "mid"/"середине" the 15th, "late"/"end"/
    "конце" the 25th."""
    return APPROXIMATE_DAYS.get(part) or RU_APPROXIMATE_DAYS[part]


NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# "два дня", "пять дней": the counts a Russian text writes in words.
RU_NUMBER_WORDS = {
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
}
# The same counts in the instrumental, by how many ("двумя днями ранее": two days earlier).
RU_NUMBER_WORDS_BY = {
    "двумя": 2,
    "тремя": 3,
    "четырьмя": 4,
    "пятью": 5,
    "шестью": 6,
    "семью": 7,
    "восемью": 8,
    "девятью": 9,
    "десятью": 10,
}
# A year-less date after publication is last year's ("met on March 22" in a story of 20 March 2022 is 2021), unless
# the sentence looks ahead ("will", "by", "до"): then it is this year's up to FUTURE_DAYS_WITH_CUE ahead.
FUTURE_DAYS_WITHOUT_CUE = 0
FUTURE_DAYS_WITH_CUE = 240
# A year-less date this many days before publication, in a sentence that looks ahead, is next year's ("by 15 January"
# in a story of 20 December).
PAST_DAYS_BEFORE_NEXT_YEAR = 180


# Russian adjectives of the months ("ноябрьское заявление", "августовских договоренностей"): their stems, which
# month_number reads like the months' own.
RU_MONTH_ADJECTIVES = (
    "январск",
    "февральск",
    "мартовск",
    "апрельск",
    "майск",
    "июньск",
    "июльск",
    "августовск",
    "сентябрьск",
    "октябрьск",
    "ноябрьск",
    "декабрьск",
)


def month_number(name: str) -> int:
    """The month an English name or abbreviation, or a Russian form ("ноября", "дек"), stands for."""
    folded = name.casefold().rstrip(".")
    if folded in MONTHS:
        return MONTHS[folded]
    if folded in RU_MONTH_ABBREVIATIONS:
        return RU_MONTH_ABBREVIATIONS[folded]
    return next(month for stem, month in RU_MONTH_STEMS.items() if folded.startswith(stem))


def weekday_index(name: str) -> int:
    """Monday 0 … Sunday 6, for a folded English weekday or a Russian one in the accusative or the genitive."""
    for names in (WEEKDAYS, RU_WEEKDAYS, RU_WEEKDAYS_GENITIVE):
        if name in names:
            return names.index(name)
    raise ValueError(f"not a weekday: {name!r}")


def complete(
    year: int | None,
    month: int,
    day: int,
    published: dt.date | None,
    *,
    ahead: bool = False,
    coming: bool = False,
    approximate: bool = False,
    anchor_year: int | None = None,
    years: tuple[int, int] = (1900, 2100),
) -> dt.date | None:
    """The date, taking a missing year from the publication date (see FUTURE_DAYS_*), else from `anchor_year` (the
    year the text is about). `ahead`: the sentence looks ahead before the date ("by", "will"); `coming`: only after
    it ("on 12 October the court will hear"), which keeps a date after publication this year's but never moves one
    long past to next year. None for an impossible date, a year outside `years`, or no year to take."""
    try:
        if year is not None:
            return dt.date(year, month, day) if years[0] <= year <= years[1] else None
        if published is None:
            return dt.date(anchor_year, month, day) if anchor_year else None
        guess = dt.date(published.year, month, day)
        # "mid-May" in a story of 14 May is this May: an approximate day stands for the month.
        if approximate and month == published.month:
            return guess
        if guess > published:
            ahead_days = (guess - published).days
            limit = FUTURE_DAYS_WITH_CUE if ahead or coming else FUTURE_DAYS_WITHOUT_CUE
            return guess if ahead_days <= limit else dt.date(published.year - 1, month, day)
        if ahead and (published - guess).days > PAST_DAYS_BEFORE_NEXT_YEAR:
            return dt.date(published.year + 1, month, day)
        return guess
    except ValueError:
        return None
