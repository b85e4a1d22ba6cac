"""`python -m geo store …`: the store from the command line, with the same checks and the same database as the app."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import getpass
import json
import sys
from pathlib import Path

from geo.export import CSV_COLUMNS, FORMULA_PREFIXES, event_row
from geo.importer import MAX_BYTES
from geo.load import DEFAULT_DATA_DIR, load_atlas
from geo.store.accounts import hash_password
from geo.store.models import STATUSES
from geo.store.review import Entry, Store, StoreError

EXPORT_COLUMNS = ("origin", "status", "store_id", *CSV_COLUMNS, "location", "location_precision", "external_id")


def _print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _line(entry: Entry) -> str:
    e = entry.event
    return f"{entry.id:>7}  {entry.status:<8}  r{entry.revision:<3} {e.date.isoformat()}  {e.id:<36}  {e.title}"


def _init(store: Store, args) -> int:
    print(store.init())
    return 0


def _propose(store: Store, args) -> int:
    try:
        with args.file.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # enough to know it is over the limit
    except OSError as e:
        print(f"cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    result = store.propose(args.file.name, data, args.by)
    if args.json:
        _print_json(
            {
                "ids": result.ids,
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "problems": [dataclasses.asdict(p) for p in result.problems],
            }
        )
    else:
        print(
            f"{args.file.name}: {len(result.ids)} of {result.rows} row(s) stored as proposed"
            f" ({result.added} new, {result.updated} updated, {result.unchanged} unchanged)"
        )
        if result.ids:
            print("ids: " + " ".join(map(str, result.ids)))
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.problems:
            print(f"{len(result.problems)} problem(s) in {args.file.name}", file=sys.stderr)
    return 1 if result.problems else 0


def _list(store: Store, args) -> int:
    entries = store.entries(args.status)
    if args.json:
        _print_json([e.as_json() for e in entries])
    else:
        for entry in entries:
            print(_line(entry))
    return 0


def _approve(store: Store, args) -> int:
    for entry in store.approve(args.ids, args.by):
        print(_line(entry))
    return 0


def _reject(store: Store, args) -> int:
    for entry in store.reject(args.ids, args.by, args.reason):
        print(_line(entry))
    return 0


def _restore(store: Store, args) -> int:
    print(_line(store.restore(args.id, args.by)))
    return 0


def _history(store: Store, args) -> int:
    changes = store.history(args.id)
    if args.json:
        _print_json([c.as_json() for c in changes])
    else:
        for change in changes:
            print(change.describe())
    return 0


def _export(store: Store, args) -> int:
    entries = store.entries(args.status)
    if args.file.suffix.lower() == ".json":
        payload = [{"origin": "community", "status": e.status, "store_id": e.id, **e.event.as_json()} for e in entries]
        args.file.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        with args.file.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for entry in entries:
                e = entry.event
                row = event_row(e) | {
                    "origin": "community",
                    "status": entry.status,
                    "store_id": str(entry.id),
                    "location": f"{e.location[0]}, {e.location[1]}" if e.location else "",
                    "location_precision": e.location_precision or "",
                    "external_id": e.external_id or "",
                }
                writer.writerow({k: "'" + v if v.startswith(FORMULA_PREFIXES) else v for k, v in row.items()})
    print(f"{args.file}: {len(entries)} event(s)")
    return 0


def _hash_password(args) -> int:
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("the passwords differ", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        print("no password on stdin", file=sys.stderr)
        return 2
    print(hash_password(password))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m geo store",
        description="The shared event store ($ATLAS_DATABASE_URL, default var/atlas.sqlite).",
    )
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    commands = parser.add_subparsers(dest="command", required=True)

    sub = commands.add_parser("init", help="create or upgrade the schema (safe to run again)")
    sub.set_defaults(run=_init)
    sub = commands.add_parser("propose", help="check FILE like `import` and store its good rows as proposed")
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--by", required=True, metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=_propose)
    sub = commands.add_parser("list", help="list community events by date")
    sub.add_argument("--status", choices=STATUSES, help="only events with this status")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=_list)
    sub = commands.add_parser("approve", help="approve events")
    sub.add_argument("ids", type=int, nargs="+", metavar="ID")
    sub.add_argument("--by", required=True, metavar="NAME")
    sub.set_defaults(run=_approve)
    sub = commands.add_parser("reject", help="reject events, with a reason")
    sub.add_argument("ids", type=int, nargs="+", metavar="ID")
    sub.add_argument("--by", required=True, metavar="NAME")
    sub.add_argument("--reason", required=True, metavar="TEXT")
    sub.set_defaults(run=_reject)
    sub = commands.add_parser("restore", help="bring a rejected event back to proposed")
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--by", required=True, metavar="NAME")
    sub.set_defaults(run=_restore)
    sub = commands.add_parser("history", help="every revision of an event")
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=_history)
    sub = commands.add_parser("export", help="write events to FILE (.csv or .json) with an origin column")
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--status", choices=STATUSES, help="only events with this status")
    sub.set_defaults(run=_export)
    sub = commands.add_parser("hash-password", help="read a password from stdin, print its hash for secrets.toml")
    sub.set_defaults(run=None)
    return parser


def main(argv: list[str]) -> int:
    """Run `python -m geo store ARGV`: 0 done, 1 problems in a file or a refused request, 2 a file cannot be read."""
    args = _parser().parse_args(argv)
    if args.command == "hash-password":
        return _hash_password(args)
    store = Store(load_atlas(args.data_dir))
    try:
        return args.run(store, args)
    except StoreError as e:
        print(e, file=sys.stderr)
        return 1
