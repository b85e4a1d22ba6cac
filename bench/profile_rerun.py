"""Where the time of a date change, a click and the first page goes, step by step; prints `name: value` lines.

`python -m bench.profile_rerun [server] [cold] [browser]` (all three without arguments; the browser part starts
Chromium and a Streamlit server: run it alone on a machine that is not busy with other browser jobs).

- server (AppTest, in this process): the map-and-panel fragment's own time on a date change (`asof_*`) and on a
  click (`click_*`), split into its steps: the map click taken, the date control, the panel's markdown, the share
  box, the base map's per-run copy, the view layers, and st_folium's own parts (the folium figure rendered, the
  Leaflet script generated from it, the view's feature groups, the component call that hands Streamlit the
  arguments); each step's median ms and its share of the fragment (`*_share`), plus `*_other` (what is left), and
  the bytes of the map component's arguments and the panel's text per run.
- cold (a fresh child process): the first page's steps: the imports, the data load, the display geometries, the
  base map built, the first map render (st_folium), the rest of the page (sidebar, timeline, tables,
  commitments…), and the map's payload on the websocket (deflated).
- browser: real Chromium, offline. For a date change (arrow key on the date slider) and a click on a place: from
  the input to the message leaving for the server (`*_to_send`), to the first reply (`*_server`), to the map drawn
  (`*_to_map`) and to the run's last message (`*_to_last_message`); the bytes received per change. For the first page: navigation to
  the first websocket message, to the map's arguments received, to the first place drawn. All on the page's clock
  (performance.timeOrigin + now(), the same in the page and the map's frame).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench import timing

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "streamlit_app.py")
TIMEOUT_S = 120
RUNS = 15
BROWSER_RUNS = 15


def _print(figures: dict) -> None:
    for name, value in figures.items():
        print(f"{name}: {value}", flush=True)


# ---- server: the fragment's steps -------------------------------------------------------------------------------


class _Steps:
    """Wraps functions so that each call's time is added to its step for the current run."""

    def __init__(self) -> None:
        self.run: dict[str, float] = defaultdict(float)
        self.runs: list[dict[str, float]] = []
        self.sizes: dict[str, int] = {}

    def wrap(self, step: str, function):
        return timing.timed(function, lambda ms: self._add(step, ms))

    def _add(self, step: str, ms: float) -> None:
        self.run[step] += ms

    def patch(self, owner, name: str, step: str | None = None) -> None:
        setattr(owner, name, self.wrap(step or name.strip("_"), getattr(owner, name)))

    def close_run(self) -> None:
        self.runs.append(dict(self.run))
        self.run.clear()


def _instrument() -> _Steps:
    """Timers around the fragment's steps (geo.ui's names, and st_folium's own functions and the Figure's render)."""
    import types

    import branca.element
    import streamlit_folium

    from geo import ui

    steps = _Steps()
    steps.patch(ui, "_map_and_panel", "fragment")
    steps.patch(ui, "_take_map_click", "take_click")
    steps.patch(ui, "_date_control", "date_control")
    steps.patch(ui, "_panel", "panel")
    steps.patch(ui, "_share", "share")
    steps.patch(ui, "_map_layers", "view_layers")
    steps.patch(ui, "st_folium", "st_folium")
    # The per-run copy of the cached base map (ui calls copy.deepcopy on it, nothing else in the fragment does).
    ui.copy = types.SimpleNamespace(deepcopy=steps.wrap("base_map_copy", ui.copy.deepcopy))  # type: ignore[assignment]
    steps.patch(streamlit_folium, "generate_leaflet_string", "folium_leaflet_string")
    steps.patch(streamlit_folium, "_get_feature_group_string", "folium_feature_groups")
    original_component = streamlit_folium._component_func

    def component(**args):
        steps.sizes["component_args_bytes"] = len(json.dumps({k: v for k, v in args.items() if k != "on_change"}))
        return original_component(**args)

    streamlit_folium._component_func = steps.wrap("component_call", component)
    render = branca.element.Figure.render
    branca.element.Figure.render = steps.wrap("folium_figure_render", render)  # type: ignore[method-assign]
    return steps


# Steps nested in others: reported, but not added again to the fragment's sum.
_NESTED = {
    "st_folium": ("folium_figure_render", "folium_leaflet_string", "folium_feature_groups", "component_call"),
    "folium_feature_groups": ("folium_leaflet_string",),
}
_ORDER = (
    "take_click",
    "date_control",
    "panel",
    "share",
    "base_map_copy",
    "view_layers",
    "st_folium",
    "folium_figure_render",
    "folium_leaflet_string",
    "folium_feature_groups",
    "component_call",
)


