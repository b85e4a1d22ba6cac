"""The map on any date, in a real browser, offline: each place is filled (and classed) by who held it that day, the
legend explains it, and moving the date restyles the same map (it is never re-created)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import Page, expect

from bench.common import MAP_MARKS_KEPT, MARK_MAP
from geo import query
from geo.load import load_atlas
from tests.e2e.pages import (
    HEADER,
    PLACE_PANEL,
    answered,
    answers_released,
    click_place,
    hold_answers,
    hold_sends,
    holdable_answers,
    map_frame,
    open_app,
    sent_after_a_watch_run,
    set_date,
    settled,
)

pytestmark = pytest.mark.browser


def test_kalbajar_is_held_by_the_armenian_side_on_20_nov_2020_and_by_azerbaijan_on_26_nov(page: Page, app_url: str):
    frame = open_app(page, f"{app_url}/?asof=2020-11-20")
    kalbajar = frame.locator("path.place-kalbajar")
    expect(kalbajar).to_contain_class("control-arm")
    legend = frame.locator(".atlas-legend")
    expect(legend).to_contain_text("Who held it on 2020-11-20")
    expect(legend).to_contain_text("Armenian forces / de facto Nagorno-Karabakh authorities")

    frame = open_app(page, f"{app_url}/?asof=2020-11-26")
    expect(frame.locator("path.place-kalbajar")).to_contain_class("control-az")


def test_every_place_is_classed_as_the_cli_answers_and_the_zone_shows_only_while_it_existed(page: Page, app_url: str):
    """One source of truth: the classes the map gives each place are what geo.query.control_on says."""
    atlas = load_atlas()
    for day in ("2021-06-01", "2024-07-01"):
        frame = open_app(page, f"{app_url}/?asof={day}")
        date = dt.date.fromisoformat(day)
        for place in atlas.places.values():
            if not place.exists_on(date):
                expect(frame.locator(f"path.place-{place.id}")).to_be_hidden()
                continue
            period = query.control_on(place, date)
            path = frame.locator(f"path.place-{place.id}")
            if period:
                expect(path).to_contain_class(f"control-{period.status}")
            else:
                expect(path).not_to_have_class(re.compile(r"\bcontrol-"))
    expect(frame.locator("path.place-peacekeeping-zone")).to_be_hidden()


def test_scrubbing_the_date_restyles_the_same_map_and_puts_the_date_in_the_link(page: Page, app_url: str):
    frame = open_app(page, f"{app_url}/?asof=2020-11-20&place=kalbajar")
    frame.locator("body").evaluate(MARK_MAP)
    set_date(page, "Exact date", dt.date(2023, 10, 15), leave=False)
    # The date input takes its value when it loses focus, as after a person's typing.
    page.get_by_text("Map on date: who held each place").click()
    expect(frame.locator("path.place-khankendi")).to_contain_class("control-az")
    expect(page).to_have_url(re.compile(r"[?&]asof=2023-10-15"))
    expect(page.locator(PLACE_PANEL)).to_contain_text("on 15 Oct 2023: Azerbaijan")
    settled(page)
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT), "the map was re-created"


def test_a_date_typed_as_the_store_watch_reruns_the_page_still_reaches_the_map(page: Page, app_url: str):
    frame = open_app(page, f"{app_url}/?asof=2020-11-20&place=kalbajar")
    set_date(page, "Exact date", dt.date(2023, 10, 15), leave=False)
    hold_sends(page)
    page.get_by_text("Map on date: who held each place").click()
    sent_after_a_watch_run(page)
    expect(frame.locator("path.place-khankendi")).to_contain_class("control-az")
    expect(page).to_have_url(re.compile(r"[?&]asof=2023-10-15"))
    expect(page.get_by_role("spinbutton", name="year, Exact date")).to_have_attribute("aria-valuenow", "2023")
    expect(page.get_by_role("slider", name="Map on date: who held each place")).to_have_attribute(
        "aria-valuetext", "15 Oct 2023"
    )


def test_each_move_of_the_slider_counts_when_the_store_watch_sends_before_a_moves_answer(page: Page, app_url: str):
    """The watch's send then has the exact-date box still on the date before the move, which is no move of the
    reader's: the next move goes on from the date the map shows (before: it went back to it, and the move was lost)."""
    holdable_answers(page)
    frame = open_app(page, f"{app_url}/?asof=2021-06-10")
    slider = page.get_by_role("slider", name="Map on date: who held each place")
    hold_answers(page)
    slider.press("ArrowLeft")
    answers_released(page)
    expect(page).to_have_url(re.compile(r"[?&]asof=2021-06-09"))
    settled(page)

    slider.press("ArrowLeft")

    expect(page).to_have_url(re.compile(r"[?&]asof=2021-06-08"))
    settled(page)
    expect(slider).to_have_attribute("aria-valuetext", "8 Jun 2021")
    expect(page.get_by_role("spinbutton", name="day, Exact date")).to_have_attribute("aria-valuenow", "8")
    expect(frame.locator(".atlas-legend-date")).to_have_text("Who held it on 2021-06-08")


