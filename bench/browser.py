"""Real-browser figures, offline Chromium against local servers; prints `name: value` lines.

- click_ms: from the click on a place (a capture listener in the map's iframe) to the side panel's header showing
  that place (a MutationObserver in the page), both on the same clock (performance.timeOrigin + now()); median
  over CLICKS clicks cycling through different places. The floor page (bench/floor_app.py) is clicked alternately
  with it, measured the same way from the button's click to its text changing, so both share the machine's noise.
- map_remounts: marks put on the iframe's window and on the Leaflet map after the first load must survive every click
  and an agreement's untick + re-tick; every time one is gone (or a new map iframe appears) counts.
- payload_ws_bytes: the websocket frames (Chromium DevTools Protocol, Network.webSocketFrameReceived) that carry the
  map on the first load; ws_bytes_per_click: all frames received per click (median).
- events_{10k,100k,1M}_*: bench/big_app.py (the atlas with that many synthetic events, those that fall in a place
  added to the session) from navigation until the map has drawn and the script run has ended, cold (first session:
  the events are made and joined) and warm (a second session), then clicks on it.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import defaultdict

from playwright.sync_api import sync_playwright

from bench.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MAP_IFRAME,
    MAP_MARKS_KEPT,
    MARK_MAP,
    SHOWN_HEADER,
    TIMEOUT_MS,
    click_points,
    offline_context,
    open_atlas,
    place_position,
    server,
    settled,
    websocket_frame_bytes,
)
from bench.synthetic import EVENT_COUNTS, count_label
from geo import mapping
from geo.load import load_atlas
from geo.panel import SELECTED_ATTRIBUTE

CLICKS = 30  # with 12, the ratio swung by ±0.3 from run to run on this noisy machine
BIG_CLICKS = 5
BIG_TIMEOUT_MS = 600_000  # a cold page makes and joins the events first: 1M take a while
CEASEFIRE_LABEL = re.compile(r"^10 Nov 2020 · ")
SCRUBS = 15
PLAY_SECONDS = 3
FIRST_MAPS = 6  # even: each page goes first in half the rounds

_WATCH_HEADER = (
    """() => {
    window.__done = null; window.__want = null; window.__iframes = 0;
    new MutationObserver((changes) => {
        for (const c of changes) for (const n of c.addedNodes)
            if (n.nodeType === 1 && (n.matches?.("iframe[title='streamlit_folium.st_folium']") ||
                n.querySelector?.("iframe[title='streamlit_folium.st_folium']"))) window.__iframes++;
        const h = """
    + SHOWN_HEADER
    + """;
        if (window.__done === null && window.__want !== null && h && h.textContent.trim() === window.__want)
            window.__done = performance.timeOrigin + performance.now();
    }).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
                                          attributeFilter: ["""
    + repr(SELECTED_ATTRIBUTE)
    + """]});
}"""
)
_WATCH_TEXT = """() => {
    window.__done = null; window.__want = null;
    new MutationObserver(() => {
        if (window.__done === null && window.__want !== null && document.body.innerText.includes(window.__want))
            window.__done = performance.timeOrigin + performance.now();
    }).observe(document.body, {subtree: true, childList: true, characterData: true});
    document.addEventListener("click", () => { window.__clickAt = performance.timeOrigin + performance.now(); },
                              true);
}"""
_MARK_CLICKS = """() => { if (!window.__listening) { window.__listening = true;
    document.addEventListener("click", () => { window.__clickAt = performance.timeOrigin + performance.now(); },
                              true); } }"""


def _map_frame(page):
    return page.locator(MAP_IFRAME).element_handle().content_frame()


class _Frames:
    """Sizes of the websocket frames a page receives, read through the DevTools Protocol."""

    def __init__(self, page):
        self.sizes: list[int] = []
        self.map_sizes: list[int] = []
        session = page.context.new_cdp_session(page)
        session.on("Network.webSocketFrameReceived", self._received)
        session.send("Network.enable")

    def _received(self, event) -> None:
        raw = websocket_frame_bytes(event)
        self.sizes.append(len(raw))
        if b"map_div" in raw:
            self.map_sizes.append(len(raw))

    def total(self) -> int:
        return sum(self.sizes)


def _click_place(page, place_id: str, point, name: str, remounts: list[int]) -> float:
    frame = _map_frame(page)
    if not frame.evaluate(MAP_MARKS_KEPT):
        remounts.append(place_id)
        frame.evaluate(MARK_MAP)
    frame.evaluate(_MARK_CLICKS)
    position = place_position(page, place_id, point)
    if position is None:
        raise RuntimeError(f"{place_id} is not clickable at {point}")
    page.evaluate("(name) => { window.__want = name; window.__done = null; }", name)
    page.mouse.click(*position)
    page.wait_for_function("() => window.__done !== null", timeout=TIMEOUT_MS)
    clicked = _map_frame(page).evaluate("() => window.__clickAt")
    done = page.evaluate("() => window.__done")
    # The run has finished and the map shows the selection, before the next click.
    _map_frame(page).wait_for_selector(f"path.place-{place_id}[stroke='{mapping.SELECTED_STYLE['color']}']")
    settled(page)
    return done - clicked


def _click_floor(page, n: int) -> float:
    want = f"Clicked {n} times"
    page.evaluate("(want) => { window.__want = want; window.__done = null; }", want)
    page.get_by_role("button", name="Click").click()
    page.wait_for_function("() => window.__done !== null", timeout=TIMEOUT_MS)
    settled(page)
    return page.evaluate("() => window.__done - window.__clickAt")


def _toggle_agreement(page) -> None:
    """Untick and re-tick the 10 Nov 2020 statement, as a person does (by its label, its year's group opened)."""
    box = page.get_by_role("checkbox", name=CEASEFIRE_LABEL)
    if not box.is_visible():
        page.locator(".st-key-agreements-2020 summary").click()
        box.wait_for(state="visible")
    for _ in range(2):
        before = box.is_checked()
        page.get_by_test_id("stCheckbox").filter(has=box).locator("label").click()
        _wait_checked(box, not before)
        settled(page)


def _wait_checked(box, checked: bool) -> None:
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while box.is_checked() != checked:
        if time.monotonic() > deadline:
            raise RuntimeError("the agreement checkbox did not change")
        time.sleep(0.05)


def _clickable(page, points) -> list[str]:
    return [pid for pid, point in points.items() if place_position(page, pid, point) is not None]


# In the map: when it first draws each new date (__drawnAt; the page follows the slider at once, see
# mapping.FOLLOW_DATE_SCRIPT) and when the server's view for it arrives (__confirmedAt), on the page's clock
# (performance.timeOrigin + now()); and the frames drawn (for ▶).
_WATCH_ASOF = """() => {
    window.__drawnAt = null; window.__confirmedAt = null; window.__frames = 0; window.__lastAsof = undefined;
    const update = window.atlasView;
    window.atlasView = (view) => { update(view); window.__confirmedAt = performance.timeOrigin + performance.now(); };
    (window.atlasViewListeners = window.atlasViewListeners || []).push((view) => {
        window.__frames++;
        if (view.asof !== window.__lastAsof) {
            window.__lastAsof = view.asof;
            if (window.__drawnAt === null) window.__drawnAt = performance.timeOrigin + performance.now();
        }
    });
}"""
_MARK_KEYS = """() => { document.addEventListener("keydown", () => {
    window.__keyAt = performance.timeOrigin + performance.now(); }, true); }"""


def _scrub_day(page) -> tuple[float, float]:
    """Move the map's date one day on (the slider's arrow key): milliseconds until the map draws the new day, and
    until the server's view of it reaches the map."""
    frame = _map_frame(page)
    frame.evaluate("() => { window.__drawnAt = null; window.__confirmedAt = null; }")
    page.get_by_role("slider", name="Map on date: who held each place").press("ArrowLeft")
    frame.wait_for_function("() => window.__drawnAt !== null && window.__confirmedAt !== null", timeout=TIMEOUT_MS)
    settled(page)
    key = page.evaluate("() => window.__keyAt")
    return frame.evaluate("() => window.__drawnAt") - key, frame.evaluate("() => window.__confirmedAt") - key


def time_figures(page, floor_ms: float) -> dict[str, float]:
    """asof_ms: from an arrow key on the date slider to the map drawn for the new day (median of SCRUBS), and
    asof_confirmed_ms to the server's view of that day reaching the map;
    play_fps: the frames the ▶ control draws a second over PLAY_SECONDS; remounts while scrubbing and playing."""
    frame = _map_frame(page)
    frame.evaluate(_WATCH_ASOF)
    page.evaluate(_MARK_KEYS)
    scrubs = [_scrub_day(page) for _ in range(SCRUBS)]
    times, confirmed = [drawn for drawn, _ in scrubs], [server for _, server in scrubs]
    frame.evaluate("() => { window.__frames = 0; }")
    frame.locator(".atlas-play-button").click()
    start = time.perf_counter()
    frame.wait_for_timeout(PLAY_SECONDS * 1000)  # the bench measures frames over a fixed time
    frames = frame.evaluate("() => window.__frames")
    fps = frames / (time.perf_counter() - start)
    frame.locator(".atlas-play-button").click()
    asof = statistics.median(times)
    return {
        "asof_ms": round(asof, 1),
        "asof_vs_floor": round(asof / floor_ms, 2),
        "asof_confirmed_ms": round(statistics.median(confirmed), 1),
        "asof_confirmed_vs_floor": round(statistics.median(confirmed) / floor_ms, 2),
        "play_fps": round(fps, 1),
        "asof_map_remounts": 0 if frame.evaluate(MAP_MARKS_KEPT) else 1,
    }


# On every animation frame until then: the first frame in which a place is in the map's frame with a size, i.e. the
# frame the browser paints it in (the map's frame has the page's origin, so the page can look inside it), on the
# page's clock (0 = navigation). Playwright's own wait for a visible path answers later on a page still busy with
# other work, by its polling, not by the paint.
_WATCH_FIRST_PLACE = f"""(() => {{ if (window !== window.top) return;
    const look = () => {{
        const frame = document.querySelector({MAP_IFRAME!r});
        const path = frame && frame.contentDocument && frame.contentDocument.querySelector("path.leaflet-interactive");
        const box = path && path.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0 && frame.clientHeight > 0) window.__firstPlaceAt = performance.now();
        else requestAnimationFrame(look);
    }};
    requestAnimationFrame(look);
}})();"""


# When the page's first websocket message and the message carrying the map's arguments arrive, on the page's clock.
_WATCH_MESSAGES = """(() => { if (window !== window.top) return;
    const Native = window.WebSocket;
    window.WebSocket = function (...args) {
        const socket = new Native(...args);
        socket.addEventListener("message", (event) => {
            const at = performance.now();
            if (window.__firstMessageAt === undefined) window.__firstMessageAt = at;
            if (window.__mapMessageAt === undefined && event.data instanceof ArrayBuffer &&
                new TextDecoder().decode(event.data).includes("streamlit_folium")) window.__mapMessageAt = at;
        });
        return socket;
    };
    window.WebSocket.prototype = Native.prototype;
    Object.assign(window.WebSocket, Native);
})();"""
# The map frame's start and the end of its last script from the app's static folder (the atlas's map.js, the naive
# page's leaflet.js), on the page's clock.
_FRAME_MILESTONES = f"""() => {{
    const frame = document.querySelector({MAP_IFRAME!r}).contentWindow;
    const shift = frame.performance.timeOrigin - performance.timeOrigin;
    const scripts = frame.performance.getEntriesByType("resource")
        .filter((e) => e.name.includes("/app/static/") && e.name.endsWith(".js"));
    return {{
        firstMessage: window.__firstMessageAt, mapMessage: window.__mapMessageAt, frameStart: shift,
        scriptIn: Math.max(...scripts.map((e) => e.responseEnd)) + shift, firstPlace: window.__firstPlaceAt,
    }};
}}"""
# The first map's way, step by step (each a median over the loads, in ms): from navigation to the first websocket
# message (the page's code and the connection), from it to the message with the map's arguments (the script run on
# the server), from that to the map's frame starting (the browser drawing the run's elements), from that to the map's
# script in (st_folium's frame and bundle, then the script), and from that to the first place painted.
FIRST_MAP_STEPS = {
    "connect": ("firstMessage", None),
    "run": ("mapMessage", "firstMessage"),
    "page": ("frameStart", "mapMessage"),
    "frame": ("scriptIn", "frameStart"),
    "draw": ("firstPlace", "scriptIn"),
}


def first_map_figures(browser) -> dict[str, float]:
    """first_map_s: from navigation to the frame that paints the first place, on a warm server, the atlas and the
    naive page (bench/naive_app.py) loaded alternately in fresh browser contexts, which goes first changing every
    round (the second of a pair meets a machine the first has just worked); median of FIRST_MAPS loads each.
    first_map_seen_s: the same loads until Playwright saw a place visible (its polling is delayed by a busy page).
    first_map_<step>_ms and naive_first_map_<step>_ms: the same loads' way to the first place, FIRST_MAP_STEPS."""
    painted: dict[str, list[float]] = {"atlas": [], "naive": []}
    seen: dict[str, list[float]] = {"atlas": [], "naive": []}
    steps: dict[str, dict[str, list[float]]] = {"atlas": defaultdict(list), "naive": defaultdict(list)}
    with server("streamlit_app.py") as app_url, server("bench/naive_app.py") as naive_url:
        for i in range(FIRST_MAPS + 1):
            pair = (("atlas", app_url), ("naive", naive_url))
            for name, url in pair if i % 2 else pair[::-1]:
                context = offline_context(browser, url)
                page = context.new_page()
                page.add_init_script(_WATCH_FIRST_PLACE)
                page.add_init_script(_WATCH_MESSAGES)
                start = time.perf_counter()
                page.goto(url)
                page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive").first.wait_for(
                    state="visible", timeout=TIMEOUT_MS
                )
                seen_s = time.perf_counter() - start
                page.wait_for_function("() => window.__firstPlaceAt !== undefined", timeout=TIMEOUT_MS)
                if i:  # the first load of each server only warms it (imports, caches)
                    painted[name].append(page.evaluate("() => window.__firstPlaceAt") / 1000)
                    seen[name].append(seen_s)
                    at = page.evaluate(_FRAME_MILESTONES)
                    for step, (end, start) in FIRST_MAP_STEPS.items():
                        steps[name][step].append(at[end] - (at[start] if start else 0))
                context.close()
    atlas, naive = statistics.median(painted["atlas"]), statistics.median(painted["naive"])
    atlas_seen, naive_seen = statistics.median(seen["atlas"]), statistics.median(seen["naive"])
    return {
        "first_map_s": round(atlas, 2),
        "naive_first_map_s": round(naive, 2),
        "first_map_vs_naive": round(atlas / naive, 2),
        "first_map_seen_s": round(atlas_seen, 2),
        "naive_first_map_seen_s": round(naive_seen, 2),
        "first_map_seen_vs_naive": round(atlas_seen / naive_seen, 2),
        **{
            f"{prefix}first_map_{step}_ms": round(statistics.median(steps[name][step]), 1)
            for step in FIRST_MAP_STEPS
            for name, prefix in (("atlas", ""), ("naive", "naive_"))
        },
    }


