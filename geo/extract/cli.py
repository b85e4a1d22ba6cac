"""`python -m geo extract FILE [--date YYYY-MM-DD] [--json] [--data DIR]`: the candidates of one article."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from geo.extract import ExtractError, Linker, extract_candidates
from geo.extract.candidates import Candidate


def _table(candidates: Sequence[Candidate]) -> str:
    if not candidates:
        return "No candidate events found."
    lines = []
    for c in candidates:
        label = c.date.isoformat() if c.date else "—"
        flags = f"  [check: {', '.join(c.low_confidence)}]" if c.low_confidence else ""
        lines.append(f"{label} ({c.date_precision}){'  [agreement date]' if c.date_note else ''}{flags}")
        if c.places:
            lines.append(f"  places:     {', '.join(c.places)}")
        if c.agreements:
            lines.append(f"  agreements: {', '.join(c.agreements)}")
        if c.articles:
            lines.append(f"  articles:   {', '.join(f'{a} art. {n}' for a, n in c.articles)}")
        if c.actors:
            lines.append(f"  actors:     {'; '.join(f'{a.name} ({a.role})' if a.role else a.name for a in c.actors)}")
        if c.spans:
            lines.append(f"  because:    {'; '.join(f'{s.kind} “{s.text}”' for s in c.spans)}")
        for r in c.inferred:
            lines.append(f"  inferred:   {r.item}, from {r.why}")
        quote = c.sentence if len(c.sentence) <= 200 else c.sentence[:197] + "..."
        lines.append(f"  “{' '.join(quote.split())}”")
        lines.append("")
    return "\n".join(lines).rstrip()


def main(argv: list[str]) -> int:
    """Print the candidate events in an article, as a table or JSON; 2 when the file cannot be read."""
    parser = argparse.ArgumentParser(prog="python -m geo extract", description="Candidate events in an article.")
    parser.add_argument("file", type=Path, help="the article as a UTF-8 text file")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="publication date, YYYY-MM-DD")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--data", type=Path, default=None, help="the atlas data directory (default: the shipped one)")
    args = parser.parse_args(argv)
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"cannot read article {args.file}: {exc}", file=sys.stderr)
        return 2
    from geo.load import load_atlas  # here, so that the extractor itself needs no data files
    from geo.paths import data_dir

    folder = args.data or data_dir()
    atlas = load_atlas(folder)
    people = folder if (folder / "people.json").is_file() else None
    try:
        candidates = extract_candidates(
            text,
            atlas.places.values(),
            atlas.agreements.values(),
            args.date,
            people=people,
            linker=Linker(atlas.events, atlas.agreements.values()),
        )
    except ExtractError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    if args.date is None and not args.json:
        print(
            "(no --date given: dates without a year take the year the text last wrote; 'yesterday' is unknown)",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps([c.as_json() for c in candidates], ensure_ascii=False, indent=2))
    else:
        print(_table(candidates))
    return 0
