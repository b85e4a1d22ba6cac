"""Command line: python -m geo {validate,build-regions,build-context,events,places,agreements,control,commitments,changes,map,extract,
import,serve,store}."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import sys
from pathlib import Path
from typing import Literal

from geo import query
from geo.gazetteer import fold, gazetteer_of
from geo.load import DEFAULT_DATA_DIR, load_atlas, read_atlas
from geo.model import LANGUAGES, Atlas
from geo.validate import DataError, parse_date

# A "did you mean" names at most this many ids: "brussels" fits six agreements, and the list stays one line.
MAX_SUGGESTIONS = 4


class _NotFound(Exception):
    """A value on the command line that names nothing in the atlas; the message says so and what is close."""


def _named(atlas: Atlas, kind: Literal["place", "agreement", "search"], value: str) -> list[str]:
    """The ids `value` names, or _NotFound saying what it did not find, with a "did you mean" when something is close.

    "place": one id, from an id or any spelling the gazetteer takes ("Berdzor", "Stepanakert", a unique prefix).
    "agreement": one id, from an id, or a title, short title or alias only that agreement has ("Prague statement").
    "search": every place one of whose spellings contains `value`, as `places --search` lists them.
    """
    if kind != "agreement":
        gazetteer = gazetteer_of(atlas.places.values())
        found = [p.id for p in gazetteer.search(value)]
        if kind == "search":
            if found:
                return found
            message = f'no place matches "{value}"'
        else:
            place, message = gazetteer.resolve(value, may_suggest=lambda: False)
            if place is not None:
                return [place]
        # What a search finds ("Hadrut": three districts list "Hadrut Province"), else the closest spelling (a typo);
        # nothing when the message already lists the places a spelling fits.
        several = message.startswith("place ")
        close = [] if several else found or [c for c in (gazetteer.closest(value),) if c]
    else:
        if value in atlas.agreements:
            return [value]
        needle = fold(value)
        names = {
            a.id: {fold(n) for n in (a.id, a.title, a.short_title or "", *a.alias_list())} - {""}
            for a in atlas.agreements.values()
        }
        exact = [i for i, keys in names.items() if needle in keys]
        if len(exact) == 1:
            return exact
        close = exact or [i for i, keys in names.items() if needle and any(needle in k for k in keys)]
        close = close or difflib.get_close_matches(value, list(atlas.agreements), n=1)
        message = f'unknown agreement "{value}"'
    if close:
        shown = [f'"{c}"' for c in close[:MAX_SUGGESTIONS]]
        shown += [f"{len(close) - MAX_SUGGESTIONS} more"] if len(close) > MAX_SUGGESTIONS else []
        listed = f"{', '.join(shown[:-1])} or {shown[-1]}" if len(shown) > 1 else shown[0]
        message += f" (did you mean {listed}?)"
    raise _NotFound(message)


def _date_arg(value: str):
    parsed = parse_date(value)
    if isinstance(parsed, str):
        raise argparse.ArgumentTypeError(parsed)
    return parsed


def _emit(records, as_json: bool, line, extra=lambda record: {}) -> None:
    """Print `records` as a JSON list of their as_json() (plus `extra(record)`), or one `line(record)` each."""
    if as_json:
        json.dump([r.as_json() | extra(r) for r in records], sys.stdout, ensure_ascii=False, indent=2)
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
        f" {len(atlas.events)} events, {len(atlas.sources)} sources, {len(atlas.commitments)} commitments"
    )
    return 0


def _build_regions(args) -> int:
    from geo.build import write_regions

    print(write_regions(args.data_dir))
    return 0


def _build_context(args) -> int:
    from geo.context import write_context

    print(write_context(args.data_dir))
    return 0


def _events(args) -> int:
    from geo.store import community_events

    atlas = load_atlas(args.data_dir)
    place = _named(atlas, "place", args.place)[0] if args.place else None
    agreements = _named(atlas, "agreement", args.agreement) if args.agreement else None
    community = community_events(atlas)
    origin = {e.id: "community" for e in community}
    events = query.filter_events(
        sorted((*atlas.events, *community), key=lambda e: (e.date, e.id)),
        place=place,
        agreements=agreements,
        since=args.since,
        until=args.until,
        keep_untied=False,
    )
    _emit(
        events,
        args.json,
        lambda e: (
            f"{e.date.isoformat()}  {e.date_precision:<11}  {origin.get(e.id, 'curated'):<9}  {e.id:<40}  {e.title}"
        ),
        lambda e: {"origin": origin.get(e.id, "curated")},
    )
    return 0


def _places(args) -> int:
    atlas = load_atlas(args.data_dir)
    agreements = _named(atlas, "agreement", args.agreement) if args.agreement else None
    places = query.places_for_agreements(atlas, agreements)
    if args.search:
        found = _named(atlas, "search", args.search)
        places = [p for p in places if p.id in found]
        places.sort(key=lambda p: found.index(p.id))  # best match first, as search ranks them
        if not places:
            ids = ", ".join(found)
            raise _NotFound(f'"{args.search}" matches {ids}: none of them is tied to agreement "{args.agreement}"')
    _emit(places, args.json, lambda p: f"{p.id:<16} {p.kind:<9} {p.name}  ({' / '.join(p.spellings()[1:])})")
    return 0


def _agreement_json(agreement, atlas) -> dict:
    """An agreement as the `agreements` command prints it: its points with their notes and variants, its ties."""
    return {
        "id": agreement.id,
        "date": agreement.date.isoformat(),
        "title": agreement.title,
        "short_title": agreement.short_title,
        "mediator": agreement.mediator,
        "parties": list(agreement.parties),
        "place": agreement.place,
        "source": agreement.source,
        **({"date_note": agreement.date_note} if agreement.date_note else {}),
        "points": {
            number: {
                "text": text,
                **({"note": agreement.article_notes[number]} if number in agreement.article_notes else {}),
                **(
                    {"variants": [v.as_json() for v in agreement.article_variants[number]]}
                    if number in agreement.article_variants
                    else {}
                ),
            }
            for number, text in agreement.articles.items()
        },
        "ties": query.agreement_ties(atlas, agreement.id),
    }


def _agreements(args) -> int:
    atlas = load_atlas(args.data_dir)
    agreements = sorted(atlas.agreements.values(), key=lambda a: (a.date, a.id))
    if args.json:
        json.dump([_agreement_json(a, atlas) for a in agreements], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for agreement in agreements:
        mediator = f"  [{agreement.mediator}]" if agreement.mediator else ""
        print(f"{agreement.date.isoformat()}  {agreement.id:<38}  {agreement.short_title or agreement.title}{mediator}")
        for tie in query.agreement_ties(atlas, agreement.id):
            articles = f" art. {', '.join(tie['articles'])}" if tie["articles"] else ""
            print(f"    {tie['place']:<26} {tie['kind']:<8}{articles}")
    return 0


def _control(args) -> int:
    atlas = load_atlas(args.data_dir)
    day = args.asof or dt.date.today()
    places = [atlas.places[_named(atlas, "place", args.place)[0]]] if args.place else query.places_on(atlas, day)
    rows = []
    for place in places:
        period = query.control_on(place, day)
        if period is None:
            continue
        rows.append(
            {
                "place": place.id,
                "status": period.status,
                "since": period.start.isoformat(),
                "precision": period.precision,
                "source": period.source,
                "note": period.note,
            }
        )
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"control on {day.isoformat()}:")
        for row in rows:
            print(f"  {row['place']:<26} {row['status']:<8} since {row['since']} ({row['precision']})")
    return 0


def _commitments(args) -> int:
    atlas = load_atlas(args.data_dir)
    day = args.asof or dt.date.today()
    agreement = _named(atlas, "agreement", args.agreement)[0] if args.agreement else None
    place = _named(atlas, "place", args.place)[0] if args.place else None
    commitments = query.commitments_for(atlas, agreement=agreement, place=place)
    rows = [row for row in (query.commitment_on(c, day) for c in commitments) if row]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"commitments on {day.isoformat()}:")
    for agreement in dict.fromkeys(row["agreement"] for row in rows):
        share = query.implementation_share(atlas, agreement, day)
        shown = "no commitment left to count" if share is None else f"{share:.0%} fully implemented"
        print(f"  {agreement}  ({shown}; superseded ones not counted)")
        for row in (r for r in rows if r["agreement"] == agreement):
            deadline = f"  deadline {row['deadline']}" if row["deadline"] else ""
            print(f"    art. {row['article']:<3} {row['id']:<40} {row['status']:<13} since {row['since']}{deadline}")
    return 0


def _changes(args) -> int:
    if args.end < args.start:
        print(f"--to {args.end.isoformat()} is before --from {args.start.isoformat()}", file=sys.stderr)
        return 2
    atlas = load_atlas(args.data_dir)
    changes = query.changes_between(atlas, args.start, args.end)

    def line(change) -> str:
        evidence = f"event {change.event}" if change.event else f"source {change.source}"
        before = change.before or "-"
        return f"{change.date.isoformat()}  {change.kind:<10}  {change.subject:<40}  {before} -> {change.after}  ({evidence})"

    _emit(changes, args.json, line)
    return 0


def _map(args) -> int:
    """Write the standalone map of a view, drawn by the same code as the app's "Map HTML" export."""
    from geo import importer, mapping

    atlas = load_atlas(args.data_dir)
    if args.events:
        try:
            with args.events.open("rb") as f:
                data = f.read(importer.MAX_BYTES + 1)  # enough to know it is over the limit
        except OSError as e:
            print(f"cannot read {args.events}: {e.strerror or e}", file=sys.stderr)
            return 2
        result = importer.import_events(args.events.name, data, atlas)
        if result.problems:
            # A scripted map must not silently leave rows out: nothing is written until the file is clean.
            for problem in result.problems:
                print(problem, file=sys.stderr)
            print(f"{len(result.problems)} problem(s) in {args.events.name}; no map written", file=sys.stderr)
            return 1
        atlas = importer.merged(atlas, result.events)
    agreements = tuple(atlas.agreements)
    if args.agreements is not None:
        agreements = tuple(_named(atlas, "agreement", a.strip())[0] for a in args.agreements.split(",") if a.strip())
    place = _named(atlas, "place", args.place)[0] if args.place else None
    places = query.places_for_agreements(atlas, agreements)
    events = query.filter_events(atlas.events, agreements=agreements)
    page = mapping.standalone_html(
        args.data_dir,
        places,
        mapping.display_geometries(atlas.places.values()),
        mapping.view_layers(
            [p.id for p in places],
            place,
            args.lang,
            events,
            atlas.places,
            asof=(args.asof or dt.date.today()).isoformat(),
        ),
    )
    args.out.write_text(page, encoding="utf-8")
    print(f"{args.out}: {len(places)} places, {sum(1 for e in events if e.location)} located events")
    return 0


