"""The shared event store in a real browser: an editor signs in, proposes an uploaded file, approves it, and the
event is on the map for everyone, also after the server restarts (the store is a database, not the session), and on
another app server's open page (two servers, one PostGIS)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from bench import common
from bench.postgis import new_database
from geo.store import Store, hash_password
from tests.e2e.pages import (
    SHOWN_PANEL,
    hold_sends,
    open_app,
    open_expander,
    sent_after_a_watch_run,
    settled,
    tables_drawn,
)
from tests.hostile import MARKUP_PAYLOADS, TEMPLATE_PAYLOADS

pytestmark = pytest.mark.browser

IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def secrets(tmp_path: Path) -> Path:
    """A secrets file with one editor, as a deployment keeps it (outside the repository)."""
    path = tmp_path / "secrets.toml"
    path.write_text(f'[editors.alice]\npassword_hash = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    return path


def _sign_in(page: Page, password: str) -> None:
    box = page.locator(".st-key-editor-box")
    if not box.get_by_label("Editor name").is_visible():
        open_expander(box)
    box.get_by_label("Editor name").fill("alice")
    box.get_by_role("textbox", name="Password").fill(password)
    box.get_by_role("button", name="Sign in").click()
    settled(page)


def _upload_conflict_events(page: Page) -> None:
    """Upload the file with four good rows of nine, and wait until its check is shown and the page has settled."""
    expander = page.get_by_test_id("stExpander").filter(has_text="Bring your own events")
    open_expander(expander)
    expander.locator("input[type=file]").set_input_files(IMPORTS / "conflict-events.csv")
    expect(expander.get_by_text("4 of 9 row(s) can be added.")).to_be_visible()
    tables_drawn(expander)
    settled(page)


def _approve_all(review: Locator, count: int) -> None:
    """Press "Approve all <count>" from the keyboard, as a person who tabs to it does. In two CI runs (one of them on
    a quiet machine) a mouse click on it, made once the box had opened, its table had drawn and the run had ended,
    landed on the block around it (the trace: "click on DIV stVerticalBlock … at 447,747"): the page had moved between
    Playwright's checks and its click. A key press goes to the button itself, wherever it is."""
    review.get_by_role("button", name=f"Approve all {count}").press("Enter")


def _offline_page(browser: Browser, url: str, traced: Callable[[Page, str], Page], name: str) -> Page:
    """A page that reaches only the server at `url` (the app's servers here are this test's own), traced as `name`."""
    context = common.offline_context(browser, url)
    return traced(context.new_page(), name)


def test_an_approved_proposal_is_on_the_map_for_everyone_and_survives_a_restart(
    browser: Browser, secrets: Path, tmp_path: Path, traced: Callable[[Page, str], Page]
) -> None:
    database = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    flags = ("--secrets.files", str(secrets))
    with common.server("streamlit_app.py", {"ATLAS_DATABASE_URL": database}, *flags) as url:
        page = _offline_page(browser, url, traced, "editor")
        open_app(page, url)
        _sign_in(page, "wrong password")
        expect(page.locator(".st-key-editor-box")).to_contain_text("Unknown editor or wrong password.")
        _sign_in(page, PASSWORD)
        expect(page.locator(".st-key-editor-box")).to_contain_text("Signed in as alice")
        assert PASSWORD not in page.url and "alice" not in page.url

        _upload_conflict_events(page)
        page.get_by_role("button", name=re.compile(r"^Propose 4 event\(s\) to the shared store$")).click()
        expect(page.get_by_text(re.compile(r"^4 event\(s\) in the shared store as proposed"))).to_be_visible()

        review = page.locator(".st-key-review")
        open_expander(review)
        expect(review).to_contain_text("Review proposed events (4)")
        # What the editor reads before approving: the proposals' table, drawn (until then, the button moves).
        tables_drawn(review)
        expect(review).to_contain_text("Shops reopened in Stepanakert.")
        settled(page)
        _approve_all(review, 4)
        expect(review).to_contain_text("4 event(s) approved.")
        assert not page.context.blocked
        page.context.close()

    # A new server on the same database: anyone (not signed in) sees the approved events, marked as community.
    with common.server("streamlit_app.py", {"ATLAS_DATABASE_URL": database}, *flags) as url:
        other_page = _offline_page(browser, url, traced, "visitor after the restart")
        open_app(other_page, f"{url}/?place=khankendi")
        events = other_page.locator(SHOWN_PANEL)
        expect(events).to_contain_text("Shops reopened in Stepanakert.")
        expect(events).to_contain_text("Community event: proposed by an editor, approved in the shared store")
        assert not other_page.context.blocked
        other_page.context.close()


