"""What a person sees in a real browser, offline: the map draws, clicks and filters reach the side panel,
permalinks restore a view, and the exports hold what is shown.

The conftest aborts (and fails on) every request that leaves the app's own server.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from bench.common import MAP_MARKS_KEPT, MARK_MAP
from geo import mapping
from geo.load import DEFAULT_DATA_DIR, load_atlas
from tests.e2e.pages import (
    HEADER,
    MAP_IFRAME,
    PLACE_PANEL,
    SHOWN_PANEL,
    agreement_box,
    click_place,
    download_csv,
    map_frame,
    open_app,
    settled,
    untick,
)

pytestmark = pytest.mark.browser

CEASEFIRE = "statement-2020-11-10"
CEASEFIRE_BOX = re.compile(r"^10 Nov 2020 · ")
SELECTED_STROKE = mapping.SELECTED_STYLE["color"]
# st_folium renames the folium map's variable to `map_div` in the iframe (streamlit_folium/__init__.py).
MAP_ZOOM_JS = "() => window.map_div ? map_div.getZoom() : null"


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_offline_the_map_draws_the_places_and_credits_its_sources(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)

    expect(frame.locator("path.place-lachin")).to_be_visible()
    attribution = frame.locator(".leaflet-control-attribution")
    expect(attribution).to_contain_text("Natural Earth")
    expect(attribution).to_contain_text("geoBoundaries")


def test_clicking_lachin_lists_its_handover_and_puts_it_in_the_link(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)

    click_place(frame, "lachin")

    panel = page.locator(PLACE_PANEL)
    expect(panel.locator("h3")).to_have_text("Lachin")
    events = page.locator(SHOWN_PANEL)
    expect(events).to_contain_text("1 Dec 2020")
    expect(events).to_contain_text("Lachin (Berdzor) district passes to Azerbaijani control")
    # Narrowed to Lachin: the Kalbajar handover of 25 Nov 2020 is not listed.
    expect(events).not_to_contain_text("25 Nov 2020")
    expect(page).to_have_url(re.compile(r"[?&]place=lachin(&|$)"))


# st_folium's frontend holds map events back this long before sending them (a debounce), plus a margin.
ST_FOLIUM_DEBOUNCE_MS = 250
_COUNT_SENDS = """() => {
    window.__sends = 0;
    const send = window.Streamlit.setComponentValue.bind(window.Streamlit);
    window.Streamlit.setComponentValue = (value) => { window.__sends += 1; return send(value); };
}"""


def test_a_click_is_sent_once_and_the_map_shows_it_until_cleared(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    map_window = map_frame(page)
    map_window.evaluate(_COUNT_SENDS)

    click_place(frame, "lachin")

    expect(page.locator(HEADER)).to_have_text("Lachin")
    expect(frame.locator("path.place-lachin")).to_have_attribute("stroke", SELECTED_STROKE)
    page.wait_for_timeout(2 * ST_FOLIUM_DEBOUNCE_MS)
    # Sent at once, and st_folium's delayed update found nothing new: one value, so one rerun, per click.
    assert map_window.evaluate("() => window.__sends") == 1
    settled(page)

    page.get_by_role("button", name="Clear selection").click()

    expect(page.locator(PLACE_PANEL)).to_have_count(0)
    expect(frame.locator("path.place-lachin")).not_to_have_attribute("stroke", SELECTED_STROKE)
    settled(page)
    click_place(frame, "lachin")
    expect(page.locator(HEADER)).to_have_text("Lachin")
    expect(frame.locator("path.place-lachin")).to_have_attribute("stroke", SELECTED_STROKE)


def test_clicking_a_place_again_after_searching_another_selects_it(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    header = page.locator(HEADER)
    click_place(frame, "lachin")
    expect(header).to_have_text("Lachin")
    search = page.get_by_label("Find a place (any spelling)")
    search.fill("Shushi")
    search.press("Enter")
    expect(header).to_have_text("Shusha")
    settled(page)
    # The search flew the map in to Shusha; back to the first view, where Lachin's click point is in sight.
    frame.locator(".atlas-reset").click()

    click_place(frame, "lachin")

    expect(header).to_have_text("Lachin")


def test_unticking_an_agreement_hides_its_places_and_keeps_the_zoom(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    map_window = map_frame(page)
    start_zoom = frame.locator("body").evaluate(MAP_ZOOM_JS)
    assert start_zoom is not None, "st_folium no longer names the map `map_div`: update MAP_ZOOM_JS"

    frame.locator(".leaflet-control-zoom-in").click()
    map_window.wait_for_function(f"() => map_div.getZoom() === {start_zoom + 1}")
    frame.locator("body").evaluate(MARK_MAP)

    untick(page, CEASEFIRE_BOX)

    expect(frame.locator("path.place-lachin")).to_be_hidden()
    # Karabakh is also tied to the 26 Nov 2021 Sochi statement, which stays ticked.
    expect(frame.locator("path.place-karabakh")).to_be_visible()
    expect(frame.locator("path.place-nakhchivan")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]agreements="))
    settled(page)
    assert frame.locator("body").evaluate(MAP_ZOOM_JS) == start_zoom + 1
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT)
    shown = _query(page)["agreements"][0].split(",")
    assert CEASEFIRE not in shown
    assert shown == [a for a in load_atlas().agreements if a != CEASEFIRE]


# In the map's frame: every value the map hands Streamlit (each one reruns the page), and a flag raised when
# st_folium's own update has run (it reads `wrap_longitude` then, and nothing else of the page does after the map's
# first render): st_folium sends the map's bounds and zoom 250 ms after a move, if its value changed.
_WATCH_VALUES = """() => {
    window.__valuesSent = 0;
    const send = window.Streamlit.setComponentValue.bind(window.Streamlit);
    window.Streamlit.setComponentValue = (value) => { window.__valuesSent += 1; return send(value); };
    const data = window.__GLOBAL_DATA__, wrap = data.wrap_longitude;
    window.__stFoliumUpdated = false;
    Object.defineProperty(data, "wrap_longitude", {get() { window.__stFoliumUpdated = true; return wrap; }});
}"""


def test_zooming_the_map_sends_nothing_to_the_server(page: Page, app_url: str) -> None:
    """A zoom or a pan is the map's own business: the page does not rerun for it (the map's value, which the server
    reads, holds clicks only)."""
    frame = open_app(page, app_url)
    map_window = map_frame(page)
    map_window.evaluate(_WATCH_VALUES)
    zoom = map_window.evaluate(MAP_ZOOM_JS)

    frame.locator(".leaflet-control-zoom-in").click()
    map_window.wait_for_function(f"() => map_div.getZoom() === {zoom + 1}")
    map_window.wait_for_function("() => window.__stFoliumUpdated")

    assert map_window.evaluate("() => window.__valuesSent") == 0
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def test_searching_a_variant_spelling_selects_and_highlights_the_place(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)

    search = page.get_by_label("Find a place (any spelling)")
    search.fill("Shushi")
    search.press("Enter")

    expect(page.locator(HEADER)).to_have_text("Shusha")
    expect(frame.locator("path.place-shusha")).to_have_attribute("stroke", SELECTED_STROKE)
    expect(frame.locator("path.place-lachin")).not_to_have_attribute("stroke", SELECTED_STROKE)
    expect(page).to_have_url(re.compile(r"[?&]place=shusha(&|$)"))


def test_a_permalink_restores_place_language_agreements_and_dates(page: Page, app_url: str) -> None:
    open_app(
        page,
        f"{app_url}/?place=kalbajar&agreements=statement-2020-11-10,statement-2021-11-26"
        "&from=2020-11-15&to=2021-12-31&lang=ru",
    )

    expect(page.locator(HEADER)).to_have_text("Кельбаджар")
    expect(agreement_box(page, re.compile(r"^10 Nov 2020 · "))).to_be_checked()
    expect(agreement_box(page, re.compile(r"^11 Jan 2021 · "))).not_to_be_checked()
    expect(agreement_box(page, re.compile(r"^26 Nov 2021 · "))).to_be_checked()
    expect(agreement_box(page, re.compile(r"^14 Dec 2021 · "))).not_to_be_checked()
    events = page.locator(SHOWN_PANEL)
    expect(events).to_contain_text("25 Nov 2020")
    expect(events).to_contain_text("Kalbajar (Karvachar) district passes to Azerbaijani control")
    dates = page.get_by_test_id("stSidebar").get_by_test_id("stSliderThumbValue")
    expect(dates).to_have_text(["15 Nov 2020", "31 Dec 2021"])
    query = _query(page)
    assert query["place"] == ["kalbajar"] and query["lang"] == ["ru"] and query["to"] == ["2021-12-31"]
    assert query["agreements"] == ["statement-2020-11-10,statement-2021-11-26"]
    assert query["from"] == ["2020-11-15"]


def test_a_permalink_to_an_unknown_place_says_so_and_still_draws_the_map(page: Page, app_url: str) -> None:
    frame = open_app(page, f"{app_url}/?place=atlantis")

    expect(page.get_by_test_id("stAlert").filter(has_text="atlantis")).to_be_visible()
    expect(frame.locator("path.place-lachin")).to_be_visible()
    expect(page.locator(PLACE_PANEL)).to_have_count(0)


def test_the_events_csv_holds_the_events_shown(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    events = page.locator(SHOWN_PANEL)

    rows = download_csv(page)
    assert list(rows[0])[:2] == ["id", "date"]
    assert "lachin-handover-2020-12-01" in {r["id"] for r in rows}
    assert {r["date"] for r in rows if r["id"] == "lachin-handover-2020-12-01"} == {"2020-12-01"}

    # The panel pages by 20, newest first: the Lachin handover is not on its first page. Its count says the run of
    # the untick has come (settled alone may look before that run has even started).
    count = events.get_by_text(re.compile(r"^Events of the agreements shown \(\d+\)$"))
    shown_before = count.inner_text()
    untick(page, CEASEFIRE_BOX)
    expect(count).not_to_have_text(shown_before)
    settled(page)

    rows = download_csv(page)
    assert rows, "the CSV lost its events"
    assert "lachin-handover-2020-12-01" not in {r["id"] for r in rows}
    assert "sochi-statement-2021-11-26" in {r["id"] for r in rows}


def test_the_exported_map_works_offline_and_shows_the_view(page: Page, app_url: str) -> None:
    # Without the 10 Nov 2020 statement, the only one tied to Lachin; with two tied to Nakhchivan.
    open_app(page, f"{app_url}/?place=nakhchivan&agreements=washington-2025-08-08,tripp-framework-2026-01-13&lang=ru")
    expect(page.locator(HEADER)).to_have_text("Нахичеванская Автономная Республика")
    with page.expect_download() as info:
        page.get_by_role("button", name="Карта (HTML)").click()  # the interface in the link's language
    exported = info.value.path().read_text(encoding="utf-8")

    # A page of its own, in the same offline context: any request it made would be blocked and fail the test.
    map_page = page.context.new_page()
    map_page.set_content(exported)

    expect(map_page.locator("path.place-nakhchivan")).to_have_attribute("stroke", SELECTED_STROKE)
    expect(map_page.locator("path.place-nakhchivan-link")).to_be_visible()
    expect(map_page.locator("path.place-lachin")).to_have_count(0)
    map_page.locator("path.place-nakhchivan").hover()
    expect(map_page.locator(".leaflet-tooltip")).to_have_text("Нахичеванская Автономная Республика")


def _solid_png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A one-colour PNG tile, made here: the test serves the street map itself, with no network."""
    row = b"\x00" + bytes(rgb) * size

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b"")
    )


