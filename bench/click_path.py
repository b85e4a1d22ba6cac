"""Where a click's time goes, on the atlas and on the floor page, in one run; prints `name: value` lines.

`python -m bench.click_path [CLICKS]` (starts Chromium and two Streamlit servers: run it under the browser lock).

Each click is time-stamped along its path, in ms from the click event (the page's clock, performance.timeOrigin +
now(), the same in the page and the map's frame):

- value_set: the map's click handler hands its value to window.Streamlit.setComponentValue (atlas only);
- sent: the rerun request leaves the page on the websocket (a wrapper around the page's WebSocket.send);
- reply_arrived: the server's first reply frame reaches the browser (Chromium DevTools Protocol,
  Network.webSocketFrameReceived, put on the page's clock by the request's own frame, webSocketFrameSent);
- shown_arrived: the frame carrying what the user waits for (the panel's header with the place's name; the floor's
  "Clicked N times") reaches the browser;
- finished_arrived: the run's script_finished message reaches the browser;
- shown: the page shows it (a MutationObserver, as bench/browser.py measures click_ms).

The segments: `before_server` (click to sent: the browser's own work before the request leaves), `server_and_wire`
(sent to shown_arrived), `after_reply` (shown_arrived to shown: frames waiting for the page's main thread, React's
render, the DOM). Also `*_handled_lag`: how long the page's main thread took to get to the first reply frame after it
arrived (a busy thread handles frames late), the frames and bytes received per click, and the elements the reply
re-sends (`*_deltas`). The floor's figures carry `floor_`; each atlas segment's ratio to the floor's whole click is
`*_vs_floor_click`.

`python -m bench.click_path [CLICKS] --against OTHER/streamlit_app.py` is an A/B run: another checkout of the atlas
(`git worktree add OTHER COMMIT`) is clicked beside this one and the floor, on the same places, the two atlases in
turn (alternating which goes first); its figures carry `against_`. A change to the page shows its effect on a click
only this way: from run to run the machine's noise moves the ratio by more than most changes do.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.browser import _WATCH_HEADER, _WATCH_TEXT, _click_floor, _click_place, _clickable, _map_frame
from bench.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MARK_MAP,
    WATCH_SOCKET,
    click_points,
    offline_context,
    open_atlas,
    server,
    websocket_frame_bytes,
)
from geo import panel
from geo.load import load_atlas

CLICKS = 20

# In the map's frame: when the click handler hands its value to Streamlit.
_WATCH_VALUE = """() => { if (window.__valueWatched) return; window.__valueWatched = true;
    const api = window.Streamlit, set = api.setComponentValue.bind(api);
    api.setComponentValue = (value) => { window.__valueAt = performance.timeOrigin + performance.now();
                                         return set(value); };
}"""


class _Wire:
    """The websocket frames of a page as the browser's network saw them (DevTools Protocol), with their payloads."""

    def __init__(self, page):
        self.page = page
        self.sent: list[float] = []
        self.received: list[tuple[float, bytes]] = []
        session = page.context.new_cdp_session(page)
        session.on("Network.webSocketFrameSent", lambda e: self.sent.append(e["timestamp"] * 1000))
        session.on("Network.webSocketFrameReceived", self._received)
        session.send("Network.enable")

    def _received(self, event) -> None:
        self.received.append((event["timestamp"] * 1000, websocket_frame_bytes(event)))

    def mark(self) -> tuple[int, int, int]:
        return len(self.sent), len(self.received), self.page.evaluate("() => window.__ws.length")

    def click_path(self, mark: tuple[int, int, int], clicked: float, shown: float, wanted: bytes) -> dict[str, float]:
        """The click's time stamps (ms from `clicked`) from the frames since `mark`."""
        sent_at, received_at, page_at = mark
        page_log = self.page.evaluate("(start) => window.__ws.slice(start)", page_at)
        page_sent = next(t for kind, t, _ in page_log if kind == "sent")
        handled = [t for kind, t, _ in page_log if kind == "received"]
        # The DevTools clock to the page's: the request's frame, stamped by both as it left.
        offset = page_sent - self.sent[sent_at]
        frames = [(t + offset, raw) for t, raw in self.received[received_at:]]
        messages = [_message(raw) for _, raw in frames]
        # None carries it when the page already held it (the atlas holds every place's panel, hidden, and shows the
        # clicked one itself): it "arrived" when it was shown.
        shown_arrived = next((t for t, raw in frames if wanted in raw), shown)
        finished = next(
            t for (t, _), m in zip(frames, messages, strict=True) if m.WhichOneof("type") == "script_finished"
        )
        return {
            "sent": page_sent - clicked,
            "reply_arrived": frames[0][0] - clicked,
            "shown_arrived": shown_arrived - clicked,
            "finished_arrived": finished - clicked,
            "shown": shown - clicked,
            "handled_lag": handled[0] - frames[0][0],
            "frames": len(frames),
            "bytes": sum(len(raw) for _, raw in frames),
            "deltas": sum(1 for m in messages if m.WhichOneof("type") == "delta"),
        }


