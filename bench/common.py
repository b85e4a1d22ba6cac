"""What the browser benchmarks share: a local Streamlit server, offline Chromium, and clicking a place on the map.

The server and browser are set up as in tests/e2e/conftest.py: 127.0.0.1 only, every request elsewhere aborted.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from geo import assets, mapping
from geo.load import load_atlas
from geo.model import Atlas
from geo.ui import REST_OF_PAGE_KEY

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1500, "height": 1000}
HEALTH_TIMEOUT_S = 60
TIMEOUT_MS = 60_000
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# The panel the page shows, for Playwright: the page holds every shown place's panel, all hidden but the selected one
# (geo.panel.panel_css), and the list of all events when none is selected. The header, also as a script expression.
PLACE_PANEL = ".st-key-place-panels [class*='st-key-place-panel-']:visible"
SHOWN_PANEL = f"{PLACE_PANEL}, .st-key-events-panel:visible"
HEADER = ".st-key-place-panels h3:visible"
SHOWN_HEADER = "[...document.querySelectorAll('.st-key-place-panels h3')].find((h) => h.checkVisibility())"
# Marks put on the map iframe's window and on the Leaflet map: a reloaded iframe or a re-created map loses them.
MARK_MAP = "() => { window.__marker = 1; map_div.__marker = 1; }"
MAP_MARKS_KEPT = "() => window.__marker === 1 && map_div.__marker === 1"

# An init script (before any script of the page): every websocket message sent and received, with its time on
# the page's clock and its size, in `window.__ws`.
WATCH_SOCKET = """(() => {
    window.__ws = [];
    const Native = window.WebSocket;
    window.WebSocket = function (...args) {
        const socket = new Native(...args);
        const send = socket.send.bind(socket);
        socket.send = (data) => {
            window.__ws.push(["sent", performance.timeOrigin + performance.now(), data.byteLength ?? data.length]);
            return send(data);
        };
        socket.addEventListener("message", (event) => {
            const size = event.data.byteLength ?? event.data.size ?? event.data.length;
            window.__ws.push(["received", performance.timeOrigin + performance.now(), size]);
        });
        return socket;
    };
    window.WebSocket.prototype = Native.prototype;
    Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();"""


def websocket_frame_bytes(event: dict) -> bytes:
    """The payload of a DevTools Protocol Network.webSocketFrame* event (binary frames come base64-encoded)."""
    frame = event["response"]
    data = frame["payloadData"]
    return base64.b64decode(data) if frame["opcode"] == 2 else data.encode("utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def server(script: str, env: dict[str, str] | None = None, *flags: str) -> Iterator[str]:
    """A headless Streamlit server for `script` (relative to the repo) on 127.0.0.1; yields its base URL."""
    port = _free_port()
    # Streamlit serves static/ from beside the script: pages in bench/ need the map's code there too (the atlas's own
    # page provisions it itself, on its first run), and the naive page Leaflet alone.
    static = (REPO / script).parent / "static"
    assets.ensure_served(static)
    if not (static / "leaflet" / "leaflet.js").is_file():
        assets.install_leaflet(static)
    command = [
        str(Path(sys.executable).parent / "streamlit"),
        "run",
        script,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *flags,
    ]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(f"{base}/_stcore/health"):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"{script} did not start: {log.read().decode(errors='replace')[-3000:]}")
            time.sleep(0.2)  # polling interval of the health check
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def deflated_size(data: bytes) -> int:
    """Bytes on the wire under websocket permessage-deflate (raw deflate, as Tornado sends it)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return len(compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH))


def server_pid(base: str) -> int:
    """The process id of the Streamlit server that `server` started for `base`."""
    port = urlsplit(base).port
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue  # the process ended while we looked
        if b"--server.port" in args and args[args.index(b"--server.port") + 1] == str(port).encode():
            return int(cmdline.parent.name)
    raise RuntimeError(f"no Streamlit server on port {port}")


def offline_context(browser, base: str, **options):
    """A browser context that can reach only `base`; what it tried elsewhere is listed in `context.blocked`.
    `options` go to Playwright's new_context (a phone's viewport, touch, user agent)."""
    own = urlsplit(base).netloc
    context = browser.new_context(**{"viewport": VIEWPORT, "accept_downloads": True, **options})
    context.blocked = []

    def only_own(route) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            context.blocked.append(route.request.url)
            route.abort()

    def outside_socket(ws) -> None:
        context.blocked.append(ws.url)
        ws.close()

    context.route("**/*", only_own)
    context.route_web_socket(lambda url: urlsplit(url).netloc != own, outside_socket)
    return context


def settled(page, timeout_ms: int = TIMEOUT_MS) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)


