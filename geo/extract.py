"""Candidate events from the text of a news article: dates, places, agreements, articles and actors.

A candidate is one dated report. The text is split into sentences; a sentence that continues the one
before it ("The sides held ...", "He said ...", a sentence opening with a quotation mark) and carries no
date of its own joins that sentence, because outlets name the date once and the details after it. A group
of sentences becomes a candidate when it has a date and at least one place, agreement or actor; its
`sentence` is the exact span of the article it came from.

A date that only names an agreement ("Article 4 of the statement of November 10, 2020") is not the
event's date when the sentence has another date. When it is the only date, the candidate keeps it and
says so in `date_note`, so that a reviewer knows the event's own date was not given.

A headline (a first line without closing punctuation) is never a candidate of its own: its places,
agreements and actors go to the lead, the first candidate drawn from a prose sentence, because a
headline summarises the lead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geo.model import CHARTABLE_YEARS, Actor, Agreement, Place
from geo.query import fold

# About fifteen times a long feature article: enough for any real article, small enough that the worst
# pasted junk (one 200,000-character "sentence" full of dates) still takes only a few seconds.
MAX_TEXT_CHARS = 200_000
# Agreements signed near midnight are dated by either day: outlets give the first statement 9 or 10 November
# and the Brussels meeting 14 or 15 December. A date this many days either side still names the agreement.
AGREEMENT_DATE_SLACK_DAYS = 1
# Years outside the chartable ones are page furniture (copyright lines, phone numbers), not events in this story.
YEAR_RANGE = CHARTABLE_YEARS
# A Russian case ending is at most this long ("Лачинского" = "Лачинск" + "ого").
MAX_RU_ENDING = 3
# How far after "Article 4 of" the agreement's name may start and still be the one the article belongs to.
ARTICLE_TIE_WINDOW = 120
# Only this much of the text before a full stop is looked at for an abbreviation: keeps splitting linear.
LAST_WORD_CHARS = 40
APPROXIMATE_DAYS = {"early": 5, "beginning": 5, "start": 5, "mid": 15, "middle": 15, "late": 25, "end": 25}
RU_APPROXIMATE_DAYS = {"начале": 5, "середине": 15, "конце": 25}
DATE_NOTE_AGREEMENT = "date of the agreement named; the event's own date is not given"


class ExtractError(ValueError):
    """The input cannot be read as article text."""


@dataclass(frozen=True)
class Candidate:
    """An event the article seems to report, for a person to confirm."""

    date: dt.date | None
    date_precision: str | None
    places: tuple[str, ...]
    agreements: tuple[str, ...]
    articles: tuple[tuple[str, str], ...]
    actors: tuple[Actor, ...]
    sentence: str
    date_note: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "places": list(self.places),
            "agreements": list(self.agreements),
            "articles": [{"agreement": a, "article": n} for a, n in self.articles],
            "actors": [{"name": a.name, "role": a.role} for a in self.actors],
            "sentence": self.sentence,
        }
        if self.date_note:
            out["date_note"] = self.date_note
        return out


# --- people -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    name: str
    role: str
    given: tuple[str, ...]
    surnames: tuple[str, ...]
    # Common surnames (Grigoryan, Hasanov ...) count alone only after a title, never after another first name.
    common: bool = False
    not_after: tuple[str, ...] = ()


_PEOPLE = (
    _Person(
        "Ilham Aliyev",
        "President of Azerbaijan",
        ("Ilham", "İlham", "Ильхам"),
        ("Aliyev", "Əliyev", "Aliev", "Алиев"),
        not_after=("heydar", "mehriban", "гейдар"),
    ),
    _Person("Nikol Pashinyan", "Prime Minister of Armenia", ("Nikol", "Никол"), ("Pashinyan", "Paşinyan", "Пашинян")),
    _Person("Vladimir Putin", "President of Russia", ("Vladimir", "Владимир"), ("Putin", "Путин")),
    _Person("Sergey Lavrov", "Foreign Minister of Russia", ("Sergey", "Sergei", "Сергей"), ("Lavrov", "Лавров")),
    _Person(
        "Jeyhun Bayramov", "Foreign Minister of Azerbaijan", ("Jeyhun", "Ceyhun", "Джейхун"), ("Bayramov", "Байрамов")
    ),
    _Person("Ararat Mirzoyan", "Foreign Minister of Armenia", ("Ararat", "Арарат"), ("Mirzoyan", "Мирзоян")),
    _Person("Charles Michel", "President of the European Council", ("Charles", "Шарль"), ("Michel", "Мишель")),
    _Person(
        "Karim Valiyev",
        "Chief of the General Staff of the Azerbaijani Army",
        ("Karim", "Kərim", "Керим"),
        ("Valiyev", "Vəliyev", "Валиев"),
        common=True,
    ),
    _Person(
        "Alexei Kim",
        "Deputy Commander-in-Chief of the Russian Land Forces",
        ("Alexei", "Aleksei", "Aleksey", "Алексей"),
        ("Kim", "Ким"),
        common=True,
    ),
    _Person(
        "Alexei Overchuk",
        "Deputy Prime Minister of Russia",
        ("Alexei", "Aleksei", "Aleksey", "Алексей"),
        ("Overchuk", "Оверчук"),
    ),
    _Person(
        "Mher Grigoryan", "Deputy Prime Minister of Armenia", ("Mher", "Мгер"), ("Grigoryan", "Григорян"), common=True
    ),
    _Person(
        "Shahin Mustafayev",
        "Deputy Prime Minister of Azerbaijan",
        ("Shahin", "Şahin", "Шахин"),
        ("Mustafayev", "Mustafaev", "Мустафаев"),
        common=True,
    ),
    _Person(
        "Zakir Hasanov",
        "Defence Minister of Azerbaijan",
        ("Zakir", "Закир"),
        ("Hasanov", "Həsənov", "Гасанов"),
        common=True,
    ),
    _Person("Suren Papikyan", "Defence Minister of Armenia", ("Suren", "Сурен"), ("Papikyan", "Папикян")),
    _Person(
        "Rustam Muradov",
        "Commander of the Russian peacekeeping contingent",
        ("Rustam", "Рустам"),
        ("Muradov", "Мурадов"),
        common=True,
    ),
    _Person(
        "Ruben Vardanyan",
        "State Minister of the Karabakh Armenian de facto authorities",
        ("Ruben", "Рубен"),
        ("Vardanyan", "Варданян"),
        common=True,
    ),
    _Person(
        "Arayik Harutyunyan",
        "Leader of the Karabakh Armenian de facto authorities",
        ("Arayik", "Араик"),
        ("Harutyunyan", "Arutyunyan", "Арутюнян"),
        common=True,
    ),
)

# Words that may stand right before a bare surname and still mean the person we know.
_TITLE_WORDS = frozenset(
    "president minister premier pm general gen colonel col lt commander chief chairman counterpart leader "
    "envoy mr ms mrs deputy head президент министр премьер генерал командующии глава вице".split()
)

# "<Title> <Name>" for people not in _PEOPLE. Titles are few and specific, for precision over recall.
_TITLE = (
    r"(?:(?:First\s+)?(?:Deputy|Vice)\s+)?(?:Prime\s+Minister|Foreign\s+Minister|Defen[cs]e\s+Minister|"
    r"Interior\s+Minister|Economy\s+Minister|President|Ambassador|Special\s+Representative|Ombudsman|"
    r"Ombudsperson|Speaker|Presidential\s+Aide)"
)
_NATIONALITY = (
    r"(?:Azerbaijani|Armenian|Russian|Turkish|Iranian|French|German|Georgian|American|US|U\.S\.|EU|"
    r"European\s+Council|Karabakh)"
)
_TITLED_PERSON = re.compile(
    rf"(?P<role>(?:{_NATIONALITY}\s+)?{_TITLE})\s+(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){{0,2}})"
)
# Capitalised words that follow a title but are not a name.
_NOT_NAMES = frozenset(
    "armenia azerbaijan russia turkey iran france georgia the of and on in said says monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august september october "
    "november december".split()
)

# --- agreements ----------------------------------------------------------------------------------------

_AGREEMENT_WORD = (
    r"(?:statement|declaration|agreement|deal|accord|meeting|summit|talks|"
    r"заявлени\w*|соглашени\w*|деклараци\w*|встреч\w*|саммит\w*|переговор\w*)"
)
# "statement of November 10, 2020", "заявления от 10 ноября": the date right after names the agreement.
_AGREEMENT_BEFORE_DATE = re.compile(
    rf"{_AGREEMENT_WORD}s?,?\s+(?:of|from|dated|signed\s+on|reached\s+on|adopted\s+on|от)\s+(?:the\s+)?$", re.I
)
# "the November 9 statement", "10 November trilateral ceasefire agreement".
_AGREEMENT_AFTER_DATE = re.compile(rf"^(?:\s+(?!and\b|or\b|и\b)[\w-]+){{0,2}}?\s+{_AGREEMENT_WORD}", re.I)
_DATE_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|и)\s+)?$")
# A dated sentence that speaks of agreements at all: its dates that equal an agreement's date name it.
_AGREEMENT_CONTEXT = re.compile(rf"{_AGREEMENT_WORD}|\bsigned\b|подписа", re.I)

# Names outlets give agreements without a date. Only ids in the loaded data are used.
_AGREEMENT_ALIASES = {
    "statement-2020-11-10": (
        # Singular only: "the trilateral statements" means all of them.
        r"\b(?:trilateral|tripartite|three-?(?:party|way|sided))\s+(?:ceasefire\s+|peace\s+|armistice\s+)?"
        r"(?:statement|declaration|agreement|deal|accord)\b",
        r"\b(?:ceasefire|armistice)\s+(?:statement|declaration|deal)\b",
        r"тр[её]хсторонн(?:ее|его|ему|ем|им)\s+(?:заявлени|соглашени)\w*",
    ),
    "statement-2021-11-26": (
        r"\bSochi\s+(?:statement|declaration|meeting|summit|agreement|talks|accords?)\b",
        r"\b(?:statement|declaration|meeting|summit|talks)\s+(?:signed\s+|held\s+|adopted\s+)?in\s+Sochi\b",
        r"сочинск\w*\s+(?:заявлени|встреч|саммит)\w*",
        r"(?:заявлени|встреч|саммит)\w*\s+в\s+Сочи\b",
    ),
    "brussels-2021-12-14": (
        r"\bBrussels\s+(?:meeting|summit|talks|statement)\b",
        r"\b(?:meeting|summit|talks)\s+in\s+Brussels\b",
        r"брюссельск\w*\s+встреч\w*",
        r"встреч\w*\s+в\s+Брюсселе\b",
    ),
}
# Names that also fit another agreement: the January 2021 statement was signed in Moscow too. They count only
# when no date in the sentence already names an agreement.
_WEAK_ALIASES = {"statement-2020-11-10": (r"\bMoscow\s+(?:statement|declaration)\b",)}
_LATER_ONE = re.compile(r"\b(?:second|third|fourth|another|further|new|next|latest)\s+$", re.I)
_ALIAS_RES = {key: [re.compile(p, re.I) for p in pats] for key, pats in _AGREEMENT_ALIASES.items()}
_WEAK_ALIAS_RES = {key: [re.compile(p, re.I) for p in pats] for key, pats in _WEAK_ALIASES.items()}

_ARTICLE = re.compile(
    r"\b(?:articles?|paragraphs?|clauses?|points?|provisions?|paras?\.|arts?\.|пункт\w*|стать\w*|п\.)\s*(?:№\s*)?"
    r"(?P<nums>\d{1,2}(?!\d)(?:\s*(?:,|and|&|or|и)\s*\d{1,2}(?!\d))*)",
    re.I,
)
_ARTICLE_OF = re.compile(r"^\s*(?:of|in|under|from)\s", re.I)

# --- dates ---------------------------------------------------------------------------------------------

_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
# Title or upper case only: "may" and "march" in lower case are a verb, not a month.
_MON = (
    "(?P<mon>" + "|".join(f"{n.title()}|{n.upper()}" for n in sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b\.?"
)
# Stems in match order: "ма" (мая, мае) last, so that "марта" is March.
_RU_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12, "ма": 5,
}  # fmt: skip
_RU_MON = r"(?P<mon>(?i:" + "|".join(_RU_MONTH_STEMS) + r")(?:я|ь|е|а|й)?)\b"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RU_WEEKDAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
_YEAR = r"(?P<year>\d{4})(?!\d)"
_RU_YEAR = rf"(?:\s+{_YEAR}(?:\s*(?:года|г\.?))?)?"
# "BAKU, March 22 -" or "STEPANAKERT, August 27.": where and when the story was filed, not what it reports.
_DATELINE_PLACE = re.compile(r"^(?:[A-ZА-Я][\w'.-]*(?:\s+[A-ZА-Я][\w'.-]*)*,\s+){1,2}")
# Possessive spaces: two optional runs of spaces side by side would split one long run every possible way.
_DATELINE_END = re.compile(r"^\s*+(?:\([^)]{0,60}\)\s*+)?(?:[-—–:.]|$)")
# A year-less date after the publication date is last year's, unless the sentence looks ahead.
_FUTURE_CUE = re.compile(
    r"\b(?:will|due|scheduled|expected|planned|plans?|deadline|by|until|next|будет|должн\w*|до)\b", re.I
)
FUTURE_CUE_WINDOW = 50  # characters before the date where "will", "due to", "by" must stand
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?![\d-])"),
        (
            "day",
            rf"\b(?P<d1>\d{{1,2}})\s*(?:[-–—/]|and|or)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}"
            rf"(?:,?\s+{_YEAR})?",
        ),
        (
            "day",
            rf"\b{_MON}\s+(?P<d1>\d{{1,2}})\s*(?:[-–—/]|and|or)\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"(?:,?\s+{_YEAR})?",
        ),
        ("day", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"),
        ("day", rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+{_YEAR})?"),
        (
            "approx",
            rf"\b(?P<q>(?i:early|mid|middle|late|the\s+end|end|the\s+beginning|beginning|start))"
            rf"(?:\s+of)?[\s-]+{_MON}(?:\s+{_YEAR})?",
        ),
        ("month", rf"\b{_MON},?\s+{_YEAR}"),
        ("month", rf"\b(?i:in|since|during|by|until)\s+{_MON}(?!\s*\d)"),
        ("day", rf"\b(?P<d1>\d{{1,2}})\s*[-–—]\s*(?P<day>\d{{1,2}})\s+{_RU_MON}{_RU_YEAR}"),
        ("day", rf"\b(?P<day>\d{{1,2}})\s+{_RU_MON}{_RU_YEAR}"),
        ("approx", rf"(?i:\bв\s+(?P<q>начале|середине|конце))\s+{_RU_MON}(?:\s+{_YEAR})?"),
        ("month", rf"\b{_RU_MON}\s+{_YEAR}"),
        ("yesterday", r"(?i:\b(?:yesterday|вчера)\b)"),
        ("today", r"(?i:\b(?:today|сегодня)\b)"),
        ("weekday", r"(?i:\b(?:on|last|this\s+past)\s+(?P<wd>" + "|".join(_WEEKDAYS) + r")\b)"),
        ("weekday", r"(?i:\bв\s+(?P<wd>" + "|".join(_RU_WEEKDAYS) + r")\b)"),
        ("ago", r"(?i:\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+days\s+ago\b)"),
        ("last_week", r"(?i:\b(?:last\s+week|на\s+прошлой\s+неделе)\b)"),
        ("last_month", r"(?i:\b(?:last\s+month|в\s+прошлом\s+месяце)\b)"),
    )
)


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    date: dt.date
    precision: str
    has_year: bool
    relative: bool  # "yesterday", "on Monday": when it was reported, never an agreement's date
    agreements: tuple[str, ...] = ()  # set when the date names these agreements rather than the event
    attached: bool = False  # part of an agreement's name ("the statement of 10 November")


# --- sentences -----------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "gen col lt maj capt sgt adm cmdr mr mrs ms dr prof st jr sr no nos art arts para paras pp vs rep sen gov "
    "jan feb mar apr jun jul aug sep sept oct nov dec ст п гг им тыс млн".split()
)
# A run of closing punctuation is matched from its first character only, and whole (possessive `++`): otherwise a
# run not followed by a space is tried again from each of its characters, and 100,000 dots take minutes.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)|\n")
_LAST_WORD = re.compile(r"([^\s(\[\"“«]+)$")
_CLOSED = re.compile(r"[.!?…:;\"'”’»)\]]$")
# Openers that continue the sentence before: pronouns, quotations, "The sides", "The Baku-hosted meeting".
_CONTINUATION = re.compile(
    r"^(?:[\"“«„]|(?:He|She|They|It|Both|Its|His|Her|Their)\b|The\s+(?:[\w-]+\s+)?"
    r"(?:sides?|parties|two|men|leaders|ministers|officials|meeting|talks|conversation|call|visit|deal|"
    r"statement|document|declaration|agreement)\b|(?:After|Following|During|At)\s+the\s+(?:meeting|talks)\b|"
    r"(?:Он|Она|Они|Стороны)\b|По\s+итогам\s+(?:встречи|переговоров)\b)"
)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    dates: list[_Date] = field(default_factory=list)
    refs: list[tuple[int, int, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return bool(_CLOSED.search(self.text))

    @property
    def event_dates(self) -> list[_Date]:
        return [d for d in self.dates if not d.agreements]

    @property
    def own_dates(self) -> list[_Date]:
        """Dates that are not just part of an agreement's name: a sentence with one tells its own story."""
        return [d for d in self.dates if not d.attached]


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences in `text`; abbreviations, initials and hard-wrapped lines do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        rest = text[m.end() : m.end() + 3].lstrip()
        if m.group() == "\n":
            # A line that runs on in lower case was wrapped mid-sentence.
            if rest[:1].islower():
                continue
            cut = m.start()
        else:
            if rest[:1].islower():
                continue
            if m.group().startswith(".") and not m.group().startswith(".."):
                word = _LAST_WORD.search(text[max(start, m.start() - LAST_WORD_CHARS) : m.start()])
                if word:
                    last = word.group(1).split("-")[-1]
                    is_initial = len(last) == 1 and last.isupper()
                    if "." in word.group(1) or is_initial or fold(last) in _ABBREVIATIONS:
                        continue
            cut = m.end()
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


