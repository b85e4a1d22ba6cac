"""A click on a place is sent to the server at once, not after streamlit-folium's 250 ms debounce (issue 14 item 4).

A behaviour check, not a timing goal: the map's own click handler (geo/mapping.py `_Places`) hands the value over in
the click's own task, st_folium's update waits for a 250 ms timer by construction. So the test starts a 250 ms timer
of its own at the click, before st_folium starts its own, and asks which comes first: the websocket frame that
carries the clicked place, or the timer. On a loaded machine both are late alike, but the order holds. The same check
with the fast path switched off shows that it tells the two paths apart.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import HEADER, MAP_IFRAME, SHOWN_PANEL, click_place, map_frame, open_app

pytestmark = pytest.mark.browser

# st_folium's frontend holds map events back this long before it sends them (`debounce(…, 250)` in its bundle).
ST_FOLIUM_DEBOUNCE_MS = 250

# In the page (not the map's frame): every websocket frame the page sends, with its time and its bytes as text.
_WATCH_SENDS = """(() => {
    if (window !== window.top) return;
    window.__sends = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
        let text = "";
        try { text = new TextDecoder("latin1").decode(data); } catch (e) { text = String(data); }
        window.__sends.push([performance.timeOrigin + performance.now(), text]);
        return send.call(this, data);
    };
})();"""
# In the map's frame, at every click (a capture listener: before st_folium's handlers start their debounce): the
# click's time, and a timer of st_folium's length whose firing time is recorded.
_TIME_CLICKS = f"""() => document.addEventListener("click", () => {{
    window.__clickAt = performance.timeOrigin + performance.now();
    window.__timerAt = null;
    setTimeout(() => {{ window.__timerAt = performance.timeOrigin + performance.now(); }}, {ST_FOLIUM_DEBOUNCE_MS});
}}, true)"""


def _click_and_time(page: Page, place_id: str, name: str) -> tuple[float, float]:
    """Click `place_id`; when the panel shows it and the timer has fired: (frame sent, timer fired), ms after the
    click."""
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    map_window = map_frame(page)
    click_place(frame, place_id)
    expect(page.locator(HEADER)).to_have_text(name)
    map_window.wait_for_function("() => window.__timerAt !== null")
    clicked, timer = map_window.evaluate("() => [window.__clickAt, window.__timerAt]")
    sent = page.evaluate(
        "([after, id]) => window.__sends.find(([at, text]) => at >= after && text.includes(id))?.[0] ?? null",
        [clicked, f'"id":"{place_id}"'],
    )
    assert sent is not None, f"no websocket frame carried the click on {place_id}"
    return sent - clicked, timer - clicked


def test_a_click_leaves_for_the_server_before_st_folium_would_send_it(page: Page, app_url: str) -> None:
    page.context.add_init_script(_WATCH_SENDS)
    open_app(page, app_url)
    map_frame(page).evaluate(_TIME_CLICKS)

    sent, timer = _click_and_time(page, "lachin", "Lachin")
    assert sent < timer, (
        f"the click was sent {sent:.0f} ms after it, after a {timer:.0f} ms timer of st_folium's length"
    )

    # The control: without the map's own handler (it sends nothing when st_folium's globals are missing), the value
    # goes through st_folium's debounce and leaves after the timer. The check tells the two paths apart.
    map_frame(page).evaluate("() => { delete window.Streamlit; }")
    sent, timer = _click_and_time(page, "kalbajar", "Kalbajar")
    assert sent > timer >= ST_FOLIUM_DEBOUNCE_MS


def test_a_click_shows_the_places_panel_while_the_servers_answer_is_held_back(page: Page, app_url: str) -> None:
    """The page holds every shown place's panel and the map shows the clicked one itself: the reader sees it before
    anything comes back from the server. Here nothing does until the panel shows; then the run confirms it."""
    held: list[str | bytes] = []
    relay: dict = {"holding": False}

    def through(socket) -> None:
        server = socket.connect_to_server()

        def to_page(message) -> None:
            if relay["holding"]:
                held.append(message)
            else:
                socket.send(message)

        server.on_message(to_page)
        relay["page_side"] = socket

    page.route_web_socket(re.compile(r"/_stcore/stream"), through)
    frame = page.frame_locator(MAP_IFRAME)
    open_app(page, app_url)
    expect(page.locator(HEADER)).to_have_count(0)
    relay["holding"] = True

    click_place(frame, "lachin")
    expect(page.locator(HEADER)).to_have_text("Lachin")
    expect(page.locator(SHOWN_PANEL)).to_contain_text("Lachin (Berdzor) district passes to Azerbaijani control")
    expect(page.locator(SHOWN_PANEL)).not_to_contain_text("Kalbajar (Karvachar) district passes")

    relay["holding"] = False
    for message in held:
        relay["page_side"].send(message)
    expect(page).to_have_url(re.compile(r"[?&]place=lachin(&|$)"))
    expect(page.get_by_role("button", name="Clear selection")).to_be_visible()
    expect(page.locator(HEADER)).to_have_text("Lachin")


# In the page, from its first script on: the most place panels ever shown at once, checked at every change of the page.
_MOST_PANELS_SHOWN = """(() => {
    if (window !== window.top) return;
    window.__mostPanels = 0;
    new MutationObserver(() => {
        const shown = [...document.querySelectorAll('[class*="st-key-place-panel-"]')].filter((e) => e.checkVisibility());
        window.__mostPanels = Math.max(window.__mostPanels, shown.length);
    }).observe(document, {subtree: true, childList: true, attributes: true});
})();"""


def test_the_waiting_panels_never_show_together_while_the_page_loads(page: Page, app_url: str) -> None:
    """The panels come before the style that shows only the selected one has its code loaded: the page's constant
    styles keep them all hidden until then (they all showed at once on every load before)."""
    page.context.add_init_script(_MOST_PANELS_SHOWN)
    open_app(page, f"{app_url}/?place=kalbajar&lang=ru")
    expect(page.locator(HEADER)).to_have_text("Кельбаджар")
    assert page.locator("[class*='st-key-place-panel-']").count() > 1
    assert page.evaluate("() => window.__mostPanels") == 1
