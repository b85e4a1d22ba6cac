"""Two labellers' labels of one article, paired by sentence and order within it (bench.label_agreement)."""

from __future__ import annotations

from bench.label_agreement import agreement, pair_labels

TEXT = "Units entered Aghdam on 20 November. Kalbajar followed on 25 November and Lachin on 1 December. No date here."


def label(quote: str, date: str | None, places: list[str], agreements: tuple[str, ...] = ()) -> dict:
    return {
        "quote": quote,
        "date": date,
        "date_precision": "day" if date else None,
        "places": places,
        "agreements": list(agreements),
        "articles": [],
        "actors": [],
    }


# The first labeller lists the second sentence's clauses out of order; the second quotes the first sentence otherwise,
# dates Lachin wrongly, leaves out Kalbajar's agreement and labels the undated sentence.
FIRST = [
    label("Lachin on 1 December", "2020-12-01", ["lachin"]),
    label("Units entered Aghdam on 20 November", "2020-11-20", ["aghdam"]),
    label("Kalbajar followed on 25 November", "2020-11-25", ["kalbajar"], ("statement-2020-11-10",)),
]
SECOND = [
    label("Kalbajar followed", "2020-11-25", ["kalbajar"]),
    label("Aghdam on 20 November", "2020-11-20", ["aghdam"]),
    label("Lachin on 1 December", "2020-11-01", ["lachin"]),
    label("No date here", None, []),
]


def test_labels_pair_by_sentence_and_order_within_it() -> None:
    pairs = [(f and f["quote"], e and e["quote"]) for f, e in pair_labels(TEXT, FIRST, SECOND)]
    assert sorted(pairs, key=str) == sorted(
        [
            ("Aghdam on 20 November", "Units entered Aghdam on 20 November"),
            ("Kalbajar followed", "Kalbajar followed on 25 November"),
            ("Lachin on 1 December", "Lachin on 1 December"),
            ("No date here", None),
        ],
        key=str,
    )
    scores = agreement({"a.txt": TEXT}, {"a.txt": {"candidates": FIRST}}, {"a.txt": {"candidates": SECOND}})
    counts = {field: (s["tp"], s["fp"], s["fn"]) for field, s in scores.items()}
    assert counts["candidates"] == (3, 1, 0)
    assert counts["date"] == (2, 2, 1)  # Lachin dated 1 November, not 1 December; the undated label's (None, None)
    assert counts["places"] == (3, 0, 0)
    assert counts["agreements"] == (0, 0, 1)
