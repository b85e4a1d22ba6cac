"""Bring your own events, in a real browser, offline: an upload is previewed with its problems before anything is
merged, added events join the panel and the map at once and stay in their own session, a pasted article becomes
reviewable candidates, and every text from a file or an article reaches the page as text, never as HTML or script.

The conftest aborts (and fails on) every request that leaves the app's own server, so a payload that makes the page
load something (an image, a script) fails the test that imported it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, FrameLocator, Locator, Page, expect

from geo import query
from geo.load import DEFAULT_DATA_DIR, load_atlas
from geo.view import date_span
from tests.e2e.pages import (
    HEADER,
    SHOWN_PANEL,
    download_csv,
    map_at_rest,
    map_frame,
    open_app,
    open_expander,
    set_date,
    settled,
    tables_drawn,
)
from tests.hostile import EVALUATED, ONE_MB, PAYLOADS, write_hostile_csv

pytestmark = pytest.mark.browser

IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"
EXPANDER = "Bring your own events: upload a file or paste an article"
COUNT = re.compile(r"^Events (of the agreements shown|here) \((\d+)\)")
# Event markers are the map's only interactive paths without a place-<id> class (country outlines are inert).
ATLAS = load_atlas()
EVENT_MARKERS = "path.leaflet-interactive:not([class*='place-'])"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
# Streamlit saves a dataframe's CSV through the File System Access API when the browser has it, which opens a save
# dialog a headless browser never answers; without it Streamlit falls back to an ordinary download.
NO_SAVE_PICKER = "Object.defineProperty(window, 'showSaveFilePicker', {value: undefined})"
# What a payload that ran would have left behind: an alert, a global, or a live element built from the data.
INJECTED_JS = """() => ({
    xss: window.__xss,
    live: [...document.querySelectorAll('[onerror], img[src="x"], b')].map(e => e.outerHTML),
    scripts: [...document.querySelectorAll('script')]
        .map(s => s.textContent.trim())
        .filter(t => t === 'alert(1)' || /^window\\.__xss=\\d$/.test(t)),
})"""
NOTHING_INJECTED = {"xss": None, "live": [], "scripts": []}
# st.data_editor draws rows (and its header) 35-36 px high; the `add` column's checkbox sits ~33 px from the left.
GRID_ROW_PX = 36
ADD_CHECKBOX_X = 33
# The `title` column starts ~280 px in (after add, date and date_precision).
TITLE_X = 330


def _shipped_files() -> dict[str, str]:
    """A digest of every file under data/: the app must never write there."""
    return {
        str(p.relative_to(DEFAULT_DATA_DIR)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(DEFAULT_DATA_DIR.rglob("*"))
        if p.is_file()
    }


def _shipped_events() -> list[str]:
    """Titles of the shipped events the panel lists by default: every agreement on, the whole date range."""
    atlas = load_atlas()
    start, end = date_span(atlas)
    return [
        e.title for e in query.filter_events(atlas.events, agreements=tuple(atlas.agreements), since=start, until=end)
    ]


def _count(page: Page) -> Locator:
    return page.locator(SHOWN_PANEL).get_by_text(COUNT)


def _expect_count(page: Page, n: int) -> None:
    expect(_count(page)).to_have_text(re.compile(rf"^Events (of the agreements shown|here) \({n}\)"))


def _bring_your_own(page: Page) -> Locator:
    """Open the expander the way a person does, by clicking its title."""
    expander = page.get_by_test_id("stExpander").filter(has_text=EXPANDER)
    open_expander(expander)
    expect(expander.get_by_label("Article text")).to_be_visible()
    return expander


def _upload(page: Page, name: str, can_add: str) -> Locator:
    """Upload tests/data/imports/`name` and wait for its preview ("N of M row(s) can be added.")."""
    return _upload_file(page, IMPORTS / name, can_add)


def _upload_file(page: Page, path: Path, can_add: str) -> Locator:
    """Upload the file at `path` and wait for its preview ("N of M row(s) can be added.")."""
    expander = page.get_by_test_id("stExpander").filter(has_text=EXPANDER)
    if not expander.get_by_label("Article text").is_visible():
        expander = _bring_your_own(page)
    expander.locator("input[type=file]").set_input_files(path)
    expect(expander.get_by_text(can_add)).to_be_visible()
    tables_drawn(expander)
    settled(page)
    return expander


def _add(page: Page, button: re.Pattern[str], added: str) -> None:
    page.get_by_role("button", name=button).click()
    expect(page.get_by_text(added)).to_be_visible()
    settled(page)


def _select(page: Page, spelling: str, name: str) -> None:
    search = page.get_by_label("Find a place (any spelling)")
    search.fill(spelling)
    search.press("Enter")
    expect(page.locator(HEADER)).to_have_text(name)
    settled(page)
    (place,) = [p.id for p in ATLAS.places.values() if p.name == name]
    map_at_rest(page, place)  # the map flies to the place found


def _grid_csv(page: Page, grid: Locator) -> list[dict[str, str]]:
    """The rows of an st.dataframe, from its own "Download as CSV" button (the grid itself draws on a canvas)."""
    grid.hover()
    with page.expect_download() as info:
        # A wide grid scrolls under its own toolbar and takes the pointer: the click goes to the button directly.
        grid.get_by_role("button", name="Download as CSV").dispatch_event("click")
    return list(csv.DictReader(info.value.path().read_text(encoding="utf-8-sig").splitlines()))


def _hover_marker(frame: FrameLocator, marker: Locator) -> Locator:
    """Hover an event marker and return the tooltip Leaflet opens for it (after the pointer has left every other
    marker and its tooltip has closed)."""
    marker.page.mouse.move(0, 0)
    expect(frame.locator(".leaflet-tooltip")).to_have_count(0)
    marker.hover()
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_be_visible()
    return tooltip


def _record_dialogs(page: Page) -> list[str]:
    """Every alert, confirm or prompt opened by the page or its frames (dismissed, so nothing waits on it)."""
    opened: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


def _injected(page: Page) -> dict[str, dict]:
    """What a payload would have left behind, in the page and in the map's iframe."""
    return {"page": page.evaluate(INJECTED_JS), "map": map_frame(page).evaluate(INJECTED_JS)}


