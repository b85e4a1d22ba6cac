"""The one gazetteer: any spelling of a place, in any language or case form, to its id.

Search (`query.search_places`), import (the importer's place resolver) and extraction (names found in running text)
all read spellings through here, so a spelling added to data/places.json works in all three at once. The same token
index also finds the names of agreements and people in text (`NameIndex`).
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from geo.model import Place

# Letters NFKD does not take apart into base letter + accent, folded by hand so that
# "Ağdam", "Şuşa", "Xankəndi" and "Qubadlı" meet their plain-ASCII spellings.
_EXTRA_FOLDS = str.maketrans({"ə": "e", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ё": "е", "й": "и"})
_NON_WORD = re.compile(r"[\W_]+")
# A Russian case ending is at most this long ("Лачинского" = "Лачинск" + "ого").
MAX_RU_ENDING = 3
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W_]+")
_RU_STEM_END = "аеиоуыэюяь"
# A Russian adjective made from a name, as token_matches finds them: "карабахские", "шушинской".
_RU_ADJECTIVE = re.compile(r"ск[аеиоуыэюяй]\w{0,2}$")
# Words after a place name that make it a body, an office or a kind of thing, not the place: "Artsakh officials",
# "Karabakh state minister", "the border commissions", "the border delimitation commissions", "the border village of
# Kornidzor", "Tavush governor" (folded).
NOT_A_PLACE_AFTER = frozenset(
    "official officials authorities authority government leader leaders leadership president ombudsman state "
    "parliament commission commissions delimitation village villages guard guards service troops ministry ministries "
    "health information security governor mayor diocese eparchy bureau власти руководство президент губернатор мэр "
    "епархия епархии епархию епархией бюро".split()
)
_SETTLEMENTS = frozenset({"village", "villages"})
_AREA_KINDS = frozenset({"district", "region"})
# A principle of international law about borders in general, right before the boundary word.
_PRINCIPLE_OF = re.compile(r"(?:(?:нерушимост|неприкосновенност)\w*|inviolability\s+of(?:\s+the)?)\s+$", re.I)
PRINCIPLE_REACH = 40
# Words before a place name (up to BODY_OF_REACH words back) that make it the body of that place: "the information
# headquarters of Artsakh", "the deputy mayor of Goris", "губернатор Сюника", "власти непризнанной Нагорно-Карабахской
# Республики" (folded).
NOT_A_PLACE_BEFORE = frozenset(
    "authorities headquarters ministry government leadership parliament ombudsman governor mayor власти руководство "
    "губернатор губернатора губернатору мэр мэра мэру".split()
)
BODY_OF_REACH = 2
_WHERE = frozenset("in at near from to в во на у из".split())
# "the border with Iran", "the border between Armenia and Turkey": a boundary named by its sides is the place only
# when every side written (a capitalised word within SIDES_REACH after) is a word of the place's own spellings.
_SIDES_AFTER = frozenset("with between".split())
# A name in the quoted title of a movement or a body ("движение «Тавуш во имя Родины»", "the "Tavush for the
# Homeland" movement") names the body, not the place.
TITLE_REACH = 60
_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
_BODY_BEFORE_TITLE = re.compile(
    r"(?:движени[еяюи]|кампани[яиюей]|фонд[аеу]?|парти[яиюей]|movement|campaign|fund|party)\s+$", re.I
)
_BODY_AFTER_TITLE = re.compile(r"\s+(?:movement|campaign|fund|party)\b", re.I)


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside quotes that name a movement, a campaign, a fund or a party."""
    lo = max(0, start - TITLE_REACH)
    opened = max((text.rfind(q, lo, start), q) for q in _QUOTES)
    at, quote = opened
    if at < 0 or _QUOTES[quote] in text[at + 1 : start]:
        return False
    closes = text.find(_QUOTES[quote], end, end + TITLE_REACH)
    return bool(_BODY_BEFORE_TITLE.search(text, max(0, at - TITLE_REACH), at)) or (
        closes >= 0 and _BODY_AFTER_TITLE.match(text, closes + 1) is not None
    )


