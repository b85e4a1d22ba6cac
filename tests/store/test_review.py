"""What an editor sees in the store: proposals, review, history, conflicts — the same on SQLite and PostGIS."""

from __future__ import annotations

import hashlib

import pytest

from geo.importer import import_events
from geo.store import InvalidEdit, StaleEdit, StoreError
from geo.store import review as review_module
from tests.conftest import FIXTURES, ROOT

UCDP = (FIXTURES / "imports" / "ucdp-ged.csv").read_bytes()


def _ucdp(**replace: str) -> bytes:
    text = UCDP.decode()
    for old, new in replace.items():
        text = text.replace(old, new)
    return text.encode()


def test_a_file_enters_as_proposed_with_who_and_when_and_its_bad_rows_reported(store):
    result = store.propose("ucdp-ged.csv", UCDP, "alice")
    assert (result.added, result.rows) == (3, 5)
    assert [p.record for p in result.problems] == ["row 4", "row 5"]
    entries = store.entries()
    assert [e.id for e in entries] == sorted(result.ids)
    assert {(e.status, e.proposed_by, e.revision) for e in entries} == {("proposed", "alice", 1)}
    assert store.entries("approved") == []


def test_the_curated_data_files_are_never_written(store):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "data").glob("*.json")}
    ids = store.propose("ucdp-ged.csv", UCDP, "alice").ids
    store.approve(ids, "bob")
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "data").glob("*.json")} == before


def test_re_importing_a_newer_release_updates_and_never_duplicates(store):
    first = store.propose("ucdp-ged.csv", UCDP, "alice")
    store.approve(first.ids, "bob")
    again = store.propose("ucdp-ged.csv", UCDP, "alice")
    assert (again.ids, again.added, again.updated, again.unchanged) == (first.ids, 0, 0, 3)
    newer = store.propose("ucdp-ged-2.csv", _ucdp(**{",3\n": ",4\n"}), "carol")  # row 1: 3 deaths -> 4
    assert (newer.ids, newer.added, newer.updated) == (first.ids, 0, 1)
    assert len(store.entries()) == 3
    changed = store.entry(first.ids[0])
    # A changed event goes back to review; the others stay approved.
    assert (changed.status, changed.revision, changed.updated_by) == ("proposed", 3, "carol")
    assert "4 deaths" in changed.event.summary
    assert [e.status for e in store.entries()].count("approved") == 2
    last = store.history(first.ids[0])[-1]
    assert last.action == "updated" and "summary" in last.changes


def test_approve_reject_with_a_reason_and_restore_each_leave_a_revision(store):
    one, two, _ = store.propose("ucdp-ged.csv", UCDP, "alice").ids
    store.approve([one], "bob")
    with pytest.raises(StoreError, match="a reason is required"):
        store.reject([two], "bob", " ")
    store.reject([two], "bob", "duplicate of a curated event")
    assert store.entry(two).status == "rejected"
    restored = store.restore(two, "carol")
    assert (restored.status, restored.revision) == ("proposed", 3)
    history = store.history(two)
    assert [(c.number, c.action, c.by) for c in history] == [
        (1, "proposed", "alice"),
        (2, "rejected", "bob"),
        (3, "restored", "carol"),
    ]
    assert history[1].reason == "duplicate of a curated event"
    with pytest.raises(StoreError, match="not rejected"):
        store.restore(one, "carol")


def test_approving_an_unknown_id_changes_nothing(store):
    ids = store.propose("ucdp-ged.csv", UCDP, "alice").ids
    with pytest.raises(StoreError, match="no community event 999"):
        store.approve([ids[0], 999], "bob")
    assert store.entry(ids[0]).status == "proposed"


def test_an_edit_is_a_new_revision_showing_what_changed(store):
    event_id = store.propose("ucdp-ged.csv", UCDP, "alice").ids[0]
    edited = store.edit(event_id, {"title": "Shelling near Zabukh", "places": ["Laçın"]}, "bob", base_revision=1)
    assert (edited.revision, edited.event.title, edited.event.places) == (2, "Shelling near Zabukh", ("lachin",))
    change = store.history(event_id)[-1]
    assert (change.action, change.by) == ("edited", "bob")
    assert change.changes["title"][1] == "Shelling near Zabukh"
    assert store.history(event_id)[0].record["title"] != "Shelling near Zabukh"  # the first version is kept


def test_a_stale_edit_is_refused_and_shows_the_other_change(store):
    event_id = store.propose("ucdp-ged.csv", UCDP, "alice").ids[0]
    store.edit(event_id, {"title": "Bob's title"}, "bob", base_revision=1)
    with pytest.raises(StaleEdit) as refused:
        store.edit(event_id, {"title": "Carol's title"}, "carol", base_revision=1)
    message = str(refused.value)
    assert "changed since revision 1" in message and "by bob" in message and "Bob's title" in message
    assert store.entry(event_id).event.title == "Bob's title"
    with pytest.raises(StaleEdit):
        store.approve([event_id], "carol", seen={event_id: 1})


def test_an_edit_passes_the_importer_checks(store):
    event_id = store.propose("ucdp-ged.csv", UCDP, "alice").ids[0]
    with pytest.raises(InvalidEdit) as refused:
        store.edit(event_id, {"places": ["Lachn"]}, "bob", base_revision=1)
    assert 'unknown place "Lachn"' in str(refused.value)
    with pytest.raises(StoreError, match="cannot edit id"):
        store.edit(event_id, {"id": "other"}, "bob", base_revision=1)
    assert store.entry(event_id).revision == 1


def test_a_crash_mid_import_leaves_nothing_written(store, rows_csv, monkeypatch):
    calls = []

    def crash(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("power cut")

    monkeypatch.setattr(review_module, "_revision", crash)  # after the events rows are inserted, before revisions
    with pytest.raises(RuntimeError):
        store.propose("rows.csv", rows_csv(50), "alice")
    assert calls and store.count() == {}
    monkeypatch.undo()
    assert store.propose("rows.csv", rows_csv(50), "alice").added == 50


def test_approved_events_are_atlas_events_beside_the_curated_ones(store, atlas):
    ids = store.propose("ucdp-ged.csv", UCDP, "alice").ids
    store.approve(ids[:2], "bob")
    events = store.approved_events()
    assert [e.id for e in events] == ["ucdp-900001", "ucdp-900002"]
    assert events[0].external_id == "ucdp:900001" and events[0].source.title == "Shelling near Zabukh"
    # The same event as the importer makes it, apart from the ad-hoc source's id.
    imported = import_events("ucdp-ged.csv", UCDP, atlas).events[0]
    assert events[0].as_json() | {"source": None} == imported.as_json() | {"source": None}


def test_rows_without_ids_from_two_files_are_two_events(store):
    csv = b"date,summary,places,source\n2021-03-01,Shops reopened.,Shusha,Reuters\n"
    first = store.propose("a.csv", csv, "alice")
    second = store.propose("b.csv", csv.replace(b"Shops", b"Schools"), "bob")
    assert first.added == second.added == 1 and first.ids != second.ids
    assert len({e.event.id for e in store.entries()}) == 2
