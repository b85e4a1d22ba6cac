"""A community event's editable fields as the page's text boxes show them, and the boxes' text back as the changes
`Store.edit` takes (importer JSON format). Pure: the store and the importer check what comes out.

Lists are written as in the Events CSV: places and agreements separated by ";", an agreement's articles after ":"
(`statement-2020-11-10:1,6; brussels-2021-12-14`). The source is an atlas source id, or a publisher with a title
and an address.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The boxes, in the order the page shows them.
FIELDS = ("title", "summary", "date", "date_precision", "places", "agreements", "source", "source_title", "source_url")
SOURCE_FIELDS = ("source", "source_title", "source_url")
# data/schema/events.schema.json's date_precision.
PRECISIONS = ("day", "month", "approximate", "range")


def _tie_text(tie: Mapping[str, Any]) -> str:
    articles = ",".join(str(a) for a in tie.get("articles") or ())
    return f"{tie['id']}:{articles}" if articles else str(tie["id"])


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def as_text(record: Mapping[str, Any]) -> dict[str, str]:
    """The boxes' text for a stored record (importer JSON format)."""
    source = record.get("source")
    inline = source if isinstance(source, dict) else {}
    return {
        "title": record.get("title") or "",
        "summary": record.get("summary") or "",
        "date": record.get("date") or "",
        "date_precision": record.get("date_precision") or "day",
        "places": "; ".join(record.get("places") or ()),
        "agreements": "; ".join(_tie_text(t) for t in record.get("agreements") or ()),
        "source": inline.get("publisher", "") if inline else str(source or ""),
        "source_title": inline.get("title", ""),
        "source_url": inline.get("url", ""),
    }


def changes(record: Mapping[str, Any], text: Mapping[str, str], source_ids: frozenset[str] | set[str]) -> dict:
    """What the editor changed in the boxes (`text`) against the stored `record`, as `Store.edit` takes it; only
    the fields whose box changed. `source_ids` are the atlas's own sources (named by id, not inline)."""
    before = as_text(record)
    changed = {k for k in FIELDS if text.get(k, before[k]).strip() != before[k].strip()}
    out: dict[str, Any] = {}
    for key in ("title", "summary", "date", "date_precision"):
        if key in changed:
            out[key] = text[key].strip()
    if "places" in changed:
        out["places"] = _split(text["places"])
    if "agreements" in changed:
        # A tie written as it was keeps its whole record (its kind, its note); a new or rewritten one is id and
        # articles, as the Events CSV gives them.
        kept = {_tie_text(t): t for t in record.get("agreements") or ()}
        ties = []
        for part in _split(text["agreements"]):
            agreement, _, articles = part.partition(":")
            numbers = [a.strip() for a in articles.replace("+", ",").split(",") if a.strip()]
            ties.append(kept.get(part) or {"id": agreement.strip(), "articles": numbers})
        out["agreements"] = ties
    if changed & set(SOURCE_FIELDS):
        publisher, title, url = (text.get(k, before[k]).strip() for k in SOURCE_FIELDS)
        if publisher in source_ids and not title and not url:
            out["source"] = publisher
        else:
            source = {"publisher": publisher, "title": title or publisher}
            old = record.get("source")
            if isinstance(old, dict) and old.get("date") and old.get("publisher") == publisher:
                source["date"] = old["date"]  # the box has no date: an inline source's date stays
            if url:
                source["url"] = url
            out["source"] = source
    return out