def _serve(args) -> int:
    from geo.serve import command

    argv = command(args.port, args.address)
    os.execv(argv[0], argv)  # the server replaces this process: Ctrl-C and signals reach it directly
    return 0  # not reached


def _extract(args) -> int:
    from geo.extract import main_extract

    return main_extract(args.rest)


def _import(args) -> int:
    from geo.importer import main_import

    return main_import(args.rest)


def _store(args) -> int:
    from geo.store.cli import main

    return main(args.rest)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Karabakh Atlas data tools")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file; exit 1 listing all problems")
    validate.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    validate.set_defaults(run=_validate)

    build = commands.add_parser("build-regions", help="rebuild data/regions.geojson from data/sources")
    build.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    build.set_defaults(run=_build_regions)

    context = commands.add_parser("build-context", help="rebuild data/context.geojson (towns, rivers, lakes, road)")
    context.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    context.set_defaults(run=_build_context)

    events = commands.add_parser("events", help="list events by date")
    events.add_argument("--place", help="a place: an id or any spelling")
    events.add_argument("--agreement", help="an agreement: an id or a title or alias only it has")
    events.add_argument("--since", type=_date_arg, metavar="YYYY-MM-DD")
    events.add_argument("--until", type=_date_arg, metavar="YYYY-MM-DD")
    events.add_argument("--json", action="store_true")
    events.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    events.set_defaults(run=_events)

    places = commands.add_parser("places", help="list places")
    places.add_argument("--agreement", help="an agreement: an id or a title or alias only it has")
    places.add_argument("--search", metavar="TEXT", help="any spelling, any script, accents optional")
    places.add_argument("--json", action="store_true")
    places.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    places.set_defaults(run=_places)

    agreements = commands.add_parser("agreements", help="list agreements by date, with their points and ties")
    agreements.add_argument("--json", action="store_true")
    agreements.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    agreements.set_defaults(run=_agreements)

    control = commands.add_parser("control", help="who held each place on a day (default: today)")
    control.add_argument("--place", help="a place: an id or any spelling")
    control.add_argument("--asof", type=_date_arg, metavar="YYYY-MM-DD")
    control.add_argument("--json", action="store_true")
    control.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    control.set_defaults(run=_control)

    commitments = commands.add_parser("commitments", help="what each agreement promised and its status on a day")
    commitments.add_argument("--agreement", help="an agreement: an id or a title or alias only it has")
    commitments.add_argument("--place", help="a place: an id or any spelling")
    commitments.add_argument("--asof", type=_date_arg, metavar="YYYY-MM-DD", help="default: today")
    commitments.add_argument("--json", action="store_true")
    commitments.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    commitments.set_defaults(run=_commitments)

    changes = commands.add_parser("changes", help="control and commitment status changes between two days")
    changes.add_argument("--from", dest="start", type=_date_arg, metavar="YYYY-MM-DD", required=True)
    changes.add_argument("--to", dest="end", type=_date_arg, metavar="YYYY-MM-DD", required=True)
    changes.add_argument("--json", action="store_true")
    changes.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    changes.set_defaults(run=_changes)

    map_ = commands.add_parser("map", help="write the standalone HTML map of a view (works offline)")
    map_.add_argument("out", type=Path, metavar="OUT.html")
    map_.add_argument("--events", type=Path, metavar="FILE", help="events to draw too, checked like an upload")
    map_.add_argument("--place", help="the place to select: an id or any spelling")
    map_.add_argument("--agreements", metavar="IDS", help="comma-separated agreement ids or titles (default: all)")
    map_.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the place names")
    map_.add_argument("--asof", type=_date_arg, metavar="YYYY-MM-DD", help="fill places by who held them then")
    map_.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    map_.set_defaults(run=_map)

    serve = commands.add_parser("serve", help="serve the app (Streamlit) on http://ADDRESS:PORT, offline")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1")
    serve.set_defaults(run=_serve)

    for name, run, help_text in (
        ("extract", _extract, "candidate events from an article: FILE [--date YYYY-MM-DD] [--json]"),
        ("import", _import, "check an events file (CSV, JSON, GeoJSON): FILE [--json]"),
        ("store", _store, "the shared event store: init, propose, list, approve, reject, history, export, ..."),
    ):
        sub = commands.add_parser(name, help=help_text, add_help=False)
        sub.add_argument("rest", nargs=argparse.REMAINDER)
        sub.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except _NotFound as e:
        print(e, file=sys.stderr)
        return 2
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
