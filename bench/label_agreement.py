"""How far two human labellers agree (issue 12): the first labels of some dev articles against a second labelling.

`tests/data/extract_eval/second_labels.json` holds a second labeller's labels of some `dev` articles, written by the
same README blind to the first ones (`labels.json`); `third_labels.json`, a third labeller's of 8 of them.
`python -m bench.label_agreement [DATA_DIR] [--labels FILE]` scores the first
against the second per field, as `bench.extract_eval` scores the extractor: the second labels are "found", the first
"expected"; items per field as there (a date counts only with its precision; places, agreements, articles and actors
are sets); items of an unmatched label are fp (second) or fn (first). It also prints the extractor's score on the same
articles against each labelling, so that the labellers' agreement reads as a ceiling beside it.

Two labels are paired when their quotes lie in the same sentence of the article (`split_sentences`), in the order of
the quotes within that sentence: the first label of a sentence in one set with the first in the other, and so on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from itertools import zip_longest
from pathlib import Path
from typing import Any

from bench.extract_eval import EVAL_DIR, FIELDS, _items, evaluate, new_counts, rates, tally
from geo.extract.sentences import split_sentences

SECOND_LABELS = EVAL_DIR / "second_labels.json"
# The labels' own fields; "agreements+inferred" only differs for the extractor.
LABEL_FIELDS = tuple(f for f in FIELDS if f != "agreements+inferred")

Label = dict[str, Any]


def pair_labels(
    text: str, expected: Sequence[Label], found: Sequence[Label]
) -> list[tuple[Label | None, Label | None]]:
    """(found, expected) pairs: labels whose quotes fall in the same sentence of `text`, in the order of the quotes
    there; a label left over in its sentence (or whose quote is not in the text) is paired with None."""
    spans = split_sentences(text)

    def by_sentence(labels: Sequence[Label]) -> dict[int, list[Label]]:
        """{sentence index: its labels in the order of their quotes}; -1 for quotes the text lacks (never paired)."""
        placed: dict[int, list[tuple[int, Label]]] = {}
        for label in labels:
            at = text.find(label["quote"])
            sentence = next((i for i, (a, b) in enumerate(spans) if a <= at < b), -1) if at >= 0 else -1
            placed.setdefault(sentence, []).append((at, label))
        return {s: [label for _, label in sorted(group, key=lambda p: p[0])] for s, group in placed.items()}

    want, got = by_sentence(expected), by_sentence(found)
    pairs: list[tuple[Label | None, Label | None]] = [(f, None) for f in got.pop(-1, [])]
    pairs += [(None, e) for e in want.pop(-1, [])]
    for sentence in sorted(set(want) | set(got)):
        pairs += list(zip_longest(got.get(sentence, []), want.get(sentence, [])))
    return pairs


def agreement(texts: dict[str, str], first: dict[str, Label], second: dict[str, Label]) -> dict[str, dict[str, Any]]:
    """Per field {"precision", "recall", "tp", "fp", "fn"} of the `second` labels (found) against the `first`
    (expected) over the articles of `texts` ({name: text}; label entries as in labels.json's `files`)."""
    counts = new_counts(LABEL_FIELDS)
    for name, text in texts.items():
        for found, expected in pair_labels(text, first[name]["candidates"], second[name]["candidates"]):
            for field in LABEL_FIELDS:
                tally(counts[field], _items(field, None, found), _items(field, None, expected))
    return rates(counts)


def f1(row: dict[str, Any]) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    p, r = row["precision"], row["recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


def table(scores: dict[str, dict[str, dict[str, Any]]]) -> str:
    """A Markdown table: per field, for each named score, P / R / F1 and tp/fp/fn."""
    head = "| field | " + " | ".join(f"{s}: P / R / F1 | tp/fp/fn" for s in scores) + " |"
    rule = "|---|" + "---|---|" * len(scores)
    rows = [
        f"| {field} | "
        + " | ".join(
            f"{r[field]['precision']:.2f} / {r[field]['recall']:.2f} / {f1(r[field]):.2f} | "
            f"{r[field]['tp']}/{r[field]['fp']}/{r[field]['fn']}"
            for r in scores.values()
        )
        + " |"
        for field in LABEL_FIELDS
    ]
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    """Print the labellers' agreement and the extractor's score against each labelling, on the doubly labelled files."""
    from geo.load import load_atlas

    parser = argparse.ArgumentParser(prog="python -m bench.label_agreement")
    parser.add_argument("data", nargs="?", type=Path, default=Path("data"), help="the atlas data directory")
    parser.add_argument("--labels", type=Path, default=SECOND_LABELS, help="the other labelling (second_labels.json)")
    args = parser.parse_args(argv)
    first = json.loads((EVAL_DIR / "labels.json").read_text(encoding="utf-8"))["files"]
    second = json.loads(args.labels.read_text(encoding="utf-8"))["files"]
    names = sorted(second)
    if any(first[n]["split"] != "dev" for n in names):
        raise SystemExit("second labels exist only for dev articles")
    texts = {n: (EVAL_DIR / n).read_text(encoding="utf-8") for n in names}
    atlas = load_atlas(args.data)

    def extractor(labels: dict[str, Label]) -> dict[str, dict[str, Any]]:
        places, agreements = atlas.places.values(), atlas.agreements.values()
        return evaluate(
            EVAL_DIR, places, agreements, "dev", names=names, events=atlas.events, linking="on", labels=labels
        )

    as_second = {n: {**first[n], "candidates": second[n]["candidates"]} for n in names}
    print(
        f"({len(names)} dev articles; first labels {sum(len(first[n]['candidates']) for n in names)}, "
        f"{args.labels.name} {sum(len(second[n]['candidates']) for n in names)}; extractor linked)"
    )
    print(
        table(
            {
                "other vs first": agreement(texts, first, second),
                "extractor vs first": extractor({n: first[n] for n in names}),
                "extractor vs other": extractor(as_second),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
