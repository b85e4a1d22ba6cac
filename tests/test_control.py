"""Who held each place when, what existed on a day, and the checks that keep a control history one timeline."""

import datetime as dt
import json
import subprocess
import sys

import pytest
from shapely.geometry import LineString, Point

from geo import query
from geo.model import ControlPeriod, Event, Source
from geo.validate import check_control, check_kind_geometry, check_range
from tests.conftest import ROOT

D = dt.date


def _geo(*args):
    result = subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_lachin_was_split_until_the_town_was_handed_over_in_august_2022(atlas):
    lachin = atlas.places["lachin"]
    assert query.control_on(lachin, D(2020, 11, 1)).status == "arm"
    assert query.control_on(lachin, D(2021, 6, 1)).status == "partial"  # town and corridor villages stayed out
    after = query.control_on(lachin, D(2022, 9, 1))
    assert (after.status, after.start) == ("az", D(2022, 8, 26))
    assert after.source in atlas.sources


def test_shusha_changed_hands_on_8_november_2020_and_karabakh_in_september_2023(atlas):
    assert query.control_on(atlas.places["shusha"], D(2020, 11, 7)).status == "arm"
    assert query.control_on(atlas.places["shusha"], D(2020, 11, 8)).start == D(2020, 11, 8)
    assert query.control_on(atlas.places["karabakh"], D(2023, 1, 1)).status == "partial"
    assert query.control_on(atlas.places["karabakh"], D(2024, 1, 1)).status == "az"


def test_nothing_is_said_before_a_history_begins(atlas):
    assert query.control_on(atlas.places["lachin-corridor"], D(2020, 10, 1)) is None


def test_the_peacekeepers_zone_exists_from_10_november_2020_to_12_june_2024(atlas):
    zone = atlas.places["peacekeeping-zone"]
    assert (zone.kind, zone.precision) == ("zone", "indicative") and "indicative" in zone.note.lower()
    assert (zone.exists_from, zone.exists_until) == (D(2020, 11, 10), D(2024, 6, 12))
    assert query.control_on(zone, D(2024, 6, 12)) is not None
    assert query.control_on(zone, D(2024, 6, 13)) is None
    assert zone in query.places_on(atlas, D(2022, 1, 1))
    assert zone not in query.places_on(atlas, D(2024, 7, 1))


def test_the_2025_route_exists_only_from_the_washington_declaration(atlas):
    before = {p.id for p in query.places_on(atlas, D(2025, 8, 7))}
    after = {p.id for p in query.places_on(atlas, D(2025, 8, 8))}
    assert "tripp-route" not in before and "tripp-route" in after
    assert {"karabakh", "lachin", "shusha"} <= before


def test_every_place_has_a_history_but_the_lake_no_draft_dated(atlas):
    without = {p.id for p in atlas.places.values() if not p.control}
    assert without == {"sev-lich"}


def test_points_and_lines_are_drawn_as_such(atlas):
    assert atlas.places["goris"].geometry.geom_type == "Point"
    assert atlas.places["tripp-route"].geometry.geom_type == "LineString"
    assert atlas.places["armenia-azerbaijan-border"].geometry.geom_type in ("LineString", "MultiLineString")
    # The route through Syunik runs along the Aras through Meghri, from Azerbaijan proper to Nakhchivan.
    assert atlas.places["tripp-route"].geometry.intersects(atlas.places["syunik"].geometry)
    assert atlas.places["tripp-route"].geometry.intersects(atlas.places["nakhchivan"].geometry)


def _period(start, status="az", source="s", until=None):
    return ControlPeriod(status=status, start=start, precision="day", source=source, until=until)


def test_a_history_out_of_order_or_overlapping_is_named():
    periods = [_period(D(2020, 1, 1)), _period(D(2020, 1, 1), "arm"), _period(D(2019, 1, 1))]
    problems = check_control(periods, None, None, ["s"], "regions.geojson", '"x"')
    assert [p.field for p in problems] == ["control[1]", "control[2]"]
    assert "overlap or are out of order" in problems[0].message


def test_until_ends_only_the_last_period_of_a_place_that_ended():
    ok = [_period(D(2020, 1, 1)), _period(D(2021, 1, 1), until=D(2022, 1, 1))]
    assert check_control(ok, None, D(2022, 1, 1), ["s"], "f", "r") == []
    early = [_period(D(2020, 1, 1), until=D(2020, 6, 1)), _period(D(2021, 1, 1))]
    assert "only the last period" in check_control(early, None, None, ["s"], "f", "r")[0].message
    assert "set exists.until" in check_control(ok, None, None, ["s"], "f", "r")[0].message
    missing = check_control([_period(D(2020, 1, 1))], None, D(2022, 1, 1), ["s"], "f", "r")
    assert "needs that `until`" in missing[0].message