# --- names: places and people --------------------------------------------------------------------------

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W_]+")
_RU_STEM_END = "аеиоуыэюяь"


def _ru_base(token: str) -> str:
    """A Russian name without its final vowels, the part every case form starts with."""
    base = token.rstrip(_RU_STEM_END)
    return base if len(base) >= 3 else token


def _token_matches(name: str, word: str) -> bool:
    if name == word:
        return True
    if not _CYRILLIC.search(name):
        return False
    base = _ru_base(name)
    rest = word[len(base) :]
    return word.startswith(base) and len(rest) <= MAX_RU_ENDING and (not rest or rest[0] in _RU_STEM_END)


@dataclass(frozen=True)
class _Token:
    key: str
    start: int
    end: int
    capitalised: bool


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _WORD.finditer(text):
        for key in fold(m.group()).split():
            out.append(_Token(key, m.start(), m.end(), m.group()[:1].isupper()))
    return out


class _NameIndex:
    """Finds known names in a token stream, longest first, so "Lachin corridor" never also gives Lachin."""

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for spelling, value in entries:
            keys = tuple(fold(spelling).split())
            if keys:
                first = _ru_base(keys[0]) if _CYRILLIC.search(keys[0]) else keys[0]
                self._by_first.setdefault(first, []).append((keys, value))
        for group in self._by_first.values():
            group.sort(key=lambda e: -len(e[0]))

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], Any]]:
        found = list(self._by_first.get(word, ()))
        if _CYRILLIC.search(word):
            for cut in range(1, MAX_RU_ENDING + 1):
                found += self._by_first.get(word[:-cut], ()) if len(word) > cut else ()
        return sorted(found, key=lambda e: -len(e[0]))

    def find(self, tokens: Sequence[_Token]) -> list[tuple[int, int, Any]]:
        """(first token, token count, value) of every match, left to right."""
        out = []
        i = 0
        while i < len(tokens):
            for keys, value in self._candidates(tokens[i].key):
                window = tokens[i : i + len(keys)]
                fits = len(window) == len(keys)
                if fits and all(_token_matches(k, t.key) for k, t in zip(keys, window, strict=True)):
                    out.append((i, len(keys), value))
                    i += len(keys)
                    break
            else:
                i += 1
        return out


