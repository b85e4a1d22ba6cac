"""What a reader sees beyond the map, in a real browser, offline: an agreement's page, exports that follow the view,
the interface in the reader's language, and the page on a phone.

The conftest aborts (and fails on) every request that leaves the app's own server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from bench.common import offline_context
from geo import mapping
from tests.e2e.pages import (
    HEADER,
    MAP_IFRAME,
    SHOWN_PANEL,
    agreement_box,
    answered,
    click_place,
    download_csv,
    map_frame,
    open_app,
    open_expander,
    settled,
)

pytestmark = pytest.mark.browser

CEASEFIRE_BOX = re.compile(r"^10 Nov 2020 · ")


def test_an_agreements_page_opens_from_the_sidebar_with_its_points_places_and_events(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    agreement_box(page, CEASEFIRE_BOX)  # opens the year's group

    page.locator(".st-key-agreement-page-statement-2020-11-10").get_by_role(
        "button", name="its points, places and events"
    ).click()
    # While the run that opens it goes on, the page's block where it lands may still hold what stood there before.
    expect(page).to_have_url(re.compile(r"[?&]agreement=statement-2020-11-10(&|$)"))
    settled(page)

    agreement = page.locator(".st-key-agreement-page")
    expect(agreement.locator("h3")).to_have_text("10 Nov 2020 · Moscow ceasefire statement")
    expect(agreement).to_contain_text("Armenia hands Kalbajar district to Azerbaijan by 15 November 2020")
    expect(agreement).to_contain_text("Kalbajar (named in the text); Lachin (named in the text)")
    expect(agreement).to_contain_text("tie inferred by the atlas")
    expect(agreement).to_contain_text("Lachin (Berdzor) district passes to Azerbaijani control")
    expect(agreement.get_by_role("link", name=re.compile("Office of the Prime Minister of Armenia"))).to_have_attribute(
        "href", re.compile(r"^https://www\.primeminister\.am/")
    )
    expect(page).to_have_url(re.compile(r"[?&]agreement=statement-2020-11-10(&|$)"))

    page.get_by_role("button", name="Close the agreement page").click()
    expect(agreement).to_have_count(0)


def test_when_the_online_street_map_fails_a_notice_says_so_and_the_offline_map_stays(page: Page, app_url: str) -> None:
    # Registered after the offline guard, so it answers first: the tile server is unreachable, as with no network.
    page.context.route("https://tile.openstreetmap.org/**", lambda route: route.abort("internetdisconnected"))
    open_app(page, app_url)

    page.get_by_text("Online street map (needs internet)").click()
    # A new base map is a new map: until the run ends, the old iframe stays beside the new one, which comes last.
    frame = page.locator(MAP_IFRAME).last.content_frame

    expect(frame.locator(".atlas-tiles-failed")).to_have_text(
        "The online street map could not be loaded; the offline map is shown."
    )
    # The countries are filled again (over a street map they are outlines only) and the places stay drawn.
    countries = frame.locator("path:not(.leaflet-interactive)")
    expect(countries.first).to_have_attribute("fill-opacity", str(mapping.COUNTRY_STYLE["fillOpacity"]))
    expect(frame.locator("path.place-lachin")).to_be_visible()


def test_the_page_below_the_map_comes_even_when_the_map_never_draws(page: Page, app_url: str) -> None:
    # The map's own code fails to load, so it never reports being drawn: the page must not wait for it for ever.
    page.context.route(re.compile(r"st_folium.*/main\.[0-9a-f]+\.js$"), lambda route: route.abort("failed"))
    page.goto(app_url)
    expect(page.locator(".st-key-panel-box").get_by_text("once the map is drawn")).to_be_visible()

    expect(page.get_by_role("button", name="Events CSV")).to_be_visible()
    expect(page.get_by_text("once the map is drawn")).to_have_count(0)  # the panel's and the sidebar's notes
    # The page's styles come with the rest of the page when the map's frame never ran to put them in.
    expect(page.locator(".st-key-atlas-heading h1")).to_have_css("font-size", "30.4px")
    assert not page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive").count()


# On every animation frame until then: in the frame that first paints a place, where the map's frame is on the page,
# whether the date slider is there yet and the title's size (the page's styles, which the map's frame puts in).
_WATCH_MAP_AT_FIRST_PAINT = f"""(() => {{ if (window !== window.top) return;
    const look = () => {{
        const frame = document.querySelector({MAP_IFRAME!r});
        const path = frame && frame.contentDocument && frame.contentDocument.querySelector("path.leaflet-interactive");
        const box = path && path.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0 && frame.clientHeight > 0) window.__mapAtFirstPaint = {{
            top: frame.getBoundingClientRect().top + window.scrollY,
            width: frame.getBoundingClientRect().width,
            slider: document.querySelector(".st-key-asof") !== null,
            title: getComputedStyle(document.querySelector(".st-key-atlas-heading h1")).fontSize,
        }};
        else requestAnimationFrame(look);
    }};
    requestAnimationFrame(look);
}})();"""


def _map_stays_put_when_the_page_fills_in(page: Page, url: str, title_size: str) -> None:
    page.add_init_script(_WATCH_MAP_AT_FIRST_PAINT)
    open_app(page, url)
    expect(page.get_by_role("slider", name="Map on date: who held each place")).to_be_visible()
    first = page.evaluate("() => window.__mapAtFirstPaint")
    assert first["slider"] is False, "the map should be painted before the date control comes"
    top, width = page.locator(MAP_IFRAME).evaluate(
        "frame => [frame.getBoundingClientRect().top + window.scrollY, frame.getBoundingClientRect().width]"
    )
    assert abs(top - first["top"]) <= 1, f"the map moved from {first['top']} to {top} px when the page filled in"
    assert abs(width - first["width"]) <= 1, f"the map's width went from {first['width']} to {width} px"
    # The title has its size (page.css) from the first paint on.
    assert first["title"] == title_size, first
    expect(page.locator(".st-key-atlas-heading h1")).to_have_css("font-size", title_size)


def test_the_map_does_not_move_when_the_page_fills_in_on_a_desktop(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    _map_stays_put_when_the_page_fills_in(page, app_url, "30.4px")  # 1.9rem


def test_the_map_does_not_move_when_the_page_fills_in_on_a_phone(phone: Page, app_url: str) -> None:
    _map_stays_put_when_the_page_fills_in(phone, app_url, "24px")  # 1.5rem on a phone


def test_the_exports_follow_the_place_clicked_and_the_map_export_says_what_it_shows(page: Page, app_url: str) -> None:
    frame = open_app(page, f"{app_url}/?asof=2022-09-01")
    everything = download_csv(page)

    click_place(frame, "lachin")
    expect(page.locator(HEADER)).to_have_text("Lachin")
    answered(page, "lachin")  # the exports are the run's: the panel shows before it

    rows = download_csv(page)
    # What the panel lists: Lachin's events only, each naming its places, with the filters on every row.
    assert 0 < len(rows) < len(everything)
    assert all("lachin" in r["places"].split("; ") for r in rows)
    assert all("Lachin" in r["place_names"] for r in rows)
    assert {r["filters"].split("; ")[0] for r in rows} == {"place=lachin"}

    with page.expect_download() as info:
        page.get_by_role("button", name="Map HTML").click()
    map_page = page.context.new_page()
    map_page.set_content(info.value.path().read_text(encoding="utf-8"))
    expect(map_page).to_have_title("Karabakh Atlas · Lachin · 1 Sep 2022 · agreements shown: 20/20")
    expect(map_page.locator("h1.atlas-title")).to_have_text(
        "Karabakh Atlas · Lachin · 1 Sep 2022 · agreements shown: 20/20"
    )
    map_page.locator("path.place-kalbajar").click()
    expect(map_page.locator(".atlas-place-box")).to_contain_text("Kalbajar")


def test_copy_link_copies_the_view_on_screen_and_the_copied_link_opens_it(page: Page, app_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    frame = open_app(page, f"{app_url}/?asof=2022-09-01")
    click_place(frame, "shusha")
    expect(page.locator(HEADER)).to_have_text("Shusha")
    expect(page).to_have_url(re.compile(r"place=shusha"))

    open_expander(page.locator(".st-key-share"))
    link_box = page.locator(".atlas-share-row").filter(has=page.locator(".atlas-share-link"))
    link_box.get_by_role("button", name="Copy").click()
    expect(link_box.get_by_role("button")).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url and "asof=2022-09-01" in copied

    cite_box = page.locator(".atlas-share-row").filter(has=page.locator(".atlas-share-citation"))
    cite_box.get_by_role("button", name="Copy").click()
    expect(cite_box.get_by_role("button")).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == cite_box.locator(".atlas-copy-text").inner_text()

    reader = page.context.new_page()
    open_app(reader, copied)
    expect(reader.locator(HEADER)).to_have_text("Shusha")
    expect(reader).to_have_url(copied)  # the app rewrites the address to the view it shows: the same view


# A phone as Playwright's Chromium emulates it: the viewport of the test (390x844), touch, a phone's agent.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 2,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile"
    " Safari/537.36",
}


@pytest.fixture
def phone(browser, app_url: str) -> Iterator[Page]:
    """A fresh offline page on an emulated phone; a request outside the app's server fails the test."""
    context = offline_context(browser, app_url, **PHONE)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not context.blocked, f"the app tried to reach outside its own server: {context.blocked}"