def test_the_online_street_map_shows_through_the_countries(page: Page, app_url: str) -> None:
    tile = _solid_png((120, 180, 120))
    # Registered after the offline guard, so it answers first: OpenStreetMap tiles come from this test.
    page.context.route(
        "https://tile.openstreetmap.org/**", lambda route: route.fulfill(body=tile, content_type="image/png")
    )
    frame = open_app(page, app_url)

    page.get_by_text("Online street map (needs internet)").click()
    # A new base map is a new map: until the run ends, the old iframe stays beside the new one, which comes last.
    frame = page.locator(MAP_IFRAME).last.content_frame

    expect(frame.locator("img.leaflet-tile-loaded").first).to_be_visible()
    # The country outlines (the first inert paths: the context is drawn after them) no longer paint over the tiles.
    countries = frame.locator("path:not(.leaflet-interactive)")
    expect(countries.first).to_have_attribute("fill-opacity", "0")
    expect(frame.locator("path.place-lachin")).to_be_visible()


def test_choosing_russian_names_renames_the_tooltips_without_redrawing_the_map(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    frame.locator("body").evaluate(MARK_MAP)

    page.get_by_role("combobox", name=re.compile("Place names in")).click()
    page.get_by_role("option", name="Русский").click()
    # The map has the new view (its legend says so) before the pointer opens a tooltip: settled alone may look
    # before the run of the choice has started, and an open tooltip keeps the words it opened with.
    expect(frame.locator(".atlas-legend")).to_contain_text("Условные обозначения")
    settled(page)

    frame.locator("path.place-lachin").hover()
    expect(frame.locator(".leaflet-tooltip")).to_have_text("Лачин")
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT)
    expect(page).to_have_url(re.compile(r"[?&]lang=ru(&|$)"))


