"""Real-browser fixtures: one Streamlit server per session, a fresh offline browser context per test.

Every request that does not go to the app's own server is aborted and recorded; a test that made one fails.
That is the point of these tests: the atlas must work with no network at all (see the field notes, section 1).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, WebSocketRoute, sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, launched headless; `playwright install` cannot download browsers on these machines.
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
# The server answers its health check in about 1 s; 30 s leaves room for a busy 2-core machine.
HEALTH_TIMEOUT_S = 30
VIEWPORT = {"width": 1500, "height": 1000}


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


def _ensure_leaflet() -> None:
    """The map loads Leaflet from static/leaflet/ (copied there by `make`); without it the map stays blank."""
    if not (REPO / "static" / "leaflet" / "leaflet.js").exists():
        subprocess.run([sys.executable, "-m", "geo.assets", "static"], cwd=REPO, check=True)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a headless Streamlit server running the atlas, shared by every browser test."""
    _ensure_leaflet()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    command = [
        str(Path(sys.executable).parent / "streamlit"),
        "run",
        "streamlit_app.py",
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
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(f"{base}/_stcore/health"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"Streamlit did not answer {base}/_stcore/health within {HEALTH_TIMEOUT_S} s "
                    f"(exit code {process.poll()}). Server log:\n{log_path.read_text(errors='replace')[-4000:]}"
                )
            time.sleep(0.2)  # polling interval of the health check, not a wait for the app
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium; skipped where it is missing, except on CI where it must be there."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (see .ci/run)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def _offline_context(browser: Browser, app_url: str, blocked: list[str]) -> BrowserContext:
    """A new browser context (its own cookies, storage and Streamlit session) that reaches only the app's server;
    every other request is aborted and its URL appended to `blocked`."""
    own = urlsplit(app_url).netloc

    def only_own_server(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    def only_own_websocket(ws: WebSocketRoute) -> None:
        # Matched only for outside sockets (see the predicate below): record it and never connect.
        blocked.append(ws.url)
        ws.close()

    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT)
    context.route("**/*", only_own_server)
    context.route_web_socket(lambda url: urlsplit(url).netloc != own, only_own_websocket)
    return context


@pytest.fixture
def page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A fresh, offline page: only the app's own server is reachable, anything else is aborted and recorded."""
    blocked: list[str] = []
    context = _offline_context(browser, app_url, blocked)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
    assert not blocked, f"the app tried to reach outside its own server: {blocked}"


@pytest.fixture
def other_page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A second offline page in a context of its own, as another visitor (another Streamlit session) would have."""
    blocked: list[str] = []
    context = _offline_context(browser, app_url, blocked)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not blocked, f"the app tried to reach outside its own server: {blocked}"
