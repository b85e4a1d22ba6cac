"""Permalinks round-trip and refuse bad values politely; exports hold what the user filtered, safely."""

import csv
import datetime as dt
import io
import json

from shapely.geometry import shape

from geo import export, query
from geo.view import default_view, parse_view, view_query


def test_a_permalink_restores_the_view(atlas):
    params = {
        "place": "kalbajar",
        "agreements": "statement-2020-11-10,statement-2021-11-26",
        "from": "2020-11-15",
        "to": "2021-12-31",
        "lang": "ru",
    }
    view, notices = parse_view(params, atlas)
    assert notices == []
    assert view.place == "kalbajar" and view.lang == "ru"
    assert view.agreements == ("statement-2020-11-10", "statement-2021-11-26")
    assert (view.start, view.end) == (dt.date(2020, 11, 15), dt.date(2021, 12, 31))
    assert view_query(view, atlas) == params


def test_the_default_view_has_a_short_link(atlas):
    assert view_query(default_view(atlas), atlas) == {}


def test_unknown_values_are_ignored_with_a_notice(atlas):
    view, notices = parse_view(
        {
            "place": "atlantis",
            "agreements": "statement-2020-11-10,treaty-of-nowhere",
            "lang": "fr",
            "from": "2021-02-30",
        },
        atlas,
    )
    assert view.place is None and view.agreements == ("statement-2020-11-10",) and view.lang == "en"
    text = " ".join(notices)
    assert "atlantis" in text and "treaty-of-nowhere" in text and '"fr"' in text and "2021-02-30" in text


def test_dates_outside_the_data_are_clamped_with_a_notice(atlas):
    view, notices = parse_view({"from": "2019-01-01", "to": "2021-12-31"}, atlas)
    assert view.start == default_view(atlas).start and view.end == dt.date(2021, 12, 31)
    assert "2019-01-01" in notices[0]


def test_no_agreements_in_the_link_means_none_shown(atlas):
    view, _ = parse_view({"agreements": ""}, atlas)
    assert view.agreements == ()


def test_csv_export_has_the_filtered_events_and_defuses_formulas(atlas):
    events = query.filter_events(atlas.events, place="lachin")
    rows = list(csv.DictReader(io.StringIO(export.events_csv(events))))
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert rows[0]["source_publisher"]
    hostile = events[0].__class__(**{**events[0].__dict__, "title": '=HYPERLINK("http://x")'})
    assert list(csv.DictReader(io.StringIO(export.events_csv([hostile]))))[0]["title"].startswith("'=")


def test_geojson_export_puts_each_event_on_its_places(atlas):
    events = query.filter_events(atlas.events, place="lachin")
    collection = json.loads(export.events_geojson(events, atlas.places))
    handover = next(f for f in collection["features"] if f["id"] == "lachin-handover-2020-12-01")
    assert handover["geometry"]["type"] == "MultiPoint" and handover["properties"]["located_by"] == "places"
    points = shape(handover["geometry"]).geoms
    assert len(points) == len(handover["properties"]["places"])
    assert any(atlas.places["lachin"].geometry.contains(p) for p in points)


def test_the_csv_exports_agreements_and_actors_as_the_importer_reads_them(atlas):
    import dataclasses

    from geo.importer import import_events

    event = next(e for e in atlas.events if e.actors and any(t.articles for t in e.ties))
    row = export.event_row(event)
    columns = ["id", "date", "date_precision", "title", "summary", "places", "agreements", "actors"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*columns, "source"])
    writer.writeheader()
    writer.writerow({**{c: row[c] for c in columns}, "source": event.source.id})
    result = import_events("roundtrip.csv", out.getvalue().encode(), dataclasses.replace(atlas, events=()))
    assert result.problems == []
    (imported,) = result.events
    # The CSV cell carries agreements and articles; whether a tie is named or inferred stays in the JSON exports.
    assert [(t.agreement, t.articles) for t in imported.ties] == [(t.agreement, t.articles) for t in event.ties]
    assert imported.actors == event.actors and imported.places == event.places