def test_on_a_phone_the_title_shows_the_map_is_shorter_and_one_finger_scrolls_the_page(
    phone: Page, app_url: str
) -> None:
    page = phone
    frame = open_app(page, app_url)
    title = page.get_by_role("heading", name="Karabakh Atlas")
    expect(title).to_be_in_viewport()
    iframe = page.locator(MAP_IFRAME)
    title_box, map_box = title.bounding_box(), iframe.bounding_box()
    assert title_box and map_box and title_box["y"] + title_box["height"] <= map_box["y"]
    assert map_box["height"] < 0.6 * 844, "the map should leave room for the page around it"
    # The map itself fits its shorter frame (none of it is cut off below).
    shown = map_frame(page).evaluate("() => map_div.getContainer().getBoundingClientRect().height")
    assert abs(shown - map_box["height"]) <= 2

    # One finger is the page's, two the map's: Leaflet's one-finger drag is off and the map's own CSS hands a
    # one-finger pan to the browser, which scrolls the page with it. (Synthetic touch input proved to depend on the
    # machine's load -- on a busy one a swipe scrolled the page by all, part or none of its length -- so the test
    # checks the contract the browser follows rather than replaying a finger.)
    map_js = map_frame(page)
    map_js.wait_for_function("() => !map_div.dragging.enabled()")
    assert map_js.evaluate("() => getComputedStyle(map_div.getContainer()).touchAction") == "pan-x pan-y"
    assert map_js.evaluate("() => map_div.touchZoom.enabled()")

    # The panel is below the map, within reach.
    iframe.scroll_into_view_if_needed()
    click_place(frame, "lachin")
    heading = page.locator(HEADER)
    expect(heading).to_have_text("Lachin")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_in_viewport()