# Before the page's scripts: every distinct place (px from the top of the page) the expander's title has taken,
# sampled each frame from its first appearance, and a count of frames since, to wait on.
TITLE_PLACES_JS = """(() => {
    window.__titleTops = [];
    window.__frames = 0;
    const sample = () => {
        window.__frames += 1;
        const title = [...document.querySelectorAll('[data-testid=stExpander] summary')]
            .find(s => s.textContent.includes(TITLE));
        if (title) {
            const top = Math.round(title.getBoundingClientRect().top + window.scrollY);
            if (!window.__titleTops.includes(top)) window.__titleTops.push(top);
        }
        requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
})()""".replace("TITLE", json.dumps(EXPANDER))


def test_the_bring_your_own_title_stays_where_it_first_shows_while_the_charts_load(page: Page, app_url: str) -> None:
    """The timeline above the title draws only once its code has loaded, after the run; the title may not move then,
    or a reader's click on it lands on whatever took its place."""
    page.add_init_script(TITLE_PLACES_JS)
    open_app(page, app_url)
    expect(page.get_by_test_id("stVegaLiteChart").locator("canvas, svg").first).to_be_attached()
    # The chart has drawn; a few frames more for any layout that follows from it.
    frames = page.evaluate("window.__frames")
    page.wait_for_function(f"window.__frames >= {frames + 5}")
    assert len(page.evaluate("window.__titleTops")) == 1


