"""`python -m geo import FILE [--json] [--data-dir DIR]`: what a file would add to the atlas. Nothing is written."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from geo.importer import MAX_BYTES, import_events
from geo.load import DEFAULT_DATA_DIR, load_atlas


def main(argv: list[str]) -> int:
    """`python -m geo import FILE [--json] [--data-dir DIR]`: 0 all good, 1 problems, 2 the file cannot be read."""
    parser = argparse.ArgumentParser(
        prog="python -m geo import",
        description="Check an events file (CSV, JSON, GeoJSON) against the atlas and report what would be imported."
        " Nothing is written.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print events and problems as JSON")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)
    try:
        with args.file.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # enough to know it is over the limit without reading all of it
    except OSError as e:
        print(f"cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    atlas = load_atlas(args.data_dir)
    result = import_events(args.file.name, data, atlas)
    if args.json:
        payload = {
            "events": [event.as_json() for event in result.events],
            "problems": [dataclasses.asdict(p) for p in result.problems],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{args.file.name}: {len(result.events)} of {result.rows} row(s) would be imported")
        for event in result.events:
            print(f"{event.date.isoformat()}  {event.id:<40}  {','.join(event.places):<20}  {event.title}")
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.problems:
            print(f"{len(result.problems)} problem(s) in {args.file.name}", file=sys.stderr)
    return 1 if result.problems else 0