def open_atlas(page, url: str, timeout_ms: int = TIMEOUT_MS) -> None:
    page.set_default_timeout(timeout_ms)
    page.goto(url)
    page.frame_locator(MAP_IFRAME).locator("path.place-karabakh").wait_for(state="visible")
    page.locator(f".st-key-{REST_OF_PAGE_KEY}").wait_for(state="attached")  # the page below the map, added next
    settled(page, timeout_ms)


@functools.cache
def _drawn() -> tuple[Atlas, dict[str, BaseGeometry]]:
    """The atlas and each place's shape as the map draws it, read once per process."""
    atlas = load_atlas()
    return atlas, {pid: shape(g) for pid, g in mapping.display_geometries(atlas.places.values()).items()}


def click_point(place_id: str) -> tuple[float, float] | None:
    """A (lat, lon) inside `place_id` that nothing drawn above it covers (a city or corridor may lie over a
    district), or None when all of it is covered. The benchmarks and the e2e tests click here."""
    atlas, drawn = _drawn()
    place = atlas.places[place_id]
    above = [
        drawn[p.id].buffer(0.01)
        for p in atlas.places.values()
        if p.id != place_id and mapping.KIND_ORDER[p.kind] >= mapping.KIND_ORDER[place.kind]
    ]
    free = drawn[place_id].difference(shapely.union_all(above)) if above else drawn[place_id]
    if free.is_empty:
        return None
    largest = max(getattr(free, "geoms", [free]), key=lambda g: g.area)
    inside = polylabel(largest, tolerance=0.001)
    return inside.y, inside.x


def click_points() -> dict[str, tuple[float, float]]:
    """For each clickable area (polygon places), its click_point."""
    atlas, _ = _drawn()
    areas = [p.id for p in atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")]
    points = {pid: click_point(pid) for pid in areas}
    return {pid: point for pid, point in points.items() if point is not None}


# The map's value once its places are painted in a browser (before any click): the page then sends all of itself.
# A server-side benchmark or test sets it in AppTest's session state before a run to get the whole page.
DRAWN_VALUE = {
    "last_object_clicked": None,
    "last_object_clicked_count": 0,
    "last_active_drawing": None,
    mapping.DRAWN_KEY: True,
}


def clicked_value(place_id: str, i: int) -> dict:
    """st_folium's value after click number `i` (from 0) on `place_id`, as a server-side benchmark sets it in
    AppTest's session state: each click at another point and with a higher count, so the page takes each as new."""
    return {
        "last_active_drawing": {"properties": {"id": place_id}},
        "last_object_clicked": {"lat": 40.0, "lng": 46.0 + i / 100},
        "last_object_clicked_count": i + 1,
    }


# Runs in the map's iframe: the page position of (lat, lon), and whether the place is what is drawn there.
_WHERE = """([lat, lng, cls]) => {
    const p = map_div.latLngToContainerPoint([lat, lng]);
    const box = map_div.getContainer().getBoundingClientRect();
    const x = box.left + p.x, y = box.top + p.y;
    const hit = document.elementFromPoint(x, y);
    return {x, y, ok: !!hit && (hit.getAttribute("class") || "").includes(cls)};
}"""


def place_position(page, place_id: str, point: tuple[float, float]) -> tuple[float, float] | None:
    """Where on the page to click `place_id` (None when it is not visible there at the current view)."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    at = frame.evaluate(_WHERE, [point[0], point[1], f"place-{place_id}"])
    if not at["ok"]:
        return None
    offset = page.locator(MAP_IFRAME).bounding_box()
    return offset["x"] + at["x"], offset["y"] + at["y"]
