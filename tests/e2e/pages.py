"""What the browser tests do to the page, in one place: open it and wait for the map, wait for a run to end, open an
expander, find the map's frame, click a place, tick agreements, type a date, download the events CSV.

Every wait is on a condition (an element, a script state), never on time. Importing this module sets Playwright's
`expect` timeout for every test that uses it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re

from playwright.sync_api import Frame, FrameLocator, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.common import HEADER, MAP_IFRAME, PLACE_PANEL, SHOWN_PANEL, click_point
from geo import mapping
from geo.ui import COMMUNITY_POLL_S, REST_OF_PAGE_KEY

# Generous: the CI machines have 2 cores, and a rerun that redraws the map takes about a second there.
TIMEOUT_MS = 20_000
expect.set_options(timeout=TIMEOUT_MS)

__all__ = [
    "HEADER",
    "MAP_IFRAME",
    "PLACE_PANEL",
    "SHOWN_PANEL",
    "TIMEOUT_MS",
    "agreement_box",
    "answered",
    "click_place",
    "download_csv",
    "answers_released",
    "hold_answers",
    "hold_sends",
    "holdable_answers",
    "map_frame",
    "open_app",
    "open_expander",
    "sent_after_a_watch_run",
    "set_date",
    "settled",
    "tables_drawn",
    "untick",
]


def open_app(page: Page, url: str) -> FrameLocator:
    """Open `url` and wait until the map has drawn its places and the script has finished its run; the map's frame."""
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    frame = page.frame_locator(MAP_IFRAME)
    # Any place drawn: the map is there (which places show depends on the link's agreements).
    expect(frame.locator("path.leaflet-interactive[class*='place-']").locator("visible=true").first).to_be_visible()
    # Once the map has drawn, the page adds what is below it (exports, timeline, tables, imports).
    expect(page.locator(f".st-key-{REST_OF_PAGE_KEY}")).to_be_attached()
    settled(page)
    return frame


def settled(page: Page) -> None:
    """Wait until the script run has ended. Call it only after waiting for something the run changes (else it may
    be the state from before the run started)."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


# Streamlit sends a widget's change on a zero-delay timer; the page's store watch, a run of its own every
# COMMUNITY_POLL_S, can come first and carry the change in its run (one CI run in about forty). hold_sends delays the
# page's zero-delay timers by more than the watch's period, for twice that time, so that this happens every time: a
# change made at once is sent after the delay, and one a widget makes in a timer of its own after a second
# delay (with a single delay, the date test often passed on the code before its fix).
_HOLD_SENDS = """(ms) => {
  const plain = window.setTimeout, plainClear = window.clearTimeout;
  const stateOf = () => document.querySelector("[data-test-script-state]");
  const held = window.__held = {pending: new Set(), lastFiredAt: null, runs: [], released: false};
  const runs = new MutationObserver(() => {
    if (stateOf().getAttribute("data-test-script-state") === "running") held.runs.push(performance.now()); });
  runs.observe(stateOf(), {attributeFilter: ["data-test-script-state"]});
  window.setTimeout = function (callback, delay, ...rest) {
    if (delay) return plain(callback, delay, ...rest);
    const id = plain(() => { held.pending.delete(id); held.lastFiredAt = performance.now();
      callback(...rest); }, ms);
    held.pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) { held.pending.delete(id); return plainClear(id); };
  plain(() => { window.setTimeout = plain; window.clearTimeout = plainClear; held.released = true; }, 2 * ms);
}"""
# Every held timer has fired (or was cleared), and a run has started since the last one fired (a change's run is
# slow enough to be seen).
_HELD_SENT = """() => { const held = window.__held;
  return held.released && held.pending.size === 0 && held.runs.some((at) => at > held.lastFiredAt); }"""


# The server's answers wait in the page while it is told to hold them, in the order they came, until the page sends
# again at least half a store watch period after its first send: that is the watch (a timer in the page, every
# COMMUNITY_POLL_S), sending the widgets' values as they were before the first send's answer, after the server has
# run that send, every time (else only when the timer happens to fire while an answer is on its way). Streamlit
# listens to its websocket with addEventListener, so the listener is wrapped as the page starts.
_HOLDABLE_ANSWERS = """(() => {
  const held = window.__answers = {holding: false, queue: [], sends: [], after: 0};
  const listen = WebSocket.prototype.addEventListener, send = WebSocket.prototype.send;
  WebSocket.prototype.addEventListener = function (type, listener, ...rest) {
    if (type !== "message") return listen.call(this, type, listener, ...rest);
    return listen.call(this, type, function (event) {
      if (held.holding || held.queue.length) held.queue.push(() => listener.call(this, event));
      else listener.call(this, event);
    }, ...rest);
  };
  WebSocket.prototype.send = function (data) {
    const result = send.call(this, data);
    if (held.holding) {
      held.sends.push(performance.now());
      if (held.sends.at(-1) - held.sends[0] >= held.after) {
        held.holding = false;
        while (held.queue.length) held.queue.shift()();
      }
    }
    return result;
  };
})();"""
_HOLD_ANSWERS = """(ms) => { Object.assign(window.__answers, {holding: true, sends: [], after: ms}); }"""
_ANSWERS_RELEASED = "() => !window.__answers.holding && window.__answers.queue.length === 0"


def holdable_answers(page: Page) -> None:
    """Let hold_answers hold the server's answers in this page (before the page is opened)."""
    page.add_init_script(_HOLDABLE_ANSWERS)


