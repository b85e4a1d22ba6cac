"""Text from data files reaches the page as text: markdown and HTML characters are escaped, links stay links."""

import dataclasses
import datetime as dt

from geo import panel
from geo.model import Source


def test_data_text_is_shown_literally(atlas):
    event = dataclasses.replace(atlas.events[0], title="<script>alert(1)</script> *bold* [x](http://y)")
    markdown = panel.event_markdown(event, atlas, "en")
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*bold\\*" in markdown and "\\[x\\]\\(http" in markdown


def test_a_source_address_cannot_end_its_link_early(atlas):
    source = Source("s", "Report", "Local press", url="https://example.org/>) ![pixel](https://tracker.example/p.png")
    event = dataclasses.replace(atlas.events[0], source=source)
    markdown = panel.event_markdown(event, atlas, "en")
    link = markdown.split("Source: ")[1]
    assert link.count("](<") == 1 and ">)" not in link.split("](<")[1][:-2]
    assert "%3E" in link and "%20" in link


def test_an_agreement_page_has_its_points_places_text_and_events(atlas):
    page = panel.agreement_markdown(atlas.agreements["statement-2020-11-10"], atlas, "en")
    # Point 6 names Lachin; the published text is linked; the Lachin handover is among its events.
    point_6 = next(block for block in page.split("\n\n") if block.startswith("**6.**"))
    assert "Lachin" in point_6 and "*named in the text*" in point_6
    assert "*tie inferred by the atlas: " in page
    assert "Published text: [" in page and "(<https://www.primeminister.am/" in page
    # The two published versions of point 2, each with its label.
    assert page.count("→ *version ") == 2
    assert "Lachin \\(Berdzor\\) district passes to Azerbaijani control" in page
    assert "Events tied to it (" in page


def test_the_panel_links_each_agreement_to_its_page(atlas):
    markdown = panel.place_markdown(atlas.places["lachin"], atlas, "en", None, lambda a: f"?agreement={a}")
    assert "[10 Nov 2020 · Moscow ceasefire statement](<?agreement=statement-2020-11-10>)" in markdown


def test_a_town_named_for_its_district_says_it_is_a_town(atlas):
    # Running text and search take "Hadrut" for the district it lies in; the panel must not pass it off as another
    # name of the whole district.
    names = panel.place_markdown(atlas.places["khojavend"], atlas, "en").split("\n\n")[1]
    assert "Hadrut \\(town\\)" in names and "Гадрут \\(town\\)" in names
    assert "Askeran \\(town\\)" in panel.place_markdown(atlas.places["khojaly"], atlas, "en")


def test_every_interface_message_is_in_all_four_languages_or_falls_back_to_english(monkeypatch):
    from geo import messages
    from geo.model import LANGUAGES

    missing = {key: [lang for lang in LANGUAGES if not texts.get(lang)] for key, texts in messages.MESSAGES.items()}
    assert {key: langs for key, langs in missing.items() if langs} == {}
    # A key added in English only shows English, never a blank.
    monkeypatch.setitem(messages.MESSAGES, "new", {"en": "New label"})
    assert messages.message("new", "hy") == "New label"


def test_the_panel_speaks_the_readers_language_and_marks_event_texts_as_english(atlas):
    place = panel.place_markdown(atlas.places["lachin"], atlas, "ru", dt.date(2022, 9, 1))
    assert "**Кто контролировал** — на 1 Sep 2022: **Азербайджан**" in place
    assert "*названо в тексте*" in place
    event = next(e for e in atlas.events if e.id == "lachin-handover-2020-12-01")
    text = panel.event_markdown(event, atlas, "az")
    assert "*Mətn ingilis dilindədir*" in text and "Mənbə: [" in text and "Yerlər: Laçın" in text
    assert "Lachin \\(Berdzor\\) district passes to Azerbaijani control" in text  # the event as written
