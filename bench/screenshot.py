"""docs/screenshot.png: the atlas with Lachin selected, offline, as the README shows it."""

from __future__ import annotations

from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, REPO, offline_context, open_atlas, server

SCREENSHOT = REPO / "docs" / "screenshot.png"


def main() -> None:
    with sync_playwright() as playwright, server("streamlit_app.py") as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = offline_context(browser, url).new_page()
            open_atlas(page, f"{url}/?place=lachin")
            page.locator(".st-key-place-panel h3").filter(has_text="Lachin").wait_for()
            page.wait_for_timeout(1000)  # the timeline chart draws after the script run ends
            page.screenshot(path=str(SCREENSHOT))
        finally:
            browser.close()
    print(f"wrote {SCREENSHOT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
