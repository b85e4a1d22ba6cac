"""Events joined to places in the database, and writers that work at once."""

from __future__ import annotations

import threading

from geo.store import Store


def test_located_events_are_joined_to_the_places_that_contain_them(store, rows_csv):
    lachin = store.propose("a.csv", rows_csv(3, "a", "lachin"), "alice").ids
    kalbajar = store.propose("b.csv", rows_csv(2, "b", "kalbajar"), "alice").ids
    store.approve(lachin + kalbajar[:1], "bob")
    # Every place that contains the point: this spot in Kalbajar lies in the 1991 oblast and so in the
    # peacekeepers' zone drawn over it too.
    inside_kalbajar = {"kalbajar": 1, "karabakh": 1, "peacekeeping-zone": 1}
    assert store.place_counts() == {"lachin": 3, **inside_kalbajar}
    assert store.place_counts("proposed") == inside_kalbajar
    assert sorted(e.id for e in store.events_in_place("lachin")) == sorted(lachin)
    assert store.events_in_place("shusha") == [] and store.events_in_place("nowhere") == []


def test_two_writers_proposing_at_once_lose_nothing(store, rows_csv, atlas):
    errors = []

    def write(prefix: str) -> None:
        try:
            own = Store(atlas, store.url)  # another app server: its own engine and connections
            for batch in range(3):
                own.propose(f"{prefix}.csv", rows_csv(100, f"{prefix}-{batch}"), prefix)
            own.engine.dispose()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("alice", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count() == {"proposed": 600}


def test_two_writers_proposing_the_same_file_at_once_store_it_once(store, rows_csv, atlas):
    data, errors = rows_csv(200, "same"), []

    def write(name: str) -> None:
        try:
            Store(atlas, store.url).propose("same.csv", data, name)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("alice", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.count() == {"proposed": 200}


def test_every_change_on_one_server_moves_the_version_another_server_reads(store, rows_csv, atlas):
    other = Store(atlas, store.url)  # another app server on the same database
    seen = [other.version()]
    ids = store.propose("a.csv", rows_csv(3, "a"), "alice").ids
    seen.append(other.version())
    store.propose("a.csv", rows_csv(3, "a"), "alice")  # the same file again: nothing changes
    seen.append(other.version())
    store.approve(ids[:1], "bob")
    seen.append(other.version())
    store.edit(ids[0], {"title": "Renamed"}, "bob", store.entry(ids[0]).revision)
    seen.append(other.version())
    other.engine.dispose()
    assert seen[1] > seen[0] and seen[2] == seen[1] and seen[3] > seen[2] and seen[4] > seen[3]
