"""Bring your own events: what a user sees when importing CSV, JSON and GeoJSON files."""

import hashlib
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.importer import (
    MAX_BYTES,
    MAX_PROBLEMS_PER_FIELD,
    MAX_ROWS,
    MAX_SUGGESTIONS,
    ImportResult,
    import_events,
    merged,
)
from geo.model import Event
from geo.validate import Problem, check_ids
from tests.conftest import FIXTURES, ROOT

IMPORTS = FIXTURES / "imports"


def _import(name, atlas, **limits) -> ImportResult:
    return import_events(name, (IMPORTS / name).read_bytes(), atlas, **limits)


def _by_record(result):
    return {p.record: p for p in result.problems}


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


# ---- conflict-style CSV --------------------------------------------------------------------------------------------


def test_row_3_of_the_csv_is_reported_as_unknown_place_lachn_did_you_mean_lachin(atlas):
    problem = _by_record(_import("conflict-events.csv", atlas))["row 3"]
    assert problem.file == "conflict-events.csv"
    assert problem.field == "location"
    assert problem.message == 'unknown place "Lachn" (did you mean "lachin"?)'
    assert str(problem).startswith("conflict-events.csv record row 3, field 'location'")


def test_good_rows_are_imported_even_when_others_fail(atlas):
    result = _import("conflict-events.csv", atlas)
    assert [e.id for e in result.events] == ["aze-0001", "aze-0002", "aze-0007", "aze-0008"]
    assert sorted(_by_record(result)) == ["row 3", "row 4", "row 5", "row 6", "row 9"]
    assert result.rows == 9


def test_each_bad_row_names_its_field_and_reason(atlas):
    problems = _by_record(_import("conflict-events.csv", atlas))
    assert (problems["row 4"].field, problems["row 4"].message) == (
        "date",
        "'2021-02-31' is not a real date (day is out of range for month)",
    )
    assert problems["row 5"].field == "places"
    assert "no place" in problems["row 5"].message
    assert problems["row 6"].field == "location"
    assert "[44.4991, 40.1792] is not inside any place of the atlas" in problems["row 6"].message
    assert problems["row 9"].message == 'unknown agreement id "sochi"'


def test_stepanakert_in_the_location_column_gives_khankendi(atlas):
    event = next(e for e in _import("conflict-events.csv", atlas).events if e.id == "aze-0008")
    assert event.places == ("khankendi",)
    assert event.location is None


def test_a_village_the_atlas_does_not_name_is_placed_by_its_coordinates(atlas):
    event = next(e for e in _import("conflict-events.csv", atlas).events if e.id == "aze-0007")
    assert event.places == ("lachin",)
    assert event.location == (46.2833, 39.7682)
    assert event.date_precision == "approximate"  # time_precision 2


def test_conflict_columns_map_onto_the_event(atlas):
    first, second = _import("conflict-events.csv", atlas).events[:2]
    assert first.places == ("aghdam",)  # "Agdam", another spelling
    assert first.summary.startswith("Armenian forces withdrew from Aghdam district")
    assert first.title.endswith("…") and len(first.title) <= 81  # made from the first words of the notes
    assert [(t.agreement, t.articles) for t in first.ties] == [("statement-2020-11-10", ("1", "6"))]
    assert [(a.name, a.role) for a in first.actors] == [
        ("Ilham Aliyev", "President of Azerbaijan"),
        ("Nikol Pashinyan", "Prime Minister of Armenia"),
    ]
    assert (first.source.publisher, first.source.kind) == ("Reuters", "reporting")
    assert first.source.id.startswith("import-")
    assert second.date.isoformat() == "2020-11-25"  # written "25 November 2020"
    assert second.places == ("kalbajar",)  # written "Kəlbəcər"


def test_rows_citing_the_same_outlet_share_one_ad_hoc_source(atlas):
    events = _import("conflict-events.csv", atlas).events
    reuters = {e.source.id for e in events if e.source.publisher == "Reuters"}
    assert len(reuters) == 1


def test_rows_without_an_id_get_one_from_their_file_date_and_row(atlas):
    data = _csv("event_date,location,notes,source\n2021-03-04,Stepanakert,Shops reopened.,Reuters\n")
    (event,) = import_events("x.csv", data, atlas).events
    assert event.id == f"import-{hashlib.sha256(data).hexdigest()[:8]}-2021-03-04-row-1"