def test_an_upload_is_previewed_with_its_problems_then_added_to_panel_and_map(page: Page, app_url: str) -> None:
    shipped_files = _shipped_files()
    shipped = _shipped_events()
    page.context.add_init_script(NO_SAVE_PICKER)
    frame = open_app(page, app_url)
    _expect_count(page, len(shipped))

    expander = _upload(page, "conflict-events.csv", "4 of 9 row(s) can be added.")

    # The preview: the four good rows, then every problem, row by row.
    grids = expander.get_by_test_id("stDataFrame")
    expect(grids).to_have_count(2)
    good = _grid_csv(page, grids.nth(0))
    assert [r["id"] for r in good] == ["aze-0001", "aze-0002", "aze-0007", "aze-0008"]
    assert [r["places"] for r in good] == ["aghdam", "kalbajar", "lachin", "khankendi"]
    expect(expander.get_by_text("5 problem(s)")).to_be_visible()
    problems = {(r["row"], r["field"]): r["problem"] for r in _grid_csv(page, grids.nth(1))}
    assert problems[("row 3", "location")] == 'unknown place "Lachn" (did you mean "lachin"?)'
    assert sorted(problems) == [
        ("row 3", "location"),
        ("row 4", "date"),
        ("row 5", "places"),
        ("row 6", "location"),
        ("row 9", "agreements"),
    ]
    # Nothing is merged yet: the panel and the map are as shipped.
    _expect_count(page, len(shipped))
    expect(frame.locator(EVENT_MARKERS)).to_have_count(0)

    _add(page, re.compile(r"^Add 4 event\(s\) to the map$"), "4 event(s) added in this session")

    _expect_count(page, len(shipped) + 4)
    events = page.locator(SHOWN_PANEL)
    _select(page, "Stepanakert", "Khankendi")
    expect(events).to_contain_text("Shops reopened in Stepanakert.")
    _select(page, "Karvachar", "Kalbajar")
    expect(events).to_contain_text("Kalbajar district handed over after a ten-day delay.")
    # Row 7 is the only one with coordinates: the village in Lachin district, drawn as a marker.
    marker = frame.locator(EVENT_MARKERS)
    expect(marker).to_have_count(1)
    tooltip = _hover_marker(frame, marker)
    expect(tooltip).to_contain_text("A village the atlas does not name; its coordinates fall in Lachin district.")
    assert _shipped_files() == shipped_files, "the app changed a shipped data file"


def test_script_and_html_in_every_field_show_as_text_and_never_run(page: Page, app_url: str) -> None:
    dialogs = _record_dialogs(page)
    page.context.add_init_script(NO_SAVE_PICKER)
    frame = open_app(page, app_url)
    _upload(page, "script-payloads.csv", "2 of 2 row(s) can be added.")
    _add(page, re.compile(r"^Add 2 event\(s\) to the map$"), "2 event(s) added in this session")

    # The panel, narrowed to Lachin (both rows are there), shows every payload as the characters it is made of.
    _select(page, "Lachin", "Lachin")
    events = page.locator(SHOWN_PANEL)
    expect(events).to_contain_text(f"1 Jan 2021 · {SCRIPT}")
    expect(events).to_contain_text(f"{IMG} in the summary")
    expect(events).to_contain_text(f"Date: {SCRIPT}")
    expect(events).to_contain_text('Date: <a href="javascript:alert(1)">note</a>')
    expect(events).to_contain_text('Title with "quotes" & ampersand <b>bold</b>')
    expect(events).to_contain_text(f"{SCRIPT} summary; with a semicolon")
    # A source given as one line of text is that line, said once.
    expect(events).to_contain_text(f"Source: {IMG}")
    expect(events).to_contain_text(f"Source: {SCRIPT}")
    expect(events).not_to_contain_text(f"Source: {SCRIPT}: {SCRIPT}")
    expect(events.locator("a[href^='javascript:'], img, script, b")).to_have_count(0)

    # The second row's marker: its tooltip shows the title's tags as text.
    marker = frame.locator(EVENT_MARKERS)
    expect(marker).to_have_count(1)
    tooltip = _hover_marker(frame, marker)
    expect(tooltip).to_contain_text('2 Jan 2021 · Title with "quotes" & ampersand <b>bold</b>')
    expect(tooltip.locator("b")).to_have_count(0)

    # The table view draws on a canvas: its own CSV download says what it holds.
    tables = page.get_by_test_id("stExpander").filter(has_text="Table view: the places and events on the map")
    open_expander(tables)
    table = {r["id"]: r for r in _grid_csv(page, tables.get_by_test_id("stDataFrame").nth(1))}
    assert table["payload-2021-01-01"]["title"] == SCRIPT
    assert table["payload-2021-01-01"]["actors"] == f"{SCRIPT} ({IMG})"

    # The export keeps the text as written.
    settled(page)
    exported = {r["id"]: r for r in download_csv(page)}
    assert exported["payload-2021-01-01"]["title"] == SCRIPT
    assert exported["payload-2021-01-01"]["summary"] == f"{IMG} in the summary"
    assert exported["payload-2021-01-02"]["source_publisher"] == SCRIPT

    assert _injected(page) == {"page": NOTHING_INJECTED, "map": NOTHING_INJECTED}
    assert dialogs == []