def _message(raw: bytes) -> ForwardMsg:
    message = ForwardMsg()
    message.ParseFromString(raw)
    return message


def _segments(prefix: str, rows: list[dict[str, float]]) -> dict[str, float]:
    def median(name: str) -> float:
        return statistics.median(r[name] for r in rows)

    figures = {
        f"{prefix}{name}_ms": round(median(name), 1) for name in rows[0] if name not in ("frames", "bytes", "deltas")
    }
    figures[f"{prefix}before_server_ms"] = round(statistics.median(r["sent"] for r in rows), 1)
    figures[f"{prefix}server_and_wire_ms"] = round(statistics.median(r["shown_arrived"] - r["sent"] for r in rows), 1)
    figures[f"{prefix}after_reply_ms"] = round(statistics.median(r["shown"] - r["shown_arrived"] for r in rows), 1)
    for name in ("frames", "bytes", "deltas"):
        figures[f"{prefix}{name}"] = int(median(name))
    return figures


def click_path_figures(browser, clicks: int = CLICKS, against: str | None = None) -> dict[str, float]:
    """The figures of `clicks` clicks on the atlas and the floor page; with `against` (another checkout's
    streamlit_app.py) that atlas too, clicked in turn with this one."""
    atlas = load_atlas()
    points = click_points()
    # The other checkout runs from its own folder (its `geo` first on the path) with this checkout's settings.
    apps = {"click_": "streamlit_app.py", **({"against_": str(Path(against).resolve())} if against else {})}
    rows: dict[str, list[dict[str, float]]] = {prefix: [] for prefix in apps}
    floor_rows = []
    with contextlib.ExitStack() as servers:
        urls = {prefix: servers.enter_context(server(script)) for prefix, script in apps.items()}
        floor_url = servers.enter_context(server("bench/floor_app.py"))
        contexts = {prefix: offline_context(browser, url) for prefix, url in urls.items()}
        floor_context = offline_context(browser, floor_url)
        for context in (*contexts.values(), floor_context):
            context.add_init_script(WATCH_SOCKET)
        pages, wires = {}, {}
        for prefix, context in contexts.items():
            pages[prefix] = app = context.new_page()
            wires[prefix] = _Wire(app)
            open_atlas(app, urls[prefix])
            app.evaluate(_WATCH_HEADER)
            _map_frame(app).evaluate(MARK_MAP)
        floor = floor_context.new_page()
        floor_wire = _Wire(floor)
        floor.goto(floor_url)
        floor.get_by_text("Clicked 0 times").wait_for()
        floor.evaluate(_WATCH_TEXT)
        places = _clickable(pages["click_"], points)
        for i in range(clicks):
            place = places[i % len(places)]
            name = atlas.places[place].display_name("en")
            for prefix in list(apps)[:: 1 if i % 2 == 0 else -1]:
                app = pages[prefix]
                _map_frame(app).evaluate(_WATCH_VALUE)
                mark = wires[prefix].mark()
                _click_place(app, place, points[place], name, [])
                clicked, value_at = _map_frame(app).evaluate("() => [window.__clickAt, window.__valueAt]")
                row = wires[prefix].click_path(mark, clicked, app.evaluate("() => window.__done"), _header(name))
                rows[prefix].append({"value_set": value_at - clicked, **row})
            mark = floor_wire.mark()
            _click_floor(floor, i + 1)
            clicked, shown = floor.evaluate("() => [window.__clickAt, window.__done]")
            floor_rows.append(floor_wire.click_path(mark, clicked, shown, f"Clicked {i + 1} times".encode()))
        for context in (*contexts.values(), floor_context):
            context.close()
    figures: dict[str, float] = {"clicks": len(floor_rows)}
    figures.update(_segments("floor_", floor_rows))
    floor_click = figures["floor_shown_ms"]
    for prefix, app_rows in rows.items():
        figures.update(_segments(prefix, app_rows))
        figures[f"{prefix}vs_floor"] = round(figures[f"{prefix}shown_ms"] / floor_click, 2)
        for segment in ("before_server", "server_and_wire", "after_reply"):
            figures[f"{prefix}{segment}_vs_floor_click"] = round(figures[f"{prefix}{segment}_ms"] / floor_click, 2)
    return figures


def _header(name: str) -> bytes:
    """The panel's header as its markdown travels (bytes of `### Name`, escaped as the panel escapes it)."""
    return f"### {panel.markdown_text(name)}".encode()


def main(args: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.click_path")
    parser.add_argument("clicks", nargs="?", type=int, default=CLICKS)
    parser.add_argument("--against", help="another checkout's streamlit_app.py, clicked beside this one (A/B)")
    options = parser.parse_args(args)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            figures = click_path_figures(browser, options.clicks, options.against)
        finally:
            browser.close()
    for name, value in figures.items():
        print(f"{name}: {value}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
