"""Pure questions over an Atlas: which events, which places, which place a spelling means."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from geo.model import Atlas, Event, Place

# Letters NFKD does not take apart into base letter + accent, folded by hand so that
# "Ağdam", "Şuşa", "Xankəndi" and "Qubadlı" meet their plain-ASCII spellings.
_EXTRA_FOLDS = str.maketrans({"ə": "e", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ё": "е", "й": "и"})
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower-case `text`, drop diacritics and punctuation: the key every name search compares on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped).strip()


def search_places(places: Iterable[Place], text: str) -> list[Place]:
    """Places one of whose spellings matches `text`: exact matches first, then prefixes, then substrings."""
    needle = fold(text)
    if not needle:
        return []
    ranked: list[tuple[int, str, Place]] = []
    for place in places:
        keys = [fold(s) for s in (place.id.replace("-", " "), *place.spellings())]
        if needle in keys:
            rank = 0
        elif any(k.startswith(needle) for k in keys):
            rank = 1
        elif any(needle in k for k in keys):
            rank = 2
        else:
            continue
        ranked.append((rank, place.id, place))
    return [place for _, _, place in sorted(ranked, key=lambda r: (r[0], r[1]))]


def shown_by(agreement_ids: tuple[str, ...], wanted: set[str] | None) -> bool:
    """Whether a place or event with these ties shows when the `wanted` agreements are on (None: all are).

    Something tied to no agreement is not hidden by any toggle.
    """
    return wanted is None or not agreement_ids or bool(wanted.intersection(agreement_ids))


def places_for_agreements(atlas: Atlas, agreement_ids: Iterable[str] | None) -> list[Place]:
    """Places shown when `agreement_ids` are on (all places when None), in catalogue order."""
    wanted = None if agreement_ids is None else set(agreement_ids)
    return [p for p in atlas.places.values() if shown_by(p.agreement_ids, wanted)]


def filter_events(
    events: Iterable[Event],
    *,
    place: str | None = None,
    agreements: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    keep_untied: bool = True,
) -> list[Event]:
    """Events matching every given filter, oldest first.

    `agreements` works as in `shown_by`; with `keep_untied=False` only events tied to one of them are kept.
    """
    wanted = None if agreements is None else set(agreements)
    chosen = [
        e
        for e in events
        if (place is None or place in e.places)
        and shown_by(e.agreement_ids, wanted)
        and (keep_untied or wanted is None or e.agreement_ids)
        and (since is None or e.date >= since)
        and (until is None or e.date <= until)
    ]
    return sorted(chosen, key=lambda e: (e.date, e.id))