def test_payloads_aimed_at_the_map_script_show_as_text_and_formulas_are_defused(page: Page, app_url: str) -> None:
    """Each title breaks out a different way: an HTML attribute, a `${}` and a backtick (folium writes tooltip
    text into a JavaScript template literal); none may run, each must show as written."""
    dialogs = _record_dialogs(page)
    frame = open_app(page, app_url)
    _upload(page, "script-markers.csv", "3 of 3 row(s) can be added.")
    _add(page, re.compile(r"^Add 3 event\(s\) to the map$"), "3 event(s) added in this session")

    markers = frame.locator(EVENT_MARKERS)
    expect(markers).to_have_count(3)
    shown = set()
    for i in range(3):
        shown.add(_hover_marker(frame, markers.nth(i)).inner_text().strip())
    assert shown == {
        '3 Jan 2021 · <img src=x onerror="window.__xss=1">',
        "4 Jan 2021 · ${window.__xss=4}",
        "5 Jan 2021 · `+(window.__xss=5)+`",
    }
    _select(page, "Lachin", "Lachin")
    events = page.locator(SHOWN_PANEL)
    expect(events).to_contain_text("<script>window.__xss=2</script> =1+1")
    expect(events).to_contain_text("</div><script>window.__xss=6</script>")

    # Spreadsheet formulas come out quoted, so a spreadsheet shows them instead of running them.
    settled(page)
    exported = {r["id"]: r for r in download_csv(page)}
    row = exported["marker-img-2021-01-03"]
    assert row["actors"] == """'=HYPERLINK("https://evil.example/") (@SUM(1))"""
    assert row["source_publisher"] == "'+cmd|' /C calc'!A0"
    assert row["title"] == '<img src=x onerror="window.__xss=1">'

    assert _injected(page) == {"page": NOTHING_INJECTED, "map": NOTHING_INJECTED}
    assert dialogs == []