def atlas_figures(browser) -> dict[str, float]:
    atlas = load_atlas()
    points = click_points()
    figures: dict[str, float] = {}
    with server("streamlit_app.py") as app_url, server("bench/floor_app.py") as floor_url:
        app_context, floor_context = offline_context(browser, app_url), offline_context(browser, floor_url)
        app, floor = app_context.new_page(), floor_context.new_page()
        frames = _Frames(app)
        start = time.perf_counter()
        open_atlas(app, app_url)
        first_load_ms = (time.perf_counter() - start) * 1000
        first_load_bytes, map_bytes = frames.total(), sum(frames.map_sizes)
        app.evaluate(_WATCH_HEADER)
        _map_frame(app).evaluate(MARK_MAP)
        floor.set_default_timeout(TIMEOUT_MS)
        floor.goto(floor_url)
        floor.get_by_text("Clicked 0 times").wait_for()
        floor.evaluate(_WATCH_TEXT)

        places = _clickable(app, points)
        remounts: list[str] = []
        click_ms, floor_ms, click_bytes = [], [], []
        for i in range(CLICKS):
            place = places[i % len(places)]
            before = frames.total()
            click_ms.append(_click_place(app, place, points[place], atlas.places[place].display_name("en"), remounts))
            click_bytes.append(frames.total() - before)
            floor_ms.append(_click_floor(floor, i + 1))
        _toggle_agreement(app)
        if not _map_frame(app).evaluate(MAP_MARKS_KEPT):
            remounts.append("agreement toggle")
        figures.update(time_figures(app, statistics.median(floor_ms)))
        new_iframes = app.evaluate("() => window.__iframes")
        blocked = app_context.blocked + floor_context.blocked
        app_context.close()
        floor_context.close()
    click, floor_click = statistics.median(click_ms), statistics.median(floor_ms)
    figures.update(
        {
            "click_ms": round(click, 1),
            "click_floor_ms": round(floor_click, 1),
            "click_vs_floor": round(click / floor_click, 2),
            "click_ms_max": round(max(click_ms), 1),
            "clicks": len(click_ms),
            "clicked_places": len(set(places[: len(click_ms)])),
            "map_remounts": max(len(remounts), new_iframes),
            "payload_ws_bytes": map_bytes,
            "first_load_ws_bytes": first_load_bytes,
            "first_load_ms": round(first_load_ms),
            "ws_bytes_per_click": int(statistics.median(click_bytes)),
            "requests_blocked": len(blocked),
        }
    )
    return figures