def hold_answers(page: Page) -> None:
    """Hold the server's answers from now until the store watch has sent after the page's next send has been run,
    before that send's answer has reached the page."""
    page.evaluate(_HOLD_ANSWERS, int(COMMUNITY_POLL_S * 500))


def answers_released(page: Page) -> None:
    """Wait until what hold_answers held has reached the page."""
    page.wait_for_function(_ANSWERS_RELEASED)


def hold_sends(page: Page) -> None:
    """For the next three of the store watch's periods, the page sends a widget's change only after a watch run has
    come first (see sent_after_a_watch_run)."""
    page.evaluate(_HOLD_SENDS, int(COMMUNITY_POLL_S * 1500))


def sent_after_a_watch_run(page: Page) -> None:
    """Wait until what hold_sends held has been sent and the run it started has ended. A fast run can start and end
    between two frames of the page, unseen, so whether a watch run came first is not checked here: the timing makes
    sure of it, and each test that uses this failed on the code it guards against (see their commits)."""
    page.wait_for_function(_HELD_SENT)
    settled(page)


def answered(page: Page, place_id: str) -> None:
    """Wait until the run a selection of `place_id` started has answered and ended. Its panel shows before that (the
    page holds every place's panel and the map shows the one it selects), so the panel says nothing of the run; the
    link names the place once the run has taken it."""
    expect(page).to_have_url(re.compile(rf"[?&]place={re.escape(place_id)}(&|$)"))
    settled(page)


# Open, its content there (taller than its title) and none of it clipped; "replaced" once React has put a new element
# in its place, whose state this one no longer shows.
_OPENED = """d => d.isConnected
    ? d.open && d.scrollHeight > d.querySelector('summary').offsetHeight + 4 && d.clientHeight >= d.scrollHeight
    : 'replaced'"""
# Its title has stood still for three frames: what lies above it in the sidebar has finished drawing.
_TITLE_AT_REST = """d => {
    const r = d.querySelector('summary').getBoundingClientRect(), where = [r.x, r.y, r.width, r.height].join();
    d.__still = d.__stillAt === where ? (d.__still || 0) + 1 : 0;
    d.__stillAt = where;
    return d.__still >= 3;
}"""
# A click on the title has been taken: the expander is open (or React has put another element in its place).
_CLICK_TAKEN = "d => !d.isConnected || d.open"
# A click is taken within the frame that handles it; one not taken in this long landed on something else.
CLICK_TAKEN_MS = 5_000


def open_expander(expander: Locator) -> None:
    """Open an expander the way a person does, by clicking its title, and wait until it has opened. Streamlit animates
    the opening (about 0.8 s, longer on a busy machine) and clips the content until it ends: a button inside stays in
    place, so it passes Playwright's checks, but a click on it lands on what lies under the clipped box. In a CI run
    "Approve all 1", clicked 0.6 s after its box was opened, hit the page below it.

    The title is clicked once it stands still: in a CI run under load, the sidebar still drawing above a year's group
    moved its title between Playwright's check and the click, which landed on the block around it and opened nothing
    (a click not taken is made again). The run a sidebar year group's click starts can put a new element in the group's
    place (measured under load, 3 loads in 4: the element clicked detached, the new one open at 225 / 225 px): the
    wait follows the one on the page."""
    page = expander.page
    for _ in range(5):
        details = expander.locator("details").first.element_handle()
        if not details.evaluate("d => d.open"):
            page.wait_for_function(_TITLE_AT_REST, arg=details, polling="raf")
            expander.locator("summary").click()
            try:
                page.wait_for_function(_CLICK_TAKEN, arg=details, timeout=CLICK_TAKEN_MS)
            except PlaywrightTimeoutError:
                continue
        if page.wait_for_function(_OPENED, arg=details).json_value() != "replaced":
            return
    raise AssertionError(f"{expander} did not open in five clicks or was replaced five times while it opened")