def test_on_a_desktop_the_title_and_introduction_are_above_the_map(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    open_app(page, app_url)
    title = page.get_by_role("heading", name="Karabakh Atlas")
    expect(title).to_be_in_viewport()
    expect(page.locator(".st-key-atlas-heading")).to_contain_text("click a place, open an agreement")
    title_box, map_box = title.bounding_box(), page.locator(MAP_IFRAME).bounding_box()
    assert title_box and map_box and title_box["y"] + title_box["height"] <= map_box["y"]
    expect(page.locator(MAP_IFRAME)).to_be_in_viewport()


def _panel_box(page: Page) -> dict:
    """The panel box's size, what it holds, and whether it scrolls on its own."""
    return page.locator(".st-key-panel-box").evaluate(
        """box => ({height: box.getBoundingClientRect().height, bottom: box.getBoundingClientRect().bottom,
                    scrollHeight: box.scrollHeight, clientHeight: box.clientHeight,
                    overflow: getComputedStyle(box).overflowY})"""
    )


def test_on_a_desktop_the_panel_scrolls_in_a_box_of_the_maps_height_and_the_exports_follow(
    page: Page, app_url: str
) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    open_app(page, app_url)  # no place selected: the panel lists every event shown, far more than fit
    map_box = page.locator(MAP_IFRAME).bounding_box()
    box = _panel_box(page)
    assert map_box and abs(box["height"] - map_box["height"]) <= 2
    assert box["overflow"] == "auto" and box["scrollHeight"] > 2 * box["clientHeight"]
    # Scrolling the box reaches its last event and leaves the page where it was.
    page.locator(".st-key-panel-box").evaluate("box => { box.scrollTop = box.scrollHeight; }")
    expect(page.locator(SHOWN_PANEL).locator("hr").last).to_be_in_viewport()
    assert page.evaluate("() => window.scrollY") == 0
    # What follows the map is within a page's height of it, not thousands of pixels down.
    exports = page.get_by_text("Export what you see")
    exports.scroll_into_view_if_needed()
    assert exports.evaluate("e => e.getBoundingClientRect().top + window.scrollY") < map_box["y"] + 2 * 1000


def test_on_a_phone_the_panel_is_part_of_the_page_not_a_box_of_its_own(phone: Page, app_url: str) -> None:
    open_app(phone, app_url)
    box = _panel_box(phone)
    # As tall as its events (many screens), so one finger scrolls the page through them.
    assert box["overflow"] == "visible" and box["height"] > 3 * PHONE["viewport"]["height"]
