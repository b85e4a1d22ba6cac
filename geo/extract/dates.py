"""Dates written in an article: where each stands, what day it means and how precisely.

The tables (month names in English and Russian, weekdays, approximate days) and the rule that completes a date
without a year belong to geo/dates.py, the one date module; this is the grammar that finds them in running text.
Every pattern is a plain alternation without nested repetition, so finding dates is linear in the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from calendar import monthrange
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from geo import dates as calendar
from geo.gazetteer import fold
from geo.model import CHARTABLE_YEARS

# Title or upper case only: "may" and "march" in lower case are a verb, not a month.
_MON = (
    "(?P<mon>"
    + "|".join(f"{n.title()}|{n.upper()}" for n in sorted(calendar.MONTHS, key=len, reverse=True))
    + r")\b\.?"
)
_RU_MON = (
    r"(?P<mon>(?i:"
    + "|".join(calendar.RU_MONTH_STEMS)
    + r")(?:я|ь|е|а|й|ю)?|(?i:"
    + "|".join(sorted(calendar.RU_MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")\.?)(?!\w)"
)
# The month a range ends in, where it writes one ("from Sept. 19 to Sept. 20", "с 20 апреля по 22 апреля").
_MON2 = _MON.replace("(?P<mon>", "(?P<mon2>")
_RU_MON2 = _RU_MON.replace("(?P<mon>", "(?P<mon2>")
_YEAR = r"(?P<year>\d{4})(?!\d)"
_YEAR1 = r"(?P<year1>\d{4})(?!\d)"  # a range's first day's own year: "from 20 February 2025 to 19 February 2027"
_EN_WEEKDAY = "|".join(calendar.WEEKDAYS)
_RU_WEEKDAY = "|".join(calendar.RU_WEEKDAYS)
# "в ноябре прошлого года", "26 ноября этого года", "November last year": a year counted from the publication's.
_RELATIVE_YEARS = {
    "прошлого": -1,
    "позапрошлого": -2,
    "этого": 0,
    "текущего": 0,
    "нынешнего": 0,
    "сего": 0,
    "следующего": 1,
    "last": -1,
    "this": 0,
    "next": 1,
}
_RU_COUNTED_YEAR = "|".join(word for word in _RELATIVE_YEARS if not word.isascii())
# "on June 1-5 that year", "в мае того же года": the year the sentence wrote last before it.
_RU_REL_YEAR = rf"\s+(?:(?P<rel>(?i:{_RU_COUNTED_YEAR}))|(?P<that_year>(?i:того\s+же)))\s+года\b"
# "December 18 the following year": the year after the one the text wrote last.
_EN_REL_YEAR = (
    r"\s+(?:of\s+)?(?:(?P<rel>(?i:last|this|next))|(?P<that_year>(?i:that|the\s+same|the\s+following|the\s+next)))"
    r"\s+year\b"
)
_YEAR_AFTER = re.compile(r"(?i:the\s+(?:following|next))")
_RU_YEAR = rf"(?:\s+{_YEAR}(?:\s*(?:года|году|г\.?))?|{_RU_REL_YEAR})?"
_EN_YEAR = rf"(?:,?\s+{_YEAR}|{_EN_REL_YEAR})?"
# Where "will", "due to", "by", "до" must stand, before the date, for a year-less date to be read as coming.
FUTURE_CUE_WINDOW = 60
# Verbs that move something to a later day, in any tense (candidates.py reads the new day they give).
MOVED_LATER = r"postpon(?:e|es|ed|ing)|defer(?:s|red|ring)?|push(?:es|ed|ing)?\s+back|put(?:s|ting)?\s+off"
# Russian perfective verbs whose present form is a future: a cue before a date (_FUTURE_CUE) and after it (_FUTURE_AFTER).
_RU_PERFECTIVE_FUTURE = (
    r"провед(?:ет|ёт|ут)|пройд(?:ет|ёт|ут)|состо(?:ится|ятся)|собер(?:ется|ётся|утся)|подпиш(?:ет|ут)|"
    r"начн(?:ется|ётся|утся)|возобнов(?:ится|ятся)|посет(?:ит|ят)|прибуд(?:ет|ут)|"
    # "вернутся к обсуждению текста в декабре", "с декабря продолжат обсуждение", "обсудят в декабре", "7 июня страна
    # выберет новый парламент".
    r"верн(?:ется|ётся|утся)|продолж(?:ит|ат)|обсуд(?:ит|ят)|выбер(?:ет|ёт|ут)|изберут"
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|due|scheduled|expected|planned|intends?|intended|deadline|until|is\s+to|are\s+to|"
    # "plans to meet", not "a transition plan"; "next week", not "the next day" (counted from a day told).
    r"plans?(?=\s+to\b)|next(?!\s+(?:day|morning|afternoon|evening|night)\b)|"
    # An obligation is still to be met: "the list must go to the leaders before March 1" (not "must have").
    r"must(?!\s+have\b)|"
    # Something moved to a later day, in any tense: "agreed on Sunday to push back the handover … to Nov. 25".
    rf"{MOVED_LATER}|"
    # What may yet happen: "could meet in October", "В октябре лидеры могут встретиться".
    r"could\s+(?!not\b|have\b)\w+|мо(?:гут|жет)\s+(?:\w+\s+)?\w+(?:ть|ться|ти)(?![\w-])|"
    # Readiness is for what is still to come: "Yerevan remained ready to meet on 7 December", "готов к встрече 7 декабря".
    r"ready\s+to\s+\w+|готов\w*\s+(?:к\s+\w+|\w+(?:ть|ться))(?![\w-])|"
    # What was meant to happen, in any tense: "which Blinken was going to host on 20 November", "которую Блинкен
    # собирался провести 20 ноября" (an infinitive after it: "комиссия собиралась в декабре" is a past meeting).
    r"(?:was|were)\s+going\s+to|собира\w+\s+(?:\w+\s+)?\w+(?:ть|ться|ти)(?![\w-])|"
    # "by 15 May", "by the end of April", "by Nov. 25"; not the agent of a verb ("hosted by Michel, after their first
    # talks in Brussels in December").
    r"by\s+(?=(?:the\s+)?(?:(?:end|middle|start|beginning|close)\s+of\s+)?(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:\d|(?:{'|'.join(calendar.MONTH_ABBREVIATIONS)})[a-z]*\.?\b|then\b|next\b|this\b))|"
    # A day something is fixed for: "the election Pashinyan has called for June 20", "talks set for 7 December", "the
    # meeting that had been proposed for November 20" (not "called for a truce").
    r"(?:called|set|slated|fixed|proposed)\s+for\s+(?=(?:\d|(?:"
    + "|".join(calendar.MONTH_ABBREVIATIONS)
    + r")[a-z]*\.?\b))|"
    # A meeting arranged, in any tense the arranging takes: "agreed to meet again", "have decided to meet",
    # "договорились встретиться", "встретятся".
    r"(?:agreed|agree|decided)\s+to\s+meet|meet\s+again|договорил\w*\s+(?:\w+\s+)?встретиться|встрет(?:ится|ятся)|"
    # An invitation is to something still to come: "has invited the four leaders to gather in Granada in October".
    r"invit(?:es?|ed|ing|ation)|пригла\w*|"
    # Perfective verbs whose present form is a future ("проведут переговоры 28-29 февраля", "саммит состоится").
    rf"{_RU_PERFECTIVE_FUTURE}|"
    # "до 1 марта", "до конца года", "до декабря": a deadline before its own date; not "до нынешней встречи" (before this
    # meeting), which dates nothing ahead ("до нынешней встречи в последний раз собиралась в декабре" is past).
    r"будет|будут|должн\w*|до(?=\s+(?:\d|конц|начал|середин|истечени|" + "|".join(calendar.RU_MONTH_STEMS) + r"))|"
    # "ко 2 февраля", "к концу месяца": "by", a deadline as "до" is.
    r"(?<![\w-])ко?(?=\s+(?:\d|конц|началу|середин))|"
    # A meeting proposed for a day, in any tense: "встреча, которую предлагалось провести в Вашингтоне 20 ноября".
    r"предлага\w*\s+(?:\w+\s+)?провести|не\s+позднее|планиру\w*|(?:за)?планирован\w*|назначен\w*|намерен\w*|намечен\w*|"
    r"ожидает\w*|предстоит|предстоят|"
    # A term told as running out, in the present: "the mandate expires on 19 February", "мандат истекает 19 февраля".
    r"expires|runs\s+out|истека(?:ет|ют))\b",
    re.I,
)
# A plan told as the first one, since changed: "was originally scheduled for November 15", "Первоначально передача
# была намечена на 15 ноября" is a day of the story, not one still to come.
_FIRST_PLAN = re.compile(r"\b(?:originally|initially|первоначально|изначально)\b(?=[^.;:]*$)", re.I)
FIRST_PLAN_REACH = 50


# A state that lasted, told in the past: "the stretch was guarded under a transition plan until July 24", "охрана велась
# по переходной схеме до 24 июля" ends on a day of the story; not one moved or set ahead ("was extended until
# February", "срок продлили до 1 марта").
_LASTED = re.compile(
    r"\b(?:was|were|had\s+been|remained|lasted|stayed|applied|continued)\b|"
    r"(?<![\w-])(?:был[аио]?|действовал\w*|охранял\w*|вел(?:ась|ся|ись)|вёлся|продолжал\w*|оставал\w*|длил\w*)(?![\w-])",
    re.I,
)
_SET_AHEAD = re.compile(
    rf"\b(?:extended|prolonged|{MOVED_LATER}|set|scheduled|due|expected|given)\b|продл\w*|перен[её]с\w*|отлож\w*",
    re.I,
)
_CLAUSE_STOP = re.compile(r"[,;:.!?]")
_CLAUSE_OPENING = re.compile(rf"{_CLAUSE_STOP.pattern}|\b(?:while|and|but|а|но|и)\s", re.I)


# Any Russian verb in the past ("покинуло", "предусматривало"), or a noun that ends as one ("село"): after "к" a day
# is one still to come only in a clause without one ("К началу октября почти все жители покинули регион" is past).
_RU_PAST = re.compile(r"(?<![\w-])\w{2,}л[аои]?(?:сь|ся)?(?![\w-])")


def _told_as_lasted(text: str, cue: re.Match[str]) -> bool:
    """Whether a deadline word ("until", "до", "к") ends a state its clause tells as past: "…, while the stretch near
    Kirants was guarded under a transition plan until July 24"."""
    word = cue.group().lower()
    if word not in ("until", "до", "к", "ко"):
        return False
    lo, hi = max(0, cue.start() - FUTURE_CUE_WINDOW), min(len(text), cue.end() + FUTURE_CUE_WINDOW)
    opening = max((m.end() for m in _CLAUSE_OPENING.finditer(text, lo, cue.start())), default=lo)
    # The verb may come after the day: "до 24 июля действовала переходная схема".
    stop = _CLAUSE_STOP.search(text, cue.end(), hi)
    closing = stop.start() if stop else hi
    if word in ("к", "ко"):
        return bool(_RU_PAST.search(text, opening, closing))
    return bool(_LASTED.search(text, opening, closing)) and not _SET_AHEAD.search(text, opening, closing)


