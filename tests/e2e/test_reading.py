"""What a reader sees beyond the map, in a real browser, offline: an agreement's page, exports that follow the view,
the interface in the reader's language, and the page on a phone.

The conftest aborts (and fails on) every request that leaves the app's own server.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from geo import mapping
from tests.e2e.pages import MAP_IFRAME, agreement_box, click_place, download_csv, open_app

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


def test_the_exports_follow_the_place_clicked_and_the_map_export_says_what_it_shows(page: Page, app_url: str) -> None:
    frame = open_app(page, f"{app_url}/?asof=2022-09-01")
    everything = download_csv(page)

    click_place(frame, "lachin")
    expect(page.locator(".st-key-place-panel h3")).to_have_text("Lachin")

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