def _place_index(places: Iterable[Place]) -> _NameIndex:
    return _NameIndex((s, p.id) for p in places for s in (p.id.replace("-", " "), *p.spellings()))


def _people_index() -> _NameIndex:
    entries: list[tuple[str, Any]] = []
    for person in _PEOPLE:
        for surname in person.surnames:
            entries += [(f"{given} {surname}", (person, True)) for given in person.given]
            entries.append((surname, (person, False)))
    return _NameIndex(entries)


_PEOPLE_INDEX = _people_index()


def _find_actors(sentence: str) -> list[Actor]:
    tokens = _tokens(sentence)
    actors: list[Actor] = []
    taken: list[tuple[int, int]] = []
    for i, n, (person, full) in _PEOPLE_INDEX.find(tokens):
        if not all(t.capitalised for t in tokens[i : i + n]):
            continue
        prev = tokens[i - 1].key if i else ""
        if not full:
            if prev in person.not_after:
                continue
            if person.common and not any(_token_matches(t, prev) for t in _TITLE_WORDS):
                continue
        actors.append(Actor(person.name, person.role))
        taken.append((tokens[i].start, tokens[i + n - 1].end))
    for m in _TITLED_PERSON.finditer(sentence):
        words = m.group("name").split()
        while words and fold(words[-1]) in _NOT_NAMES:
            words.pop()
        if not words or fold(words[0]) in _NOT_NAMES:
            continue
        start = m.start("name")
        if any(a <= start < b for a, b in taken):
            continue
        actors.append(Actor(" ".join(words), " ".join(m.group("role").split())))
    return list(dict.fromkeys(actors))


