"""Precision and recall of the extractor on hand-labelled articles (tests/data/extract_eval/), dev and test apart.

Each labelled file belongs to a split: `dev` (rules may be tuned on it) or `test` (scored once per change, never read
to decide a rule). `python -m bench.extract_eval [DATA_DIR] [--linking on|off|distant]` prints one table with both.

`--linking` ties candidates to the atlas's events (geo/extract/linking.py): `on` (the product's
way), `off`, or `distant`: only to events at least DISTANT_DAYS from the article's publication, a
proxy for an atlas that did not know the story yet (the eval's articles were written after the events were in it).

A label is matched to an unmatched candidate whose sentence contains the label's quote: the first of its own day
if there is one, else the first (a sentence telling two days gives two candidates, and a label names which). Each field is
scored over items: a date counts as right only with its precision; places, agreements, articles and actors
are sets. Items of an unmatched candidate are false positives; items of an unmatched label, false negatives.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from geo.extract import Candidate, Linker, extract_candidates
from geo.model import Agreement, Event, Place

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "extract_eval"
FIELDS = ("candidates", "date", "places", "agreements", "articles", "actors", "agreements+inferred")
LINKING = ("on", "off", "distant")
DISTANT_DAYS = 30


def _items(field: str, found: Candidate | None, label: dict[str, Any] | None) -> set[Any]:
    """The items of one field, from a candidate or from a label, in one comparable form."""
    if found is not None:
        values = {
            "candidates": {"candidate"},
            "date": {(found.date.isoformat() if found.date else None, found.date_precision)},
            "places": set(found.places),
            "agreements": set(found.agreements),
            "articles": set(found.articles),
            "actors": {a.name for a in found.actors},
            # What the agreements would score if the ties inferred from the atlas's events were taken as named.
            "agreements+inferred": set(found.agreements) | {r.item for r in found.inferred},
        }
    elif label is not None:
        values = {
            "candidates": {"candidate"},
            "date": {(label["date"], label["date_precision"])},
            "places": set(label["places"]),
            "agreements": set(label["agreements"]),
            # A point number typed 3 or "3" is the same label: the extractor gives it as written, a string.
            "articles": {(agreement, str(number)) for agreement, number in label["articles"]},
            "actors": set(label["actors"]),
            "agreements+inferred": set(label["agreements"]),
        }
    else:
        return set()
    return values[field]


def evaluate(
    eval_dir: Path,
    places: Iterable[Place],
    agreements: Iterable[Agreement],
    split: str | None = None,
    names: Iterable[str] | None = None,
    *,
    events: Iterable[Event] = (),
    linking: str = "off",
    labels: dict[str, dict[str, Any]] | None = None,
) -> dict[str, dict[str, Any]]:
    """{field: {"precision", "recall", "tp", "fp", "fn"}} over the labelled articles in `eval_dir` of `split`
    (all when None), limited to `names` when given; candidates tied to `events` as `linking` says (one of
    LINKING). `labels` ({name: entry} as in labels.json's `files`) replaces the labels of `eval_dir`."""
    places, agreements = list(places), list(agreements)
    events = list(events)
    if labels is None:
        labels = json.loads((eval_dir / "labels.json").read_text(encoding="utf-8"))["files"]
    wanted = None if names is None else set(names)
    counts = new_counts(FIELDS)
    for name, entry in sorted(labels.items()):
        if (split is not None and entry["split"] != split) or (wanted is not None and name not in wanted):
            continue
        text = (eval_dir / name).read_text(encoding="utf-8")
        published = dt.date.fromisoformat(entry["published"]) if entry["published"] else None
        found = extract_candidates(
            text, places, agreements, published, linker=_linker(linking, events, agreements, published)
        )
        unmatched = list(found)
        pairs: list[tuple[Candidate | None, dict[str, Any] | None]] = []
        for label in entry["candidates"]:
            match = _match(label, unmatched)
            if match is not None:
                unmatched.remove(match)
            pairs.append((match, label))
        pairs += [(c, None) for c in unmatched]
        for field in FIELDS:
            for candidate, label in pairs:
                tally(counts[field], _items(field, candidate, None), _items(field, None, label))
    return rates(counts)


def _match(label: dict[str, Any], unmatched: list[Candidate]) -> Candidate | None:
    """The candidate `label` is scored against: of those whose sentence holds its quote, the first of the label's
    day, else the first. Without the day, a label of a sentence's second day met the candidate of its first."""
    holding = [c for c in unmatched if label["quote"] in c.sentence]
    same_day = (c for c in holding if (c.date.isoformat() if c.date else None) == label["date"])
    return next(same_day, holding[0] if holding else None)


def new_counts(fields: Iterable[str]) -> dict[str, dict[str, int]]:
    """Zero counts of true positives, false positives and false negatives per field."""
    return {f: {"tp": 0, "fp": 0, "fn": 0} for f in fields}


def tally(count: dict[str, int], got: set[Any], want: set[Any]) -> None:
    """Add one pair's items of one field: found and expected are tp, only found fp, only expected fn."""
    count["tp"] += len(got & want)
    count["fp"] += len(got - want)
    count["fn"] += len(want - got)


def rates(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, Any]]:
    """{field: {"precision", "recall", "tp", "fp", "fn"}} from the counts (1.0 where nothing was found/expected)."""
    out = {}
    for field, c in counts.items():
        predicted, expected = c["tp"] + c["fp"], c["tp"] + c["fn"]
        out[field] = {
            "precision": c["tp"] / predicted if predicted else 1.0,
            "recall": c["tp"] / expected if expected else 1.0,
            **c,
        }
    return out


