"""Events joined to places in the database, and writers that work at once."""

from __future__ import annotations

import itertools
import threading
import time

from alembic import command
from sqlalchemy import event, text

from bench.postgis import new_database
from geo.store import Store, migrate


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
    store.reject(ids[1:2], "bob", "duplicate")
    seen.append(other.version())
    store.restore(ids[1], "bob")
    seen.append(other.version())
    other.engine.dispose()
    assert seen[2] == seen[1]
    assert all(later > earlier for earlier, later in itertools.pairwise(seen[:2] + seen[3:]))


def test_a_change_committed_after_a_later_one_still_moves_the_version(postgis_server, atlas, rows_csv):
    """PostgreSQL numbers rows when they are written, not when they are committed: an approval that took the lower
    revision id may commit after one that took a higher id. A server that polled in between must still see it."""
    url = new_database(postgis_server)
    slow, quick, watcher = (Store(atlas, url) for _ in range(3))  # three app servers on one database
    a, b = slow.propose("two.csv", rows_csv(2, "two"), "carol").ids
    quick.init()
    at_commit, commit_now, errors = threading.Event(), threading.Event(), []

    def hold_the_commit(_connection) -> None:
        at_commit.set()
        commit_now.wait(timeout=60)

    def approve(server: Store, id: int) -> None:
        try:
            server.approve([id], "bob")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    event.listen(slow.engine, "commit", hold_the_commit)
    first = threading.Thread(target=approve, args=(slow, a))
    first.start()
    assert at_commit.wait(timeout=60)  # the first approval is written and waits to commit
    second = threading.Thread(target=approve, args=(quick, b))
    second.start()
    # The second approval commits, or waits for the first: either way it is as far as it can go.
    with watcher.engine.connect() as connection:
        waiting = text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        deadline = time.monotonic() + 60
        while second.is_alive() and not connection.execute(waiting).scalar_one():
            assert time.monotonic() < deadline, "the second approval neither committed nor waited for the first"
            second.join(timeout=0.05)
    drawn_at, drawn = watcher.version(), {e.id for e in watcher.approved_events()}  # a page drawn now
    commit_now.set()
    first.join()
    second.join()
    assert errors == []
    now = {e.id for e in watcher.approved_events()}
    assert now == {"two-0", "two-1"} and now != drawn
    assert watcher.version() != drawn_at  # else the page keeps showing what it drew, without the approval
    for server in (slow, quick, watcher):
        server.engine.dispose()


def test_a_store_made_before_the_version_row_keeps_its_version_when_upgraded(store, rows_csv):
    """The version used to be the number of revisions: a store upgraded from then starts its counter there (the
    pages open during the upgrade are not all redrawn for nothing) and moves on from it."""
    ids = store.propose("a.csv", rows_csv(3, "a"), "alice").ids
    store.approve(ids[:1], "bob")
    config = migrate._config()
    with store.engine.begin() as connection:  # the schema as a store made before the version row has it
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert migrate.current(store.engine) == "0001"
    upgraded = Store(store.atlas, store.url)
    upgraded.init()
    assert upgraded.version() == 4  # the revisions: three proposed, one approved
    before = upgraded.version()
    upgraded.approve(ids[1:2], "bob")
    assert store.version() == before + 1
    upgraded.engine.dispose()
