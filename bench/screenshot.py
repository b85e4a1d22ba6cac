"""The README's pictures, offline: docs/screenshot.png (the map on 1 Sep 2022 with its legend, Lachin selected),
docs/phone.png (the same view on a 390x844 phone) and docs/commitments.png (the Commitments view on that date).
`python -m bench.screenshot` makes them again."""

from __future__ import annotations

from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, MAP_IFRAME, REPO, offline_context, open_atlas, server, settled

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
VIEW = "?place=lachin&asof=2022-09-01"


def main() -> None:
    with sync_playwright() as playwright, server("streamlit_app.py") as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = offline_context(browser, url).new_page()
            open_atlas(page, f"{url}/{VIEW}")
            page.locator(".st-key-place-panel h3").filter(has_text="Lachin").wait_for()
            legend = page.frame_locator(MAP_IFRAME).locator(".atlas-legend")
            legend.locator(".atlas-legend-date").wait_for(state="attached")
            if not legend.evaluate("box => box.open"):  # closed on a map narrower than the legend's threshold
                legend.locator("summary").click()
            legend.locator(".atlas-legend-date").wait_for()
            page.screenshot(path=str(SCREENSHOT))
            phone = offline_context(browser, url, **PHONE_CONTEXT).new_page()
            open_atlas(phone, f"{url}/{VIEW}")
            # The legend starts closed on a narrow map: its date is there, not shown.
            phone.frame_locator(MAP_IFRAME).locator(".atlas-legend-date").wait_for(state="attached")
            settled(phone)
            phone.screenshot(path=str(PHONE))
            box = page.locator(".st-key-commitments")
            box.locator("summary").click()
            # Tall enough for the whole view: Chromium paints only what is in the viewport.
            page.set_viewport_size({"width": 1500, "height": 2600})
            box.locator("canvas, svg").first.wait_for()
            settled(page)
            box.scroll_into_view_if_needed()
            page.wait_for_timeout(1500)  # Vega draws the timeline after the run has ended; a picture, not a test
            box.screenshot(path=str(COMMITMENTS))
        finally:
            browser.close()
    print(f"wrote {', '.join(str(p.relative_to(REPO)) for p in (SCREENSHOT, PHONE, COMMITMENTS))}")


if __name__ == "__main__":
    main()