# --- dates ---------------------------------------------------------------------------------------------


def _month(name: str) -> int:
    folded = fold(name)
    if folded in _MONTH_NAMES:
        return _MONTH_NAMES[folded]
    return next(month for stem, month in _RU_MONTH_STEMS.items() if folded.startswith(stem))


def _complete(
    year: int | None,
    month: int,
    day: int,
    published: dt.date | None,
    ahead: bool = False,
    approximate: bool = False,
) -> dt.date | None:
    """The date, taking a missing year from the publication date: the year before if it would be later,
    unless the sentence looks `ahead` ("due to be returned on Nov. 25")."""
    try:
        if year is not None:
            return dt.date(year, month, day) if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None
        if published is None:
            return None
        guess = dt.date(published.year, month, day)
        # "mid-May" in a story of 14 May is this May: an approximate day stands for the month.
        this_month = approximate and month == published.month
        return guess if guess <= published or ahead or this_month else dt.date(published.year - 1, month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, str]:
    groups = m.groupdict()
    ahead = bool(_FUTURE_CUE.search(m.string[max(0, m.start() - FUTURE_CUE_WINDOW) : m.start()]))
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "iso":
        return _complete(year, int(groups["m"]), int(groups["day"]), None), "day"
    if kind == "day":
        if groups.get("d1") and int(groups["d1"]) >= int(groups["day"]):
            return None, "day"  # "25-9 November" is not a range
        return _complete(year, _month(groups["mon"]), int(groups["day"]), published, ahead), "day"
    if kind == "approx":
        q = fold(groups["q"]).split()[-1]
        day = APPROXIMATE_DAYS.get(q) or RU_APPROXIMATE_DAYS[q]
        return _complete(year, _month(groups["mon"]), day, published, ahead, True), "approximate"
    if kind == "month":
        month = _month(groups["mon"])
        return _complete(year, month, 1, published, ahead, True), "month"
    if published is None:
        return None, "day"
    if kind == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if kind == "today":
        return published, "day"
    if kind == "weekday":
        wd = fold(groups["wd"])
        index = _WEEKDAYS.index(wd) if wd in _WEEKDAYS else _RU_WEEKDAYS.index(wd)
        return published - dt.timedelta(days=(published.weekday() - index) % 7), "day"
    if kind == "ago":
        n = groups["n"]
        return published - dt.timedelta(days=int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]), "day"
    if kind == "last_week":
        return published - dt.timedelta(days=7), "approximate"
    first = published.replace(day=1) - dt.timedelta(days=1)
    return first.replace(day=1), "month"