# Every feature the map draws, keyed by what it is: its geometry as the page unpacked it (mapping.compact_collection).
# The countries are one layer drawing all of theirs (atlas.countries).
_DRAWN_GEOMETRY_JS = """() => {
    const drawn = {};
    const features = [];
    map_div.eachLayer(layer => features.push(...(layer.features || [layer.feature])));
    features.forEach(feature => {
        const p = feature && feature.properties;
        if (!p) return;
        const key = p.kind ? "context:" + p.id : p.names ? "place:" + p.id : p.name ? "country:" + p.name : null;
        if (key) drawn[key] = feature.geometry;
    });
    return drawn;
}"""


def _close(a, b) -> bool:
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return abs(a - b) <= 1e-9


def test_the_map_draws_every_place_country_and_river_at_the_coordinates_it_was_built_with(
    page: Page, app_url: str
) -> None:
    """The geometry reaches the page packed; unpacked there, Leaflet is given every coordinate as it was built."""
    atlas = load_atlas()
    expected = {f"place:{i}": g for i, g in mapping.display_geometries(atlas.places.values()).items()}
    expected |= {
        f"country:{f['properties']['name']}": f["geometry"] for f in mapping._countries(DEFAULT_DATA_DIR)["features"]
    }
    expected |= {
        f"context:{f['properties']['id']}": f["geometry"] for f in mapping._context(DEFAULT_DATA_DIR)[0]["features"]
    }
    open_app(page, app_url)
    drawn = map_frame(page).evaluate(_DRAWN_GEOMETRY_JS)
    assert sorted(drawn) == sorted(expected)
    for key, geometry in expected.items():
        assert drawn[key]["type"] == geometry["type"], key
        assert _close(drawn[key]["coordinates"], json.loads(json.dumps(geometry["coordinates"]))), key
