"""The map as a PNG, in a real browser, offline: the map's PNG control downloads a picture of what the map shows
(its size at the screen's pixel ratio, the date's colours, the selection), named for its date and place, without
re-creating the map; the exported Map HTML has the same control and it works there too.

The conftest aborts (and fails on) every request that leaves the app's own server.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from playwright.sync_api import Download, Page, expect

from bench.common import MAP_MARKS_KEPT, MARK_MAP, offline_context
from geo import mapping
from geo.messages import message
from tests.e2e.pages import HEADER, MAP_IFRAME, answered, click_place, map_frame, open_app, settled

pytestmark = pytest.mark.browser

# A screen with two device pixels to a CSS pixel: the picture has the screen's pixels, not the page's.
PIXEL_RATIO = 2
SAVE_PNG = message("save_png", "en")


# The map's size in CSS pixels, as Leaflet measures it (map.getSize()), live or exported.
MAP_SIZE = "() => { const m = document.querySelector('.leaflet-container'); return [m.clientWidth, m.clientHeight]; }"


def _rgb(color: str) -> tuple[int, ...]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def _over(color: str, opacity: float, below: str) -> tuple[int, ...]:
    """The colour a fill of `color` at `opacity` shows over `below`, as the browser composites it."""
    return tuple(round(opacity * a + (1 - opacity) * b) for a, b in zip(_rgb(color), _rgb(below), strict=True))


# Kalbajar on 20 Nov 2020: held by the Armenian side, selected (the selection's lighter fill), over Azerbaijan's land.
KALBAJAR_SELECTED = _over(
    mapping.CONTROL_COLORS["arm"], mapping.SELECTED_STYLE["fillOpacity"], mapping.COUNTRY_STYLE["fillColor"]
)
SELECTION_OUTLINE = _rgb(mapping.SELECTED_STYLE["color"])


@pytest.fixture
def sharp(browser, app_url: str) -> Iterator[Page]:
    """A fresh offline page on a screen of PIXEL_RATIO; a request outside the app's server fails the test."""
    context = offline_context(browser, app_url, device_scale_factor=PIXEL_RATIO)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not context.blocked, f"the app tried to reach outside its own server: {context.blocked}"


def _pixels_near(image: Image.Image, rgb: tuple[int, ...], tolerance: int = 2) -> int:
    """How many pixels of `image` have the colour `rgb`, give or take `tolerance` per channel (anti-aliasing)."""
    return sum(
        count
        for count, pixel in image.getcolors(image.width * image.height) or []
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb, strict=True))
    )


def _picture(download: Download) -> Image.Image:
    data = download.path().read_bytes()
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGB")


def _assert_shows_kalbajar_held_and_selected(image: Image.Image, map_size: list[int]) -> None:
    assert image.size == (map_size[0] * PIXEL_RATIO, map_size[1] * PIXEL_RATIO)
    colours = image.getcolors(image.width * image.height) or []
    assert len(colours) > 1000, f"a near-blank picture: {len(colours)} colours"
    # Filled by who held it that day and outlined as selected, as on the screen (a few thousand pixels each).
    assert _pixels_near(image, KALBAJAR_SELECTED) > 5000
    assert _pixels_near(image, SELECTION_OUTLINE, tolerance=0) > 1000


def test_the_png_control_downloads_the_map_as_shown_and_keeps_the_map(sharp: Page, app_url: str) -> None:
    page = sharp
    frame = open_app(page, f"{app_url}/?asof=2020-11-20")
    frame.locator("body").evaluate(MARK_MAP)
    click_place(frame, "kalbajar")
    expect(page.locator(HEADER)).to_have_text("Kalbajar")
    answered(page, "kalbajar")

    with page.expect_download() as info:
        frame.get_by_role("button", name=SAVE_PNG).click()

    download = info.value
    assert download.suggested_filename == "karabakh-atlas-2020-11-20-kalbajar.png"
    map_size = map_frame(page).evaluate(MAP_SIZE)
    frame_box = page.locator(MAP_IFRAME).bounding_box()
    # The map fills its frame (a pixel of rounding at most).
    assert frame_box and abs(frame_box["width"] - map_size[0]) <= 1 and abs(frame_box["height"] - map_size[1]) <= 1
    _assert_shows_kalbajar_held_and_selected(_picture(download), map_size)
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT), "the map was re-created"

    # The control speaks the reader's language, like the rest of the map.
    page.get_by_role("combobox", name="Place names in").click()
    page.get_by_role("option", name="Русский").click()
    expect(frame.get_by_role("button", name=message("save_png", "ru"))).to_be_visible()

    # The exported map has the same control, and it works there offline.
    settled(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=message("export.html", "ru")).click()
    exported = page.context.new_page()
    exported.set_content(info.value.path().read_text(encoding="utf-8"))
    expect(exported.locator("path.place-kalbajar")).to_have_attribute("stroke", mapping.SELECTED_STYLE["color"])
    with exported.expect_download() as info:
        exported.get_by_role("button", name=message("save_png", "ru")).click()
    assert info.value.suggested_filename == "karabakh-atlas-2020-11-20-kalbajar.png"
    _assert_shows_kalbajar_held_and_selected(_picture(info.value), exported.evaluate(MAP_SIZE))