def test_a_range_event_survives_the_csv_round_trip(atlas):
    import dataclasses

    from geo.importer import import_events

    event = next(e for e in atlas.events if e.date_precision == "range")
    row = export.event_row(event)
    columns = ["id", "date", "date_precision", "end_date", "title", "summary", "places", "agreements"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*columns, "source"])
    writer.writeheader()
    writer.writerow({**{c: row[c] for c in columns}, "source": event.source.id})
    result = import_events("range.csv", out.getvalue().encode(), dataclasses.replace(atlas, events=()))
    assert result.problems == []
    (imported,) = result.events
    assert (imported.date, imported.end_date, imported.date_label()) == (event.date, event.end_date, event.date_label())


def test_a_permalink_opens_an_agreement_page_and_refuses_an_unknown_one(atlas):
    view, notices = parse_view({"agreement": "statement-2020-11-10", "place": "lachin"}, atlas)
    assert notices == [] and view.agreement == "statement-2020-11-10" and view.place == "lachin"
    assert view_query(view, atlas) == {"place": "lachin", "agreement": "statement-2020-11-10"}
    view, notices = parse_view({"agreement": "treaty-of-nowhere"}, atlas)
    assert view.agreement is None and "treaty-of-nowhere" in notices[0]


def test_the_pages_csv_names_places_and_records_its_filters_and_still_imports_back(atlas):
    import dataclasses

    from geo.importer import import_events

    view = dataclasses.replace(default_view(atlas), place="lachin", lang="ru")
    filters = export.view_filters(view, atlas, {"curated", "session"})
    events = query.filter_events(atlas.events, place="lachin")
    text = export.events_csv(events, None, filters, atlas.places, "ru")
    rows = list(csv.DictReader(io.StringIO(text)))
    handover = next(r for r in rows if r["id"] == "lachin-handover-2020-12-01")
    assert "Лачин" in handover["place_names"].split("; ")
    assert {r["filters"] for r in rows} == {
        f"place=lachin; agreements=all; from={view.start.isoformat()}; to={view.end.isoformat()};"
        " events=curated,session"
    }
    # The reader's columns are extra: the file imports back as it was.
    result = import_events("page.csv", text.encode(), dataclasses.replace(atlas, events=()))
    assert result.problems == [] and [e.id for e in result.events] == [e.id for e in events]


def test_the_pages_geojson_names_places_and_records_its_filters(atlas):
    view = parse_view({"place": "lachin", "agreements": "statement-2020-11-10"}, atlas)[0]
    filters = export.view_filters(view, atlas, {"curated"})
    events = query.filter_events(atlas.events, place="lachin")
    collection = json.loads(export.events_geojson(events, atlas.places, filters, "hy"))
    assert collection["filters"]["place"] == "lachin"
    assert collection["filters"]["agreements"] == ["statement-2020-11-10"]
    handover = next(f for f in collection["features"] if f["id"] == "lachin-handover-2020-12-01")
    assert atlas.places["lachin"].display_name("hy") in handover["properties"]["place_names"]
    by_id = {e.id: e for e in events}
    assert any(e.date_note for e in events)
    for feature in collection["features"]:
        event = by_id[feature["id"]]
        assert feature["properties"].get("date_note") == event.date_note
        assert feature["properties"].get("deadline") == (event.deadline and event.deadline.isoformat())


def test_the_exported_map_has_a_title_naming_what_it_shows_escaped(atlas):
    from geo import mapping
    from geo.load import DEFAULT_DATA_DIR
    from tests.hostile import PAYLOADS

    places = list(atlas.places.values())
    geometries = mapping.display_geometries(places)
    for payload in PAYLOADS:
        page = mapping.standalone_html(DEFAULT_DATA_DIR, places, geometries, [], f"Karabakh Atlas · Lachin {payload}")
        assert page.count("<title>Karabakh Atlas · Lachin ") == 1
        assert 'class="atlas-title">Karabakh Atlas · Lachin ' in page
        assert payload not in page
