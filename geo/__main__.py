"""Command line: python -m geo {validate,build-regions,events,places,extract,import}."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from geo import query
from geo.load import DEFAULT_DATA_DIR, load_atlas, read_atlas
from geo.validate import DataError, parse_date


def _date_arg(value: str):
    parsed = parse_date(value)
    if isinstance(parsed, str):
        raise argparse.ArgumentTypeError(parsed)
    return parsed


def _emit(records, as_json: bool, line) -> None:
    """Print `records` as a JSON list of their as_json(), or one `line(record)` each."""
    if as_json:
        json.dump([r.as_json() for r in records], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for record in records:
            print(line(record))


def _validate(args) -> int:
    atlas, problems = read_atlas(args.data_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    print(
        f"{args.data_dir}: OK - {len(atlas.places)} places, {len(atlas.agreements)} agreements,"
        f" {len(atlas.events)} events, {len(atlas.sources)} sources"
    )
    return 0


def _build_regions(args) -> int:
    from geo.build import write_regions

    print(write_regions(args.data_dir))
    return 0


def _events(args) -> int:
    atlas = load_atlas(args.data_dir)
    agreements = [args.agreement] if args.agreement else None
    events = query.filter_events(
        atlas.events,
        place=args.place,
        agreements=agreements,
        since=args.since,
        until=args.until,
        keep_untied=False,
    )
    _emit(events, args.json, lambda e: f"{e.date.isoformat()}  {e.date_precision:<11}  {e.id:<40}  {e.title}")
    return 0


def _places(args) -> int:
    atlas = load_atlas(args.data_dir)
    places = query.places_for_agreements(atlas, [args.agreement] if args.agreement else None)
    if args.search:
        places = [p for p in query.search_places(atlas.places.values(), args.search) if p in places]
    _emit(places, args.json, lambda p: f"{p.id:<16} {p.kind:<9} {p.name}  ({' / '.join(p.spellings()[1:])})")
    return 0


def _extract(args) -> int:
    from geo.extract import main_extract

    return main_extract(args.rest)


def _import(args) -> int:
    from geo.importer import main_import

    return main_import(args.rest)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Karabakh Atlas data tools")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file; exit 1 listing all problems")
    validate.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    validate.set_defaults(run=_validate)

    build = commands.add_parser("build-regions", help="rebuild data/regions.geojson from data/sources")
    build.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    build.set_defaults(run=_build_regions)

    events = commands.add_parser("events", help="list events by date")
    events.add_argument("--place")
    events.add_argument("--agreement")
    events.add_argument("--since", type=_date_arg, metavar="YYYY-MM-DD")
    events.add_argument("--until", type=_date_arg, metavar="YYYY-MM-DD")
    events.add_argument("--json", action="store_true")
    events.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    events.set_defaults(run=_events)

    places = commands.add_parser("places", help="list places")
    places.add_argument("--agreement")
    places.add_argument("--search", metavar="TEXT", help="any spelling, any script, accents optional")
    places.add_argument("--json", action="store_true")
    places.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    places.set_defaults(run=_places)

    for name, run, help_text in (
        ("extract", _extract, "candidate events from an article: FILE [--date YYYY-MM-DD] [--json]"),
        ("import", _import, "check an events file (CSV, JSON, GeoJSON): FILE [--json]"),
    ):
        sub = commands.add_parser(name, help=help_text, add_help=False)
        sub.add_argument("rest", nargs=argparse.REMAINDER)
        sub.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as e:
        print(f"cannot load data:\n{e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader stopped early (`... | head`): not an error. Python would still try to flush stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)  # 128 + SIGPIPE, as a shell reports it