_BOUNDARIES = frozenset("border boundary frontier".split())
# "a corridor through Lachin", "the zone of the Russian peacekeepers", "the zone patrolled by Russian peacekeepers": what
# joins a name's head noun to the word that sets it apart, written after it; that word within HEAD_JOIN_WORDS.
_JOINED_AFTER_HEAD = re.compile(r"\s+(?:through|of|(?:patrolled|controlled|guarded|held)\s+by)\s+(?:the\s+)?", re.I)
HEAD_JOIN_WORDS = 4
_SIDE_JOINS = frozenset("and the".split())
# "the eastern border of Armenia": the sides a boundary word without a name is followed by.
_BOUNDARY_SIDES_AFTER = _SIDES_AFTER | {"of"}
# A Russian boundary word in its cases, and what joins a second side after the first: "граница Армении с Ираном".
_RU_BOUNDARIES = frozenset("граница границы границе границу границей".split())
_RU_SIDES_AFTER = frozenset("с и".split())
# The bare Russian boundary word is the Armenia–Azerbaijan border, as "the border" is, but not with its sides written
# after it ("участок границы между Тавушем и Газахом", "границе Армении с Ираном": the sides decide). As the object of
# the work on it ("комиссий по делимитации государственной границы") it is that border too, as "delimiting the border"
# is.
_RU_BETWEEN = "между"
# Nor with other sides written before it, as an adjective: "через азербайджано-грузинскую границу", "на
# азербайджано-иранской границе" (SIDES_BEFORE_REACH: how far before the boundary word that adjective may start).
SIDES_BEFORE_REACH = 40
_RU_SIDES_BEFORE = re.compile(r"(?<![\w-])([а-яё]+)о-([а-яё]+)\s+$", re.I)
_RU_OWN_SIDES = ("армян", "азербайджан")
# Between a possessor and its boundary word: "Armenia's state border", "Armenia's eastern border".
_BOUNDARY_ADJECTIVES = frozenset("state national international eastern western northern southern".split())
SIDES_REACH = 4
# "along its border", "their common border", "on the international border": a boundary word with no name and no sides
# after "the", "its" or "their" (words saying it is the two states' own may stand between) is what "the border" names.
# Not "the northern border": whose it is, is not said.
_BOUNDARY_DETERMINERS = frozenset("the its their".split())
_OWN_BOUNDARY_ADJECTIVES = frozenset("common shared mutual international interstate state".split())


# "The deadliest border clashes since the war", "пограничные столкновения": fighting named by the bare boundary word
# is on the boundary "the border" names, as "fighting on the border" is; not with a name before it ("Iran border
# clashes", "Azerbaijan's border clashes with Iran").
_BORDER_WORDS = frozenset({"border"})
_FIGHTING = re.compile(
    r"(?:clash|fight|skirmish|incident|shoot|shell|hostilit|battle|escalat|столкновен|бо[иеёя]|инцидент|перестрел"
    r"|обострен)",
    re.I,
)


def _sides_written(text: str, words: Sequence[Token], at: int) -> list[Token]:
    """The sides written after the word at `at` ("with", "between", "of") that follows a boundary word. Only "between"
    joins two: "the border between Armenia and Azerbaijan", but "along its border with Azerbaijan and Baku agreed to
    cooperate" has one, and the sides end where the sentence goes on ("the border with Azerbaijan on Friday")."""
    sides = []
    for w in words[at + 1 : at + 1 + SIDES_REACH]:
        if text[w.start].isupper():
            sides.append(w)
        elif w.key not in _SIDE_JOINS or (w.key == "and" and words[at].key != "between"):
            break
    return sides


def _determiner_of(words: Sequence[Token], j: int) -> Token | None:
    """The determiner or possessive pronoun right before the boundary word at `j`, over the two states' own adjectives
    ("their common border", "the international border"), if any."""
    k = j - 1
    while k >= 0 and words[k].key in _OWN_BOUNDARY_ADJECTIVES:
        k -= 1
    return words[k] if k >= 0 and words[k].key in _BOUNDARY_DETERMINERS else None


def _names_border_fighting(text: str, words: Sequence[Token], j: int) -> bool:
    """Whether words[j] is a bare boundary word ("border", "пограничные") naming fighting by the word after it."""
    w = words[j]
    if not (w.key in _BORDER_WORDS or w.key.startswith("пограничн")) or j + 1 >= len(words):
        return False
    if not _FIGHTING.match(words[j + 1].key):
        return False
    # A capital on the sentence's first word says nothing ("The border clashes …").
    named_before = j > 0 and ((j > 1 and words[j - 1].capitalised) or words[j - 1].key == "s")
    return not named_before


def ru_boundary_of_others(text: str, words: Sequence[Token], j: int) -> bool:
    """Whether the word at `j` is a bare Russian boundary word with its sides after it or other sides before it
    ("азербайджано-иранской границе"): then it is not the Armenia–Azerbaijan border by itself."""
    if words[j].key not in _RU_BOUNDARIES:
        return False
    if j + 1 < len(words) and (words[j + 1].key == _RU_BETWEEN or text[words[j + 1].start].isupper()):
        return True
    sides = _RU_SIDES_BEFORE.search(text, max(0, words[j].start - SIDES_BEFORE_REACH), words[j].start)
    return sides is not None and not all(side.lower().startswith(_RU_OWN_SIDES) for side in sides.groups())