def big_figures(browser, count: int) -> dict[str, float]:
    atlas = load_atlas()
    points = click_points()
    label = count_label(count)
    figures: dict[str, float] = {}
    with server("bench/big_app.py", {"BENCH_EVENTS": str(count)}) as url:
        for run in ("cold", "warm"):
            context = offline_context(browser, url)
            page = context.new_page()
            frames = _Frames(page)
            start = time.perf_counter()
            open_atlas(page, url, BIG_TIMEOUT_MS)
            page.get_by_text(re.compile(r"Events of the agreements shown \(\d[\d,]*\)")).wait_for(
                timeout=BIG_TIMEOUT_MS
            )
            figures[f"events_{label}_usable_{run}_ms"] = round((time.perf_counter() - start) * 1000)
            figures[f"events_{label}_first_load_ws_bytes_{run}"] = frames.total()
            figures[f"events_{label}_map_ws_bytes_{run}"] = sum(frames.map_sizes)
            if run == "warm":
                page.evaluate(_WATCH_HEADER)
                _map_frame(page).evaluate(MARK_MAP)
                places = _clickable(page, points)
                remounts: list[str] = []
                times = [
                    _click_place(page, p, points[p], atlas.places[p].display_name("en"), remounts)
                    for p in (places[i % len(places)] for i in range(BIG_CLICKS))
                ]
                figures[f"events_{label}_click_ms"] = round(statistics.median(times), 1)
                figures[f"events_{label}_map_remounts"] = len(remounts)
            context.close()
    return figures


def main(parts: list[str]) -> None:
    """`python -m bench.browser [first] [atlas] [big]`: those parts only (all three without arguments)."""
    parts = parts or ["first", "atlas", "big"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            figures: dict[str, float | str] = {}
            if "first" in parts:
                figures.update(first_map_figures(browser))
            if "atlas" in parts:
                figures.update(atlas_figures(browser))
            for count in EVENT_COUNTS if "big" in parts else ():
                try:
                    figures.update(big_figures(browser, count))
                except Exception as error:  # noqa: BLE001 - reported as a figure: the page did not become usable
                    reason = f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"
                    figures[f"events_{count_label(count)}_usable"] = f"failed ({reason})"
        finally:
            browser.close()
    for name, value in figures.items():
        print(f"{name}: {value}")
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