def test_a_country_is_no_place_though_a_border_is_named_after_it(atlas):
    for country in ("Armenia", "Azerbaijan"):  # "Armenian–Azerbaijani border", "Azerbaijan–Armenia border"
        data = _csv(f"date,location,notes,source\n2021-03-04,{country},Something happened.,Reuters\n")
        result = import_events("x.csv", data, atlas)
        assert result.events == [], country
        assert result.problems[0].message.startswith(f'unknown place "{country}"'), country


def test_a_name_shared_by_two_places_is_reported_not_guessed(atlas):
    data = _csv("date,location,notes,source\n2021-03-04,Lach,Something happened.,Reuters\n")
    result = import_events("x.csv", data, atlas)
    assert result.events == []
    assert (
        "matches several places (hakari-bridge-checkpoint, lachin, lachin-corridor, lachin-road-2022)"
        in result.problems[0].message
    )


def test_a_csv_without_the_needed_columns_gives_one_problem_naming_them(atlas):
    result = import_events("x.csv", _csv("when,where,what\n2021-01-01,Lachin,x\n"), atlas)
    (problem,) = result.problems
    assert problem.record == ""
    assert "a date column" in problem.message and "columns found: when, where, what" in problem.message


def test_semicolon_separated_csv_from_a_spreadsheet_is_read(atlas):
    data = _csv("date;places;title;summary;source\n2021-01-01;lachin;A title;A summary;Reuters\n")
    (event,) = import_events("x.csv", data, atlas).events
    assert event.places == ("lachin",)


def test_a_utf8_bom_is_accepted_and_other_encodings_are_named(atlas):
    data = "\ufeffdate,location,notes,source\n2021-01-01,Şuşa,x,Reuters\n".encode()
    assert import_events("x.csv", data, atlas).events[0].places == ("shusha",)
    result = import_events(
        "latin1.csv", "date,location,notes,source\n2021-01-01,Şuşa,x,Reuters\n".encode("cp1254"), atlas
    )
    (problem,) = result.problems
    assert problem.file == "latin1.csv" and "not UTF-8" in problem.message


# ---- own format: JSON and GeoJSON ----------------------------------------------------------------------------------


def test_the_projects_own_json_imports_with_names_inline_and_free_text_sources(atlas):
    result = _import("own-events.json", atlas)
    assert result.problems == []
    aghdam, market, road = result.events
    assert aghdam.source is atlas.sources["aljazeera-2020-11-20-aghdam"]
    assert market.places == ("khankendi",)  # "Stepanakert"
    assert (market.source.publisher, market.source.url, market.source.kind) == (
        "Example Wire",
        "https://example.org/market",
        "reporting",
    )
    assert road.places == ("shusha",)  # "Şuşa"
    assert road.source.publisher == "Local press" and road.actors == () and road.ties == ()


def test_a_point_in_lachin_district_lands_in_lachin(atlas):
    events = {e.id: e for e in _import("events.geojson", atlas).events}
    assert events["lachin-checkpoint-2021-05-01"].places == ("lachin",)
    assert events["lachin-checkpoint-2021-05-01"].location == (46.2833, 39.7682)


def test_a_point_in_stepanakert_lands_in_the_smallest_place_around_it(atlas):
    events = {e.id: e for e in _import("events.geojson", atlas).events}
    assert events["stepanakert-rally-2021-06-01"].places == ("khankendi",)
    assert events["shusha-named-2021-07-01"].places == ("shusha",)


def test_a_polygon_feature_is_reported(atlas):
    (problem,) = _import("events.geojson", atlas).problems
    assert (problem.record, problem.field) == ('"polygon-event-2021-08-01"', "geometry")
    assert "only Point geometries" in problem.message


def test_ids_already_in_the_atlas_or_in_an_earlier_row_are_reported(atlas):
    shipped = atlas.events[0].as_json()
    shipped["source"] = shipped["source"]["id"]
    again = {**shipped, "id": "new-event"}
    data = json.dumps([shipped, again, again]).encode()
    result = import_events("clash.json", data, atlas)
    assert [e.id for e in result.events] == ["new-event"]
    assert [p.message for p in result.problems] == [
        f'id "{shipped["id"]}" is already in the atlas',
        'id "new-event" is already in an earlier row',
    ]


def test_a_typo_in_a_source_id_is_reported_not_taken_as_free_text(atlas):
    record = {"id": "x", "date": "2021-01-01", "title": "t", "summary": "s", "places": ["lachin"]}
    data = json.dumps([{**record, "source": "tass-2020-12-01-lachn"}]).encode()
    (problem,) = import_events("x.json", data, atlas).problems
    assert problem.field == "source" and 'did you mean "tass-2020-12-01-lachin"' in problem.message


