"""What a user exports comes back as it was: the Events CSV and GeoJSON import back, hostile text stays literal text,
and two files added in one session never take each other's generated ids."""

import csv
import dataclasses
import io
import json

import pytest

from geo import export
from geo.importer import import_events, merged
from geo.model import Actor, Source
from tests.hostile import ONE_MB, PAYLOADS


def _empty(atlas):
    """The atlas without its events, so that re-imported events do not clash with the originals."""
    return dataclasses.replace(atlas, events=())


def _hostile(atlas, text: str):
    """A shipped event with `text` in its title, summary, actor, source and note."""
    event = next(e for e in atlas.events if e.actors)
    source = Source(id="hostile-source", title=text, publisher=text)
    return dataclasses.replace(
        event,
        id="hostile",
        title=text,
        summary=f"{text} summary",
        actors=(Actor(f"{text} actor", f"{text} role"),),
        source=source,
        date_note=f"{text} note",
    )


def _csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of an exported CSV, read as a spreadsheet would: cells of any length."""
    limit = csv.field_size_limit(len(text) + 1)
    try:
        return list(csv.DictReader(io.StringIO(text)))
    finally:
        csv.field_size_limit(limit)


# ---- the app's own CSV imports back ---------------------------------------------------------------------------------


def test_the_events_csv_of_every_shipped_event_imports_back_field_for_field(atlas):
    result = import_events("events.csv", export.events_csv(atlas.events).encode(), _empty(atlas))
    assert result.problems == []
    assert result.events == list(atlas.events)


def test_the_importer_reads_every_column_the_csv_export_writes():
    from geo.importer import csv_columns_read

    assert set(export.CSV_COLUMNS) <= csv_columns_read()


def test_an_event_with_a_location_deadline_and_note_keeps_them_through_the_csv(atlas):
    event = dataclasses.replace(
        atlas.events[0], location=(46.5, 39.6), date_note="a note", deadline=atlas.events[0].date
    )
    (back,) = import_events("e.csv", export.events_csv([event]).encode(), _empty(atlas)).events
    assert (back.location, back.date_note, back.deadline) == (event.location, event.date_note, event.deadline)


def test_the_events_geojson_of_every_shipped_event_imports_back_field_for_field(atlas):
    result = import_events("events.geojson", export.events_geojson(atlas.events, atlas.places).encode(), _empty(atlas))
    assert result.problems == []
    assert result.events == list(atlas.events)


# ---- hostile text comes back literally ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", PAYLOADS)
def test_hostile_text_comes_back_literally_from_the_csv(atlas, text):
    event = _hostile(atlas, text)
    (row,) = _csv_rows(export.events_csv([event]))
    assert (row["title"], row["summary"], row["date_note"]) == (text, f"{text} summary", f"{text} note")
    assert row["actors"] == f"{text} actor ({text} role)"
    assert (row["source_publisher"], row["source_title"]) == (text, text)
    (back,) = import_events("e.csv", export.events_csv([event]).encode(), _empty(atlas)).events
    assert (back.title, back.summary, back.date_note, back.actors) == (
        event.title,
        event.summary,
        event.date_note,
        event.actors,
    )
    assert (back.source.publisher, back.source.title) == (text, text)


@pytest.mark.parametrize("text", PAYLOADS)
def test_hostile_text_comes_back_literally_from_the_geojson(atlas, text):
    event = _hostile(atlas, text)
    (feature,) = json.loads(export.events_geojson([event], atlas.places))["features"]
    properties = feature["properties"]
    assert (properties["title"], properties["summary"], properties["date_note"]) == (
        text,
        f"{text} summary",
        f"{text} note",
    )
    assert properties["actors"] == [{"name": f"{text} actor", "role": f"{text} role"}]
    assert (properties["source"]["publisher"], properties["source"]["title"]) == (text, text)
    (back,) = import_events("e.geojson", export.events_geojson([event], atlas.places).encode(), _empty(atlas)).events
    assert (back.title, back.summary, back.date_note, back.actors) == (
        event.title,
        event.summary,
        event.date_note,
        event.actors,
    )


@pytest.mark.parametrize("text", PAYLOADS)
def test_a_hostile_place_name_is_quoted_literally_in_its_problem(atlas, text):
    data = export.events_csv([dataclasses.replace(atlas.events[0], places=(text,))]).encode()
    (problem,) = import_events("e.csv", data, _empty(atlas)).problems
    assert problem.field == "places" and f'unknown place "{text}"' in problem.message


def test_a_one_mb_title_comes_back_literally_from_both_exports(atlas):
    event = dataclasses.replace(atlas.events[0], title=ONE_MB)
    (row,) = _csv_rows(export.events_csv([event]))
    assert row["title"] == ONE_MB
    (feature,) = json.loads(export.events_geojson([event], atlas.places))["features"]
    assert feature["properties"]["title"] == ONE_MB
    (back,) = import_events("e.geojson", export.events_geojson([event], atlas.places).encode(), _empty(atlas)).events
    assert back.title == ONE_MB


def test_a_one_mb_cell_in_a_csv_is_refused_as_a_named_problem(atlas):
    # The csv module reads cells up to 128 KiB; the refusal names the file and the line.
    data = export.events_csv([dataclasses.replace(atlas.events[0], title=ONE_MB)]).encode()
    (problem,) = import_events("e.csv", data, _empty(atlas)).problems
    assert problem.file == "e.csv" and problem.message.startswith("line 2 has a cell longer than 131,072 characters")


# ---- formulas -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_is_defused_and_imports_back_as_written(atlas, text):
    assert export.defuse_cell(text) == "'" + text
    assert export.defuse_cell("plain") == "plain"
    event = dataclasses.replace(atlas.events[0], title=text.strip() or "x", summary=f"{text} summary")
    (back,) = import_events("e.csv", export.events_csv([event]).encode(), _empty(atlas)).events
    assert back.title == event.title


# ---- two files in one session ---------------------------------------------------------------------------------------


def test_two_files_whose_rows_would_get_the_same_generated_id_both_add_in_full(atlas):
    first = b"date,location,notes,source\n2021-03-04,Lachin,First file.,Reuters\n"
    second = b"date,location,notes,source\n2021-03-04,Lachin,Second file.,AP\n"
    one = import_events("a.csv", first, atlas)
    # The page checks the second file against the atlas with the first file's events already added.
    two = import_events("b.csv", second, merged(atlas, one.events))
    assert one.problems == [] and two.problems == []
    both = merged(merged(atlas, one.events), two.events)
    added = [e for e in both.events if e not in atlas.events]
    assert sorted((e.summary, e.source.publisher) for e in added) == [
        ("First file.", "Reuters"),
        ("Second file.", "AP"),
    ]
    assert all(both.sources[e.source.id] == e.source for e in added)


def test_two_files_checked_against_the_same_atlas_never_share_a_generated_id(atlas):
    first = import_events("a.csv", b"date,location,notes,source\n2021-03-04,Lachin,One.,Reuters\n", atlas)
    second = import_events("b.csv", b"date,location,notes,source\n2021-03-04,Lachin,Two.,AP\n", atlas)
    assert {e.id for e in first.events}.isdisjoint(e.id for e in second.events)
    assert {e.source.id for e in first.events}.isdisjoint(e.source.id for e in second.events)
    both = merged(merged(atlas, first.events), second.events)
    assert len(both.events) == len(atlas.events) + 2


def test_the_same_file_added_twice_gives_the_same_ids_and_adds_nothing_the_second_time(atlas):
    data = b"date,location,notes,source\n2021-03-04,Lachin,One.,Reuters\n"
    once = import_events("a.csv", data, atlas)
    again = import_events("a.csv", data, atlas)
    assert [e.id for e in once.events] == [e.id for e in again.events]