def test_a_click_the_store_watch_carries_before_its_own_run_proposes_and_approves_once(
    browser: Browser, secrets: Path, tmp_path: Path, traced: Callable[[Page, str], Page]
) -> None:
    """The watch's run takes the click, and the click's own run brings it again: the first result stays, not a
    "0 new" or a refusal of the approval just made."""
    database = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    with common.server("streamlit_app.py", {"ATLAS_DATABASE_URL": database}, "--secrets.files", str(secrets)) as url:
        page = _offline_page(browser, url, traced, "editor")
        open_app(page, url)
        _sign_in(page, PASSWORD)
        _upload_conflict_events(page)
        hold_sends(page)
        page.get_by_role("button", name=re.compile(r"^Propose 4 event\(s\) to the shared store$")).click()
        sent_after_a_watch_run(page)
        expect(
            page.get_by_text("4 event(s) in the shared store as proposed (4 new, 0 updated, 0 unchanged)")
        ).to_be_visible()

        review = page.locator(".st-key-review")
        open_expander(review)
        tables_drawn(review)
        settled(page)
        hold_sends(page)
        _approve_all(review, 4)
        sent_after_a_watch_run(page)
        expect(review).to_contain_text("4 event(s) approved.")
        expect(review).to_contain_text("Nothing waits for review.")
        assert not page.context.blocked
        page.context.close()


