"""Sentences of an article, in linear time: abbreviations, initials and hard-wrapped lines do not end one."""

from __future__ import annotations

import re

from geo.dates import MONTH_NAMES
from geo.gazetteer import fold

# Only this much of the text before a full stop is looked at for an abbreviation: keeps splitting linear.
LAST_WORD_CHARS = 40

_ABBREVIATIONS = frozenset(
    "gen col lt maj capt sgt adm cmdr mr mrs ms dr prof st jr sr no nos art arts para paras pp vs rep sen gov "
    "jan feb mar apr jun jul aug sep sept oct nov dec ст п гг им тыс млн".split()
)
# A run of closing punctuation is matched from its first character only, and whole (possessive `++`): otherwise a
# run not followed by a space is tried again from each of its characters, and 100,000 dots take minutes.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)|\n")
_LAST_WORD = re.compile(r"([^\s(\[\"“«]+)$")
_CLOSED = re.compile(r"[.!?…:;\"'”’»)\]]$")
# Openers that continue the sentence before: pronouns, quotations, "The sides", "The Baku-hosted meeting"; not an
# agreement named by its month ("The January agreement set up a working group": a report of its own).
CONTINUATION = re.compile(
    r"^(?:[\"“«„]|(?:He|She|They|It|Both|Its|His|Her|Their)\b|The\s+(?:(?!(?:"
    + "|".join(MONTH_NAMES)
    + r")\b)[\w-]+\s+)?"
    r"(?:sides?|parties|two|men|leaders|ministers|officials|meeting|talks|conversation|call|visit|deal|"
    r"statement|document|declaration|agreement)\b|(?:After|Following|During|At)\s+the\s+(?:meeting|talks)\b|"
    r"(?:Он|Она|Они|Стороны)\b|По\s+итогам\s+(?:встречи|переговоров)\b)"
)


def closed(sentence: str) -> bool:
    """Whether the sentence ends with closing punctuation (a headline does not)."""
    return bool(_CLOSED.search(sentence))


def split_sentences(text: str) -> list[tuple[int, int]]:
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