def _linker(linking: str, events: list[Event], agreements: list[Agreement], published: dt.date | None) -> Linker | None:
    """The linker for one article: none when off; when distant, only what the atlas dates DISTANT_DAYS or more from
    the article's publication."""
    if linking == "off":
        return None
    if linking == "distant" and published is not None:
        far = lambda day: abs((day - published).days) >= DISTANT_DAYS  # noqa: E731
        events = [e for e in events if far(e.date)]
    return Linker(events, agreements)


SPLITS = ("dev", "test")


def table(scores: dict[str, dict[str, dict[str, Any]]]) -> str:
    """A Markdown table: one row per field, precision and recall for each split side by side."""
    head = "| field | " + " | ".join(f"{s} precision | {s} recall" for s in scores) + " |"
    rule = "|---|" + "---|---|" * len(scores)
    rows = [
        f"| {field} | "
        + " | ".join(f"{r[field]['precision']:.2f} | {r[field]['recall']:.2f}" for r in scores.values())
        + " |"
        for field in FIELDS
    ]
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    """Print the table of precision and recall per field, dev and test apart, for the shipped set and data."""
    import argparse

    from geo.load import load_atlas  # here, so that evaluate() can run on fixtures without data files

    parser = argparse.ArgumentParser(prog="python -m bench.extract_eval")
    parser.add_argument("data", nargs="?", type=Path, default=Path("data"), help="the atlas data directory")
    parser.add_argument("--linking", choices=LINKING, default="on", help="tie candidates to the atlas's events")
    args = parser.parse_args(argv)
    atlas = load_atlas(args.data)
    labels = json.loads((EVAL_DIR / "labels.json").read_text(encoding="utf-8"))["files"]
    scores = {
        s: evaluate(
            EVAL_DIR,
            atlas.places.values(),
            atlas.agreements.values(),
            s,
            events=atlas.events,
            linking=args.linking,
        )
        for s in SPLITS
    }
    counts = ", ".join(
        f"{s}: {sum(e['split'] == s for e in labels.values())} articles, "
        f"{sum(len(e['candidates']) for e in labels.values() if e['split'] == s)} labels"
        for s in SPLITS
    )
    print(f"({counts}; linking {args.linking})")
    print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