def test_the_default_store_is_created_on_first_use_and_named_in_the_sidebar(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    box = page.locator(".st-key-editor-box")
    open_expander(box)
    expect(box).to_contain_text("Shared store: sqlite:///")
    expect(box).to_contain_text("No editor accounts are set up here")


# Located in Lachin, so the place's panel lists it once it is approved.
TWO_SERVERS_CSV = (
    b"id,date,title,summary,latitude,longitude,source\n"
    b"two-servers-1,2021-03-05,Seen on the other server,Convoy passed the checkpoint.,39.7682,46.2833,Reuters\n"
)


def test_an_approval_on_one_app_server_reaches_a_page_open_on_another_without_a_reload(
    browser: Browser, secrets: Path, postgis_server: str, atlas, traced: Callable[[Page, str], Page]
) -> None:
    database = new_database(postgis_server)
    setup = Store(atlas, database)
    setup.init()
    assert setup.propose("two-servers.csv", TWO_SERVERS_CSV, "carol").added == 1
    setup.engine.dispose()
    env, flags = {"ATLAS_DATABASE_URL": database}, ("--secrets.files", str(secrets))
    with (
        common.server("streamlit_app.py", env, *flags) as url_a,
        common.server("streamlit_app.py", env, *flags) as url_b,
    ):
        watcher = _offline_page(browser, url_b, traced, "watcher on server B")
        open_app(watcher, f"{url_b}/?place=lachin")
        events = watcher.locator(SHOWN_PANEL)
        expect(events).to_be_visible()
        expect(events).not_to_contain_text("Seen on the other server")
        watcher.evaluate("() => { window.__not_reloaded = true; }")

        editor = _offline_page(browser, url_a, traced, "editor on server A")
        open_app(editor, url_a)
        _sign_in(editor, PASSWORD)
        review = editor.locator(".st-key-review")
        open_expander(review)
        # The proposals' table drawn and the run over: what a person sees before they approve.
        expect(review).to_contain_text("Seen on the other server")
        tables_drawn(review)
        settled(editor)
        _approve_all(review, 1)
        expect(review).to_contain_text("1 event(s) approved.")

        # Server B's page, untouched since it opened, shows it (pages/TIMEOUT_MS bounds the wait) in the same
        # document: nobody reloaded it.
        expect(events).to_contain_text("Seen on the other server")
        expect(events).to_contain_text("Community event")
        assert watcher.evaluate("() => window.__not_reloaded === true")
        assert not watcher.context.blocked and not editor.context.blocked
        watcher.context.close()
        editor.context.close()


HOSTILE_TITLE = f"{TEMPLATE_PAYLOADS[0]} {MARKUP_PAYLOADS[0]} {MARKUP_PAYLOADS[1]}"


def test_an_editor_edits_an_event_in_the_page_and_a_change_saved_meanwhile_is_refused_with_it_shown(
    browser: Browser, secrets: Path, tmp_path: Path, atlas, traced: Callable[[Page, str], Page]
) -> None:
    database = f"sqlite:///{tmp_path / 'edits.sqlite'}"
    other_editor = Store(atlas, database)
    other_editor.init()
    (event_id,) = other_editor.propose("two-servers.csv", TWO_SERVERS_CSV, "carol").ids
    other_editor.approve([event_id], "carol")
    with common.server("streamlit_app.py", {"ATLAS_DATABASE_URL": database}, "--secrets.files", str(secrets)) as url:
        page = _offline_page(browser, url, traced, "editor")
        open_app(page, f"{url}/?place=lachin")
        _sign_in(page, PASSWORD)
        box = page.locator(".st-key-edit-event")
        open_expander(box)
        box.get_by_label("Store id").fill(str(event_id))
        box.get_by_label("Store id").press("Enter")
        expect(box).to_contain_text(f"Event {event_id}, revision 2, as you loaded it.")
        expect(box.get_by_label("Title", exact=True)).to_have_value("Seen on the other server")

        box.get_by_label("Title", exact=True).fill(HOSTILE_TITLE)
        box.get_by_label("Places (ids or names, separated by ;)").fill("lachin; Shushi")
        box.get_by_role("button", name="Save as a new revision").click()
        expect(box).to_contain_text(f"Saved: event {event_id} is at revision 3.")
        # The map's layer shows the edit as written: in the place's events, and in Shusha (named by a spelling).
        events = page.locator(SHOWN_PANEL)
        expect(events).to_contain_text(HOSTILE_TITLE)
        assert page.evaluate("() => window.__xss") is None

        # Another editor saves while this one is still typing: this save is refused and shows that change as text.
        other_editor.edit(event_id, {"summary": "Bob's <b>change</b> {{ 7*7 }}"}, "bob", 3)
        box.get_by_label("Summary", exact=True).fill("My own summary.")
        box.get_by_role("button", name="Save as a new revision").click()
        refusal = box.get_by_test_id("stAlertContentError")
        expect(refusal).to_contain_text(f"Not saved. event {event_id}")
        expect(refusal).to_contain_text("revision 4 by bob")
        expect(refusal).to_contain_text("Bob's <b>change</b> {{ 7*7 }}")
        assert other_editor.entry(event_id).event.summary == "Bob's <b>change</b> {{ 7*7 }}"

        box.get_by_role("button", name="Load the latest revision").click()
        expect(box).to_contain_text(f"Event {event_id}, revision 4, as you loaded it.")
        expect(box.get_by_label("Summary", exact=True)).to_have_value("Bob's <b>change</b> {{ 7*7 }}")
        assert not page.context.blocked
        page.context.close()
    other_editor.engine.dispose()
