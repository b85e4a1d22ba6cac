"""Does the server give memory back? `rss_mb_after_100_sessions`: 100 browser sessions, one after another, each
uploading a 10,000-row events file, adding it to the map and closing; the server's resident memory is read after the
first SETTLE_SESSIONS (caches and imports warm) and after all of them, once the closed sessions have expired.

Run: `python -m bench.sessions_rss` (part of `make bench`). Prints `name: value` lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import common

SESSIONS = 100
ROWS = 10_000
# The first sessions fill what is meant to be filled once (imports, caches, the base map): measured from there.
SETTLE_SESSIONS = 10
# Closed sessions are dropped this many seconds after their websocket closes (Streamlit's default is 120 s).
SESSION_TTL_S = 2
EXPANDER = "Bring your own events: upload a file or paste an article"


def write_events(path: Path, rows: int = ROWS) -> Path:
    """`rows` events in Lachin, one a day from 2021-01-01, as an events CSV the importer accepts."""
    start = dt.date(2021, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "date_precision", "title", "summary", "places", "source"])
        for i in range(rows):
            day = start + dt.timedelta(days=i % 1500)
            writer.writerow(
                [f"bench-{i}", day.isoformat(), "day", f"Event {i}", f"Summary of event {i}.", "lachin", "Bench"]
            )
    return path


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _one_session(browser, base: str, events_file: Path) -> None:
    context = common.offline_context(browser, base)
    try:
        page = context.new_page()
        common.open_atlas(page, base)
        expander = page.get_by_test_id("stExpander").filter(has_text=EXPANDER)
        expander.locator("summary").click()
        expander.locator("input[type=file]").set_input_files(events_file)
        page.get_by_text(f"{ROWS} of {ROWS} row(s) can be added.").wait_for()
        common.settled(page)
        page.get_by_role("button", name=f"Add {ROWS} event(s) to the map").click()
        page.get_by_text(f"{ROWS} event(s) added in this session").wait_for()
        common.settled(page)
    finally:
        context.close()
    if context.blocked:
        raise RuntimeError(f"the app reached outside its server: {context.blocked}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        events_file = write_events(Path(folder) / "events.csv")
        flags = ("--server.disconnectedSessionTTL", str(SESSION_TTL_S))
        with common.server("streamlit_app.py", None, *flags) as base, sync_playwright() as playwright:
            pid = common.server_pid(base)
            browser = playwright.chromium.launch(executable_path=common.CHROMIUM, args=common.CHROMIUM_ARGS)
            started = time.perf_counter()
            settled_mb = 0.0
            for n in range(1, SESSIONS + 1):
                _one_session(browser, base, events_file)
                if n == SETTLE_SESSIONS:
                    time.sleep(SESSION_TTL_S + 1)  # the closed sessions expire; nothing to poll for
                    settled_mb = _rss_mb(pid)
            time.sleep(SESSION_TTL_S + 1)
            final_mb = _rss_mb(pid)
            browser.close()
    growth_kb = (final_mb - settled_mb) * 1024 / (SESSIONS - SETTLE_SESSIONS)
    print(f"rss_mb_after_{SETTLE_SESSIONS}_sessions: {settled_mb:.1f}")
    print(f"rss_mb_after_{SESSIONS}_sessions: {final_mb:.1f}")
    print(f"rss_growth_kb_per_session: {growth_kb:.0f}")
    print(f"sessions_s: {time.perf_counter() - started:.0f}")


if __name__ == "__main__":
    sys.exit(main())