def _download(page: Page, button: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value.path().read_text(encoding="utf-8")


def test_template_syntax_in_every_field_shows_literally_live_and_in_every_export(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    """A title like `{{ 7*7 }}` once ran on the server (folium compiled it as a template): every payload must show
    as written in the panel, the map's tooltips, the tables and the three exports, and the page must stay whole."""
    dialogs = _record_dialogs(page)
    page.context.add_init_script(NO_SAVE_PICKER)
    frame = open_app(page, app_url)
    n = len(PAYLOADS)
    expander = _upload_file(page, write_hostile_csv(tmp_path / "hostile.csv", one_mb=False), f"{n} of {n + 1} row")
    # The row whose place is a payload is reported with the name as written.
    problems = _grid_csv(page, expander.get_by_test_id("stDataFrame").nth(1))
    assert [p["problem"] for p in problems if "Lachin T{{ 7*7 }}T" in p["problem"]], problems
    _add(page, re.compile(rf"^Add {n} event\(s\) to the map$"), f"{n} event(s) added in this session")

    _select(page, "Lachin", "Lachin")
    events = page.locator(SHOWN_PANEL)
    for text in PAYLOADS:
        for field in ("title", "summary", "note", "source"):
            expect(events).to_contain_text(f"{field} {text}")
    # Everything below the map is still there (an unbalanced `{{` once cut the page short).
    expect(page.get_by_role("button", name="Remove added events")).to_be_visible()

    markers = frame.locator(EVENT_MARKERS)
    expect(markers).to_have_count(n)
    shown = {_hover_marker(frame, markers.nth(i)).inner_text().split(" · ", 1)[1] for i in range(n)}
    assert shown == {f"title {text}" for text in PAYLOADS}

    settled(page)
    rows = {r["id"]: r for r in download_csv(page)}
    geojson = json.loads(_download(page, "Events GeoJSON"))
    located = {f["properties"]["id"]: f["properties"] for f in geojson["features"]}
    for i, text in enumerate(PAYLOADS):
        row, feature = rows[f"hostile-{i}"], located[f"hostile-{i}"]
        assert (row["title"], row["summary"], row["actors"]) == (
            f"title {text}",
            f"summary {text}",
            f"actor {text} (role {text})",
        )
        assert (feature["title"], feature["summary"]) == (f"title {text}", f"summary {text}")

    exported = _download(page, "Map HTML")
    for evaluated in EVALUATED:
        assert evaluated not in exported
    map_page = page.context.new_page()
    map_page.set_content(exported)
    exported_markers = map_page.locator(EVENT_MARKERS)
    expect(exported_markers).to_have_count(n)
    exported_markers.nth(0).hover()
    # The place under the marker may show its own tooltip beside the marker's.
    expect(map_page.locator(".leaflet-tooltip").filter(has_text=f"title {PAYLOADS[0]}")).to_be_visible()
    map_page.close()

    # A second file in the same session, a JSON one with a 1 MB summary: its id may not clash with the first's.
    big = {**_json_event("hostile-big"), "summary": ONE_MB}
    (tmp_path / "big.json").write_text(json.dumps({"events": [big]}), encoding="utf-8")
    _upload_file(page, tmp_path / "big.json", "1 of 1 row(s) can be added.")
    _add(page, re.compile(r"^Add 1 event\(s\) to the map$"), f"{n + 1} event(s) added in this session")
    expect(events).to_contain_text(f"{ONE_MB[:2000]} … ({len(ONE_MB) - 2000:,} more characters in the exports)")
    for evaluated in EVALUATED:
        expect(page.get_by_test_id("stApp")).not_to_contain_text(evaluated)

    assert _injected(page) == {"page": NOTHING_INJECTED, "map": NOTHING_INJECTED}
    assert dialogs == []


def _json_event(event_id: str) -> dict:
    return {
        "id": event_id,
        "date": "2021-03-01",
        "date_precision": "day",
        "title": "A long one",
        "summary": "-",
        "places": ["lachin"],
        "agreements": [],
        "actors": [],
        "source": {"publisher": "Test", "title": "{{ 7*7 }}"},
        "location": [46.55, 39.65],
    }


def test_a_source_link_that_could_break_out_of_its_link_is_refused(page: Page, app_url: str) -> None:
    """A `>` in an address could end the link early and turn the rest into markup (here an image fetched from another
    server): the row is reported, not added, and nothing outside the app is requested (the page fixture checks)."""
    open_app(page, app_url)
    _upload(page, "source-link-payload.csv", "0 of 1 row(s) can be added.")
    expander = page.get_by_test_id("stExpander").filter(has_text="Bring your own events")
    expect(expander.get_by_text("1 problem(s)")).to_be_visible()
    expect(expander.get_by_role("button", name=re.compile(r"^Add \d+ event"))).to_have_count(0)


def _grid_cell(page: Page, grid: Locator, x: int, row: int, double: bool = False) -> None:
    """Click (or double-click) a cell of an st.data_editor's canvas, `x` pixels from its left edge, on data row `row` (from 0)."""
    grid.scroll_into_view_if_needed()
    box = grid.locator("canvas").first.bounding_box()
    assert box is not None
    click = page.mouse.dblclick if double else page.mouse.click
    click(box["x"] + x, box["y"] + GRID_ROW_PX * (row + 1) + GRID_ROW_PX // 2)


def _count_runs(page: Page) -> int:
    """How many script runs have ended since the first call (a counter kept in the page)."""
    return page.evaluate(
        """() => {
            if (window.__runsDone === undefined) {
                window.__runsDone = 0;
                const app = document.querySelector('[data-testid="stApp"]');
                new MutationObserver(() => {
                    if (app.getAttribute('data-test-script-state') === 'notRunning') window.__runsDone++;
                }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
            }
            return window.__runsDone;
        }"""
    )


def test_a_pasted_article_becomes_candidates_to_review_then_an_event_in_the_panel(page: Page, app_url: str) -> None:
    dialogs = _record_dialogs(page)
    page.context.add_init_script(NO_SAVE_PICKER)
    # Up to March 2022: Karabakh's events then fit on the panel's first page, where the new one must appear.
    open_app(page, f"{app_url}/?to=2022-03-31")
    _select(page, "Karabakh", "Nagorno-Karabakh (1991 oblast)")
    before = int(COUNT.match(_count(page).inner_text())[2])
    expander = _bring_your_own(page)

    expander.get_by_label("Article text").fill(
        "On March 22, 2022, Azerbaijani and Russian generals met in Baku to discuss Article 4 of the statement of "
        f"November 10, 2020, on the withdrawal of Armenian forces from Karabakh. {SCRIPT} "
        "The Lachin corridor was also discussed."
    )
    set_date(expander, "Published on", dt.date(2022, 3, 23))
    settled(page)
    expander.get_by_label("Source (publisher and title)").fill(f"Local press: {SCRIPT}")
    expander.get_by_label("Source (publisher and title)").press("Enter")
    settled(page)
    expander.get_by_role("button", name="Find candidate events").click()

    expect(expander.get_by_text("Review the candidates: untick to drop, edit any cell, then add them.")).to_be_visible()
    editor = expander.get_by_test_id("stDataFrame").first
    can_add = expander.get_by_text("1 of 1 row(s) can be added.")
    expect(can_add).to_be_visible()
    settled(page)

    # Unticking the only candidate drops it: nothing is left to add. Ticking it again brings it back.
    _grid_cell(page, editor, ADD_CHECKBOX_X, 0)
    expect(can_add).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile(r"candidate event\(s\) to the map"))).to_have_count(0)
    settled(page)
    _grid_cell(page, editor, ADD_CHECKBOX_X, 0)
    expect(can_add).to_be_visible()
    settled(page)
    # Edit the title: a double click opens the cell's editor over the canvas. The edit changes only the canvas,
    # so the test waits for the run it starts to end.
    runs = _count_runs(page)
    _grid_cell(page, editor, TITLE_X, 0, double=True)
    cell_editor = page.locator("textarea.gdg-input")
    expect(cell_editor).to_be_visible()
    cell_editor.fill("Generals meet in Baku on the statement")
    cell_editor.press("Enter")
    expect(cell_editor).to_have_count(0)
    page.wait_for_function(f"window.__runsDone > {runs}")
    settled(page)

    _add(page, re.compile(r"^Add 1 candidate event\(s\) to the map$"), "1 event(s) added in this session")

    _expect_count(page, before + 1)
    events = page.locator(SHOWN_PANEL)
    expect(events).to_contain_text("22 Mar 2022 · Generals meet in Baku on the statement")
    expect(events).to_contain_text(
        "On March 22, 2022, Azerbaijani and Russian generals met in Baku to discuss Article 4"
    )
    expect(events).to_contain_text(f"Source: Local press: {SCRIPT}")
    assert _injected(page) == {"page": NOTHING_INJECTED, "map": NOTHING_INJECTED}
    assert dialogs == []


def test_added_events_stay_in_their_session_and_remove_brings_back_the_shipped_count(
    page: Page, other_page: Page, app_url: str
) -> None:
    shipped = len(_shipped_events())
    frame = open_app(page, app_url)
    _upload(page, "conflict-events.csv", "4 of 9 row(s) can be added.")
    _add(page, re.compile(r"^Add 4 event\(s\) to the map$"), "4 event(s) added in this session")
    _expect_count(page, shipped + 4)

    # Another visitor, at the same time, sees only the shipped events.
    other_frame = open_app(other_page, app_url)
    _expect_count(other_page, shipped)
    expect(other_page.locator(SHOWN_PANEL)).not_to_contain_text("Shops reopened in Stepanakert.")
    expect(other_frame.locator(EVENT_MARKERS)).to_have_count(0)

    page.get_by_role("button", name="Remove added events").click()

    _expect_count(page, shipped)
    expect(page.get_by_text("event(s) added in this session")).to_have_count(0)
    expect(page.locator(SHOWN_PANEL)).not_to_contain_text("Shops reopened in Stepanakert.")
    expect(frame.locator(EVENT_MARKERS)).to_have_count(0)
