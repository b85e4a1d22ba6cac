"""Real-browser fixtures: one Streamlit server per session, a fresh offline browser context per test.

Every request that does not go to the app's own server is aborted and recorded; a test that made one fails.
That is the point of these tests: the atlas must work with no network at all (see the field notes, section 1).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench import common

# Debian's Chromium: `playwright install` cannot download browsers on these machines.
CHROMIUM = Path(common.CHROMIUM)
REPO = common.REPO


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Base URL of a headless Streamlit server running the atlas, shared by every browser test."""
    with common.server("streamlit_app.py") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium; skipped where it is missing, except on CI where it must be there."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (see .ci/run)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=common.CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def _offline_context(browser: Browser, app_url: str, blocked: list[str]) -> BrowserContext:
    """A new browser context (its own Streamlit session) that reaches only the app's server; every other request
    is aborted and, at the end of the test, reported through `blocked`."""
    context = common.offline_context(browser, app_url)
    context.blocked = blocked
    return context


@pytest.fixture
def page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A fresh, offline page: only the app's own server is reachable, anything else is aborted and recorded."""
    blocked: list[str] = []
    context = _offline_context(browser, app_url, blocked)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
    assert not blocked, f"the app tried to reach outside its own server: {blocked}"


@pytest.fixture
def other_page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A second offline page in a context of its own, as another visitor (another Streamlit session) would have."""
    blocked: list[str] = []
    context = _offline_context(browser, app_url, blocked)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not blocked, f"the app tried to reach outside its own server: {blocked}"