def _future_cues(text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
    """The cues of `text[lo:hi]` that look ahead: not one told as the first plan, since changed, nor the end of a
    state told as past."""
    for m in _FUTURE_CUE.finditer(text, lo, len(text) if hi is None else hi):
        if not _FIRST_PLAN.search(text, max(0, m.start() - FIRST_PLAN_REACH), m.start()) and not _told_as_lasted(
            text, m
        ):
            yield m


# The cues that mark a deadline, which looks ahead for the date it stands before.
_DEADLINE_WORDS = frozenset({"by", "until", "deadline", "до", "не", "к", "ко"})
# Verbs of saying: "…, the ministry said on Monday", "сообщили в среду".
SPEECH_VERBS = (
    r"(?:said|says|told|reported|announced|stated|confirmed|added|noted|сообщил\w*|заявил\w*|рассказал\w*|"
    r"отметил\w*|подтвердил\w*)"
)
SPOKEN = re.compile(rf"\b{SPEECH_VERBS}\b", re.I)
# A bare year in a sentence ("in 2023"): not a date of its own, but it tells which of several agreements is meant.
BARE_YEAR = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)(?![\d-]|'?s\b)")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?![\d-])"),
        # "10.11.2020", as Russian-language outlets write a date: day first.
        ("iso", r"(?<![\d.])(?P<day>\d{1,2})\.(?P<m>\d{2})\.(?P<year>\d{4})(?![\d.])"),
        # "visited Yerevan and Baku on 9 and 14 Feb respectively", "9 и 14 февраля соответственно": two days, one
        # for each of what the clause lists, not a range (before the ranges: the same text, read as two).
        (
            "pair",
            rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}"
            rf"{_EN_YEAR}(?=,?\s+(?i:respectively)\b)",
        ),
        (
            "pair",
            rf"\b{_MON}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"{_EN_YEAR}(?=,?\s+(?i:respectively)\b)",
        ),
        (
            "pair",
            rf"\b(?P<d1>\d{{1,2}})\s+и\s+(?P<day>\d{{1,2}})\s+{_RU_MON}{_RU_YEAR}(?=,?\s+(?i:соответственно)\b)",
        ),
        (
            "range",
            # "from 20 October to 19 December", "from the afternoon of 19 September to 13:00 on 20 September",
            # "between 30 April and 15 May".
            rf"\b(?i:from|between)\s+(?:the\s+[a-z]+\s+of\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:{_MON}(?:,?\s+{_YEAR1})?\s+)?"
            rf"(?i:to|until|till|and)\s+(?:\d{{1,2}}:\d\d\s+(?:on\s+)?|the\s+[a-z]+\s+of\s+)?(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\s+(?P<mon2>[A-Z][a-z]+){_EN_YEAR}",
        ),
        # "from Sept. 19 to Sept. 20", "between September 30 and October 2, 2023": month first, the end's month
        # written or not.
        (
            "range",
            rf"\b(?i:from|between)\s+{_MON}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR1})?,?\s+"
            rf"(?i:to|until|till|through|and)\s+(?:{_MON2}\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){_EN_YEAR}",
        ),
        (
            "range",
            rf"\b(?P<d1>\d{{1,2}})\s*(?:[-–—/]|and|or)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}"
            rf"{_EN_YEAR}",
        ),
        (
            "range",
            rf"\b{_MON}\s+(?P<d1>\d{{1,2}})\s*(?:[-–—/]|and|or)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"{_EN_YEAR}",
        ),
        ("day", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}{_EN_YEAR}"),
        ("day", rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){_EN_YEAR}"),
        (
            "approx",
            rf"\b(?P<q>(?i:early|mid|middle|late|the\s+end|end|the\s+beginning|beginning|start))"
            rf"(?:\s+of)?[\s-]+{_MON}(?:,?\s+{_YEAR}|{_EN_REL_YEAR})?",
        ),
        # "between April and June 2024", "from October to December": a range of whole months, dated by its first.
        (
            "month_range",
            rf"\b(?i:between|from)\s+{_MON}\s+(?i:and|to|until|till|through)\s+(?P<mon2>[A-Z][a-z]+)\b\.?"
            rf"(?:,?\s+{_YEAR})?",
        ),
        # "in November-December 2020", "March–April 2024": two months joined by a dash, with their year.
        (
            "month_range",
            rf"(?:\b(?i:in|during|from|since|by)\s+)?\b{_MON}\s*[-–—]\s*(?P<mon2>[A-Z][a-z]+)\b\.?,?\s+{_YEAR}",
        ),
        ("last_named_month", rf"\b(?i:last|this\s+past)\s+{_MON}(?:'s)?"),
        ("month", rf"\b{_MON},?\s+{_YEAR}"),
        ("month", rf"\b(?i:in|since|during|by|until|through|from)\s+{_MON}(?!\.?\s*\d)(?:{_EN_REL_YEAR})?"),
        # "That August the two governments signed …", "taken that September": the month of the year the text wrote
        # last, as "in August that year" is; not a month that qualifies a noun ("that November ceasefire statement").
        # The month's capital keeps "that may" a verb.
        (
            "month",
            rf"\b(?P<that_year>(?i:that))\s+{_MON}(?!\.?\s*\d)(?=\s*[,.;:)—–]|\s*$|\s+[A-ZА-ЯЁ]"
            r"|\s+(?:the|a|an|both|its|their|it|they|he|she|we|and|when|as|after|before|in|at|on)\b)",
        ),
        # "в марте-апреле 2024 года", "с ноября по декабрь 2020 года": two months, with their year.
        (
            "month_range",
            rf"(?:(?i:\b(?:в|во|с|со))\s+)?\b{_RU_MON}(?:\s*[-–—]\s*|\s+(?i:по|до)\s+){_RU_MON2}\s+{_YEAR}",
        ),
        ("range", rf"(?i:\bс)\s+(?P<d1>\d{{1,2}})\s+(?i:по|до)\s+(?P<day>\d{{1,2}})\s+{_RU_MON}{_RU_YEAR}"),
        # "с 20 апреля по 22 апреля", "с 30 сентября по 2 октября 2023 года": each day with its month.
        (
            "range",
            rf"(?i:\bс)\s+(?P<d1>\d{{1,2}})\s+{_RU_MON}(?:\s+{_YEAR1}(?:\s*(?:года|г\.?))?)?\s+(?i:по|до)\s+"
            rf"(?P<day>\d{{1,2}})\s+{_RU_MON2}{_RU_YEAR}",
        ),
        ("range", rf"\b(?P<d1>\d{{1,2}})\s*(?:[-–—]|и(?=\s))\s*(?P<day>\d{{1,2}})\s+{_RU_MON}{_RU_YEAR}"),
        ("day", rf"\b(?P<day>\d{{1,2}})(?:-?го)?\s+{_RU_MON}{_RU_YEAR}"),
        # "в конце апреля", and after "с", "до", "к" in their cases: "с конца апреля", "к середине мая".
        (
            "approx",
            rf"(?i:\b(?:в|с|со|до|к)\s+(?P<q>начал[еау]|середин[еыу]|конц[еау]))\s+{_RU_MON}{_RU_YEAR}",
        ),
        ("month", rf"\b{_RU_MON}\s+{_YEAR}"),
        # "с февраля прошлого года", "до марта этого года": a month in any case with its year counted.
        ("month", rf"\b{_RU_MON}{_RU_REL_YEAR}"),
        (
            "month",
            r"(?i:\bв)\s+(?P<mon>(?i:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр|ма)е)\b"
            rf"{_RU_YEAR}",
        ),
        # "С июня жители возвращаются", "до марта": since or until a month, as "since June" is (the genitive).
        (
            "month",
            r"(?i:(?<![\w-])(?:с|со|до)\s+(?P<mon>" + "|".join(calendar.RU_MONTHS_GENITIVE) + "))"
            rf"(?![\w-])(?:{_RU_REL_YEAR})?(?!\s*\d)",
        ),
        # "накануне сообщило", "Накануне в Кремле …", "накануне вечером", "Накануне Ильхам Алиев …" (a name and
        # surname): the day before; "накануне выборов", "накануне Нового года" (on the eve of) is not.
        (
            "yesterday",
            r"(?i:\b(?:yesterday|вчера)\b|\bнакануне(?=\s*[,.;:—]|\s+(?:в|во|на|же|и)\s|\s+(?:вечером|ночью|утром)\b"
            r"|\s+[а-яё]+(?:л|ла|ло|ли)(?:сь|ся)?\b"
            # "сообщил накануне дорожный фонд": the subject after it, in the nominative ("накануне очередной встречи"
            # is the genitive of what it is the eve of).
            r"|\s+[а-яё]+(?:ый|ий|ая|яя|ое|ее|ые|ие)\s"
            # "Накануне он рассказал", "Накануне ведомство сообщило", "Накануне президент … объявил": a subject that
            # is a pronoun or a title in the nominative, whose genitive ("накануне визита президента") differs.
            r"|\s+(?:он|она|оно|они|президент|премьер-министр|премьер|министр|глава|ведомство|министерство|"
            r"правительство|парламент|посол|представитель|спикер|председатель|пресс-секретарь|командование)(?![\w-])))"
            # "Накануне Ильхам Алиев …", "Накануне Пашинян обсудил …", "Накануне Алиев в интервью Азербайджанскому
            # телевидению сказал": a name (and surname) and, within a few words (a capitalised adjective among them, not
            # a name: "Накануне Нового года Алиев …"), its verb; not the genitive of a feast ("Накануне Пасхи прошли …").
            r"|\b[Нн]акануне(?=\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]"
            r"|\s+[А-ЯЁ][а-яё]*[^\Wиыйь\d_](?:\s+(?:[а-яё]+|[А-ЯЁ][а-яё]+(?:ому|ему|ой|ей|ым|им)))"
            r"{0,4}?\s+[а-яё]+(?:л|ла|ло|ли)(?:сь|ся)?\b)",
        ),
        # "Two years ago today", "ровно два года назад": the publication's day that many years back (an anniversary).
        (
            "years_ago_today",
            r"(?i:\b(?P<n>a|one|two|three|four|five|\d{1,2})\s+years?\s+ago\s+today\b"
            r"|(?<![\w-])ровно\s+(?P<ru_n>год|два\s+года|три\s+года|четыре\s+года|пять\s+лет|\d{1,2}\s+(?:год|года|лет))"
            r"\s+назад(?![\w-]))",
        ),
        # Before "yesterday": "the day before yesterday" is two days back, not one.
        ("two_days_ago", r"(?i:\b(?:the\s+day\s+before\s+yesterday|позавчера)\b)"),
        # "shelled the city overnight": the night before the paper, told as its day (as "в ночь на вторник" is); not
        # the adjective ("an overnight truce"), nor a night whose date follows ("signed overnight on 9-10 November").
        (
            "today",
            # "с сегодняшнего дня" is "from today".
            r"(?i:\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|сегодня|с\s+сегодняшнего\s+дня)\b"
            r"|\bovernight(?=[,.;]|\s+(?:on(?!\s+(?:\d|[A-Z][a-z]+\.?\s+\d))|into|in|near|at|and|with|from)\b))",
        ),
        # "over the weekend", "на выходных": the Saturday and Sunday last before publication, a range from Saturday.
        (
            "weekend",
            r"(?i:\b(?:(?:over|during|at|on)\s+the\s+weekend|weekend['’]s|на\s+выходных)\b)",
        ),
        # "last weekend", "на прошлых выходных": the same, but in a text of a Saturday or Sunday the weekend before.
        (
            "last_weekend",
            r"(?i:\b(?:(?:last|this\s+past)\s+weekend|на\s+(?:минувших|прошлых)\s+выходных"
            r"|в\s+(?:минувшие|прошлые)\s+выходные)\b)",
        ),
        # "on Wednesday and Thursday", "в среду и четверг": two days running, a range from the first.
        ("weekday", rf"(?i:\bon\s+(?P<wd>{_EN_WEEKDAY})\s+and\s+(?:on\s+)?(?P<wd2>{_EN_WEEKDAY})\b)"),
        ("weekday", rf"(?i:\bв(?:о)?\s+(?P<wd>{_RU_WEEKDAY})\s+и\s+(?:в(?:о)?\s+)?(?P<wd2>{_RU_WEEKDAY})\b)"),
        (
            "weekday",
            r"(?i:\b(?:on|last|this\s+past|since|by|until|next|late\s+on|early\s+on)\s+(?P<wd>"
            + "|".join(calendar.WEEKDAYS)
            + r")\b)",
        ),
        # A weekday written alone, as wires write it ("said Tuesday", "late Monday", "early Tuesday"): capitalised,
        # it is never anything else. Not "a Friday", "every Monday": any of them, no day to place ("on a Friday in
        # mid-February" is dated by its month).
        (
            "weekday",
            r"\b(?<!\b[Aa] )(?<!\b[Oo]ne )(?<!\b[Ee]very )(?<!\b[Ee]ach )(?P<wd>"
            + "|".join(w.title() for w in calendar.WEEKDAYS)
            + r")\b",
        ),
        # "в ночь на вторник" (the night before Tuesday, reported as Tuesday), "в минувший вторник".
        (
            "weekday",
            r"(?i:\bв(?:о)?\s+(?:ночь\s+на\s+|(?:минувш|прошл)\w{1,3}\s+)?(?P<wd>"
            + "|".join(calendar.RU_WEEKDAYS)
            + r")\b)",
        ),
        # "с воскресенья, когда открылся проезд", "до пятницы": since or until a weekday, as "since Sunday" is.
        (
            "weekday",
            r"(?i:(?<![\w-])(?:с|со|до)\s+(?P<wd>" + "|".join(calendar.RU_WEEKDAYS_GENITIVE) + r")(?![\w-]))",
        ),
        # "к утру четверга", "вечером среды", "к 8:00 среды": a time of that day, the weekday in the genitive.
        (
            "weekday",
            r"(?i:(?<![\w-])(?:к\s+)?(?:(?:утр|вечер|ноч|днем|днём|полудн)\w*|\d{1,2}[:.]\d{2})\s+(?P<wd>"
            + "|".join(calendar.RU_WEEKDAYS_GENITIVE)
            + r")(?![\w-]))",
        ),
        ("ago", r"(?i:\b(?P<n>\d{1,2}|" + "|".join(calendar.NUMBER_WORDS) + r")\s+days\s+ago\b)"),
        # "a week ago", "two weeks ago", "неделю назад": counted back in whole weeks.
        (
            "weeks_ago",
            r"(?i:\b(?:(?P<n>a|one|\d{1,2}|" + "|".join(calendar.NUMBER_WORDS) + r")\s+weeks?\s+ago|неделю\s+назад)\b)",
        ),
        # "On Monday of last week", "next week on Tuesday", "в понедельник на прошлой неделе": that weekday of the
        # week before (or after) the week of publication.
        (
            "weekday_of_week",
            rf"(?i:\b(?:on\s+)?(?P<wd>{_EN_WEEKDAY})\s+(?:of\s+)?(?P<which>last|next)\s+week\b)",
        ),
        ("weekday_of_week", rf"(?i:\b(?P<which>last|next)\s+week,?\s+on\s+(?P<wd>{_EN_WEEKDAY})\b)"),
        ("weekday_of_week", rf"(?i:\bв(?:о)?\s+(?P<wd>{_RU_WEEKDAY})\s+на\s+(?P<which>прошлой|следующей)\s+неделе\b)"),
        (
            "weekday_of_week",
            rf"(?i:\bна\s+(?P<which>прошлой|следующей)\s+неделе,?\s+в(?:о)?\s+(?P<wd>{_RU_WEEKDAY})\b)",
        ),
        ("last_week", r"(?i:\b(?:last\s+week|на\s+прошлой\s+неделе)\b)"),
        # "late last month", "в середине прошлого месяца": a part of the month before publication, or of its own.
        (
            "part_of_month",
            # "The mission will start this month": a verb, not a part of the month.
            r"(?i:\b(?:(?P<q>early|mid|late)[\s-]+|(?P<q_of>middle|end|beginning|start)\s+of\s+)(?P<which>last|this)"
            r"\s+month\b"
            r"|\b(?:в|с|до|к)\s+(?P<ru_q>начал[еау]|середин[еыу]|конц[еау])\s+(?P<ru_which>прошлого|этого|текущего)"
            r"\s+месяца\b)",
        ),
        # "at the end of 2024", "к концу 2026 года": the last days of a year, as "the end of April" is of a month
        # ("early 2022" dates nothing a reader would put a day on: not here).
        ("year_end", r"(?i:\bend\s+of\s+(?P<year>\d{4})\b)"),
        ("year_end", r"(?i:\b(?:в|к|до)\s+конц[еау]\s+(?P<year>\d{4})\s+года\b)"),
        # "before the end of the year", "к концу года": the end of the publication's year (or of the one named).
        ("year_end_counted", r"(?i:\bend\s+of\s+(?P<which>the|this|last|next)\s+year\b)"),
        (
            "year_end_counted",
            rf"(?i:\b(?:в|к|до)\s+конц[еау]\s+(?:(?P<which>{_RU_COUNTED_YEAR})\s+)?года\b)",
        ),
        # "in the second half of 2026", "во второй половине 2026 года": a range of six months, dated by its first day.
        ("half", r"(?i:\b(?P<half>first|second)\s+half\s+of\s+(?P<year>\d{4})\b)"),
        ("half", r"(?i:(?<![\w-])(?P<ru_half>перв|втор)\w*\s+половин\w*\s+(?P<year>\d{4})\s+года(?![\w-]))"),
        # "the second half of this year", "во второй половине года": of the publication's year (or the one named).
        ("half_counted", r"(?i:\b(?P<half>first|second)\s+half\s+of\s+(?P<which>the|this|last|next)\s+year\b)"),
        (
            "half_counted",
            r"(?i:(?<![\w-])(?P<ru_half>перв|втор)\w*\s+половин\w*\s+"
            rf"(?:(?P<which>{_RU_COUNTED_YEAR})\s+)?года(?![\w-]))",
        ),
        ("last_month", r"(?i:\b(?:last\s+month|в\s+прошлом\s+месяце)\b)"),
        ("this_month", r"(?i:\b(?:earlier\s+this\s+month|this\s+month|в\s+этом\s+месяце)\b)"),
        ("next_month", r"(?i:\b(?:next\s+month|в\s+(?:следующем|будущем)\s+месяце)\b)"),
    )
)
_RU_NUMBER = r"\d{1,2}|" + "|".join(calendar.RU_NUMBER_WORDS)
_RU_NUMBER_BY = "|".join(calendar.RU_NUMBER_WORDS_BY)  # "двумя днями ранее": by how many
_DAY_PART = r"(?:day|morning|afternoon|evening|night)"
# "the same day", "two days later", "на следующий день": counted from the last day the sentences before gave, in a
# sentence that writes no date of its own (within one sentence, "a day after" is _DAYS_APART's).
_OFFSET = re.compile(
    r"(?i:\b(?:(?P<n>a|one|\d{1,2}|" + "|".join(calendar.NUMBER_WORDS) + r")\s+days?\s+(?P<dir>later|earlier)"
    # "Baku filed its own case a week later": seven days; more weeks are rounder than a reader's day.
    r"|(?P<week>(?:a|one)\s+week\s+(?:later|earlier))"
    # "а через неделю Баку ответил", "неделей позже": a week after the day the sentences before gave.
    r"|(?P<ru_week>(?:через|спустя)\s+неделю|неделю\s+спустя|неделей\s+(?:позже|позднее))"
    # "promised to come back in ten days": that many days after the day told (not "in 44 days of fighting").
    r"|\b(?:in|within)\s+(?P<n_in>a|one|\d{1,2}|" + "|".join(calendar.NUMBER_WORDS) + r")\s+days?\b(?!\s+of\b)"
    # "Three days after the announcement, …", "Ten days before the ceremony, …" opening the sentence: counted from the
    # event told before, which "the" points back to.
    r"|(?<![\w\s,])(?P<n_rel>a|one|\d{1,2}|"
    + "|".join(calendar.NUMBER_WORDS)
    + r")\s+days?\s+(?P<rel_dir>after|before)(?=\s+the\s+\w)"
    rf"|the\s+(?P<same>same\s+{_DAY_PART}|(?:next|following)\s+{_DAY_PART}|day\s+before|previous\s+{_DAY_PART})"
    # "Earlier in the day", "later that day", "On that day": the day the sentence before gave.
    r"|(?P<that>earlier\s+in\s+the\s+day|later\s+(?:that|in\s+the)\s+day|(?:on\s+)?that\s+(?:same\s+)?day"
    # "At the same meeting he said …", "На той же пресс-конференции Пашинян сообщил …": the day of the event told before.
    r"|(?:at|during|in)\s+the\s+same\s+(?:meeting|press\s+conference|session|briefing|interview|talks|summit|forum|"
    r"ceremony|visit|event)|(?:на|в|во\s+время)\s+т(?:ой|ом|ех|ого)\s+же\s+(?:встреч[еи]|пресс-конференци[ии]|"
    r"брифинг[еа]|заседани[ия]|интервью|переговор(?:ах|ов)|саммит[еа]|форум[еа]|церемони[ии]|визит[еа])"
    # "that evening", "Вечером того же дня": a part of the day told before.
    # "Около 17:30 того же дня", "уже с того же дня": any time of, or from, the day told before.
    rf"|that\s+{_DAY_PART}|(?:утром|дн[её]м|вечером|ночью)\s+того\s+же\s+дня|(?<![\w-])того\s+же\s+дня"
    # "уже с этого дня": from the day told before.
    r"|(?<![\w-])с\s+этого\s+(?:же\s+)?дня"
    # "в тот же понедельник": the weekday told before.
    rf"|(?<![\w-])в\s+т(?:от|у|о)\s+же\s+(?:{_RU_WEEKDAY})"
    # "Hours before the checkpoint went up", "спустя несколько часов": the same day.
    r"|(?:only\s+|just\s+|a\s+few\s+|several\s+)?hours\s+(?:later|earlier|before|after)"
    r"|(?:спустя|через)\s+несколько\s+часов|несколькими\s+часами\s+(?:ранее|позже|позднее)"
    # "Тогда же министры парафировали …", "с того же часа", "Минобороны тогда заявило …": at the time the sentence
    # before gave ("тогда как" is "whereas").
    r"|тогда(?:\s+же)?(?!\s+как\b)|(?:с|в)\s+т(?:ого|от)\s+же\s+час[а]?"
    # "Днем на заседании …", "Уже утром министерство …" opening a sentence: later on the day told before.
    r"|(?<![\w\s,])(?-i:Дн[её]м|Утром|Вечером|Уже\s+(?:дн[её]м|утром|вечером))(?=\s+(?!того\b|этого\b|ранее\b|раньше\b|позже\b|позднее\b)))"
    r"|в\s+т(?:от|от\s+же|от\s+самый)\s+день|в\s+этот\s+(?:же\s+)?день|на\s+следующ(?:ий\s+день|ее\s+утро)"
    # "в ту же ночь", "тем же вечером": the same part of the day told before, as "the same night" is.
    r"|в\s+(?:ту|эту)\s+же\s+ночь|в\s+(?:тот|этот)\s+же\s+вечер|в\s+(?:то|это)\s+же\s+утро|т(?:ой|ем)\s+же\s+(?:ночью|вечером|утром)"
    # "Днем ранее", "днём позже", "за день до этого": a day before or after the day the sentences before gave.
    r"|(?:дн[её]м\s+(?P<ru_dir>ранее|раньше|позже|позднее)|за\s+день\s+до\s+этого)"
    # "Четыре дня спустя", "спустя пять дней", "через два дня": that many days after the day the sentences before gave.
    rf"|(?P<ru_count>{_RU_NUMBER})\s+(?:дня|дней)\s+спустя|(?:спустя|через)\s+(?P<ru_count_after>{_RU_NUMBER})\s+(?:дня|дней)"
    r"(?!\s+после)"
    # "двумя днями ранее", "тремя днями позже", "за три дня до этого": that many days before or after it.
    rf"|(?P<ru_by>{_RU_NUMBER_BY}|\d{{1,2}})\s+днями\s+(?P<ru_by_dir>ранее|раньше|позже|позднее)"
    rf"|за\s+(?P<ru_count_before>{_RU_NUMBER})\s+(?:дня|дней)\s+до\s+этого"
    # "by the end of that month", "late that month", "в конце того же месяца": a part of the month of the day written
    # before (before "that month", which it holds).
    r"|(?:the\s+)?(?P<part_of>end|middle|beginning|start)\s+of\s+(?:that|the\s+same)\s+month"
    r"|(?P<part>early|mid|late)[\s-]+(?:that|the\s+same)\s+month"
    r"|(?:в|к|до|с)\s+(?P<ru_part>начал[еау]|середин[еыу]|конц[еау])\s+того\s+же\s+месяца"
    # "That month", "в том же месяце": the month of the day written before.
    r"|(?P<month>(?:in\s+)?(?:that|the\s+same)\s+(?:same\s+)?month|в\s+(?:том\s+же\s+месяце|тот\s+же\s+месяц))"
    # "…, and those villages passed to Azerbaijani control the following month", "a month later", "месяц спустя": the
    # month after (or before) that of the day written before; not "next month", which counts from the publication,
    # nor "через месяц после …", counted from what follows it.
    r"|(?P<month_on>the\s+following\s+month|a\s+month\s+(?:later|earlier)|месяц\s+спустя|"
    r"(?:через|спустя)\s+месяц(?!\s+после)|месяцем\s+(?:позже|позднее|ранее|раньше)))\b)"
)
_OFFSET_SIGN = {"later": 1, "earlier": -1}
_SAME_DAY_SHIFT = {"same": 0, "next": 1, "following": 1, "day": -1, "previous": -1}  # by the first word
# "met on Thursday in Yevlakh, a day after the separatists agreed to lay down their arms", "в четверг, через день
# после того, как сепаратисты согласились": a clause set off by a comma and opened by a count of days after or before
# it tells an event of its own, that many days from the sentence's day before it (the day of the clause it follows).
_DAYS_APART = re.compile(
    r"(?i:,\s+(?P<span>(?P<n>a|one|the|\d{1,2}|"
    + "|".join(calendar.NUMBER_WORDS)
    + r")\s+days?\s+(?P<dir>after|before)"
    r"|(?P<ru_dir>через|спустя|за)\s+(?:(?P<ru_n>" + _RU_NUMBER + r")\s+(?:дня|дней)|день|сутки)\s+"
    # "через день после того, как …": the clause's comma is part of the words that open it.
    r"(?P<ru_rel>после|до)(?:\s+того,?\s+как)?"
    # "began its second mandate on 20 February, exactly two years after its first patrol", "ровно через год после
    # того, как …": a count of whole years said to be exact names that day of an earlier year.
    r"|exactly\s+(?P<years>a|one|\d{1,2}|"
    + "|".join(calendar.NUMBER_WORDS)
    + r")\s+years?\s+(?P<years_dir>after|before)"
    r"|ровно\s+через\s+(?:(?P<ru_years>" + _RU_NUMBER + r")\s+)?(?:год|года|лет)\s+(?P<ru_years_rel>после|до)"
    r"(?:\s+того,?\s+как)?)\s(?!(?:that|this|эт\w*)\b))"
)
RELATIVE_KINDS = frozenset(
    {
        "yesterday",
        "two_days_ago",
        "years_ago_today",
        "today",
        "weekday",
        "weekend",
        "last_weekend",
        "ago",
        "weeks_ago",
        "last_week",
        "last_month",
        "this_month",
        "next_month",
        "part_of_month",
        "weekday_of_week",
        "year_end_counted",
        "half_counted",
    }
)


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence: its span, the day it means (None when nothing anchors it), how precisely."""

    start: int
    end: int
    date: dt.date | None
    precision: str | None
    has_year: bool
    relative: bool  # "yesterday", "on Monday": when it was reported, never an agreement's date
    guessed_year: bool = False  # the year was taken from the publication date or the text, not written
    agreements: tuple[str, ...] = ()  # set when the date names these agreements rather than the event
    attached: bool = False  # part of an agreement's name ("the statement of 10 November")
    counted: bool = False  # "the same day", "earlier in the day": counted from a day written before
    weekday: bool = False  # "on Tuesday", "в среду", "накануне", "ровно год назад": a day named from publication
    apart: bool = False  # "…, a day after": a clause counted from the day of the clause before it
    coming: bool = False  # year-less and read as still to come: after the publication date


def _resolve(
    kind: str,
    m: re.Match[str],
    published: dt.date | None,
    anchor_year: int | None,
    coming: bool = False,
    written_year: int | None = None,
) -> tuple[dt.date | None, str | None]:  # noqa: C901 - one branch per kind of date, as the table above lists them
    groups = m.groupdict()
    # A cue just before the date or inside it ("by July") looks ahead; one anywhere else in the sentence (`coming`:
    # "on 12 October the court will hear", "The leaders will meet in Chisinau on 1 June … and in Brussels in July")
    # keeps a date after publication this year's, but never makes a date long past next year's.
    ahead = any(_future_cues(m.string, max(0, m.start() - FUTURE_CUE_WINDOW), m.end()))
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("that_year"):
        year = written_year  # "that year" with no year written before it: year-less
    if groups.get("rel"):
        if published is None:
            return None, None
        year = published.year + _RELATIVE_YEARS[groups["rel"].lower()]

    def complete(month: int, day: int, approximate: bool = False) -> dt.date | None:
        return calendar.complete(
            year,
            month,
            day,
            published,
            ahead=ahead,
            coming=coming,
            approximate=approximate,
            anchor_year=anchor_year,
            years=CHARTABLE_YEARS,
        )

    if kind == "iso":
        return complete(int(groups["m"]), int(groups["day"])), "day"
    if kind == "range":
        if int(groups["d1"]) >= int(groups["day"]) and not (groups.get("mon") and groups.get("mon2")):
            return None, None  # "25-9 November" is not a range; "from 20 October to 19 December" is
        name = groups.get("mon") or groups.get("mon2") or ""
        try:
            month = calendar.month_number(name)
        except StopIteration:
            return None, None
        if groups.get("year1"):
            year = int(groups["year1"])
        return complete(month, int(groups["d1"])), "range"
    if kind == "month_range":
        from_month, to_month = calendar.month_number(groups["mon"]), calendar.month_number(groups["mon2"])
        if year is not None and from_month > to_month:
            year -= 1  # "from November to February 2021" starts in 2020
        return complete(from_month, 1, True), "range"
    if kind in ("day", "pair"):  # a pair is dated here by its second day; find_dates adds the first
        return complete(calendar.month_number(groups["mon"]), int(groups["day"])), "day"
    if kind == "year_end":
        return complete(12, calendar.APPROXIMATE_DAYS["end"], True), "approximate"
    if kind == "half":
        return complete(_first_month_of_half(groups), 1), "range"  # its year is always written
    if kind == "approx":
        q = fold(groups["q"]).split()[-1]
        day = calendar.approximate_day(q)
        return complete(calendar.month_number(groups["mon"]), day, True), "approximate"
    if kind == "month":
        return complete(calendar.month_number(groups["mon"]), 1, True), "month"
    if kind in ("year_end_counted", "half_counted"):
        which = (groups["which"] or "the").lower()
        if published is not None:
            counted = published.year + _RELATIVE_YEARS.get(which, 0)
        elif anchor_year is not None and which == "the":
            # In a text without a publication date, "by the end of the year", "in the second half of the year" is of
            # the year the text tells ("On 12 November 2025 Pashinyan said … by the end of the year"); not "this year"
            # or "next year", counted from a day of writing no one knows.
            counted = anchor_year
        else:
            return None, None
        if kind == "half_counted":
            return dt.date(counted, _first_month_of_half(groups), 1), "range"
        return dt.date(counted, 12, calendar.APPROXIMATE_DAYS["end"]), "approximate"
    if published is None:
        return None, None
    if kind == "last_named_month":
        month = calendar.month_number(groups["mon"])
        year_of = published.year if month < published.month else published.year - 1
        return dt.date(year_of, month, 1), "month"
    if kind == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if kind == "today":
        return published, "day"
    if kind == "two_days_ago":
        return published - dt.timedelta(days=2), "day"
    if kind == "years_ago_today":
        ru = (groups.get("ru_n") or "").split()
        n = _ru_count(ru[0]) if ru else _count(groups["n"])
        back = published.year - n
        return published.replace(year=back, day=min(published.day, monthrange(back, published.month)[1])), "day"
    if kind in ("weekend", "last_weekend"):
        back = (published.weekday() - 5) % 7
        if kind == "last_weekend" and published.weekday() >= 5:
            back += 7  # told on the weekend, "last weekend" is the one before it
        return published - dt.timedelta(days=back), "range"
    if kind == "weekday":
        wd = fold(groups["wd"])
        index = calendar.weekday_index(wd)
        precision = "day"
        if groups.get("wd2"):
            if calendar.weekday_index(fold(groups["wd2"])) != (index + 1) % 7:
                return None, None  # "on Monday and Thursday": two days, each read on its own
            precision = "range"
        back = (published.weekday() - index) % 7
        ahead_of = fold(m.group()).startswith("next")
        if (ahead_of or _looks_ahead_to(m)) and back:
            return published + dt.timedelta(days=7 - back), precision
        if ahead_of:
            return published + dt.timedelta(days=7), precision  # "next Tuesday" in a Tuesday's paper: a week on
        if not back and _LAST_WEEKDAY.match(m.group()):
            back = 7  # "last Tuesday" in a Tuesday's paper, "в минувший вторник": a week ago, not today
        return published - dt.timedelta(days=back), precision
    if kind == "ago":
        return published - dt.timedelta(days=_count(groups["n"])), "day"
    if kind == "weeks_ago":
        return published - dt.timedelta(weeks=_count(groups["n"] or "one")), "day"
    if kind == "last_week":
        return published - dt.timedelta(days=7), "approximate"
    if kind == "weekday_of_week":
        weeks = -1 if groups["which"].lower() in ("last", "прошлой") else 1
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=weeks, days=calendar.weekday_index(fold(groups["wd"]))), "day"
    if kind == "part_of_month":
        which = (groups["which"] or groups["ru_which"]).lower()
        first_of_month = calendar.month_start(published, -1 if which in ("last", "прошлого") else 0)
        part = fold(groups["q"] or groups["q_of"] or groups["ru_q"])
        day = calendar.approximate_day(part)
        return first_of_month.replace(day=day), "approximate"
    if kind == "this_month":
        return published.replace(day=1), "month"
    if kind == "next_month":
        return calendar.month_start(published, 1), "month"
    return calendar.month_start(published, -1), "month"


def _first_month_of_half(groups: dict[str, str | None]) -> int:
    """The first month of the half of a year "first half" / "второй половине" names: January or July."""
    second = (groups.get("half") or "").lower() == "second" or (groups.get("ru_half") or "").lower() == "втор"
    return 7 if second else 1


_FUTURE_IN_THE_PAST = re.compile(r"(?i:would|could)\b")
_PAST_BEFORE_CUE = re.compile(r"(?i:\b(?:was|were|had\s+been)\s+$)")
_LAST_WEEKDAY = re.compile(r"(?i:last|this\s+past|в(?:о)?\s+(?:минувш|прошл))")


# After the day, only a verb that tells the future: not "planned" or "по приглашению" naming a thing ("on Friday hailed
# the planned handover", "начались в пятницу по приглашению …").
_FUTURE_AFTER = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+due|are\s+due|будет|будут|должн[аоы]?|(?:за)?планирован[аоы]?|намечен[аоы]?|"
    rf"назначен[аоы]?|{_RU_PERFECTIVE_FUTURE}|встрет(?:ится|ятся))\b",
    re.I,
)


def _looks_ahead_to(m: re.Match[str]) -> bool:
    """Whether the clause looks ahead to the day `m` names: "are due to meet officials on Thursday", "встретятся на
    границе во вторник"; not when a verb of saying stands between ("Talks will resume, the ministry said on Monday"),
    nor for a future told in the past ("said the fighting would stop from 1 a.m. (2100 GMT on Monday)", "a truce
    that was due to start at midnight on Saturday")."""
    window = m.string[max(0, m.start() - FUTURE_CUE_WINDOW) : m.start()]
    cues = [
        c
        for c in _FUTURE_CUE.finditer(window)
        if not _FUTURE_IN_THE_PAST.match(c.group()) and not _PAST_BEFORE_CUE.search(window, 0, c.start())
    ]
    if cues:
        return not SPOKEN.search(window, cues[-1].end())
    # "а в пятницу у него запланированы встречи", "во вторник комиссии проведут заседание": the cue after the day, in
    # its own clause (not "в пятницу он заявил, что встреча состоится …").
    after = _CLAUSE_STOP.split(m.string[m.end() : m.end() + FUTURE_CUE_WINDOW], maxsplit=1)[0]
    return bool(_FUTURE_AFTER.search(after)) and not SPOKEN.search(after)


def _count(word: str) -> int:
    """A count as written: "a", "one", "3", "three"."""
    n = word.lower()
    return 1 if n in ("a", "one", "the") else int(n) if n.isdigit() else calendar.NUMBER_WORDS[n]


def _ru_count(word: str) -> int:
    """A Russian count as written: "3", "три", "двумя" (by how many); a word that is no number ("год", "день") is one."""
    n = word.lower()
    return int(n) if n.isdigit() else calendar.RU_NUMBER_WORDS.get(n) or calendar.RU_NUMBER_WORDS_BY.get(n) or 1


def offset_date(sentence: str, before: dt.date | None) -> DateMention | None:
    """ "The same day", "two days later" in a sentence without a date of its own: counted from `before`."""
    m = _OFFSET.search(sentence)
    if m is None or before is None:
        return None
    if m.group("month"):
        return DateMention(m.start(), m.end(), before.replace(day=1), "month", False, True, counted=True)
    if written := m.group("month_on"):
        step = -1 if written.lower().endswith(("earlier", "ранее", "раньше")) else 1
        month = calendar.month_start(before, step)
        return DateMention(m.start(), m.end(), month, "month", False, True, counted=True)
    if part := m.group("part_of") or m.group("part") or m.group("ru_part"):
        day = calendar.approximate_day(fold(part))
        return DateMention(m.start(), m.end(), before.replace(day=day), "approximate", False, True, counted=True)
    if m.group("same"):
        days = _SAME_DAY_SHIFT[m.group("same").split()[0].lower()]
    elif m.group("that"):
        days = 0
    elif m.group("n_in"):
        days = _count(m.group("n_in"))
    elif m.group("n_rel"):
        days = _count(m.group("n_rel")) * (1 if m.group("rel_dir").lower() == "after" else -1)
    elif m.group("ru_week") or m.group("week"):
        days = -7 if m.group().lower().endswith("earlier") else 7
    elif written := m.group("ru_by"):
        days = _ru_count(written) * (-1 if m.group("ru_by_dir").lower() in ("ранее", "раньше") else 1)
    elif written := m.group("ru_count_before"):
        days = -_ru_count(written)
    elif written := m.group("ru_count") or m.group("ru_count_after"):
        days = _ru_count(written)
    elif m.group("ru_dir") is not None:
        days = -1 if m.group("ru_dir").lower() in ("ранее", "раньше") else 1
    elif m.group("n") is None:
        days = -1 if m.group().lower().startswith("за") else 1 if "следующ" in m.group().lower() else 0
    else:
        days = _count(m.group("n")) * _OFFSET_SIGN[m.group("dir").lower()]
    moved = _days_away(before, days)
    return None if moved is None else DateMention(m.start(), m.end(), moved, "day", False, True, counted=True)


# A day told as done by the verb right at it, whatever the sentence looks ahead to elsewhere: "recalled that the
# statement signed on 10 November contains …, and said the railway would extend there", "Пашинян 27 октября объявил о
# готовности пропускать грузовики", "заявление, подписанное 10 ноября".
DONE_REACH = 30
_DONE_BEFORE = re.compile(
    r"(?:\b(?:signed|held|adopted|initiall?ed|agreed|reached|issued|published|announced|said|told|declared|met)\s+"
    r"(?:on\s+)?|(?<![\w-])(?:подписан|состоявш|принят|проведенн|парафирован)\w*\s+)$",
    re.I,
)
_DONE_AFTER = re.compile(r"\s+[а-яё]+(?:л|ла|ло|ли)(?:сь|ся)?(?![\w-])")


def _told_as_done(sentence: str, m: re.Match[str]) -> bool:
    """Whether the verb right before the date or, in Russian, right after it tells the day as one something was done."""
    return bool(
        _DONE_BEFORE.search(sentence, max(0, m.start() - DONE_REACH), m.start()) or _DONE_AFTER.match(sentence, m.end())
    )


def find_dates(
    sentence: str,
    published: dt.date | None,
    anchor_year: Callable[[int], int | None] | None = None,
    before: dt.date | None = None,
    year_before: int | None = None,
) -> list[DateMention]:
    """The dates of `sentence`, left to right, the longest reading where two overlap.

    `anchor_year(offset)` is the year the text last wrote before that offset, for texts without a publication
    date. A relative date ("on Monday") in such a text is kept with `date` None: the event is there, its day is not.
    `before` is the last day the sentences before gave, which "the same day" counts from; `year_before` the year the
    text wrote last before the sentence, which "that year", "того же года", "the following year" count from when the
    sentence writes none before them.
    """
    found = []
    # Once per sentence: a long one may hold thousands of dates. A deadline ("by January 1, 2024", "до 1 марта") looks
    # ahead for its own date only: "decreed on September 28 that … be dissolved by January 1, 2024" is past.
    cues = [m.start() for m in _future_cues(sentence) if m.group().split()[0].lower() not in _DEADLINE_WORDS]
    # Not a cue in words reported after the date ("assured critics in December that foreigners would continue to use
    # the road": "would" is what was said then, not what is still to come): a cue counts before the first "that" or
    # "что" after the date.
    reported_at = [m.start() for m in _REPORTED_WORD.finditer(sentence)]

    def coming_for(m: re.Match[str]) -> bool:
        i = bisect.bisect_left(reported_at, m.end())
        bound = reported_at[i] if i < len(reported_at) else len(sentence)
        return bool(cues) and cues[0] < bound and not _told_as_done(sentence, m)

    # Where each year stands, found once: "that year" takes the last one before it (a bisection, not a search back).
    written = [(y.start(), int(y.group("year"))) for y in BARE_YEAR.finditer(sentence)]
    written_at = [at for at, _ in written]
    pair_first: dict[int, int] = {}  # where a pair's first day starts -> where it ends
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            try:
                # Only a date without its year takes one: the anchor may read the whole text once (infer_year).
                wants_anchor = published is None and not m.groupdict().get("year")
                anchor = anchor_year(m.start()) if anchor_year is not None and wants_anchor else None
                that_year = None
                if m.groupdict().get("that_year"):
                    i = bisect.bisect_left(written_at, m.start())
                    that_year = written[i - 1][1] if i else year_before
                    if that_year is not None and _YEAR_AFTER.match(m.group("that_year")):
                        that_year += 1
                date, precision = _resolve(kind, m, published, anchor, coming_for(m), that_year)
            except (OverflowError, ValueError, StopIteration):  # "yesterday" on 1 January of year 1
                continue
            relative = kind in RELATIVE_KINDS or kind == "last_named_month"
            if date is None and not (relative and published is None):
                continue
            # "Two years ago today" gives its year as surely as one written.
            has_year = bool(m.groupdict().get("year") or m.groupdict().get("rel") or that_year) or (
                kind == "years_ago_today"
            )
            guessed = not has_year and not relative and kind != "iso"
            if kind == "pair" and date is not None:
                if not 1 <= int(m.group("d1")) < date.day:
                    continue  # "14 and 9 Feb" is no pair
                first = date.replace(day=int(m.group("d1")))
                pair_first[m.start()] = m.end("d1")
                found.append(DateMention(m.start(), m.end("d1"), first, precision, has_year, relative, guessed))
                found.append(DateMention(m.start("day"), m.end(), date, precision, has_year, relative, guessed))
                continue
            coming_date = guessed and published is not None and date is not None and date > published
            found.append(
                DateMention(
                    m.start(),
                    m.end(),
                    date,
                    precision,
                    has_year,
                    relative,
                    guessed,
                    weekday=kind in ("weekday", "weekday_of_week", "yesterday", "years_ago_today"),
                    coming=coming_date,
                )
            )
    # A pair is read as two days, not as the range or the longer date that starts where it does.
    found = [d for d in found if pair_first.get(d.start, d.end) == d.end and not _names_a_street(sentence, d)]
    found.sort(key=lambda d: (d.start, d.start - d.end))
    chosen: list[DateMention] = []
    for d in found:
        if not chosen or d.start >= chosen[-1].end:
            chosen.append(d)
    chosen = _weekdays_beside_dates(sentence, _local_days(sentence, chosen, before))
    chosen = _weekdays_ahead_of_the_speaking(sentence, chosen, published)
    # "evacuated during last week's fighting, arrived the same day": a relative day in the possessive names a thing,
    # not when the sentence's event happened; a day the sentence counts from the sentence before is that.
    naming = {d.start for d in chosen if d.relative and _POSSESSIVE.match(sentence, d.end)}
    background = len(naming) == len(chosen)
    if naming and not background:
        # "Sunday's meeting followed talks … from May 1 to May 4": the sentence's own days are the others.
        chosen = [d for d in chosen if d.start not in naming]
    if not chosen or background:
        offset = offset_date(sentence, before)
        return [offset] if offset is not None else chosen
    chosen = _counted_years(sentence, chosen, before)
    listed = _list_years(sentence, _list_deadlines(sentence, chosen, published), published)
    return _days_apart(sentence, _later_clauses(sentence, listed, before))


# "Baku's 8 November Avenue", "на проспекте 8 Ноября", "станция метро «28 Мая»": a street or a station named after a day.
_STREET_AFTER = re.compile(r"[»\"”']?\s+(?:Avenue|Street|Square|Boulevard|(?:metro\s+)?station)\b", re.I)
# "метро" does not decline: "метров" (metres) is no station.
_STREET_BEFORE = re.compile(r"(?<![\w-])(?:(?:проспект|улиц|площад|бульвар|станци)\w*|метро)\s+[«\"“]?$", re.I)


def _names_a_street(sentence: str, d: DateMention) -> bool:
    return bool(_STREET_AFTER.match(sentence, d.end) or _STREET_BEFORE.search(sentence, max(0, d.start - 20), d.start))


# "The visit came a day after Aliyev held talks with Erdogan": the thing the report is about came that many days after
# (or before) the event the clause tells.
_CAME_APART = re.compile(
    r"\b(?:came|followed|was\s+held|took\s+place)\s+(?:just\s+|only\s+)?(?P<span>(?P<n>a|one|\d{1,2}|"
    + "|".join(calendar.NUMBER_WORDS)
    + r")\s+days?\s+(?P<dir>after|before))\s",
    re.I,
)


def came_apart(sentence: str, before: dt.date | None) -> DateMention | None:
    """The day of the event a "came a day after" clause tells, counted back from `before`, the day of what came after
    it; marked `apart`, as _days_apart's are."""
    m = _CAME_APART.search(sentence)
    if m is None or before is None:
        return None
    day = _days_away(before, _count(m.group("n")) * (-1 if m.group("dir").lower() == "after" else 1))
    if day is None:
        return None
    return DateMention(m.start("span"), m.end("span"), day, "day", False, True, counted=True, apart=True)


def _counted_years(sentence: str, chosen: list[DateMention], before: dt.date | None) -> list[DateMention]:
    """ "Девять дней спустя, 24 мая", "Nine days later, on 24 May": a year-less day that the sentence also counts from
    the day before is in the year the count gives."""
    counted = offset_date(sentence, before)
    if counted is None or counted.date is None or counted.precision != "day":
        return chosen
    day = counted.date
    return [
        replace(d, date=day, guessed_year=False)
        if d.guessed_year and d.date is not None and (d.date.month, d.date.day) == (day.month, day.day)
        else d
        for d in chosen
    ]


_POSSESSIVE = re.compile(r"['’]s\b")
# "would stop from 1 a.m. local time (2100 GMT on Monday)": the day of a time given again in another zone is that
# zone's, the local day or the one before it.
_OTHER_ZONE = re.compile(r"\(\s*\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC)\s+(?:on\s+)?$")
OTHER_ZONE_REACH = 20


def _local_days(sentence: str, chosen: list[DateMention], before: dt.date | None) -> list[DateMention]:
    """A day given in GMT beside a local time is the day told before when that is the same day or the next: the
    local day of "1 a.m. local time (2100 GMT on Monday)" in a story of Tuesday is Tuesday."""
    if before is None:
        return chosen
    return [
        replace(d, date=before)
        if d.date is not None
        and 0 <= (before - d.date).days <= 1
        and _OTHER_ZONE.search(sentence, max(0, d.start - OTHER_ZONE_REACH), d.start)
        else d
        for d in chosen
    ]


# Between a weekday (or "yesterday") and the date it stands beside: "on Tuesday, September 19", "Tuesday (19
# September)", "в среду, 25 ноября", "19 сентября, во вторник", "Накануне, 15 ноября".
_BESIDE = re.compile(r"\s*[,(]?\s*")
_EVE = re.compile(r"(?i:накануне|yesterday|вчера)")


def _weekdays_beside_dates(sentence: str, chosen: list[DateMention]) -> list[DateMention]:
    """A weekday (or "yesterday", "a year ago today") written beside a date names that date's day (or range), not a
    second one: one mention over both, dated by the date as written (a weekday counted from a publication days later
    would be another week's; "Накануне, 15 ноября" in a report published on the 17th is the eve of the day before, not
    the 16th)."""
    out: list[DateMention] = []
    for d in chosen:
        last = out[-1] if out else None
        if last is None or not _BESIDE.fullmatch(sentence, last.end, d.start):
            out.append(d)
            continue
        if d.weekday and _EVE.fullmatch(sentence, last.start, last.end):
            # "Накануне, в пятницу, Помпео принял …" in Monday's paper: the weekday says which day "before" was.
            out[-1] = replace(d, start=last.start)
            continue
        if last.weekday != d.weekday:
            written, named = (d, last) if last.weekday else (last, d)
            if not written.relative and written.precision in ("day", "range"):
                closed = "(" in sentence[last.end : d.start] and sentence.startswith(")", d.end)
                end = d.end + 1 if closed else d.end
                out[-1] = replace(_in_year_of_weekday(sentence, written, named), start=last.start, end=end)
                continue
        out.append(d)
    return out


_WEEKDAY_NAME = re.compile(rf"(?i:\b(?:{_EN_WEEKDAY}|{_RU_WEEKDAY})\b)")


def _in_year_of_weekday(sentence: str, written: DateMention, named: DateMention) -> DateMention:
    """A day whose year was guessed, in the year before or after where the weekday written beside it falls on it ("в
    понедельник, 1 марта" in a paper of 27 February 2021 is 1 March 2021, a Monday, not 1 March 2020); else as read.
    Only a weekday's name tells one: "Накануне, 15 ноября" is the eve of another day."""
    if not (written.guessed_year and named.precision == "day" and written.precision == "day"):
        return written
    if not _WEEKDAY_NAME.search(sentence, named.start, named.end):
        return written
    if written.date is None or named.date is None or written.date.weekday() == named.date.weekday():
        return written
    years = [written.date.year - 1, written.date.year + 1]
    fits = [
        day
        for y in years
        if (day := calendar.in_year(written.date, y)) is not None and day.weekday() == named.date.weekday()
    ]
    return replace(written, date=fits[0]) if len(fits) == 1 else written


# "announced on Monday that the delegations will meet …", "объявила, что делегации встретятся": words said on a day,
# then what they report.
SAID_REACH = 30
_SAID_THAT = re.compile(rf"\b(?:{SPEECH_VERBS}|объявил\w*)\b[^.;]*?\s(?:that|что)\s", re.I)


def _weekdays_ahead_of_the_speaking(
    sentence: str, chosen: list[DateMention], published: dt.date | None
) -> list[DateMention]:
    """ "Бадалян еще в понедельник объявила, что делегации встретятся … в среду" in Friday's paper: a weekday that
    words said on an earlier day look ahead to is the next such weekday after the day they were said (that week's
    Wednesday), not after the paper's. One pass: a pasted sentence may hold thousands of weekdays."""
    if published is None:
        return chosen
    out: list[DateMention] = []
    said: DateMention | None = None  # the last weekday before publication read so far
    for d in chosen:
        if d.weekday and d.date is not None and d.date < published:
            said = d
        elif (
            said is not None
            and said.date is not None
            and d.weekday
            and d.date is not None
            and d.date > published
            # The verb of saying and its "that" stand right around its day ("said on Monday that …", "в понедельник
            # объявила, что …"): a window of fixed size, so the pass stays linear.
            and _SAID_THAT.search(sentence, max(0, said.start - SAID_REACH), min(d.start, said.end + SAID_REACH))
        ):
            d = replace(d, date=said.date + dt.timedelta(days=(d.date.weekday() - said.date.weekday()) % 7 or 7))
        out.append(d)
    return out


# How far apart two dates of one list may stand ("on November 25 and Lachin on December 1, 2020").
LIST_YEAR_GAP = 80
LIST_JOIN = re.compile(r",|\s(?:and|or|и|или)\s")
# An English verb in the past, as a subject's own after what describes it.
PAST_VERB = r"was|were|began|became|held|met|left|took|went|fell|shut|[a-z]+ed"
# Russian past verbs: "был", "закрылся", "покинули".
RU_PAST_VERB = r"был[аио]?|были|[а-яё]+л(?:[аио]|ся|ась|ось|ись)?"
# The subject's own verb right after the day that dated its participle or its name: "The offensive launched on 27
# September 2020 ended on 9 November", "The offensive of 19-20 September ended with a ceasefire on 20 September",
# "Центр, открытый 30 января 2021 года закрылся 26 апреля"; it begins a clause of its own with no comma before it. Not
# a verb of order ("The talks of 28 April came weeks after the war ended", "декларации 8 августа предшествовала
# встреча в июле"): what comes before or after something is told by its relation to it, not as a second event.
OWN_VERB_AFTER_DAY = re.compile(
    rf"(?=\s+(?!(?:came|followed|preceded|предшествова|последова)\w*\s)(?:{PAST_VERB}|{RU_PAST_VERB})\s)"
)
# How long after a day a year-less day told with it may fall to share its year: in the next sentence
# (candidates._in_story_year) or later in the same list (_list_deadlines).
STORY_YEAR_DAYS = 60


def listed_together(sentence: str, first: DateMention, then: DateMention) -> bool:
    """Whether `then` follows `first` as the next item of one list: close, joined by a comma or "and"."""
    return then.start - first.end <= LIST_YEAR_GAP and LIST_JOIN.search(sentence, first.end, then.start) is not None


# Where a span ends: "run until 19 February 2027", "продлен до 19 февраля".
SPAN_END_REACH = 8
_SPAN_END = re.compile(r"(?i:\b(?:until|till|through)\s+$|(?<![\w-])(?:до|по)\s+$)")


def ends_a_span(sentence: str, d: DateMention) -> bool:
    """Whether `d` is the end of a span: "until 19 February 2027", "до 19 февраля"."""
    return _SPAN_END.search(sentence, max(0, d.start - SPAN_END_REACH), d.start) is not None


# "the statement of 9 November 2020", "заявление от 9 ноября 2020 года": a date that names a thing, no item of a list.
_NAMES_BY_DATE = re.compile(r"(?<![\w-])(?:of|от)\s+$", re.I)


def _list_years(sentence: str, chosen: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """ "Kalbajar was returned on November 25 and Lachin on December 1, 2020": the year written at the end of a list
    of dates is the year of the year-less ones before it, when they come before it in that year. Not the year of a
    span's end ("extended the mission on 30 January, setting its term until 19 February 2027"), nor of a date that
    names a thing ("On 24 March troops entered the zone, violating the statement of 9 November 2020"): no item. Nor
    does it move a day read as past to after the publication ("Ritter said on 13 February that the mandate, which
    expires on 19 February 2027, …", in a paper of 16 February 2026)."""
    out = list(chosen)
    for i in range(len(out) - 2, -1, -1):
        d, after = out[i], out[i + 1]
        if not d.guessed_year or d.date is None or after.date is None or after.relative:
            continue
        if after.guessed_year:  # the year of the next one is written (or carried from the one after it)
            continue
        if ends_a_span(sentence, after) or _NAMES_BY_DATE.search(sentence, max(0, after.start - 4), after.start):
            continue
        if not listed_together(sentence, d, after):
            continue
        carried = calendar.in_year(d.date, after.date.year)
        if carried is not None and published is not None and d.date <= published < carried:
            continue
        if carried is not None and carried <= after.date:
            out[i] = replace(d, date=carried, guessed_year=False)
    return out


def _list_deadlines(sentence: str, chosen: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """ "Aghdam was returned on Nov. 20, followed by Kalbajar on Nov. 25 and Lachin by Dec. 1" (in June 2021): a
    year-less day read as still to come (there, by its "by"), listed right after a year-less day read in an earlier
    year, is in that day's year when it then falls shortly after it: the list tells one story."""
    if published is None:
        return chosen
    out = list(chosen)
    for i in range(1, len(out)):
        before, d = out[i - 1], out[i]
        if not (d.guessed_year and before.guessed_year) or d.relative or before.relative:
            continue
        if d.date is None or before.date is None or d.date <= published or before.date.year >= d.date.year:
            continue
        if not listed_together(sentence, before, d):
            continue
        moved = calendar.in_year(d.date, before.date.year)
        if moved is not None and before.date <= moved <= before.date + dt.timedelta(days=STORY_YEAR_DAYS):
            out[i] = replace(d, date=moved, coming=False)
    return out


# How far before "the next day" its clause may begin.
CLAUSE_LOOKBACK = 200
# Where a clause of its own begins: "…on September 19, and the separatists agreed … the next day".
_NEW_CLAUSE = re.compile(
    # "…in Yerevan on 9 February by Vance, who the next day signed …", "Вэнс, который на следующий день подписал …".
    r",\s+(?:who|which|котор(?:ый|ая|ое|ые))\s|"
    r"[,;]\s+(?:and|but|while|а|и|но)\s|;\s|\s(?:and|but|while)\s+(?:the|a|an|it|they|he|she|[A-ZА-Я]|\w+ed\s|"
    # "holding talks in Yerevan on 9 February and signing a charter in Baku the next day": a participle's clause.
    r"(?!(?:dur|follow|morn|even|noth|someth|anyth|everyth)ing\b)\w+ing\s)|"
    # "…took Shusha on 8 May 1992 and, ten days later, entered Lachin": "and" right before the count opens its clause.
    r"\s(?:and|but|а|и)(?:\s*,)?\s+$"
)
COLON = re.compile(r":\s")
_SAME_DAY = re.compile(rf"в\s+(?:тот|этот)\s+(?:же\s+|самый\s+)?день|the\s+same\s+{_DAY_PART}", re.I)
# What was said or ordered on the day just written, opening right after it: "told a briefing on Monday that troops had
# taken Gubadly the previous evening", "a decree on 28 September ordering …", "заявил в понедельник, что …": a day
# counted or written in it is what was reported (and a clause of its own: candidates.py).
# "указ о прекращении существования республики с 1 января 2024 года": what a decree orders, with a day of its own.
REPORTED_CLAUSE = re.compile(
    r",?\s+(?:that|ordering|requiring|calling\s+for|что|(?:указ|распоряжение|постановление)\s+об?)\s", re.I
)
# The word that opens such a clause, found by itself: a search for REPORTED_CLAUSE, which begins with a run of spaces,
# would try every space of a long run as its start.
_REPORTED_WORD = re.compile(
    r"(?<=\s)(?:that|ordering|requiring|calling\s+for|что|(?:указ|распоряжение|постановление)\s+об?)\s", re.I
)
# An item of a list of dated names, its day counted from the item before: "Fuzuli on 17 October, Zangilan three days
# later", "Физули 17 октября, Зангелан тремя днями позже": a comma or "and" and one capitalised name right before it,
# which may say where it lies ("Hadrut in Khojavend district five days later", "Гадрут в Ходжавендском районе").
LIST_ITEM_CHARS = 40
_LIST_ITEM = re.compile(
    r"(?:,|\s(?:and|и))\s+(?:(?:о|об|of|the)\s+[a-zа-яё]+\s+)?[A-ZА-ЯЁ][\w'’-]*"
    r"(?:\s+(?:in|near|at|в|под|у)\s+[A-ZА-ЯЁ][\w'’-]*(?:\s+(?:district|province|region|районе|области))?)?"
    r"(?:\s+[—–-])?\s+$"
)


def opens_its_clause(text: str, start: int, floor: int = 0) -> bool:
    """Whether the words at `start` open a clause of their own right after a comma, at or after `floor`: "…объявил
    Гаджиев, в тот же день Песков ответил …", "…on April 17, the same day Peskov said …"."""
    return start - 2 >= floor and text[start - 2] == "," and text[start - 1].isspace()


def _after_last_day(
    pattern: re.Pattern[str], sentence: str, chosen: list[DateMention]
) -> Iterator[tuple[re.Match[str], tuple[int, dt.date] | None]]:
    """Each match of `pattern` in `sentence` that is not part of a date already read, with where the last
    day-precision date of `chosen` (sorted by start) ending before it ends and the day it means (None when there is
    none: a date whose day is unknown is never the last). Matches and dates are walked once, side by side, so a
    sentence of pasted junk stays linear."""
    k, last = 0, None
    for m in pattern.finditer(sentence):
        while k < len(chosen) and chosen[k].end <= m.start():
            day = chosen[k].date
            if day is not None and chosen[k].precision == "day":
                last = (chosen[k].end, day)
            k += 1
        if k < len(chosen) and chosen[k].start < m.end():
            continue  # part of a date already read
        yield m, last


def _later_clauses(sentence: str, chosen: list[DateMention], before: dt.date | None = None) -> list[DateMention]:
    """ "Baku launched an offensive on September 19 and the separatists agreed to a ceasefire the next day": a day
    counted from the sentence's last day before it, in a later clause with a subject of its own, is a second event.
    So is one in a clause of its own before the sentence's first date, counted from `before`, the last day the
    sentences before gave ("Aliyev that day proposed …; Yerevan rejected the idea on 22 February")."""
    first = _OFFSET.search(sentence, 0, chosen[0].start)
    # "The statement signed two days later listed the districts: Kalbajar by 15 November, …": a colon ends the clause.
    ends = (
        _NEW_CLAUSE.search(sentence, first.end(), chosen[0].start)
        or COLON.search(sentence, first.end(), chosen[0].start)
        if first is not None
        else None
    )
    if first is not None and before is not None and ends:
        counted = offset_date(first.group(), before)
        if counted is not None:
            return [replace(counted, start=first.start(), end=first.end()), *chosen]
    for m, last in _after_last_day(_OFFSET, sentence, chosen):
        if last is None or (m.group("n") is not None and not m.group("dir")):
            continue
        last_end, last_day = last
        lookback = max(last_end, m.start() - CLAUSE_LOOKBACK)
        item = _LIST_ITEM.search(sentence[max(last_end, m.start() - LIST_ITEM_CHARS) : m.start()])
        reported = REPORTED_CLAUSE.match(sentence, last_end, m.start())
        # "…объявил Гаджиев, в тот же день Песков ответил …", "…on 23 April 2023, the same morning Azerbaijan placed
        # a checkpoint …": a clause that opens on the count is one of its own.
        opens = _SAME_DAY.match(m.group()) and opens_its_clause(sentence, m.start(), last_end)
        if (
            item is None
            and reported is None
            and opens is None
            and not _NEW_CLAUSE.search(sentence, lookback, m.start())
        ):
            continue
        counted = offset_date(m.group(), last_day)
        if counted is not None:
            return sorted(
                [*chosen, replace(counted, start=m.start(), end=m.end())],
                key=lambda d: d.start,
            )
        break
    return chosen


def _days_apart(sentence: str, chosen: list[DateMention]) -> list[DateMention]:
    """ "Representatives met officials on Thursday, a day after the separatists agreed to lay down their arms": the
    clause after "a day after" is dated a day before the sentence's last day written before it ("two days before"
    it, two days after), marked `apart`: whether it is an event of its own is for the agreements it names to say
    (candidates.py)."""
    added: list[DateMention] = []
    for m, last in _after_last_day(_DAYS_APART, sentence, chosen):
        day = _day_apart(m, last[1]) if last is not None else None
        if day is not None:
            added.append(DateMention(m.start("span"), m.end("span"), day, "day", False, True, counted=True, apart=True))
    return sorted([*chosen, *added], key=lambda d: d.start) if added else chosen


def _day_apart(m: re.Match[str], day: dt.date) -> dt.date | None:
    """The day of the clause a _DAYS_APART count opens, counted from the sentence's `day` (None past the calendar)."""
    if m.group("years") or m.group("ru_years_rel"):
        if m.group("years"):
            years = _count(m.group("years")) * (-1 if m.group("years_dir").lower() == "after" else 1)
        else:
            years = _ru_count(m.group("ru_years") or "") * (-1 if m.group("ru_years_rel").lower() == "после" else 1)
        return calendar.in_year(day, day.year + years)
    if m.group("ru_dir"):
        n = _ru_count(m.group("ru_n") or "")
        # "через день после того, как …": the sentence's day is a day after the clause's; "за день до": before.
        days = -n if m.group("ru_rel").lower() == "после" else n
    else:
        days = _count(m.group("n")) * (-1 if m.group("dir").lower() == "after" else 1)
    return _days_away(day, days)


def _days_away(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days` (None past the calendar: a pasted "9999 days after" must not raise)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def years_written(text: str) -> list[int]:
    """The four-digit years written in `text`, in order: what an undated text is about."""
    return [int(m.group("year")) for m in BARE_YEAR.finditer(text)]