def test_malformed_json_gives_one_problem_naming_the_file_and_line(atlas):
    result = _import("malformed.json", atlas)
    assert result.events == []
    (problem,) = result.problems
    assert problem.file == "malformed.json"
    assert problem.message.startswith("malformed JSON at line 3")


# ---- text from files reaches the page as text ----------------------------------------------------------------------


def test_script_and_html_payloads_are_kept_literally_as_text(atlas):
    result = _import("script-payloads.csv", atlas)
    assert result.problems == []
    first, second = result.events
    assert first.title == "<script>alert(1)</script>"
    assert first.summary == "<img src=x onerror=alert(1)> in the summary"
    assert first.date_note == '<a href="javascript:alert(1)">note</a>'
    assert first.source.publisher == "<img src=x onerror=alert(1)>"
    assert first.actors[0].name.startswith("<script>alert(1)</script>")
    assert second.title == 'Title with "quotes" & ampersand <b>bold</b>'
    assert second.actors[0].name == "<img src=x onerror=alert(1)>"
    assert second.places == ("lachin",)  # from its "lon, lat" location cell


def test_control_characters_are_stripped_and_the_rest_kept(atlas):
    data = _csv(
        "date,location,title,notes,source\n2021-01-01,Lachin,Bell\x07 \x1b[31mred\u202e,Tab\tand text,Reuters\n"
    )
    (event,) = import_events("x.csv", data, atlas).events
    assert event.title == "Bell [31mred"
    assert event.summary == "Tab\tand text"


def test_a_javascript_address_for_a_source_is_refused(atlas):
    record = {"id": "x", "date": "2021-01-01", "title": "t", "summary": "s", "places": ["lachin"]}
    record["source"] = {"publisher": "P", "title": "T", "url": "javascript:alert(1)"}
    (problem,) = import_events("x.json", json.dumps([record]).encode(), atlas).problems
    assert problem.field == "source.url"


# ---- limits, and nothing already loaded is lost -------------------------------------------------------------------


def test_a_file_over_the_row_limit_gives_one_clear_problem(atlas):
    rows = "".join(f"2021-01-01,Lachin,note {i},Reuters\n" for i in range(5))
    result = import_events("big.csv", _csv("date,location,notes,source\n" + rows), atlas, max_rows=3)
    assert result.events == []
    (problem,) = result.problems
    assert problem.file == "big.csv" and "the limit is 3" in problem.message
    assert MAX_ROWS >= 10_000


def test_a_file_over_the_size_limit_gives_one_clear_problem(atlas):
    result = import_events("big.json", b"[" + b" " * 100 + b"]", atlas, max_bytes=50)
    assert result.events == []
    (problem,) = result.problems
    assert "the limit is 50 bytes" in problem.message
    assert MAX_BYTES >= 1024 * 1024


def _data_hashes():
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / "data").glob("*.*json"))}


def test_the_shipped_data_files_are_unchanged_after_an_import(atlas):
    before = _data_hashes()
    events_before, sources_before = atlas.events, dict(atlas.sources)
    for fixture in sorted(IMPORTS.glob("*.*")):
        result = import_events(fixture.name, fixture.read_bytes(), atlas)
        merged(atlas, result.events)
    for fixture in ("own-events.json", "conflict-events.csv"):
        subprocess.run([sys.executable, "-m", "geo", "import", str(IMPORTS / fixture)], cwd=ROOT, capture_output=True)
    assert _data_hashes() == before
    assert atlas.events is events_before and atlas.sources == sources_before


def test_merging_adds_the_imported_events_and_keeps_everything_loaded(atlas):
    result = _import("own-events.json", atlas)
    bigger = merged(atlas, result.events)
    assert {e.id for e in atlas.events} < {e.id for e in bigger.events}
    assert len(bigger.events) == len(atlas.events) + 3
    assert set(atlas.sources) < set(bigger.sources)
    assert len(merged(bigger, result.events).events) == len(bigger.events)  # importing twice adds nothing


# ---- command line -------------------------------------------------------------------------------------------------


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "geo", "import", *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )


def test_cli_exits_0_and_lists_what_would_be_imported_when_all_is_well():
    run = _cli(IMPORTS / "own-events.json")
    assert run.returncode == 0, run.stderr
    assert "3 of 3 row(s) would be imported" in run.stdout
    assert "2020-12-05  stepanakert-market-reopens-2020-12-05" in run.stdout
    assert "khankendi" in run.stdout


