"""Real-browser fixtures: one Streamlit server per session, a fresh offline browser context per test.

Every request that does not go to the app's own server is aborted and recorded; a test that made one fails.
That is the point of these tests: the atlas must work with no network at all (see the field notes, section 1).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench import common

# Debian's Chromium: `playwright install` cannot download browsers on these machines.
CHROMIUM = Path(common.CHROMIUM)
REPO = common.REPO


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Base URL of a headless Streamlit server running the atlas, shared by every browser test."""
    with common.server("streamlit_app.py") as url:
        yield url


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
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=common.CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def _offline_context(browser: Browser, app_url: str, blocked: list[str]) -> BrowserContext:
    """A new browser context (its own Streamlit session) that reaches only the app's server; every other request
    is aborted and, at the end of the test, reported through `blocked`."""
    context = common.offline_context(browser, app_url)
    context.blocked = blocked
    return context


# Before any script of the page and of its frames: each map created, each view the map is handed (the newest pushed
# one beside it), each view the page pushes, each date segment left and its value, each click on the page, each
# change of the script's run state, as console lines, which a failed test reports (below). A rare failure is then read from the log of the CI run it happened in.
_TRACE = """(() => {
  const where = window === window.top ? "page" : "frame";
  const say = (text) => console.debug(`[trace ${where} ${performance.now().toFixed(0)} ms] ${text}`);
  let view, map;
  Object.defineProperty(window, "atlasView", {configurable: true, get: () => view, set(given) {
    view = function (next) {
      let pushed = null;
      try { pushed = window.parent.atlasPushedView; } catch (e) {}
      const brief = (v) => v && `#${v.number} ${v.shown.length} shown, selected ${v.selected}, ${v.asof}`;
      say(`atlasView ${brief(next)}; pushed ${brief(pushed)}`);
      return given.apply(this, arguments);
    };
  }});
  Object.defineProperty(window, "map", {configurable: true, get: () => map, set(m) { say("map created"); map = m; }});
  let pushedView;
  if (where === "page") Object.defineProperty(window, "atlasPushedView", {configurable: true,
    get: () => pushedView, set(v) { say(`view #${v && v.number} pushed for ${v && v.asof}`); pushedView = v; }});
  // A date typed into a date box is sent when the box loses focus: what each segment held then.
  if (where === "page") document.addEventListener("focusout", (e) => {
    const t = e.target;
    if (t.getAttribute && t.getAttribute("role") === "spinbutton")
      say(`left ${JSON.stringify(t.getAttribute("aria-label"))} at ${t.getAttribute("aria-valuenow")}`);
  }, true);
  if (where === "page") document.addEventListener("click", (e) => {
    const on = e.target.closest ? e.target.closest("button, summary, label, a") : null;
    // A click that lands beside its target says what it hit instead, and where: a box that moved under it is found.
    const hit = (t) => `${t.tagName} ${t.getAttribute("data-testid") || ""} ${String(t.className).slice(0, 60)}`
      + ` at ${e.clientX.toFixed(0)},${e.clientY.toFixed(0)}`;
    say(`click on ${on ? on.tagName.toLowerCase() + " " + JSON.stringify(on.innerText.slice(0, 40)) : hit(e.target)}`);
  }, true);
  if (where === "page") new MutationObserver((changes) => changes.forEach((c) =>
    say(`script ${c.target.getAttribute("data-test-script-state")}`))).observe(document, {subtree: true,
    attributeFilter: ["data-test-script-state"]});
})();"""


def _traced(page: Page, request: pytest.FixtureRequest, name: str) -> Page:
    start = time.monotonic()
    log = request.node.__dict__.setdefault("browser_log", [])
    page.on("console", lambda m: log.append(f"{name} {time.monotonic() - start:7.3f} s {m.type}: {m.text}"))
    page.on("pageerror", lambda e: log.append(f"{name} {time.monotonic() - start:7.3f} s page error: {e}"))
    page.add_init_script(_TRACE)
    return page


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    log = item.__dict__.get("browser_log")
    if report.failed and log:
        report.sections.append(("browser console and map views", "\n".join(log[-300:])))


@pytest.fixture
def traced(request: pytest.FixtureRequest) -> Callable[[Page, str], Page]:
    """For a test that opens its own pages (on servers of its own): each page's console and map views go into the
    test's failure report, as the `page` fixture's do."""
    return lambda page, name: _traced(page, request, name)


@pytest.fixture
def page(browser: Browser, app_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh, offline page: only the app's own server is reachable, anything else is aborted and recorded."""
    blocked: list[str] = []
    context = _offline_context(browser, app_url, blocked)
    page = _traced(context.new_page(), request, "page")
    try:
        yield page
    finally:
        context.close()
    assert not blocked, f"the app tried to reach outside its own server: {blocked}"


@pytest.fixture
def other_page(browser: Browser, app_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A second offline page in a context of its own, as another visitor (another Streamlit session) would have."""
    blocked: list[str] = []
    context = _offline_context(browser, app_url, blocked)
    try:
        yield _traced(context.new_page(), request, "other page")
    finally:
        context.close()
    assert not blocked, f"the app tried to reach outside its own server: {blocked}"
