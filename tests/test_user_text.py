"""User text is data, never code: every hostile string reaches the map's script and the exported HTML as the text it
is, through the one escaping path (geo.escaping), and nothing in it is compiled as a template."""

from __future__ import annotations

import dataclasses
import json
import re

import folium
import pytest
from streamlit_folium import generate_leaflet_string

from geo import escaping, mapping
from geo.load import DEFAULT_DATA_DIR, load_atlas
from geo.model import LANGUAGES
from tests.hostile import EVALUATED, ONE_MB, PAYLOADS, write_hostile_csv

_LABEL = re.compile(r'"label":("(?:[^"\\]|\\.)*")')
_NAMES = re.compile(r'"names":(\{[^{}]*\})')


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def _hostile_events(atlas):
    event = atlas.events[0]
    return [
        dataclasses.replace(event, id=f"hostile-{i}", title=text, location=(46.5, 39.6 + i / 100))
        for i, text in enumerate([*PAYLOADS, ONE_MB])
    ]


def _labels(script: str) -> list[str]:
    return [json.loads(m.group(1)) for m in _LABEL.finditer(script)]


def test_plain_folium_would_evaluate_a_title_so_the_map_must_not_hand_it_one():
    # Why this module exists: folium compiles rendered output again (the field notes, second round).
    plain = folium.Map(tiles=None)
    folium.Marker((40, 46), tooltip="T{{ 7*7 }}T").add_to(plain)
    assert "T49T" in plain.get_root().render()


def test_hostile_titles_reach_the_exported_map_as_written_and_nothing_is_evaluated(atlas):
    events = _hostile_events(atlas)
    page = mapping.standalone_html(
        DEFAULT_DATA_DIR,
        atlas.places.values(),
        mapping.display_geometries(atlas.places.values()),
        [mapping.events_layer(events, atlas.places)],
    )
    assert _labels(page) == [f"{e.date_label()} · {e.title}" for e in events]
    for evaluated in EVALUATED:
        assert evaluated not in page


def test_hostile_titles_reach_the_live_map_as_written(atlas):
    """The live page: st_folium renders the map, then generates and rewrites the layers' script."""
    events = _hostile_events(atlas)
    base = mapping.base_map(DEFAULT_DATA_DIR, atlas.places.values(), mapping.display_geometries(atlas.places.values()))
    group = mapping.events_layer(events, atlas.places)
    group.add_to(base)
    base.get_root().render()
    script = generate_leaflet_string(group, base_id="feature_group_0")
    assert _labels(script) == [f"{e.date_label()} · {e.title}" for e in events]
    for evaluated in EVALUATED:
        assert evaluated not in script


def test_hostile_place_names_reach_the_map_as_written(atlas):
    place = dataclasses.replace(
        atlas.places["lachin"], names={"en": PAYLOADS, "az": PAYLOADS[1:], "hy": PAYLOADS[2:], "ru": PAYLOADS[3:]}
    )
    page = mapping.base_map(DEFAULT_DATA_DIR, [place], mapping.display_geometries([place])).get_root().render()
    (names,) = [json.loads(m.group(1)) for m in _NAMES.finditer(page)]
    assert names == {lang: place.display_name(lang) for lang in LANGUAGES}
    for evaluated in EVALUATED:
        assert evaluated not in page


@pytest.mark.parametrize("text", [*PAYLOADS, ONE_MB])
def test_script_json_is_json_with_nothing_a_template_or_script_acts_on(text):
    encoded = escaping.script_json({"text": text, "list": [text]})
    assert json.loads(encoded) == {"text": text, "list": [text]}
    inner = str(encoded)[1:-1]  # the object's own braces are JSON, not text
    assert not set("<>'{}_") & set(inner)


@pytest.mark.parametrize("text", [*PAYLOADS, "a\nnew line", ONE_MB])
def test_css_string_holds_any_text_and_nothing_that_ends_it(text):
    encoded = escaping.css_string(text)
    inner = encoded[1:-1]
    assert encoded[0] == encoded[-1] == '"' and re.fullmatch(r"[A-Za-z0-9 _\\-]*", inner)
    assert re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), inner) == text


def test_the_panels_styles_take_any_place_id_and_show_the_selection_until_the_map_names_one():
    from geo import assets, panel

    ids = ["lachin", *PAYLOADS]
    css = panel.panel_css(ids, "lachin")
    # One style element and two rules, whatever the ids hold.
    assert css.startswith(f"<style {panel.PANEL_STYLE_ATTRIBUTE}>") and css.endswith("</style>") and css.count("<") == 2
    assert css.count("{") == css.count("}") == 2
    # Before the map has named a place, the run's selection shows: every other place's panel is hidden.
    # Until this style is in the page, the page's constant styles hide every place's panel.
    assert f"style[{panel.PANEL_STYLE_ATTRIBUTE}]" in assets.atlas_text("page.css")
    fallback = re.findall(r"html:not\(\[data-atlas-place\]\) \.(st-key-place-panel-[\w-]+)", css)
    assert len(fallback) == len(PAYLOADS) and panel.container_class("place-panel-lachin") not in fallback


@pytest.mark.parametrize("text", [*PAYLOADS, ONE_MB])
def test_html_text_shows_literally_and_has_no_template_braces(text):
    import html

    encoded = escaping.html_text(text)
    assert html.unescape(encoded) == text
    assert not set("<>{}\"'") & set(encoded)


def test_the_map_command_draws_hostile_titles_literally(tmp_path, capsys):
    """`python -m geo map` goes through the app's own rendering: the titles come out as written."""
    from geo.__main__ import main

    events = write_hostile_csv(tmp_path / "hostile.csv", one_mb=False)
    # The row whose place is a payload is a problem: nothing is written until the file is clean.
    assert main(["map", str(tmp_path / "refused.html"), "--events", str(events)]) == 1
    assert "Lachin T{{ 7*7 }}T" in capsys.readouterr().err
    assert not (tmp_path / "refused.html").exists()

    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join(events.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")
    out = tmp_path / "map.html"
    assert main(["map", str(out), "--events", str(clean), "--place", "Berdzor", "--lang", "ru"]) == 0
    page = out.read_text(encoding="utf-8")
    titles = {label.split(" · ", 1)[1] for label in _labels(page)}
    assert {f"title {text}" for text in PAYLOADS} <= titles
    assert '"selected":"lachin"' in page and '"lang":"ru"' in page
    for evaluated in EVALUATED:
        assert evaluated not in page


@pytest.mark.parametrize("text", PAYLOADS)
def test_the_share_box_shows_a_hostile_link_as_text_and_adds_no_markup(text):
    import html

    from geo import panel

    box = panel.share_box_html(f"http://127.0.0.1/?q={text}", f"cite {text}", "en")
    shown = re.findall(r'class="atlas-copy-text [^"]*">([^<]*)<', box)
    assert [html.unescape(t) for t in shown] == [f"http://127.0.0.1/?q={text}", f"cite {text}"]
    # Markup only: the copy buttons' style and script are the page's own constant (one <script>, no data in it).
    assert "<script" not in box and "<style" not in box and "{" not in box
    assert panel.SHARE_SCRIPT.count("<script>") == 1 and "atlas-copy-text" in panel.SHARE_SCRIPT