def test_cli_exits_1_and_names_every_problem_row_when_some_rows_fail():
    run = _cli(IMPORTS / "conflict-events.csv")
    assert run.returncode == 1
    assert "4 of 9 row(s) would be imported" in run.stdout
    for row in (3, 4, 5, 6, 9):
        assert f"conflict-events.csv record row {row}, field" in run.stderr
    assert 'unknown place "Lachn" (did you mean "lachin"?)' in run.stderr


def test_cli_exits_2_when_the_file_cannot_be_read(tmp_path):
    run = _cli(tmp_path / "missing.csv")
    assert run.returncode == 2
    assert "cannot read" in run.stderr


def test_cli_json_lists_events_and_problems():
    run = _cli(IMPORTS / "events.geojson", "--json")
    assert run.returncode == 1
    payload = json.loads(run.stdout)
    assert set(payload) == {"events", "problems"}
    assert [e["places"] for e in payload["events"]] == [["lachin"], ["khankendi"], ["shusha"]]
    assert payload["problems"] == [
        {
            "file": "events.geojson",
            "record": '"polygon-event-2021-08-01"',
            "field": "geometry",
            "message": "only Point geometries are imported, not 'Polygon'",
        }
    ]


# ---- fuzz: no input crashes the loaders ---------------------------------------------------------------------------

SUFFIXES = st.sampled_from(["x.csv", "x.json", "x.geojson", "x.txt"])
CONFLICT_HEADER = "event_id,event_date,location,latitude,longitude,notes,source,agreements,actors,date_precision"
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
event_keys = st.sampled_from(
    ["id", "date", "date_precision", "title", "summary", "places", "agreements", "actors", "source", "location", "x"]
)
event_like = st.dictionaries(event_keys, json_values | st.sampled_from(["lachin", "2021-01-01", "Stepanakert"]))
geojson_like = st.builds(
    lambda props, coords: {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": coords}}],
    },
    event_like,
    st.lists(st.floats() | st.integers() | st.text(max_size=3), max_size=3),
)
cell = st.text(max_size=15) | st.sampled_from(["Lachin", "2021-01-01", "39.77", "46.28", "statement-2020-11-10:1"])


def _assert_well_formed(name, result):
    assert isinstance(result, ImportResult)
    assert all(isinstance(e, Event) for e in result.events)
    assert all(isinstance(p, Problem) and p.file == name and p.message for p in result.problems)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(name=SUFFIXES, data=st.binary(max_size=300))
def test_fuzz_arbitrary_bytes_never_crash(atlas, name, data):
    _assert_well_formed(name, import_events(name, data, atlas))


@FUZZ
@given(name=SUFFIXES, text=st.text(max_size=300))
def test_fuzz_arbitrary_text_never_crashes(atlas, name, text):
    _assert_well_formed(name, import_events(name, text.encode("utf-8"), atlas))


@FUZZ
@given(
    document=st.lists(event_like, max_size=3) | st.fixed_dictionaries({"events": st.lists(event_like)}) | geojson_like
)
def test_fuzz_event_shaped_json_never_crashes(atlas, document):
    data = json.dumps(document).encode()
    _assert_well_formed("x.json", import_events("x.json", data, atlas))


@FUZZ
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=11), max_size=4))
def test_fuzz_conflict_shaped_csv_never_crashes(atlas, rows):
    lines = [CONFLICT_HEADER, *(",".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in row) for row in rows)]
    _assert_well_formed("x.csv", import_events("x.csv", "\n".join(lines).encode(), atlas))


@pytest.mark.parametrize("text", ["[" * 100_000, '{"events": [' + "[" * 5000 + "]" * 5000 + "]}", "1" * 5000])
def test_pathological_json_is_a_named_problem(atlas, text):
    result = import_events("deep.json", text.encode(), atlas)
    assert result.events == [] and result.problems and result.problems[0].file == "deep.json"


def test_row_numbers_count_blank_rows_as_a_spreadsheet_does(atlas):
    data = _csv("date,location,notes,source\n2021-01-01,Lachin,x,Reuters\n,,,\n2021-01-01,Lachn,x,Reuters\n")
    (problem,) = import_events("x.csv", data, atlas).problems
    assert problem.record == "row 3"


