"""The page's edit form: an event's fields as the editor sees them in text boxes, and the boxes back as an edit."""

from __future__ import annotations

from geo.store import form

RECORD = {
    "id": "t-1",
    "date": "2021-03-05",
    "date_precision": "day",
    "title": "Convoy passed",
    "summary": "A convoy passed the checkpoint.",
    "places": ["lachin"],
    "agreements": [{"id": "statement-2020-11-10", "articles": ["1", "6"], "kind": "named"}],
    "actors": [],
    "source": {"publisher": "Reuters", "title": "Convoy report", "date": "2021-03-06"},
}
SOURCES = {"azatutyun-2021"}


def test_the_boxes_show_lists_as_the_events_csv_writes_them():
    shown = form.as_text(RECORD)
    assert shown["places"] == "lachin"
    assert shown["agreements"] == "statement-2020-11-10:1,6"
    assert (shown["source"], shown["source_title"], shown["source_url"]) == ("Reuters", "Convoy report", "")
    assert form.as_text(RECORD | {"source": "azatutyun-2021"})["source"] == "azatutyun-2021"


def test_unchanged_boxes_change_nothing():
    assert form.changes(RECORD, form.as_text(RECORD), SOURCES) == {}


def test_only_the_boxes_the_editor_changed_become_the_edit():
    boxes = form.as_text(RECORD) | {"title": " A new title ", "places": "lachin; Shushi"}
    assert form.changes(RECORD, boxes, SOURCES) == {"title": "A new title", "places": ["lachin", "Shushi"]}


def test_a_tie_written_as_it_was_keeps_its_record_and_a_new_one_is_id_and_articles():
    boxes = form.as_text(RECORD) | {"agreements": "statement-2020-11-10:1,6; sochi-2021-11-26:2"}
    assert form.changes(RECORD, boxes, SOURCES)["agreements"] == [
        RECORD["agreements"][0],
        {"id": "sochi-2021-11-26", "articles": ["2"]},
    ]


def test_a_source_is_an_atlas_source_by_id_or_inline_keeping_its_date():
    by_id = form.as_text(RECORD) | {"source": "azatutyun-2021", "source_title": ""}
    assert form.changes(RECORD, by_id, SOURCES)["source"] == "azatutyun-2021"
    with_url = form.as_text(RECORD) | {"source_url": "https://example.org/convoy"}
    assert form.changes(RECORD, with_url, SOURCES)["source"] == {
        "publisher": "Reuters",
        "title": "Convoy report",
        "date": "2021-03-06",
        "url": "https://example.org/convoy",
    }