_RELATIVE_KINDS = frozenset({"yesterday", "today", "weekday", "ago", "last_week", "last_month"})


def _find_dates(sentence: str, published: dt.date | None) -> list[_Date]:
    found = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(sentence):
            try:
                date, precision = _resolve(kind, m, published)
            except OverflowError:  # "yesterday" in an article dated 1 January of year 1
                continue
            if date is not None:
                has_year = bool(m.groupdict().get("year"))
                found.append(_Date(m.start(), m.end(), date, precision, has_year, kind in _RELATIVE_KINDS))
    found.sort(key=lambda d: (d.start, d.start - d.end))
    chosen: list[_Date] = []
    for d in found:
        if not chosen or d.start >= chosen[-1].end:
            chosen.append(d)
    return chosen


def _names_agreements(d: _Date, agreements: Sequence[Agreement], loose: bool) -> tuple[str, ...]:
    """Agreements a date names: same day (or the evening before), same month for month dates."""
    out = []
    for a in agreements:
        slack = dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS)
        near = {a.date - slack, a.date, a.date + slack}
        if d.precision == "day":
            # "the November 9 statement" names it in any year; a loose "on November 26" only in its year,
            # so that "on November 10" in a 2022 story is an anniversary, not the statement.
            same_day = (d.date.month, d.date.day) in {(n.month, n.day) for n in near}
            hit = a.date - slack <= d.date <= a.date + slack or (same_day and not d.has_year and not loose)
        elif d.precision == "month":
            hit = (d.date.month == a.date.month) and (d.date.year == a.date.year or not d.has_year) and not loose
        else:
            hit = False
        if hit:
            out.append(a.id)
    return tuple(out)