def test_a_source_link_that_could_end_its_markdown_link_early_is_refused(atlas):
    result = _import("source-link-payload.csv", atlas)
    assert result.events == []
    (problem,) = result.problems
    assert (problem.record, problem.field) == ("row 1", "source_url") and "not an http(s) address" in problem.message


# ---- hostile sizes: nothing a file holds can make an import take minutes ------------------------------------------

# Cells this long (the csv module refuses cells over 128 KiB): a pattern that backtracks over one (quadratic) takes
# minutes, a linear one milliseconds.
HOSTILE_CELL = 120_000


def test_a_long_source_link_ending_in_a_space_is_refused_at_once(atlas):
    record = {"id": "x", "date": "2021-01-01", "title": "t", "summary": "s", "places": ["lachin"]}
    record["source"] = {"publisher": "P", "title": "T", "url": "http://" + "a" * 1_000_000 + " x"}
    (problem,) = import_events("x.json", json.dumps([record]).encode(), atlas).problems
    assert (problem.field, problem.message[:12]) == ("source.url", "'http://aaaa")


def test_a_location_of_a_number_and_a_long_run_of_spaces_is_read_at_once(atlas):
    data = _csv("date,location,notes,source\n2021-01-01,1" + " " * HOSTILE_CELL + "x,x,Reuters\n")
    (problem,) = import_events("x.csv", data, atlas).problems
    assert problem.field == "location" and problem.message.startswith('unknown place "1 ')


def test_an_id_check_looks_the_id_up_rather_than_walking_every_known_id():
    # 50,000 rows with distinct sources took 48.5 s (8.0 s with one): each row listed all the sources made so far.
    class Unlistable(dict):
        def __iter__(self):
            raise AssertionError("walked every known id")

    assert check_ids(["reuters"], Unlistable(reuters=1), "source", "x.csv", "row 1", "source") == []


def test_only_the_first_distinct_unknown_names_of_a_file_get_a_did_you_mean(atlas):
    # 520,000 distinct unknown names took 85 s and 328 MB: a fuzzy search each. Past the first few, a plain message.
    names = [f"Lachn{i}" for i in range(MAX_SUGGESTIONS + 20)]
    rows = "".join(f"2021-01-01,t,{name},Reuters\n" for name in names + names)
    messages = [p.message for p in import_events("x.csv", _csv("date,title,places,source\n" + rows), atlas).problems]
    assert len(messages) == 2 * len(names)
    assert all('(did you mean "lachin"?)' in m for m in messages[:MAX_SUGGESTIONS])
    assert messages[MAX_SUGGESTIONS : len(names)] == [f'unknown place "{n}"' for n in names[MAX_SUGGESTIONS:]]
    assert messages[len(names) :] == messages[: len(names)]  # a name met again is answered as before


def test_typos_in_source_ids_get_a_did_you_mean_only_for_the_first_rows(atlas):
    ids = [f"tass-2020-12-01-lachn{i}" for i in range(MAX_SUGGESTIONS + 5)]
    rows = "".join(f"2021-01-01,Lachin,x,{source}\n" for source in [*ids, ids[0]])
    problems = import_events("x.csv", _csv("date,location,notes,source\n" + rows), atlas).problems
    assert [p.field for p in problems] == ["source"] * (MAX_SUGGESTIONS + 6)
    assert all("did you mean" in p.message for p in problems[:MAX_SUGGESTIONS])
    assert not any("did you mean" in p.message for p in problems[MAX_SUGGESTIONS:-1])
    assert problems[-1].message == problems[0].message  # an id met again is answered as before


def test_an_event_naming_thousands_of_unknown_places_reports_a_few_and_counts_the_rest(atlas):
    record = {"id": "x", "date": "2021-01-01", "title": "t", "summary": "s", "source": "reuters"}
    record["places"] = ["lachin", *(f"q{i}" for i in range(5000))]
    problems = import_events("x.json", json.dumps([record]).encode(), atlas).problems
    assert len(problems) == MAX_PROBLEMS_PER_FIELD + 1
    assert problems[0].message == 'unknown place "q0"'
    assert problems[-1].message == f"and {5000 - MAX_PROBLEMS_PER_FIELD:,} more names that are not places"


# ---- bad input is a named problem ---------------------------------------------------------------------------------


def test_a_year_the_page_cannot_chart_is_refused_naming_file_row_and_field(atlas):
    data = _csv("date,location,notes,source\n2021-01-01,Lachin,x,Reuters\n0221-05-01,Lachin,x,Reuters\n")
    result = import_events("x.csv", data, atlas)
    assert len(result.events) == 1
    (problem,) = result.problems
    assert (problem.file, problem.record, problem.field) == ("x.csv", "row 2", "date")
    assert "'0221-05-01'" in problem.message and "1900 to 2100" in problem.message