_WORD_CHAR = re.compile(r"\w")
# What makes an adjective of a country's name before the next word: "Armenia|n–Azerbaijani border", "Iran|ian".
_ADJECTIVE_ENDING = re.compile(r"(?:n|ian)\s")
# Kinds of place a text refers to by a bare common noun only ambiguously ("the district", "the town").
ADMINISTRATIVE_KINDS = frozenset({"district", "region", "city", "town", "village"})
# A longer name ("зона ответственности российского миротворческого контингента") does not end in its head noun.
MAX_HEADED_NAME_WORDS = 3


def fold(text: str) -> str:
    """Lower-case `text`, drop diacritics and punctuation: the key every name search compares on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped).strip()


def without_note(spelling: str) -> str:
    """The spelling without a closing note in brackets, as running text writes it: "Zangezur corridor (term used by
    Azerbaijan; …)" is written "Zangezur corridor", "Kashatagh Province (NKR)" "Kashatagh Province"."""
    if spelling.endswith(")") and " (" in spelling:
        return spelling.split(" (", 1)[0]
    return spelling


def place_keys(place: Place) -> list[str]:
    """What a search compares against: the place's id and every spelling, folded, with and without its closing note
    ("Hadrut (town)" is searched as "Hadrut", as running text writes it)."""
    spellings = (place.id.replace("-", " "), *place.spellings())
    return list(dict.fromkeys(fold(form) for s in spellings for form in (s, without_note(s))))


# --- names in running text ------------------------------------------------------------------------------


def ru_base(token: str) -> str:
    """A Russian name without its final vowels, the part every case form starts with."""
    base = token.rstrip(_RU_STEM_END)
    return base if len(base) >= 3 else token


def token_matches(name: str, word: str) -> bool:
    """Whether the folded `word` is the folded name token `name`, or (Russian) one of its case forms."""
    if name == word:
        return True
    if not _CYRILLIC.search(name):
        return False
    base = ru_base(name)
    rest = word[len(base) :]
    if not word.startswith(base):
        return False
    if rest.startswith("ьск"):
        rest = rest[1:]  # a soft sign before the adjective's suffix: "Джебраил" "Джебраильскому"
    if rest.startswith("ск") and 3 <= len(rest) <= MAX_RU_ENDING + 2:
        return rest[2] in _RU_STEM_END  # the adjective: "Кельбаджарский", "Газахского", "Тавушской"
    if base != name and rest.startswith("инск") and 5 <= len(rest) <= MAX_RU_ENDING + 4:
        return rest[4] in _RU_STEM_END  # a name ending in a vowel: "Шуша" "шушинской", "Физули" "физулинского"
    return len(rest) <= MAX_RU_ENDING and (not rest or rest[0] in _RU_STEM_END)


@dataclass(frozen=True)
class Token:
    """One folded word of a text and where it stands."""

    key: str
    start: int
    end: int
    capitalised: bool


def tokens(text: str) -> list[Token]:
    """The folded words of `text`, with their spans."""
    out = []
    for m in _WORD.finditer(text):
        for key in fold(m.group()).split():
            out.append(Token(key, m.start(), m.end(), m.group()[:1].isupper()))
    return out


class NameIndex:
    """Finds known names in a token stream, longest first, so "Lachin corridor" never also gives Lachin.

    Each lookup is by the first word, so the time is linear in the text for any number of names.
    """

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for spelling, value in entries:
            keys = tuple(fold(spelling).split())
            if keys:
                first = ru_base(keys[0]) if _CYRILLIC.search(keys[0]) else keys[0]
                self._by_first.setdefault(first, []).append((keys, value))
        for group in self._by_first.values():
            group.sort(key=lambda e: -len(e[0]))

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], Any]]:
        found = list(self._by_first.get(word, ()))
        if _CYRILLIC.search(word):
            for cut in range(1, MAX_RU_ENDING + 5):  # up to "-инского" after the stem
                found += self._by_first.get(word[:-cut], ()) if len(word) > cut else ()
        return sorted(found, key=lambda e: -len(e[0]))

    def find(self, words: Sequence[Token]) -> list[tuple[int, int, Any]]:
        """(first token, token count, value) of every match, left to right; the longest name at a word wins,
        and every value of that name is given (one name may stand for several records)."""
        out = []
        seen = set()  # a set, not a look through `out`: a long paste holds many matches
        i = 0
        while i < len(words):
            best = None
            for keys, value in self._candidates(words[i].key):
                if best is not None and len(keys) < best:
                    break
                window = words[i : i + len(keys)]
                if len(window) == len(keys) and all(token_matches(k, t.key) for k, t in zip(keys, window, strict=True)):
                    if (i, len(keys), value) not in seen:
                        seen.add((i, len(keys), value))
                        out.append((i, len(keys), value))
                    best = len(keys)
            i += best or 1
        return out