# --- sentence analysis ---------------------------------------------------------------------------------


def _analyse(s: _Sentence, places: _NameIndex, agreements: Sequence[Agreement], published: dt.date | None) -> None:
    text = s.text
    has_context = bool(_AGREEMENT_CONTEXT.search(text))
    found = _find_dates(text, published)
    dateline_end = 0
    place_m = _DATELINE_PLACE.match(text)
    if place_m and found and found[0].start == place_m.end():
        end_m = _DATELINE_END.match(text[found[0].end :])
        if end_m:
            dateline_end = found[0].end + end_m.end()
            found = found[1:]
    dates: list[_Date] = []
    for d in found:
        attached = bool(_AGREEMENT_BEFORE_DATE.search(text[max(0, d.start - 60) : d.start])) or bool(
            _AGREEMENT_AFTER_DATE.match(text[d.end : d.end + 60])
        )
        # "the statements of 9 November 2020, 11 January 2021 and 26 November 2021": a list runs on.
        if dates and dates[-1].attached and _DATE_LIST_GAP.match(text[dates[-1].end : d.start]):
            attached = True
        # A date attached to "statement" names the agreement; a full date equal to an agreement's, in a
        # sentence about agreements, does too. A bare "on November 10" in 2022 is an anniversary, not one.
        named_ok = (attached or has_context) and not d.relative
        ids = _names_agreements(d, agreements, loose=not attached) if named_ok else ()
        if ids:
            ref_start = d.start
            ref_end = d.end
            before = _AGREEMENT_BEFORE_DATE.search(text[max(0, d.start - 60) : d.start])
            after = _AGREEMENT_AFTER_DATE.match(text[d.end : d.end + 60])
            if before:
                ref_start = max(0, d.start - 60) + before.start()
            if after:
                ref_end = d.end + after.end()
            s.refs += [(ref_start, ref_end, a) for a in ids]
            # "November 9, 2020" names the statement dated 10 November: show the agreement's own date.
            named = next(a.date for a in agreements if a.id == ids[0]) if d.precision == "day" else d.date
            d = replace(d, date=named, agreements=ids, attached=attached)
        dates.append(d)
    s.dates = dates
    known = {a.id for a in agreements}
    dated_refs = list(s.refs)
    for agreement_id, patterns in _ALIAS_RES.items():
        if agreement_id not in known:
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                # "the Moscow statement of January 11" is the January statement: the date decides.
                # "a second meeting in Brussels" is a later one.
                if _LATER_ONE.search(text[max(0, m.start() - 20) : m.start()]):
                    continue
                if not any(a < m.end() and m.start() < b for a, b, _ in dated_refs):
                    s.refs.append((m.start(), m.end(), agreement_id))
    if not dated_refs:
        for agreement_id, patterns in _WEAK_ALIAS_RES.items():
            if agreement_id in known:
                s.refs += [(m.start(), m.end(), agreement_id) for p in patterns for m in p.finditer(text)]
    s.refs.sort()
    tokens = [t for t in _tokens(text) if t.start >= dateline_end]
    s.places = [value for _, _, value in places.find(tokens)]
    s.actors = _find_actors(text)