def tables_drawn(container: Locator) -> None:
    """Wait until every table (st.dataframe) in `container` has drawn its rows. A table draws them after the run
    that sent it, and in an expander just opened only then takes its height: a button below it moves down. In a CI
    run a click on "Approve all 4", made 150 ms after the review box was opened, landed on what had taken its place."""
    expect(container.locator("[data-testid=stDataFrame] table").first).to_be_attached()
    expect(container.locator("[data-testid=stDataFrame]:not(:has(table))")).to_have_count(0)


def map_frame(page: Page) -> Frame:
    """The map's iframe as a Frame, to evaluate scripts in it."""
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def map_at_rest(page: Page, place_id: str) -> None:
    """Wait until the map draws `place_id` selected and has stopped moving. A selection flies the map to its place,
    and the fly may begin after the run that made the selection has ended: a pointer put on the map meanwhile ends
    up over something else (and opens its tooltip) once the map moves under it."""
    map_frame(page).wait_for_function(
        """([id, color]) => {
            const path = document.querySelector("path.place-" + id);
            if (!path || path.getAttribute("stroke") !== color || !window.map_div) { window.__still = 0; return false; }
            const c = map_div.getCenter(), where = [c.lat, c.lng, map_div.getZoom()].join();
            window.__still = window.__stillAt === where ? (window.__still || 0) + 1 : 0;
            window.__stillAt = where;
            return window.__still >= 3;
        }""",
        arg=[place_id, mapping.SELECTED_STYLE["color"]],
        polling="raf",
    )


def agreement_box(page: Page, date_prefix: re.Pattern[str]) -> Locator:
    """An agreement's checkbox, its year's group in the sidebar opened first (the groups start closed)."""
    box = page.get_by_role("checkbox", name=date_prefix)
    year = re.search(r"20\d\d", date_prefix.pattern)
    assert year, f"{date_prefix.pattern} names no year"
    group = page.locator(f".st-key-agreements-{year.group()}")
    if not box.is_visible():
        open_expander(group)
    expect(box).to_be_visible()
    return box


def untick(page: Page, date_prefix: re.Pattern[str]) -> None:
    """Un-tick an agreement the way a person does: by clicking its label (Streamlit's input is hidden)."""
    box = agreement_box(page, date_prefix)
    expect(box).to_be_checked()
    page.get_by_test_id("stCheckbox").filter(has=box).locator("label").click()
    expect(box).not_to_be_checked()


def click_place(frame: FrameLocator, place_id: str) -> None:
    """Click a place at bench.common.click_point, where nothing drawn above it covers it."""
    point = click_point(place_id)
    assert point is not None, f"{place_id} is covered everywhere by places drawn above it"
    path = frame.locator(f"path.place-{place_id}")
    # The point in the path's own box, once the map has it on top there and it stayed put for a frame: a page that
    # has just changed its layout may resize the map (Leaflet redraws its shapes a frame later), and a selection
    # flies the map to its place (the fly may still run when the run that started it has ended).
    map_window = path.element_handle().owner_frame()
    assert map_window is not None
    at = map_window.wait_for_function(
        """([id, lat, lng]) => {
            const path = document.querySelector("path.place-" + id);
            if (!path || !window.map_div) return null;
            const point = map_div.latLngToContainerPoint([lat, lng]);
            const box = map_div.getContainer().getBoundingClientRect();
            const own = path.getBoundingClientRect();
            const x = box.left + point.x, y = box.top + point.y;
            const hit = document.elementFromPoint(x, y);
            const where = [x, y, own.left, own.top, own.width, own.height].join();
            const steady = window.__clickWhere === where;
            window.__clickWhere = where;
            return steady && hit && hit.classList.contains("place-" + id) ? {x: x - own.left, y: y - own.top} : null;
        }""",
        arg=[place_id, *point],
    ).json_value()
    path.click(position={"x": at["x"], "y": at["y"]})


def download_csv(page: Page) -> list[dict[str, str]]:
    """The rows of the Events CSV the page's download button gives."""
    with page.expect_download() as info:
        page.get_by_role("button", name="Events CSV").click()
    download = info.value
    text = download.path().read_text(encoding="utf-8")
    assert download.suggested_filename.endswith(".csv")
    return list(csv.DictReader(text.splitlines()))


def set_date(scope: Page | Locator, label: str, day: dt.date, leave: bool = True) -> None:
    """Type a date into an st.date_input, segment by segment as its year, month and day spinbuttons take it, then
    (with `leave`) leave the box, which sends the date."""
    for part, value in (("year", f"{day:%Y}"), ("month", f"{day:%m}"), ("day", f"{day:%d}")):
        segment = scope.get_by_role("spinbutton", name=f"{part}, {label}")
        segment.click()
        segment.press_sequentially(value)
    if leave:
        segment.press("Tab")
