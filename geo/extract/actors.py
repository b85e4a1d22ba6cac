"""People who act in a sentence: the people list of data/people.json, and "<Title> <Name>" for anyone else."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.gazetteer import NameIndex, fold, token_matches, tokens
from geo.model import Actor
from geo.paths import data_dir

PEOPLE_FILE = "people.json"

# "<Title> <Name>" for people not in the list. Titles are few and specific, for precision over recall.
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


@dataclass(frozen=True)
class Person:
    """Someone the extractor knows by name (a record of data/people.json)."""

    name: str
    role: str
    given: tuple[str, ...]
    surnames: tuple[str, ...]
    # Common surnames (Grigoryan, Hasanov ...) count alone only after a title, never after another first name.
    common: bool = False
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class People:
    """The people list and the title words that may stand before a bare surname."""

    people: tuple[Person, ...]
    title_words: frozenset[str]

    @classmethod
    def from_json(cls, raw: dict) -> People:
        people = tuple(
            Person(
                p["name"],
                p["role"],
                tuple(p["given"]),
                tuple(p["surnames"]),
                p.get("common", False),
                tuple(p.get("not_after", ())),
            )
            for p in raw["people"]
        )
        return cls(people, frozenset(fold(w) for w in raw.get("title_words", ())))


@lru_cache(maxsize=8)
def load_people(folder: Path | None = None) -> People:
    """The people of `folder`/people.json (the shipped data folder by default)."""
    path = (folder or data_dir()) / PEOPLE_FILE
    return People.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8)
def _index(people: People) -> NameIndex:
    entries: list[tuple[str, tuple[Person, bool]]] = []
    for person in people.people:
        for surname in person.surnames:
            entries += [(f"{given} {surname}", (person, True)) for given in person.given]
            entries.append((surname, (person, False)))
    return NameIndex(entries)


def find_actors(sentence: str, people: People) -> list[tuple[int, int, Actor]]:
    """(start, end, actor) of every person acting in `sentence`, each person once."""
    words = tokens(sentence)
    found: list[tuple[int, int, Actor]] = []
    for i, n, (person, full) in _index(people).find(words):
        if not all(t.capitalised for t in words[i : i + n]):
            continue
        prev = words[i - 1].key if i else ""
        if not full:
            if prev in person.not_after:
                continue
            if person.common and not any(token_matches(t, prev) for t in people.title_words):
                continue
        found.append((words[i].start, words[i + n - 1].end, Actor(person.name, person.role)))
    for m in _TITLED_PERSON.finditer(sentence):
        names = m.group("name").split()
        while names and fold(names[-1]) in _NOT_NAMES:
            names.pop()
        if not names or fold(names[0]) in _NOT_NAMES:
            continue
        start = m.start("name")
        if any(a <= start < b for a, b, _ in found):
            continue
        name = " ".join(names)
        found.append((start, start + len(name), Actor(name, " ".join(m.group("role").split()))))
    seen: set[Actor] = set()
    out = []
    for item in found:
        if item[2] not in seen:
            seen.add(item[2])
            out.append(item)
    return out


def people_in(items: Iterable[tuple[int, int, Actor]]) -> list[Actor]:
    """The actors of `items`, each once, in order."""
    return list(dict.fromkeys(a for _, _, a in items))
