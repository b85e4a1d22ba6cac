"""The base map's context in a real browser, offline: towns named at the start zoom without overlapping, more towns
when zoomed in, names in the chosen language, the Aras and the old Lachin road drawn under the places and listed in
the legend; and a search or a link flies the map to the place it selects, while a click leaves the view alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from bench.common import MAP_MARKS_KEPT, MARK_MAP
from geo import mapping
from geo.messages import message
from tests.e2e.pages import HEADER, answered, click_place, map_frame, open_app, settled

pytestmark = pytest.mark.browser

# The town labels that show, each as its box on the page.
_VISIBLE_LABEL_BOXES = """() => [...document.querySelectorAll(".atlas-town")]
    .filter((label) => label.offsetParent !== null)
    .map((label) => { const r = label.getBoundingClientRect();
                      return {name: label.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""
_VIEW = "() => ({zoom: map_div.getZoom(), lat: map_div.getCenter().lat, lng: map_div.getCenter().lng})"
# Whether the map's view holds all of a place's shape (its bounds, or its point).
_SHOWS_PLACE = """(id) => {
    let shape = null;
    map_div.eachLayer((layer) => { if (layer.feature && layer.feature.properties.id === id) shape = layer; });
    if (!shape) return false;
    const bounds = shape.getBounds ? shape.getBounds() : L.latLngBounds([shape.getLatLng()]);
    return !map_div._animatingZoom && map_div.getBounds().contains(bounds);
}"""


def _town(frame: FrameLocator, name: str):
    return frame.locator(".atlas-town", has_text=re.compile(f"^{re.escape(name)}$"))


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["name"], b["name"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


def test_the_start_view_names_the_towns_apart_and_draws_the_aras_and_the_old_road(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)

    for name in ("Khankendi", "Shusha", "Lachin", "Aghdam", "Kalbajar", "Goris", "Meghri", "Nakhchivan"):
        expect(_town(frame, name)).to_be_visible()
    # Ordubad shows from zoom 9 on: one step in brings it.
    expect(_town(frame, "Ordubad")).to_be_hidden()
    boxes = map_frame(page).evaluate(_VISIBLE_LABEL_BOXES)
    assert len(boxes) >= 15, boxes
    assert _overlaps(boxes) == [], "town labels overlap at the start zoom"

    expect(frame.locator("path.context-river.river-aras")).to_be_visible()
    expect(frame.locator("path.context-road.old-lachin-road")).to_have_attribute("stroke-dasharray", "4 4")
    # Context takes no clicks: a click on a name reaches the place beneath it.
    assert frame.locator(".atlas-town").first.evaluate("(label) => getComputedStyle(label).pointerEvents") == "none"
    legend = frame.locator(".atlas-legend")
    for text in ("Town (name only)", "River", "Lake or reservoir", "Lachin road before 2022 (indicative)"):
        expect(legend).to_contain_text(text)

    frame.locator(".leaflet-control-zoom-in").click()
    expect(_town(frame, "Ordubad")).to_be_visible()


def test_town_names_follow_the_chosen_language_on_the_same_map(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    frame.locator("body").evaluate(MARK_MAP)

    page.get_by_role("combobox", name=re.compile("Place names in")).click()
    page.get_by_role("option", name="Հայերեն").click()

    expect(_town(frame, "Շուշի")).to_be_visible()
    expect(_town(frame, "Բերձոր")).to_be_visible()
    expect(_town(frame, "Meghri")).to_be_visible()  # no Armenian name in the data: English
    expect(frame.locator(".atlas-legend")).to_contain_text("Գետ")
    settled(page)
    boxes = map_frame(page).evaluate(_VISIBLE_LABEL_BOXES)
    assert boxes and _overlaps(boxes) == [], "Armenian town labels overlap at the start zoom"

    # The interface speaks Armenian now: its language box too.
    page.get_by_role("combobox", name=message("language", "hy")).click()
    page.get_by_role("option", name="Русский").click()
    expect(_town(frame, "Кельбаджар")).to_be_visible()
    settled(page)
    boxes = map_frame(page).evaluate(_VISIBLE_LABEL_BOXES)
    assert boxes and _overlaps(boxes) == [], "Russian town labels overlap at the start zoom"
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT), "the map was re-created"


def test_a_click_keeps_the_view_and_a_search_flies_to_the_place_on_the_same_map(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    window = map_frame(page)
    frame.locator("body").evaluate(MARK_MAP)
    before = window.evaluate(_VIEW)

    click_place(frame, "lachin")
    expect(page.locator(HEADER)).to_have_text("Lachin")
    answered(page, "lachin")
    assert window.evaluate(_VIEW) == before, "a click moved the map"

    search = page.get_by_label("Find a place (any spelling)")
    search.fill("Şuşa")
    search.press("Enter")

    expect(page.locator(HEADER)).to_have_text("Shusha")
    window.wait_for_function(_SHOWS_PLACE, arg="shusha")
    window.wait_for_function(f"() => map_div.getZoom() > {mapping.START_ZOOM}")
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT), "the map was re-created"


def test_a_link_to_a_town_or_to_an_event_opens_the_map_on_its_place(page: Page, app_url: str) -> None:
    open_app(page, f"{app_url}/?place=goris")
    window = map_frame(page)

    window.wait_for_function(_SHOWS_PLACE, arg="goris")
    window.wait_for_function(f"() => map_div.getZoom() === {mapping.FLY_MAX_ZOOM}")

    # An event's link selects its first place: the village of Farrukh.
    open_app(page, f"{app_url}/?event=farukh-parukh-2022-03-24")
    window = map_frame(page)
    expect(page.locator(HEADER)).to_have_text("Farrukh")
    window.wait_for_function(_SHOWS_PLACE, arg="farukh")
    window.wait_for_function(f"() => map_div.getZoom() === {mapping.FLY_MAX_ZOOM}")
