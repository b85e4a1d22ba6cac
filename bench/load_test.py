"""`make bench-load`: SESSIONS concurrent browser sessions clicking places for DURATION_S against a local server.

One headless Chromium, one context (a separate Streamlit session) per user, all on 127.0.0.1 and offline. Each
session clicks the next place, waits for the side panel to name it, and goes on; bounded in time (DURATION_S) and
in count (MAX_CLICKS per session). Prints `name: value` lines: errors (goal 0), clicks done, and the click-time
percentiles (click to the panel's header showing the place, on the page's own clock).
"""

from __future__ import annotations

import asyncio
import sys
import time

import numpy as np
from playwright.async_api import async_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, HEADER, MAP_IFRAME, VIEWPORT, click_points, server
from geo.load import load_atlas

SESSIONS = 20
DURATION_S = 60
MAX_CLICKS = 200  # per session: a bound on count as well as time
CLICK_TIMEOUT_MS = 30_000
START_TIMEOUT_MS = 180_000  # 20 sessions opening at once on 2 cores

_WHERE = """([lat, lng]) => {
    const p = map_div.latLngToContainerPoint([lat, lng]);
    const box = map_div.getContainer().getBoundingClientRect();
    return {x: box.left + p.x, y: box.top + p.y};
}"""


async def _user(browser, url: str, places: list[tuple[str, str, tuple]], start, results: dict) -> None:
    context = await browser.new_context(viewport=VIEWPORT)
    await context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    page = await context.new_page()
    try:
        await page.goto(url, timeout=START_TIMEOUT_MS)
        await page.frame_locator(MAP_IFRAME).locator("path.place-karabakh").wait_for(timeout=START_TIMEOUT_MS)
        await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=START_TIMEOUT_MS)
    except Exception as error:  # noqa: BLE001 - every failure is counted and named, none stops the run
        results["errors"].append(f"open: {type(error).__name__}: {str(error)[:200]}")
        await context.close()
        start.opened()
        return
    start.opened()
    deadline = await start.deadline()
    n = 0
    while time.monotonic() < deadline and n < MAX_CLICKS:
        place_id, name, (lat, lon) = places[n % len(places)]
        n += 1
        try:
            frame = page.locator(MAP_IFRAME)
            box = await frame.bounding_box()
            at = await (await frame.element_handle()).content_frame()
            point = await at.evaluate(_WHERE, [lat, lon])
            start = time.perf_counter()
            await page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
            await page.locator(HEADER).filter(has_text=name).wait_for(timeout=CLICK_TIMEOUT_MS)
            results["click_ms"].append((time.perf_counter() - start) * 1000)
            await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=CLICK_TIMEOUT_MS)
        except Exception as error:  # noqa: BLE001
            results["errors"].append(f"click {place_id}: {type(error).__name__}: {str(error)[:200]}")
    await context.close()


class _Start:
    """The clicking starts when every session has opened the page (opening 20 at once on 2 cores takes a while):
    then DURATION_S of clicking by all of them together."""

    def __init__(self, sessions: int):
        self.waiting = sessions
        self.ready = asyncio.Event()
        self.at = 0.0

    def opened(self) -> None:
        self.waiting -= 1
        if self.waiting == 0:
            self.at = time.monotonic()
            self.ready.set()

    async def deadline(self) -> float:
        await self.ready.wait()
        return self.at + DURATION_S


async def _run() -> dict:
    atlas = load_atlas()
    # Places in a fixed cycle, so that each click changes the selection.
    places = [(pid, atlas.places[pid].display_name("en"), point) for pid, point in click_points().items()]
    results: dict = {"errors": [], "click_ms": []}
    with server("streamlit_app.py") as url:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                started = time.monotonic()
                start = _Start(SESSIONS)
                await asyncio.wait_for(
                    asyncio.gather(
                        *(
                            _user(browser, url, places[i % len(places) :] + places[: i % len(places)], start, results)
                            for i in range(SESSIONS)
                        )
                    ),
                    timeout=DURATION_S + START_TIMEOUT_MS / 1000 + 60,
                )
                results["open_s"] = start.at - started
                results["elapsed_s"] = time.monotonic() - start.at
            finally:
                await browser.close()
    return results


def main() -> None:
    results = _run_sync()
    times = np.array(results["click_ms"]) if results["click_ms"] else np.array([np.nan])
    figures = {
        "load_sessions": SESSIONS,
        "load_open_all_s": round(results["open_s"], 1),
        "load_duration_s": round(results["elapsed_s"], 1),
        "load_clicks": len(results["click_ms"]),
        "load_errors": len(results["errors"]),
        "load_click_p50_ms": round(float(np.percentile(times, 50)), 1),
        "load_click_p90_ms": round(float(np.percentile(times, 90)), 1),
        "load_click_p99_ms": round(float(np.percentile(times, 99)), 1),
    }
    for name, value in figures.items():
        print(f"{name}: {value}")
    for error in results["errors"][:10]:
        print(error, file=sys.stderr)


def _run_sync() -> dict:
    return asyncio.run(_run())


if __name__ == "__main__":
    main()