def test_a_period_before_the_place_existed_or_citing_an_unknown_source_is_named():
    problems = check_control([_period(D(2020, 1, 1), source="tass")], D(2020, 11, 10), None, ["tas"], "f", "r")
    messages = " | ".join(p.message for p in problems)
    assert 'unknown source id "tass" (did you mean "tas"?)' in messages and "before the place existed" in messages


def test_a_range_needs_an_end_on_or_after_its_start():
    assert check_range(D(2022, 9, 13), "range", D(2022, 9, 14), "f", "r") == []
    assert "needs an end_date" in check_range(D(2022, 9, 13), "range", None, "f", "r")[0].message
    assert "before the start" in check_range(D(2022, 9, 13), "range", D(2022, 9, 12), "f", "r")[0].message
    assert "only goes with" in check_range(D(2022, 9, 13), "day", D(2022, 9, 14), "f", "r")[0].message


def test_a_kind_drawn_with_the_wrong_geometry_is_named():
    assert check_kind_geometry("village", Point(46, 39), "f", "r") == []
    assert check_kind_geometry("route", LineString([(46, 39), (47, 39)]), "f", "r") == []
    (problem,) = check_kind_geometry("village", LineString([(46, 39), (47, 39)]), "f", "r")
    assert "a village must be a Point, not a LineString" in problem.message


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (D(2022, 3, 24), D(2022, 3, 26), "24–26 Mar 2022"),
        (D(2022, 10, 20), D(2022, 12, 19), "20 Oct–19 Dec 2022"),
        (D(2022, 12, 12), D(2023, 9, 24), "12 Dec 2022–24 Sep 2023"),
    ],
)
def test_a_range_reads_as_one_span(start, end, label):
    source = Source("s", "t", "p")
    event = Event("e", start, "range", "t", "s", (), (), (), source, end_date=end)
    assert event.date_label() == label


def test_cli_agreements_json_lists_points_notes_variants_and_ties():
    agreements = json.loads(_geo("agreements", "--json"))
    assert len(agreements) >= 10 and [a["date"] for a in agreements] == sorted(a["date"] for a in agreements)
    first = next(a for a in agreements if a["id"] == "statement-2020-11-10")
    assert first["mediator"] == "Russia" and first["parties"] == ["Azerbaijan", "Armenia", "Russia"]
    # Article 2 exists in two published versions; the later Kalbajar extension is a note, not treaty text.
    assert len(first["points"]["2"]["variants"]) == 2
    assert "25 November" in first["points"]["6"]["note"] and "25 November" not in first["points"]["6"]["text"]
    ties = {(t["place"], t["kind"]) for t in first["ties"]}
    assert ("nakhchivan-link", "named") in ties and ("tripp-route", "inferred") in ties
    assert all(t["kind"] in ("named", "inferred") for a in agreements for t in a["ties"])
    assert max(a["date"] for a in agreements) >= "2025-08-08"


def test_cli_events_json_carries_each_source_with_its_url():
    events = json.loads(_geo("events", "--json"))
    assert len(events) >= 80 and max(e["date"] for e in events) >= "2025"
    assert all(e["source"]["publisher"] for e in events)
    # Every event's source has its address (the seed article's too, found again as the page it was taken from).
    assert [e["id"] for e in events if "url" not in e["source"]] == []
    ranged = [e for e in events if e["date_precision"] == "range"]
    assert ranged and all(e["end_date"] >= e["date"] for e in ranged)


def test_cli_control_asof_a_day_for_one_place_and_for_all():
    (row,) = json.loads(_geo("control", "--place", "lachin", "--asof", "2022-09-01", "--json"))
    assert row == {**row, "place": "lachin", "status": "az", "since": "2022-08-26"}
    assert row["source"] and row["precision"] == "day"
    rows = json.loads(_geo("control", "--asof", "2021-01-01", "--json"))
    ids = {r["place"] for r in rows}
    assert "peacekeeping-zone" in ids and "tripp-route" not in ids
    assert "since 2022-08-26" in _geo("control", "--place", "lachin", "--asof", "2023-01-01")


def test_kalbajar_was_held_by_the_armenian_side_until_its_handover_on_25_november_2020(atlas):
    """The deadline first set (15 Nov) was moved to 25 Nov: on the 20th the district was still Armenian-held."""
    (before,) = json.loads(_geo("control", "--place", "kalbajar", "--asof", "2020-11-20", "--json"))
    (after,) = json.loads(_geo("control", "--place", "kalbajar", "--asof", "2020-11-26", "--json"))
    assert (before["status"], after["status"], after["since"]) == ("arm", "az", "2020-11-25")
    assert query.control_on(atlas.places["kalbajar"], D(2020, 11, 24)).status == "arm"
    assert after["source"] in atlas.sources
