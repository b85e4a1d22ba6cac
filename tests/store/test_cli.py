"""`python -m geo store …` and `python -m geo events` on both engines, as a person types them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

from tests.conftest import FIXTURES, ROOT

UCDP = FIXTURES / "imports" / "ucdp-ged.csv"


def _geo(url: str, *args: str, code: int = 0) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "geo", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "ATLAS_DATABASE_URL": url},
    )
    assert done.returncode == code, done.stderr
    return done.stdout + done.stderr


def test_the_store_from_the_command_line(database_url, tmp_path):
    assert "schema created" in _geo(database_url, "store", "init")
    assert "schema up to date" in _geo(database_url, "store", "init")  # safe to run again
    proposed = json.loads(_geo(database_url, "store", "propose", str(UCDP), "--by", "alice", "--json", code=1))
    assert len(proposed["ids"]) == 3
    assert [(p["record"], p["field"]) for p in proposed["problems"]] == [("row 4", "location"), ("row 5", "date")]
    one, two, three = map(str, proposed["ids"])
    assert "approved" in _geo(database_url, "store", "approve", one, two, "--by", "bob")
    _geo(database_url, "store", "reject", three, "--by", "bob", "--reason", "a duplicate")
    listed = json.loads(_geo(database_url, "store", "list", "--status", "approved", "--json"))
    assert [e["event"]["id"] for e in listed] == ["ucdp-900001", "ucdp-900002"]
    history = json.loads(_geo(database_url, "store", "history", three, "--json"))
    assert [(h["action"], h["by"], h["reason"]) for h in history] == [
        ("proposed", "alice", None),
        ("rejected", "bob", "a duplicate"),
    ]
    events = json.loads(_geo(database_url, "events", "--json"))
    origins = {e["id"]: e["origin"] for e in events}
    assert origins["ucdp-900001"] == "community" and origins["lachin-handover-2020-12-01"] == "curated"
    assert "ucdp-900003" not in origins  # rejected: not shown
    out = tmp_path / "community.csv"
    _geo(database_url, "store", "export", "--status", "approved", str(out))
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["origin"], r["status"], r["external_id"]) for r in rows] == [
        ("community", "approved", "ucdp:900001"),
        ("community", "approved", "ucdp:900002"),
    ]


def test_a_refused_request_is_one_line_for_people(database_url):
    said = _geo(database_url, "store", "reject", "41", "--by", "bob", "--reason", "x", code=1)
    assert said.strip() == "no community event 41; nothing was changed"