def _articles(s: _Sentence, group_agreements: Sequence[str]) -> list[tuple[str, str]]:
    """(agreement, number) for "Article 4 of ...": the agreement named right after, else the one before,
    else the only agreement of the report."""
    out = []
    for m in _ARTICLE.finditer(s.text):
        after = [r for r in s.refs if m.end() <= r[0] <= m.end() + ARTICLE_TIE_WINDOW]
        before = [r for r in s.refs if r[1] <= m.start()]
        if after and (_ARTICLE_OF.match(s.text[m.end() :]) or not before):
            agreement = after[0][2]
        elif before and not _ARTICLE_OF.match(s.text[m.end() :]):
            agreement = before[-1][2]
        elif len(group_agreements) == 1 and not _ARTICLE_OF.match(s.text[m.end() :]):
            agreement = group_agreements[0]
        else:
            continue  # "Article 5 of the Constitution": not one of ours
        out += [(agreement, n) for n in re.findall(r"\d+", m.group("nums"))]
    return out


def _unique(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _candidate(text: str, group: list[_Sentence], extra: list[_Sentence], earlier: tuple[str, ...]) -> Candidate | None:
    """The group's candidate; `extra` is the headline for the lead, `earlier` the agreements of the
    report before, which "Its Article 4 ..." refers to."""
    agreements = _unique(r[2] for s in group + extra for r in s.refs)
    places = _unique(p for s in group + extra for p in s.places)
    actors = _unique(a for s in group + extra for a in s.actors)
    if not agreements and _CONTINUATION.match(group[0].text):
        tie_to: tuple[str, ...] = earlier
    else:
        tie_to = agreements
    articles = _unique(a for s in group + extra for a in _articles(s, tie_to))
    agreements = _unique([*agreements, *(a for a, _ in articles)])
    event_dates = [d for s in group for d in s.event_dates]
    named_dates = [d for s in group for d in s.dates if d.agreements]
    chosen = (event_dates or named_dates or [None])[0]
    if chosen is None or not (places or agreements or actors):
        return None
    return Candidate(
        date=chosen.date,
        date_precision=chosen.precision,
        places=places,
        agreements=agreements,
        articles=articles,
        actors=actors,
        sentence=text[group[0].start : group[-1].end],
        date_note=None if event_dates else DATE_NOTE_AGREEMENT,
    )


def extract_candidates(
    text: str,
    places: Iterable[Place],
    agreements: Iterable[Agreement],
    published: dt.date | None = None,
    *,
    max_chars: int = MAX_TEXT_CHARS,
) -> list[Candidate]:
    """Candidate events in `text`, in the order the article tells them.

    `published` is the article's date: it completes dates without a year and anchors "yesterday".
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
    agreement_list = list(agreements)
    index = _place_index(places)
    sentences = [_Sentence(a, b, text[a:b]) for a, b in _split_sentences(text)]
    for s in sentences:
        _analyse(s, index, agreement_list, published)

    headline = sentences[0] if sentences and not sentences[0].closed and len(sentences) > 1 else None
    groups: list[list[_Sentence]] = []
    for s in sentences:
        if s is headline:
            continue
        continues = groups and _CONTINUATION.match(s.text) and not s.own_dates and groups[-1][-1].closed
        if continues:
            groups[-1].append(s)
        else:
            groups.append([s])
    out = []
    earlier: tuple[str, ...] = ()
    for g in groups:
        found = _candidate(text, g, [], earlier)
        if found is not None and headline is not None:
            # The first report that stands on its own is the lead the headline sums up.
            found = _candidate(text, g, [headline], earlier)
            headline = None
        if found is not None:
            out.append(found)
        earlier = _unique(r[2] for s in g for r in s.refs) or earlier
    return out


# --- command line --------------------------------------------------------------------------------------


def _table(candidates: Sequence[Candidate]) -> str:
    if not candidates:
        return "No candidate events found."
    lines = []
    for c in candidates:
        label = c.date.isoformat() if c.date else "—"
        lines.append(f"{label} ({c.date_precision}){'  [agreement date]' if c.date_note else ''}")
        if c.places:
            lines.append(f"  places:     {', '.join(c.places)}")
        if c.agreements:
            lines.append(f"  agreements: {', '.join(c.agreements)}")
        if c.articles:
            lines.append(f"  articles:   {', '.join(f'{a} art. {n}' for a, n in c.articles)}")
        if c.actors:
            lines.append(f"  actors:     {'; '.join(f'{a.name} ({a.role})' if a.role else a.name for a in c.actors)}")
        quote = c.sentence if len(c.sentence) <= 200 else c.sentence[:197] + "..."
        lines.append(f"  “{' '.join(quote.split())}”")
        lines.append("")
    return "\n".join(lines).rstrip()


def main_extract(argv: list[str]) -> int:
    """`geo extract FILE [--date YYYY-MM-DD] [--json]`: print the candidate events in an article."""
    parser = argparse.ArgumentParser(prog="python -m geo extract", description="Candidate events in an article.")
    parser.add_argument("file", type=Path, help="the article as a UTF-8 text file")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="publication date, YYYY-MM-DD")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the atlas data directory")
    args = parser.parse_args(argv)
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"cannot read article {args.file}: {exc}", file=sys.stderr)
        return 2
    from geo.load import load_atlas  # here, so that the extractor itself needs no data files

    atlas = load_atlas(args.data)
    try:
        candidates = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), args.date)
    except ExtractError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    if args.date is None and not args.json:
        print("(no --date given: dates without a year and 'yesterday' are skipped)", file=sys.stderr)
    if args.json:
        print(json.dumps([c.as_json() for c in candidates], ensure_ascii=False, indent=2))
    else:
        print(_table(candidates))
    return 0