def test_the_map_follows_the_date_slider_before_the_server_answers(page: Page, app_url: str):
    frame = open_app(page, f"{app_url}/?asof=2020-11-25")
    expect(frame.locator("path.place-kalbajar")).to_contain_class("control-az")  # handed over on 25 Nov 2020
    # Who draws each date first: the page following the slider (atlasPlay) or the server's view (atlasView).
    map_frame(page).evaluate(
        """() => { window.__drawers = [];
            const play = window.atlasPlay, view = window.atlasView;
            window.atlasPlay = (day) => { window.__drawers.push(["slider", day]); play(day); };
            window.atlasView = (next) => { window.__drawers.push(["server", next.asof]); view(next); }; }"""
    )
    # A run that leaves the date as it is (a click reruns the map, the panel and the slider) draws nothing new.
    click_place(frame, "lachin")
    expect(page.locator(HEADER)).to_have_text("Lachin")
    answered(page, "lachin")  # the panel shows before the click's run: its header says nothing of the run

    page.get_by_role("slider", name="Map on date: who held each place").press("ArrowLeft")

    expect(frame.locator("path.place-kalbajar")).to_contain_class("control-arm")
    map_frame(page).wait_for_function(
        "() => window.__drawers.some(([who, day]) => who === 'server' && day === '2020-11-24')"
    )
    settled(page)
    drawers = map_frame(page).evaluate("() => window.__drawers")
    assert drawers[0] == ["slider", "2020-11-24"], drawers
    expect(frame.locator("path.place-kalbajar")).to_contain_class("control-arm")
    expect(page).to_have_url(re.compile(r"[?&]asof=2020-11-24"))


def test_play_runs_the_years_on_the_same_map_then_returns_to_the_date(page: Page, app_url: str):
    frame = open_app(page, f"{app_url}/?asof=2020-11-20")
    frame.locator("body").evaluate(MARK_MAP)
    frame.locator(".atlas-play-button").click()
    # Playing: the legend's date moves on past the start, Lachin town changes hands in Aug 2022.
    expect(frame.locator(".atlas-legend-date")).to_contain_text("2022-")
    expect(frame.locator("path.place-lachin")).to_contain_class("control-az")
    frame.locator(".atlas-play-button").click()  # stop: back to the view's date
    expect(frame.locator(".atlas-legend-date")).to_have_text("Who held it on 2020-11-20")
    assert frame.locator("body").evaluate(MAP_MARKS_KEPT), "the map was re-created"


def test_the_reset_control_brings_the_first_view_back(page: Page, app_url: str):
    from geo import mapping
    from tests.e2e.pages import map_frame

    frame = open_app(page, app_url)
    window = map_frame(page)
    frame.locator(".leaflet-control-zoom-in").click()
    window.wait_for_function(f"() => map_div.getZoom() === {mapping.START_ZOOM + 1}")
    frame.locator(".atlas-reset").click()
    window.wait_for_function(f"() => map_div.getZoom() === {mapping.START_ZOOM}")
    center = window.evaluate("() => map_div.getCenter()")
    assert (round(center["lat"], 2), round(center["lng"], 2)) == mapping.START_CENTER


def test_a_view_an_earlier_session_pushed_in_the_page_gives_way_to_the_new_sessions_view(page: Page, app_url: str):
    # A session's first view is pushed to the page once the map has drawn it, and goes to the map only when the page
    # holds a view an earlier session pushed (a reconnection): the map took that one, being newer than its first.
    open_app(page, f"{app_url}/?asof=2020-11-26")
    first = page.wait_for_function("() => window.atlasPushedView").json_value()
    earlier = {**first, "asof": "2020-11-20", "number": first["number"] - 1}
    page.add_init_script(f"window.atlasPushedView = {json.dumps(earlier)};")
    frame = open_app(page, f"{app_url}/?asof=2020-11-26")
    expect(frame.locator("path.place-kalbajar")).to_contain_class("control-az")  # handed over on 25 Nov 2020
    expect(frame.locator(".atlas-legend-date")).to_have_text("Who held it on 2020-11-26")
