"""The README's pictures, offline: docs/screenshot.png (the whole region at the start zoom on 1 Sep 2022, Lachin
clicked on the map, the legend open, the panel beside), docs/phone.png (the same on a 390x844 phone, where the legend
starts closed) and
docs/commitments.png (the Commitments view on that date). `python -m bench.screenshot` makes them again.

Lachin is selected by a click on the map, as a newcomer would, not by a link: a link flies the map in to the place,
and the picture should show where it lies in the region. Each picture is stored with at most 256 colours (flat fills
and text need no more), a third of the size of the browser's own PNG."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

from bench.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HEADER,
    MAP_IFRAME,
    REPO,
    click_point,
    offline_context,
    open_atlas,
    place_position,
    server,
    settled,
)

SCREENSHOT = REPO / "docs" / "screenshot.png"
COMMITMENTS = REPO / "docs" / "commitments.png"
PHONE = REPO / "docs" / "phone.png"
# A phone as the browser tests emulate it (tests/e2e/test_reading.py): 390x844, touch.
PHONE_CONTEXT = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 2,
}
VIEW = "?asof=2022-09-01"
PLACE = "lachin"
# The region the agreements are about: the former autonomous region, the districts around it, Syunik and Nakhchivan.
REGION = (
    "karabakh",
    "kalbajar",
    "aghdam",
    "lachin",
    "fuzuli",
    "jabrayil",
    "zangilan",
    "gubadly",
    "syunik",
    "nakhchivan",
)
# On a desktop the open legend covers the top of the start view, and the region's north with it: the map moves the
# region down (at the start zoom) until its top is this many pixels below the legend.
LEGEND_MARGIN_PX = 8
_CLEAR_OF_LEGEND = """([ids, margin]) => {
    let region = null;
    map_div.eachLayer((layer) => {
        if (!layer.feature || !ids.includes(layer.feature.properties.id)) return;
        const bounds = layer.getBounds ? layer.getBounds() : L.latLngBounds([layer.getLatLng()]);
        region = region ? region.extend(bounds) : L.latLngBounds(bounds.getSouthWest(), bounds.getNorthEast());
    });
    const top = map_div.latLngToContainerPoint(region.getNorthWest()).y;
    const legend = document.querySelector(".atlas-legend").getBoundingClientRect().bottom
        - map_div.getContainer().getBoundingClientRect().top;
    map_div.panBy([0, Math.min(0, top - legend - margin)], {animate: false});
}"""
COLORS = 256


def _open_with_place_clicked(page: Page, url: str, legend_open: bool) -> None:
    """The start zoom on VIEW's date with PLACE clicked on the map (a click leaves the view where it is); with the
    legend open, the region moved clear of it."""
    open_atlas(page, f"{url}/{VIEW}")
    frame = page.frame_locator(MAP_IFRAME)
    if legend_open:
        legend = frame.locator(".atlas-legend")
        if not legend.evaluate("box => box.open"):  # closed on a map narrower than the legend's threshold
            legend.locator("summary").click()
        legend.locator(".atlas-legend-date").wait_for()
        map_window = page.locator(MAP_IFRAME).element_handle().content_frame()
        assert map_window is not None
        map_window.evaluate(_CLEAR_OF_LEGEND, [REGION, LEGEND_MARGIN_PX])
    position = place_position(page, PLACE, click_point(PLACE) or (0, 0))
    assert position, f"{PLACE} is not in sight"
    page.mouse.click(*position)
    page.locator(HEADER).filter(has_text="Lachin").wait_for()
    settled(page)
    page.mouse.move(page.evaluate("innerWidth") - 1, 1)  # no tooltip, hover style or sidebar button in the picture


def _save_small(path: Path, png: bytes) -> None:
    """`png` as a palette PNG of at most COLORS colours."""
    path.write_bytes(png)
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(COLORS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> None:
    with sync_playwright() as playwright, server("streamlit_app.py") as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = offline_context(browser, url).new_page()
            _open_with_place_clicked(page, url, legend_open=True)
            _save_small(SCREENSHOT, page.screenshot())
            phone = offline_context(browser, url, **PHONE_CONTEXT).new_page()
            # On a phone the legend starts closed (one tap opens it) and the panel is below the map.
            _open_with_place_clicked(phone, url, legend_open=False)
            phone.evaluate("window.scrollTo(0, 0)")
            _save_small(PHONE, phone.screenshot())
            box = page.locator(".st-key-commitments")
            box.locator("summary").click()
            # Tall enough for the whole view: Chromium paints only what is in the viewport.
            page.set_viewport_size({"width": 1500, "height": 2600})
            box.locator("canvas, svg").first.wait_for()
            settled(page)
            box.scroll_into_view_if_needed()
            page.wait_for_timeout(1500)  # Vega draws the timeline after the run has ended; a picture, not a test
            _save_small(COMMITMENTS, box.screenshot())
        finally:
            browser.close()
    print(f"wrote {', '.join(str(p.relative_to(REPO)) for p in (SCREENSHOT, PHONE, COMMITMENTS))}")


if __name__ == "__main__":
    main()