@pytest.mark.parametrize(
    "crs",
    ["EPSG:4326", ["EPSG:4326"], {"properties": "EPSG:4326"}, {"properties": {"name": ["EPSG:4326"]}}, 4326],
)
def test_a_crs_that_is_not_an_object_with_a_name_is_a_named_problem(atlas, crs):
    document = {"type": "FeatureCollection", "crs": crs, "features": []}
    (problem,) = import_events("x.geojson", json.dumps(document).encode(), atlas).problems
    assert (problem.file, problem.field) == ("x.geojson", "crs")


@pytest.mark.parametrize(
    "data",
    [
        "date,location,notes,source\n2021-01-01,Lachin,x,Reuters\n".encode("utf-16-le"),
        "date,location,notes,source\n2021-01-01,Lachin,x,Reuters\n".encode("utf-16-be"),
        b"date,location,notes,source\n2021-01-01,Lachin,x\x00,Reuters\n",
    ],
    ids=["utf-16-le", "utf-16-be", "nul"],
)
def test_nul_bytes_and_utf16_without_a_bom_are_refused_as_not_utf8(atlas, data):
    result = import_events("x.csv", data, atlas)
    assert result.events == []
    (problem,) = result.problems
    assert problem.file == "x.csv" and problem.message.startswith("not UTF-8 text")


def test_an_unclosed_quote_is_reported_at_the_line_it_opens_on(atlas):
    lines = ["date,location,notes,source", "2021-01-01,Lachin,fine,Reuters", '2021-01-02,Lachin,"never closed,Reuters']
    lines += [f"2021-01-{day:02d},Lachin,row {day},Reuters" for day in range(3, 9)]
    result = import_events("x.csv", _csv("\n".join(lines) + "\n"), atlas)
    assert result.events == []
    (problem,) = result.problems
    assert problem.record == "row 2" and problem.message.startswith("a quote opened on line 3 is never closed")


def test_a_quoted_cell_over_several_lines_is_still_one_cell(atlas):
    data = _csv('date,location,notes,source\n2021-01-01,Lachin,"two\nlines",Reuters\n2021-01-02,Lachin,x,Reuters\n')
    result = import_events("x.csv", data, atlas)
    assert [e.summary for e in result.events] == ["two\nlines", "x"]


def test_a_ucdp_ged_export_imports_with_its_ids_precisions_and_sources(atlas):
    result = _import("ucdp-ged.csv", atlas)
    by_id = {e.id: e for e in result.events}
    assert sorted(by_id) == ["ucdp-900001", "ucdp-900002", "ucdp-900003"]
    zabukh = by_id["ucdp-900001"]
    assert zabukh.external_id == "ucdp:900001"
    assert zabukh.places == ("lachin",) and zabukh.location == (46.2833, 39.7682)
    assert (zabukh.date_precision, zabukh.location_precision) == ("day", "exact")
    assert zabukh.source.title == "Shelling near Zabukh" and zabukh.source.publisher.startswith("Invented Wire")
    assert [a.name for a in zabukh.actors] == ["Government of Azerbaijan", "Republic of Artsakh"]
    assert "3 deaths (best estimate)" in zabukh.summary
    kalbajar = by_id["ucdp-900002"]  # date_prec 4: only the month; where_prec 3: a district
    assert (kalbajar.date.isoformat(), kalbajar.date_precision, kalbajar.location_precision) == (
        "2020-10-01",
        "month",
        "region",
    )
    fuzuli = by_id["ucdp-900003"]  # a 5-day range: approximate, the range kept
    assert fuzuli.date_precision == "approximate" and fuzuli.date_note == "between 2020-10-05 and 2020-10-09"
    assert fuzuli.location_precision == "near"


def test_a_ucdp_row_known_only_to_the_country_is_not_placed_by_the_country_centre(atlas):
    problems = _by_record(_import("ucdp-ged.csv", atlas))
    assert problems["row 4"].message == 'unknown place "Azerbaijan"'
    assert "not a real date" in problems["row 5"].message


def test_acled_style_ids_are_kept_as_external_ids(atlas):
    event = next(e for e in _import("conflict-events.csv", atlas).events if e.id == "aze-0008")
    assert event.external_id == "acled:AZE-0008"