# --- places -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMatch:
    """A place named in a text: where, in which words, and which place."""

    start: int
    end: int
    text: str
    place: str


Built = TypeVar("Built")


class KeptForSameObjects(Generic[Built]):
    """What `build` made of the last sequence of objects, kept while the same objects come back: the app, the
    evaluation and search pass one atlas's places or agreements over and over, and a gazetteer or an agreement finder
    takes longer to build than a short article takes to read (`make bench`: extract_article_new_catalogue_vs_shared).
    Compared by identity, which the reference kept here stops from being reused; what is built must depend on the
    objects alone. One entry: a catalogue edited since is built afresh. Safe across the sessions' threads as long as
    what is built fills any table of its own before keeping it."""

    def __init__(self, build: Callable[[tuple[Any, ...]], Built]) -> None:
        self._build = build
        self._last: tuple[tuple[Any, ...], Built] | None = None

    def __call__(self, objects: Iterable[Any]) -> Built:
        given = tuple(objects)
        last = self._last
        if last is not None and len(last[0]) == len(given) and all(a is b for a, b in zip(last[0], given, strict=True)):
            return last[1]
        built = self._build(given)
        self._last = (given, built)
        return built


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """One case-blind pattern for any of `words`, each whole."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.I)


# A word, its other spelling in brackets, and the word after: "Lachin (Berdzor) corridor", "Лачинскому (Бердзорскому)
# коридору".
_BRACKETED_SPELLING = re.compile(r"(?<![\w-])(?P<first>[^\W\d_]+)\s+\([^\W\d_]+\)\s+(?P<rest>[^\W\d_]+)")


class Gazetteer:
    """Every spelling of every place, folded once: search, resolve and find-in-text all ask here."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places = {p.id: p for p in places}
        self.keys = {pid: place_keys(p) for pid, p in self.places.items()}
        # Each folded spelling -> the id it names (the first place listing it, as in catalogue order).
        self._owner = {key: pid for pid, keys in reversed(list(self.keys.items())) for key in reversed(keys)}
        self._sorted_keys = sorted(self._owner)
        self._index: NameIndex | None = None
        self._heads: dict[str, tuple[str, ...]] | None = None
        self._words: dict[str, frozenset[str]] = {}
        self._boundary_words: dict[str, frozenset[str]] | None = None
        self._segments: dict[frozenset[str], str] | None = None
        self._apart: dict[str, frozenset[str]] | None = None
        # Each place a text may describe without a name: the places it is described with, and its words as one pattern.
        self._described = [
            (pid, frozenset(p.described_with), _any_of(w for group in p.described_words.values() for w in group))
            for pid, p in self.places.items()
            if p.described_words
        ]

    def search(self, text: str) -> list[Place]:
        """Places one of whose spellings matches `text`: exact matches first, then prefixes, then substrings."""
        needle = fold(text)
        if not needle:
            return []
        ranked: list[tuple[int, str, Place]] = []
        for pid, keys in self.keys.items():
            if needle in keys:
                rank = 0
            elif any(k.startswith(needle) for k in keys):
                rank = 1
            elif any(needle in k for k in keys):
                rank = 2
            else:
                continue
            ranked.append((rank, pid, self.places[pid]))
        return [place for _, _, place in sorted(ranked, key=lambda r: (r[0], r[1]))]

    def _is_prefix(self, needle: str) -> bool:
        """Whether some spelling starts with `needle`: a binary search, as unknown names can be many."""
        at = bisect.bisect_left(self._sorted_keys, needle)
        return at < len(self._sorted_keys) and self._sorted_keys[at].startswith(needle)

    def resolve(self, text: str, may_suggest: Callable[[], bool] = lambda: True) -> tuple[str | None, str]:
        """The place id `text` names (id or any spelling: exact, else a unique prefix of 3+ letters), or None
        and why not. `may_suggest` is asked before the (slow) "did you mean" search."""
        if text in self.places:
            return text, ""
        needle = fold(text)
        # search() also matches substrings, which are not taken here; skip it when nothing can match.
        if needle and self._is_prefix(needle):
            matches = self.search(text)
            exact = [p for p in matches if needle in self.keys[p.id]]
            # A unique prefix that stops inside a word ("Agda", "Stepan") is taken too; a substring is not, nor the
            # first word of a longer name, whole or as the country its adjective is made from ("Azerbaijan" of
            # "Azerbaijan–Iran–Nakhchivan corridor", "Armenia" of "Armenian–Azerbaijani border"): they name something
            # else more often than they shorten a name.
            prefix = [
                p
                for p in matches
                if any(
                    k.startswith(needle)
                    and _WORD_CHAR.match(k, len(needle))
                    and not _ADJECTIVE_ENDING.match(k, len(needle))
                    for k in self.keys[p.id]
                )
            ]
            candidates = exact or prefix
            if len(candidates) == 1 and (exact or len(needle) >= 3):
                return candidates[0].id, ""
            if len(candidates) > 1:
                ids = ", ".join(p.id for p in candidates)
                return None, f'place "{text}" matches several places ({ids}); give one id'
        close = self.closest(text) if may_suggest() else None
        suggestion = f' (did you mean "{close}"?)' if close else ""
        return None, f'unknown place "{text}"{suggestion}'

    def closest(self, text: str) -> str | None:
        """The id of the place with the spelling closest to `text` (a typo: "lachn", "Stepanakrt"), or None when no
        spelling is close."""
        needle = fold(text)
        close = difflib.get_close_matches(needle, self._sorted_keys, n=1) if needle else []
        return self._owner[close[0]] if close else None

    def described(self, text: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
        """`found` (the places `text` names) with those it describes without a name (data/places.json's
        `described_by`): one of a place's words in a text that names every place it is described with ("a route to
        Nakhchivan through Iranian territory" is the route through Iran), where it does not name the place already."""
        named = {p.place for p in found}
        more = [
            PlaceMatch(m.start(), m.end(), m.group(), pid)
            for pid, with_, words in self._described
            if pid not in named and with_ <= named and (m := words.search(text)) is not None
        ]
        return sorted([*found, *more], key=lambda p: (p.start, p.end)) if more else found

    def routes_made_by(self) -> dict[str, str]:
        """Each agreement that first named a route (the first tie of a place of kind "route" that names it, as
        data/places.json orders them) to that route: the Washington declaration to TRIPP."""
        made: dict[str, str] = {}
        for pid, p in self.places.items():
            first = next((t for t in p.ties if t.kind == "named"), None) if p.kind == "route" else None
            if first is not None:
                made.setdefault(first.agreement, pid)
        return made

    def segments_by_sides(self) -> dict[frozenset[str], str]:
        """Each boundary segment spelt as its two sides joined by a dash ("Tavush–Gazakh"), from the two places the
        sides name to the segment: a text naming both sides ("the sections between Tavush and Gazakh") names it."""
        if self._segments is None:
            # Filled before it is kept: one gazetteer serves every session's thread (gazetteer_of).
            segments: dict[frozenset[str], str] = {}
            for pid, p in self.places.items():
                if p.kind != "border":
                    continue
                for spelling in p.spellings():
                    parts = re.split(r"\s*[-–—]\s*", without_note(spelling))
                    sides = frozenset(self._owner.get(fold(part), "") for part in parts)
                    if len(parts) == 2 and len(sides) == 2 and "" not in sides and pid not in sides:
                        segments.setdefault(sides, pid)
            self._segments = segments
        return self._segments

    def head_nouns(self) -> dict[str, tuple[str, ...]]:
        """The common noun a place's main names end in, folded, to the places: "corridor" (Lachin corridor, Araz
        corridor), "коридор" (Лачинский коридор), "checkpoint" (Hakari bridge checkpoint). Once the place is named,
        "the corridor" or "по коридору" stands for it. Only the main name and the first spelling of each language
        count, and only a last word written in lower case: a proper name ("Black Lake") is not a kind of thing. An
        administrative unit is left out: "the district" or "в районе" stands for too many things to be one place."""
        if self._heads is None:
            heads: dict[str, list[str]] = {}
            for pid, p in self.places.items():
                if p.kind in ADMINISTRATIVE_KINDS:
                    continue
                mains = [p.name, *(group[0] for group in p.names.values() if group)]
                for name in mains:
                    words = without_note(name).split()
                    short = 2 <= len(words) <= MAX_HEADED_NAME_WORDS and not (set(words) & {"of", "de"})
                    if short and words[-1].isalpha() and words[-1].islower():
                        heads.setdefault(fold(words[-1]), [])
                        if pid not in heads[fold(words[-1])]:
                            heads[fold(words[-1])].append(pid)
            self._heads = {head: tuple(pids) for head, pids in heads.items()}
        return self._heads

    def other_sides(self, text: str, words: Sequence[Token], after: int, pid: str) -> bool:
        """Whether the words after a name ("with Iran") say it is a boundary between other sides than the place's."""
        if after >= len(words) or words[after].key not in _SIDES_AFTER or words[after - 1].key not in _BOUNDARIES:
            return False
        words_of_place = self._words_of(pid)
        return any(w.key not in words_of_place for w in _sides_written(text, words, after))

    def find(self, text: str, words: Sequence[Token] | None = None) -> list[PlaceMatch]:
        """Every place named in running text, in any spelling or Russian case form, longest name first."""
        words = tokens(text) if words is None else words
        out: list[PlaceMatch] = []
        shared: list[list[str]] = []  # the places each match's spelling names, the index's first first
        firsts: list[str] = []  # each match's first word
        for i, n, pid in self._name_index().find(words):
            if pid is None:
                continue  # another area's name that holds a place's ("East Zangezur")
            # The word right after the name, nothing but spaces between: "Aghdam, officials said" names the town.
            follows = i + n < len(words) and text[words[i + n - 1].end : words[i + n].start].isspace()
            after = words[i + n].key if follows else None
            if (
                after in NOT_A_PLACE_AFTER
                and not (after in _SETTLEMENTS and self.places[pid].kind in _AREA_KINDS)
                and (not _CYRILLIC.search(after) or _RU_ADJECTIVE.search(words[i + n - 1].key))
            ):
                # "Artsakh officials", "Karabakh Armenian authorities": a people or a body, not the place; "the border
                # village of Kornidzor" a kind of thing. "The Tavush villages of Baghanis and Voskepar" are in Tavush.
                # Russian makes a body with the place's adjective ("карабахские власти"): after a noun ("флаг над
                # Зангиланом Президент поднял") the word begins a phrase of its own.
                continue
            before = words[max(0, i - BODY_OF_REACH) : i]
            if any(w.key in NOT_A_PLACE_BEFORE for w in before) and not any(w.key in _WHERE for w in before):
                continue  # "the headquarters of Artsakh", "власти непризнанной НКР": a body ("authorities in Aghdam" is not)
            if self.other_sides(text, words, i + n, pid):
                continue
            if _in_quoted_title(text, words[i].start, words[i + n - 1].end):
                continue
            if _PRINCIPLE_OF.search(text, max(0, words[i].start - PRINCIPLE_REACH), words[i].start):
                continue  # "нерушимости границ", "the inviolability of borders": a principle, not a line on the ground
            if n == 1 and ru_boundary_of_others(text, words, i):
                continue
            start, end = words[i].start, words[i + n - 1].end
            if not out or out[-1].start != start:
                out.append(PlaceMatch(start, end, text[start:end], pid))
                shared.append([pid])
                firsts.append(words[i].key)
            else:
                shared[-1].append(pid)
        # A spelling several places share names one of them, the first the index gives; of districts that share an
        # old name, the one the text names on its own elsewhere ("Гадрут, центр Гадрутского района": Khojavend's town,
        # so Khojavend, not the part of Fuzuli the Hadrut region also held), else the one that holds the namesake the
        # old name is made from ("в Гадрутском районе", "the Hadrut district": the town of Hadrut is Khojavend's).
        alone = {pids[0] for pids in shared if len(pids) == 1}
        out = [
            replace(p, place=next((q for q in pids if q in alone), self._namesake_of(first, pids) or p.place))
            if self._areas_sharing(pids)
            else p
            for p, pids, first in zip(out, shared, firsts, strict=True)
        ]
        return self._names_around_brackets(
            text, words, self._names_apart(text, words, self._boundaries_by_sides(text, words, out))
        )

    def _names_around_brackets(self, text: str, words: Sequence[Token], found: list[PlaceMatch]) -> list[PlaceMatch]:
        """ "The Lachin (Berdzor) corridor", "Лачинский (Бердзорский) коридор": a name whose first word is followed by its
        other spelling in brackets names, whole, the place its words outside the brackets name; not the first word's
        place (the town or district) nor the bracketed one's. Only among `words` (a dateline left out)."""
        wholes: list[PlaceMatch] = []
        for m in _BRACKETED_SPELLING.finditer(text, words[0].start if words else len(text)):
            named = self._name_index().find(tokens(f"{m.group('first')} {m.group('rest')}"))
            if len(named) == 1 and named[0][:2] == (0, 2) and named[0][2] is not None:
                wholes.append(PlaceMatch(m.start("first"), m.end("rest"), m.group(), named[0][2]))
        if not wholes:
            return found
        # One pass over the matches: a pasted text may hold thousands of both.
        starts = [w.start for w in wholes]

        def inside(p: PlaceMatch) -> bool:
            i = bisect.bisect_right(starts, p.start) - 1
            return i >= 0 and p.end <= wholes[i].end

        return sorted([*(p for p in found if not inside(p)), *wholes], key=lambda p: p.start)

    def _name_index(self) -> NameIndex:
        """Every spelling, with and without its closing note, indexed once for finding names in text."""
        if self._index is None:
            # A spelling several places share names the place it comes earliest for among its own names ("TRIPP" is
            # tripp-route's first name and one of nakhchivan-link's later ones), then the first in catalogue order:
            # the index keeps entries of equal length in the order given.
            entries: list[tuple[int, str, str | None]] = [
                (rank, form, pid)
                for pid, p in self.places.items()
                for rank, s in enumerate((pid.replace("-", " "), *p.spellings()))
                for form in dict.fromkeys((s, without_note(s)))
            ]
            # "East Zangezur" holds Syunik's "Zangezur" but names another area: matched whole, it names no place.
            entries += [(0, s, None) for p in self.places.values() for group in p.not_names.values() for s in group]
            self._index = NameIndex((s, pid) for _, s, pid in sorted(entries, key=lambda e: e[0]))
        return self._index

    def _names_apart(self, text: str, words: Sequence[Token], found: list[PlaceMatch]) -> list[PlaceMatch]:
        """ "A corridor through Lachin", "the zone patrolled by Russian peacekeepers": the head noun of an English name
        ("Lachin corridor", "peacekeepers' zone") written before the word that sets it apart, joined by "through", "of"
        or "patrolled by", names the place the whole name does. Only a word that sets the name apart counts: a proper
        name, or a word of one place's names alone ("the checkpoint of the border service" is no "border checkpoint")."""
        heads = self._heads_apart()
        covered = {k for p in found for k in range(p.start, p.end)}
        # A one-word name the head is joined to ("Lachin" of "a corridor through Lachin") is part of the whole name.
        alone = {(p.start, p.end): p for p in found}
        out = list(found)
        for j, w in enumerate(words):
            if w.key not in heads or w.start in covered or (joined := _JOINED_AFTER_HEAD.match(text, w.end)) is None:
                continue
            after = [t for t in words[j + 1 : j + 1 + HEAD_JOIN_WORDS] if t.start >= joined.end()][:2]
            for t in after:
                if t.key not in heads[w.key] or (t.start in covered and (t.start, t.end) not in alone):
                    continue
                whole = self._name_index().find(tokens(f"{text[t.start : t.end]} {text[w.start : w.end]}"))
                if len(whole) == 1 and whole[0][:2] == (0, 2) and whole[0][2] is not None:
                    if (t.start, t.end) in alone:
                        out.remove(alone[(t.start, t.end)])
                    out.append(PlaceMatch(w.start, t.end, text[w.start : t.end], whole[0][2]))
                break
        return sorted(out, key=lambda p: p.start)

    def _heads_apart(self) -> dict[str, frozenset[str]]:
        """The head noun of each English name of two words or more (folded) to the words before it that set it apart:
        written capitalised, or found in one place's names alone."""
        if self._apart is None:
            places_of_word: dict[str, set[str]] = {}
            pairs: list[tuple[str, str, bool]] = []
            for pid, p in self.places.items():
                for spelling in p.names.get("en", ()):
                    parts = without_note(spelling).split()
                    for part in parts:
                        places_of_word.setdefault(fold(part), set()).add(pid)
                    head, modifier = parts[-1], parts[-2] if len(parts) >= 2 else ""
                    if modifier and head.isalpha() and head.islower() and fold(head) not in _BOUNDARIES:
                        pairs.append((fold(head), fold(modifier), modifier[:1].isupper()))
            apart: dict[str, set[str]] = {}
            for head, modifier, proper in pairs:
                if proper or len(places_of_word.get(modifier, ())) == 1:
                    apart.setdefault(head, set()).add(modifier)
            self._apart = {head: frozenset(mods) for head, mods in apart.items()}
        return self._apart

    def _namesake_of(self, first_word: str, pids: list[str]) -> str | None:
        """Of the places `pids`, the one with a one-word name that `first_word` is (or a Russian form of): the place
        an old district's name is made from ("Гадрутский" of Hadrut)."""
        return next(
            (
                pid
                for pid in pids
                if any(
                    " " not in (key := fold(without_note(s))) and token_matches(key, first_word)
                    for s in self.places[pid].spellings()
                )
            ),
            None,
        )

    def _areas_sharing(self, pids: list[str]) -> bool:
        """Whether one spelling names several districts or regions (an old name both took over)."""
        return len(pids) > 1 and all(self.places[pid].kind in _AREA_KINDS for pid in pids)

    def _boundaries_by_sides(self, text: str, words: Sequence[Token], found: list[PlaceMatch]) -> list[PlaceMatch]:
        """ "Along its border with Azerbaijan", "the eastern border of Armenia", "the border between Tavush and
        Gazakh": a boundary word no name covers, followed by its sides, is the one boundary place of the atlas
        (a place with a boundary word in its names) whose spellings hold every side written, and a possessor before
        it ("Armenia's border with …") too. "Iran's border with Azerbaijan" is none of them."""
        if self._boundary_words is None:
            boundaries = [pid for pid, keys in self.keys.items() if any(set(k.split()) & _BOUNDARIES for k in keys)]
            self._boundary_words = {pid: self._words_of(pid) for pid in boundaries}
        if not self._boundary_words:
            return found
        covered = {k for p in found for k in range(p.start, p.end)}
        starts = [p.start for p in found]
        out = list(found)
        for j, w in enumerate(words):
            after = words[j + 1].key if j + 1 < len(words) else None  # "…meets the Armenian border." ends a sentence
            if _names_border_fighting(text, words, j) and w.start not in covered:
                bare = self._owner.get("the border")
                if bare is not None:
                    out.append(PlaceMatch(w.start, w.end, text[w.start : w.end], bare))
                continue
            if w.key in _RU_BOUNDARIES and w.start not in covered:
                owner = self._ru_owner(text, words, j)  # "государственную границу Армении", no other side after it
                boundary = self._boundary_with({owner.key}) if owner is not None else None
                if owner is not None and boundary is not None:
                    out.append(PlaceMatch(w.start, owner.end, text[w.start : owner.end], boundary))
                continue
            if w.key not in _BOUNDARIES or w.start in covered:
                continue
            if after not in _BOUNDARY_SIDES_AFTER:
                owner = self._possessor(text, words, j)  # "Armenia's state border", with no sides after it
                if after in NOT_A_PLACE_AFTER:
                    continue  # not "Azerbaijan's border service"
                if owner is not None:
                    boundary = self._boundary_with({owner.key})
                    if boundary is not None:
                        out.append(PlaceMatch(owner.start, w.end, text[owner.start : w.end], boundary))
                elif (determiner := _determiner_of(words, j)) is not None and (bare := self._owner.get("the border")):
                    out.append(PlaceMatch(determiner.start, w.end, text[determiner.start : w.end], bare))
                continue
            sides = _sides_written(text, words, j + 1)
            if not sides:
                continue
            start, end = w.start, sides[-1].end
            if j >= 2 and words[j - 1].key == "s" and text[words[j - 2].start].isupper():
                sides.append(words[j - 2])  # "Armenia's border with Azerbaijan"
                start = words[j - 2].start
            boundary = self._boundary_with({side.key for side in sides})
            at = bisect.bisect_left(starts, end)  # the found places are in text order and do not overlap
            if at and found[at - 1].end > start:
                start, end = w.start, w.end  # "the border between Tavush and Gazakh": its sides are places of their own
            if boundary is not None:
                out.append(PlaceMatch(start, end, text[start:end], boundary))
        return sorted(out, key=lambda p: p.start)

    def _boundary_with(self, sides: set[str]) -> str | None:
        """The one boundary place whose spellings hold every side written (folded), or None."""
        fitting = [pid for pid, words_of_place in (self._boundary_words or {}).items() if sides <= words_of_place]
        return fitting[0] if len(fitting) == 1 else None

    @staticmethod
    def _possessor(text: str, words: Sequence[Token], j: int) -> Token | None:
        """The capitalised possessor of the boundary word at `j`, an adjective or none between: "Armenia's border",
        "Armenia's state border", "Armenia's eastern border"."""
        k = j - 1
        if k >= 0 and words[k].key in _BOUNDARY_ADJECTIVES:
            k -= 1
        if k >= 1 and words[k].key == "s" and text[words[k - 1].start].isupper():
            return words[k - 1]
        # "where the corridor meets the Armenian border": a side's adjective, not a sentence's first word.
        if k >= 1 and words[k].capitalised and words[k].key != "s":
            return words[k]
        return None

    @staticmethod
    def _ru_owner(text: str, words: Sequence[Token], j: int) -> Token | None:
        """The one side of the Russian boundary word at `j`, written after it in the genitive ("границу Армении"),
        when no other follows ("границе Армении с Ираном" names two)."""
        if j + 1 >= len(words) or not text[words[j + 1].start].isupper():
            return None
        if j + 2 < len(words) and words[j + 2].key in _RU_SIDES_AFTER:
            return None
        return words[j + 1]

    def _words_of(self, pid: str) -> frozenset[str]:
        """The words of a place's spellings, folded, hyphenated names taken apart ("Armenia–Azerbaijan border")."""
        if pid not in self._words:
            keys = (w.key for s in self.places[pid].spellings() for w in tokens(s))
            self._words[pid] = frozenset(part for key in keys for part in re.split(r"[-–—]", key))
        return self._words[pid]


# The gazetteer of a catalogue of places: search, import and extraction all ask here.
gazetteer_of: KeptForSameObjects[Gazetteer] = KeptForSameObjects(Gazetteer)