def _summary(prefix: str, runs: list[dict[str, float]]) -> dict[str, float]:
    fragment = statistics.median(r.get("fragment", 0.0) for r in runs)
    figures: dict[str, float] = {f"{prefix}_fragment_ms": round(fragment, 1)}
    top_level = 0.0
    for step in _ORDER:
        ms = statistics.median(r.get(step, 0.0) for r in runs)
        figures[f"{prefix}_{step}_ms"] = round(ms, 2)
        figures[f"{prefix}_{step}_share"] = round(ms / fragment, 2) if fragment else 0.0
        if not any(step in nested for nested in _NESTED.values()):
            top_level += ms
    figures[f"{prefix}_other_ms"] = round(max(0.0, fragment - top_level), 2)
    return figures


def _markdown_bytes(at) -> int:
    return sum(len(m.value.encode("utf-8")) for m in at.markdown)


def server_figures() -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    from bench.common import DRAWN_VALUE, clicked_value
    from geo.load import load_atlas

    steps = _instrument()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.session_state["map"] = DRAWN_VALUE  # the whole page, as after the map has drawn in a browser
    at.run()
    assert not at.exception, at.exception
    steps.close_run()
    steps.runs.clear()
    figures: dict[str, float] = {}
    # A date change with a place selected (the panel says who held it that day), one day a run.
    atlas = load_atlas()
    at.session_state["place"] = "kalbajar"
    at.run()
    steps.close_run()
    steps.runs.clear()
    day = dt.date(2021, 1, 1)
    for i in range(RUNS):
        at.session_state["map_date"] = day + dt.timedelta(days=i)
        at.run()
        steps.close_run()
    figures.update(_summary("asof", steps.runs))
    figures["asof_component_args_bytes"] = steps.sizes.get("component_args_bytes", 0)
    figures["asof_markdown_bytes"] = _markdown_bytes(at)
    steps.runs.clear()
    polygons = [p.id for p in atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
    for i in range(RUNS):
        place = polygons[i % len(polygons)]
        at.session_state["map"] = clicked_value(place, i)
        at.run()
        steps.close_run()
    figures.update(_summary("click", steps.runs))
    figures["click_component_args_bytes"] = steps.sizes.get("component_args_bytes", 0)
    figures["click_markdown_bytes"] = _markdown_bytes(at)
    return figures


# ---- cold: the first page in a fresh process ----------------------------------------------------------------------


def _cold_child() -> None:
    """Runs in a fresh process: the first page's steps, as `name: value` lines."""
    start = time.perf_counter()
    import streamlit_folium  # noqa: F401  (the imports the page makes, timed together)

    from geo import ui

    imports_ms = (time.perf_counter() - start) * 1000
    import streamlit_folium as sf
    from streamlit.testing.v1 import AppTest

    from bench.common import deflated_size
    from geo import mapping

    steps = _Steps()
    steps.patch(ui, "_atlas", "data_load")
    steps.patch(mapping, "display_geometries", "display_geometries")
    steps.patch(mapping, "base_map", "base_map_build")
    steps.patch(ui, "st_folium", "first_map_render")
    steps.patch(ui, "main", "page")
    payload: dict[str, int] = {}
    original_component = sf._component_func

    def component(**args):
        sent = json.dumps({k: v for k, v in args.items() if k != "on_change"}).encode("utf-8")
        payload["bytes"], payload["deflated"] = len(sent), deflated_size(sent)
        return original_component(**args)

    sf._component_func = component
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    _, first_run_ms = timing.call_ms(at.run)
    assert not at.exception, at.exception
    run = steps.run
    # The steps are apart: the geometries and the base map are made before st_folium is called.
    parts = {
        "imports": imports_ms,
        "data_load": run["data_load"],
        "display_geometries": run["display_geometries"],
        "base_map_build": run["base_map_build"],
        "first_map_render": run["first_map_render"],
    }
    parts["rest_of_page"] = max(0.0, run["page"] - sum(v for k, v in parts.items() if k != "imports"))
    total = imports_ms + run["page"]
    figures: dict[str, float] = {"cold_total_ms": round(total, 1), "cold_first_run_ms": round(first_run_ms, 1)}
    for name, ms in parts.items():
        figures[f"cold_{name}_ms"] = round(ms, 1)
        figures[f"cold_{name}_share"] = round(ms / total, 2)
    figures["cold_map_payload_bytes"] = payload.get("bytes", 0)
    figures["cold_map_payload_deflated_bytes"] = payload.get("deflated", 0)
    _print(figures)


def cold_figures() -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.profile_rerun", "--cold-child"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, sep, value = line.partition(": ")
        if sep:
            figures[name] = float(value)
    return figures


# ---- browser: where a change's time goes on the page -------------------------------------------------------------

_WATCH_INPUT = """() => {
    for (const type of ["keydown", "click"])
        document.addEventListener(type, () => { window.__inputAt = performance.timeOrigin + performance.now(); },
                                  true);
}"""
# The run has ended and its messages are in: no message for QUIET_MS (a fast run can end within one frame of
# the page, with no visible change of its "running" state to wait on).
QUIET_MS = 300
_QUIET = (
    f"""() => window.__ws.length && performance.timeOrigin + performance.now() - window.__ws.at(-1)[1] > {QUIET_MS}"""
)
_WATCH_MAP = """() => {
    window.__drawnAt = null;
    (window.atlasViewListeners = window.atlasViewListeners || []).push(() => {
        window.__drawnAt = performance.timeOrigin + performance.now(); });
    document.addEventListener("click", () => { window.__clickAt = performance.timeOrigin + performance.now(); },
                              true);
}"""


def _phases(page, frame, started: float) -> dict[str, float]:
    messages = page.evaluate("(t) => window.__ws.filter((m) => m[1] >= t)", started)
    sent = next(m[1] for m in messages if m[0] == "sent")
    received = [m for m in messages if m[0] == "received" and m[1] >= sent]
    drawn = frame.evaluate("() => window.__drawnAt")
    return {
        "to_send": sent - started,
        "server": received[0][1] - sent,
        "to_last_message": received[-1][1] - started,
        "to_map": (drawn - started) if drawn else float("nan"),
        "bytes": sum(m[2] for m in received),
    }


def _median_phases(prefix: str, rows: list[dict[str, float]]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name in ("to_send", "server", "to_last_message", "to_map", "bytes"):
        value = statistics.median(r[name] for r in rows)
        figures[f"browser_{prefix}_{name}" + ("" if name == "bytes" else "_ms")] = round(value, 1)
    return figures


def browser_figures() -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from bench.common import (
        CHROMIUM,
        CHROMIUM_ARGS,
        MAP_IFRAME,
        SHOWN_HEADER,
        WATCH_SOCKET,
        click_points,
        offline_context,
        place_position,
        server,
        settled,
    )
    from geo.load import load_atlas

    figures: dict[str, float] = {}
    atlas = load_atlas()
    points = click_points()
    with sync_playwright() as playwright, server("streamlit_app.py") as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # The first page: warm the server once, then a fresh context.
            for run in ("warm-up", "cold"):
                context = offline_context(browser, url)
                context.add_init_script(WATCH_SOCKET)
                page = context.new_page()
                page.set_default_timeout(60_000)
                page.goto(f"{url}/?place=kalbajar&asof=2021-01-01")
                page.frame_locator(MAP_IFRAME).locator("path.place-karabakh").wait_for(state="visible")
                settled(page)
                if run == "cold":
                    page_clock = page.evaluate(
                        "() => ({start: performance.timeOrigin, ws: window.__ws})",
                    )
                    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
                    first_path = frame.evaluate(
                        "() => performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])"
                    )
                    start, ws = page_clock["start"], page_clock["ws"]
                    received = [m for m in ws if m[0] == "received"]
                    biggest = max(received, key=lambda m: m[2])
                    figures["browser_first_ws_message_ms"] = round(received[0][1] - start, 1)
                    figures["browser_first_map_args_ms"] = round(biggest[1] - start, 1)
                    figures["browser_first_map_args_bytes"] = biggest[2]
                    frame_start = frame.evaluate("() => performance.timeOrigin")
                    paints = dict(first_path)
                    if "first-contentful-paint" in paints:
                        figures["browser_first_map_paint_ms"] = round(
                            frame_start + paints["first-contentful-paint"] - start, 1
                        )
                    figures["browser_first_received_bytes"] = sum(m[2] for m in received)
                    break
                context.close()
            frame = page.locator(MAP_IFRAME).element_handle().content_frame()
            page.evaluate(_WATCH_INPUT)
            frame.evaluate(_WATCH_MAP)
            slider = page.get_by_role("slider", name="Map on date: who held each place")
            rows = []
            for _ in range(BROWSER_RUNS):
                frame.evaluate("() => { window.__drawnAt = null; }")
                slider.press("ArrowRight")
                frame.wait_for_function("() => window.__drawnAt !== null")
                settled(page)
                page.wait_for_function(_QUIET)
                rows.append(_phases(page, frame, page.evaluate("() => window.__inputAt")))
            figures.update(_median_phases("asof", rows))
            rows = []
            places = [p for p in points if place_position(page, p, points[p]) is not None]
            for i in range(BROWSER_RUNS):
                place = places[i % len(places)]
                position = place_position(page, place, points[place])
                frame.evaluate("() => { window.__drawnAt = null; }")
                page.mouse.click(*position)
                page.wait_for_function(
                    f"(name) => ({SHOWN_HEADER})?.textContent.trim() === name",
                    arg=atlas.places[place].display_name("en"),
                )
                settled(page)
                page.wait_for_function(_QUIET)
                started = frame.evaluate("() => window.__clickAt")
                rows.append(_phases(page, frame, started))
            figures.update(_median_phases("click", rows))
            context.close()
        finally:
            browser.close()
    return figures


def main(parts: list[str]) -> None:
    if parts == ["--cold-child"]:
        _cold_child()
        return
    parts = parts or ["server", "cold", "browser"]
    figures: dict[str, float] = {}
    if "cold" in parts:
        figures.update(cold_figures())
    if "server" in parts:
        figures.update(server_figures())
    if "browser" in parts:
        figures.update(browser_figures())
    _print(figures)


if __name__ == "__main__":
    main(sys.argv[1:])
