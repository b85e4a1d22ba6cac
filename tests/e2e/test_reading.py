"""What a reader sees beyond the map, in a real browser, offline: an agreement's page, exports that follow the view,
the interface in the reader's language, and the page on a phone.

The conftest aborts (and fails on) every request that leaves the app's own server.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import agreement_box, open_app

pytestmark = pytest.mark.browser

CEASEFIRE_BOX = re.compile(r"^10 Nov 2020 · ")


def test_an_agreements_page_opens_from_the_sidebar_with_its_points_places_and_events(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    agreement_box(page, CEASEFIRE_BOX)  # opens the year's group

    page.locator(".st-key-agreement-page-statement-2020-11-10").get_by_role(
        "button", name="its points, places and events"
    ).click()

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
    page.screenshot(path="/tmp/agreement.png")
