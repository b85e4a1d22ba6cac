"""The map with 100,000 approved located community events in the shared store, SQLite and PostGIS side by side:
`python -m bench.store_map [EVENTS] [--no-browser]` prints `name: value` lines.

For each engine, a new database is filled through the store as editors fill it (files of at most the importer's
50,000 rows proposed, then all approved in one batch), then:
- {engine}.approved_events_s: the store query the page makes once per version of the store (every approved event
  read back as an atlas Event);
- {engine}.version_ms: the query every app server makes every ui.COMMUNITY_POLL_S to notice another server's change
  (median of VERSION_QUERIES), at {engine}.revisions revisions (two per event: proposed, approved);
  {engine}.revision_count_ms: counting those revisions, as the version did until it became a row of its own
  (measured beside it, for the comparison);
- {engine}.page_usable_{cold,warm}_ms (not with --no-browser): an app server on that database, offline Chromium,
  from navigation until the map has drawn its places, the script run has ended and the events panel counts every
  event (cold: the server's first page, which reads the store; warm: a second browser on the same server).
Both engines are measured in the same run, on the same rows. The browser part waits its turn on the lock file
named by $BENCH_BROWSER_LOCK when set (a machine shared by several people's browser jobs); filling does not.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlalchemy import func, select

from bench import timing
from bench.common import CHROMIUM, CHROMIUM_ARGS, offline_context, open_atlas, server
from bench.postgis import new_database, throwaway_postgis
from bench.store import located_csv
from geo.importer import MAX_ROWS
from geo.load import load_atlas
from geo.model import Atlas
from geo.store import Store
from geo.store.models import RevisionRow

EVENTS = 100_000
VERSION_QUERIES = 21
# A cold page reads and merges every approved event before the map is sent.
PAGE_TIMEOUT_MS = 600_000
PANEL_COUNT = re.compile(r"Events of the agreements shown \((\d+)\)")


def fill(url: str, atlas: Atlas, count: int) -> dict[str, float]:
    """Propose `count` located rows in files of MAX_ROWS, approve them all; the store's query figures."""
    store = Store(atlas, url)
    store.init()
    ids: list[int] = []
    for part, start in enumerate(range(0, count, MAX_ROWS)):
        rows = min(MAX_ROWS, count - start)
        proposal = store.propose(f"map-{part}.csv", located_csv(rows, atlas, prefix=f"map{part}"), "bench")
        assert proposal.added == rows and not proposal.problems, proposal.problems[:3]
        ids += proposal.ids
    store.approve(ids, "bench")
    events, approved_ms = timing.call_ms(store.approved_events)
    assert len(events) == count
    version_ms = timing.median_ms(store.version, VERSION_QUERIES)
    revisions = _revision_count(store)
    count_ms = timing.median_ms(lambda: _revision_count(store), VERSION_QUERIES)
    store.engine.dispose()
    return {
        "approved_events_s": round(approved_ms / 1000, 2),
        "version_ms": round(version_ms, 2),
        "revisions": revisions,
        "revision_count_ms": round(count_ms, 2),
    }


def _revision_count(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(RevisionRow)).scalar_one()


def page_figures(browser, url: str, count: int) -> dict[str, float]:
    """Navigation to a usable page (map drawn, run ended, every event counted), cold then warm, on database `url`."""
    figures: dict[str, float] = {}
    with server("streamlit_app.py", {"ATLAS_DATABASE_URL": url}) as base:
        for run in ("cold", "warm"):
            context = offline_context(browser, base)
            page = context.new_page()
            start = time.perf_counter()
            open_atlas(page, base, PAGE_TIMEOUT_MS)
            heading = page.get_by_text(PANEL_COUNT)
            heading.wait_for(timeout=PAGE_TIMEOUT_MS)
            figures[f"page_usable_{run}_ms"] = round((time.perf_counter() - start) * 1000)
            shown = int(PANEL_COUNT.search(heading.inner_text()).group(1))
            assert shown >= count, f"the panel counts {shown} events, fewer than the {count} approved"
            assert not context.blocked, context.blocked
            context.close()
    return figures


@contextlib.contextmanager
def _browser_turn() -> Iterator[None]:
    lock = os.environ.get("BENCH_BROWSER_LOCK")
    if not lock:
        yield
        return
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def main(argv: list[str]) -> None:
    browser_part = "--no-browser" not in argv
    numbers = [a for a in argv if a != "--no-browser"]
    count = int(numbers[0]) if numbers else EVENTS
    atlas = load_atlas()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder, throwaway_postgis() as server_url:
        databases = {"sqlite": f"sqlite:///{Path(folder) / 'map.sqlite'}", "postgis": new_database(server_url)}
        for engine, url in databases.items():
            results |= {f"{engine}.{k}": v for k, v in fill(url, atlas, count).items()}
        if browser_part:
            with _browser_turn(), sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for engine, url in databases.items():
                        results |= {f"{engine}.{k}": v for k, v in page_figures(browser, url, count).items()}
                finally:
                    browser.close()
    print(f"events: {count}")
    for name, value in sorted(results.items()):
        print(f"{name}: {value}")
    for run in ("cold", "warm") if browser_part else ():
        sqlite, postgis = results[f"sqlite.page_usable_{run}_ms"], results[f"postgis.page_usable_{run}_ms"]
        print(f"postgis_vs_sqlite.page_usable_{run}: {postgis / sqlite:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
