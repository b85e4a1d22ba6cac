"""The page flow without a browser (streamlit AppTest): a click is simulated through the map's session state."""

import datetime as dt
import html
import json
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.common import DRAWN_VALUE, clicked_value
from geo import panel
from geo.store import hash_password
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
TIMEOUT = 60


MAP_DRAWN = DRAWN_VALUE


def _run(query=None, **state):
    """The page as a browser sees it once the map has drawn: the first run, then the run the map's first value
    starts."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if "map" not in state:
        at.session_state["map"] = MAP_DRAWN
        at.run()
    return at


def _date_slider(at):
    """The map's date slider (its widget's key is numbered: geo.ui._date_box_key)."""
    (slider,) = [s for s in at.slider if s.key.startswith("asof-")]
    return slider


def _date_box(at):
    """The map's exact-date box."""
    (box,) = [d for d in at.date_input if d.key.startswith("asof_exact-")]
    return box


def _markdown(at):
    return "\n".join(m.value for m in at.markdown)


def _panel(at):
    """The panel the page shows: the selected place's (the page holds every place's panel, hidden but that one),
    or the list of all events when no place is selected."""
    place = at.session_state.place
    return at.get_by_key(panel.place_panel_key(place) if place else panel.ALL_EVENTS_KEY)


def _panel_markdown(at) -> str:
    return "\n".join(m.value for m in _panel(at).markdown)


def _place_heading(at) -> str:
    """The panel's heading: the selected place's name, as the page writes it."""
    (heading,) = [
        m.value.split("\n")[0].removeprefix("### ") for m in _panel(at).markdown if m.value.startswith("### ")
    ]
    return heading


def _map_args(at) -> dict:
    (component,) = [c for c in at.get("component_instance")]
    return json.loads(component.proto.json_args)


def _map_script(at) -> str:
    return _map_args(at)["script"]


def _map_code(at) -> str:
    """What the map runs: its own script and the map's constant code and styles it loads (by the links it carries)."""
    from geo import assets, mapping

    args = _map_args(at)
    links = args["js_links"] + args["css_links"]
    loaded = [assets.map_text(n) for n in assets.MAP_FILES if f"{mapping.ATLAS_URL}/{assets.served_name(n)}" in links]
    return "\n".join([args["script"], *loaded])


def _map_view(at) -> dict:
    """The view the page gave the map: the argument of the `atlasView(...)` call among the layers it adds."""
    call = re.search(r"window\.atlasView\((\{.*?\})\);", _map_args(at)["feature_group"])
    return json.loads(call.group(1))


def test_first_view_lists_every_event_and_draws_every_place(atlas):
    at = _run()
    assert not at.exception
    assert f"Events of the agreements shown ({len(atlas.events)})" in _panel_markdown(at)
    script = _map_script(at)
    for place_id in atlas.places:  # a feature of the places layer, each classed `place-<id>` by the atlas's code
        assert f'"properties":{{"id":"{place_id}"' in script
    assert '"place-" + id' in _map_code(at)
    assert _map_view(at)["shown"] == sorted(atlas.places)
    args = _map_args(at)
    assert "cdn.jsdelivr" not in json.dumps(args)
    # One script and one stylesheet from the app: st_folium's frontend loads scripts one after another.
    assert [len(args["js_links"]), len(args["css_links"])] == [1, 1], args["js_links"] + args["css_links"]
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])


def test_the_first_run_sends_the_map_and_the_rest_once_the_map_has_drawn():
    from geo import assets, panel

    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and len(at.get("component_instance")) == 1
    assert not at.get("download_button") and not at.get("vega_lite_chart") and not at.sidebar.checkbox
    assert not at.slider and "Events of the agreements shown" not in _markdown(at)
    assert any("once the map is drawn" in c.value for c in at.caption)
    assert any("once the map is drawn" in c.value for c in at.sidebar.caption)  # the sidebar's room is taken
    # No st.html at all (its code would be fetched before the map's): the map's frame brings the page's styles.
    assert not at.get("html")

    at.session_state["map"] = {**MAP_DRAWN, "atlas_drawn": False}  # st_folium's own first value
    at.run()
    assert "Events of the agreements shown" not in _markdown(at)
    at.session_state["map"] = MAP_DRAWN  # what the map sends once its places are painted
    at.run()
    assert {b.proto.label for b in at.get("download_button")} >= {"Map HTML"}
    assert at.get("vega_lite_chart") and at.get("dataframe") and at.sidebar.checkbox
    assert "Events of the agreements shown" in _markdown(at)
    assert _date_slider(at).value == dt.date.today()
    assert not any("once the map is drawn" in c.value for c in (*at.caption, *at.sidebar.caption))
    # Now the page's styles and scripts too (for a map whose script never ran), and the first view's push, which
    # goes to the map only over a view an earlier session pushed in the page.
    bodies = [e.proto.body for e in at.get("html")]
    assert f"<style>{assets.atlas_text('page.css')}</style>" in bodies and panel.SHARE_SCRIPT in bodies
    assert [b for b in bodies if "atlasView" in b and "var first = true;" in b]


def test_clicking_lachin_lists_its_events_and_article_6():
    at = _run()
    before = _map_args(at)
    at.session_state["map"] = {"last_active_drawing": {"properties": {"id": "lachin"}}}
    at.run()
    # The map drew the click itself: it is given the same arguments, so Streamlit does not send it again.
    assert _map_args(at) == before
    text = _panel_markdown(at)
    assert _place_heading(at) == "Lachin"
    assert "1 Dec 2020" in text and "Art. 6" in text
    assert at.query_params["place"] in ("lachin", ["lachin"])


def test_unticking_an_agreement_removes_its_places_from_the_map_and_the_link():
    at = _run(open_groups={2020})
    at.checkbox(key="agreement:statement-2020-11-10").uncheck().run()
    shown = _map_view(at)["shown"]
    assert "lachin" not in shown and "nakhchivan-link" in shown
    assert "statement-2020-11-10" not in str(at.query_params["agreements"])


def test_a_closed_years_toggles_are_not_on_the_page_and_keep_their_values():
    at = _run(open_groups={2020})
    at.checkbox(key="agreement:statement-2020-11-10").uncheck().run()
    at.session_state["open_groups"] = set()  # the reader closes the group (its on_change keeps this set)
    at.run()
    assert not [c for c in at.sidebar.checkbox if str(c.key).startswith("agreement:")]
    at.run()  # a later run that draws no toggle keeps what the reader chose
    assert "lachin" not in _map_view(at)["shown"]
    assert at.session_state["agreement:statement-2020-11-10"] is False
    assert at.session_state["agreement:statement-2021-01-11"] is True


def test_searching_shushi_selects_shusha():
    at = _run()
    at.text_input(key="search").input("Shushi").run()
    assert _place_heading(at) == "Shusha"
    assert _map_view(at)["selected"] == "shusha"


def test_a_search_made_after_a_click_the_server_had_not_taken_yet_wins():
    """One run brings both when the click's run was cut short by the search's (a busy server, a quick reader)."""
    at = _run()
    at.session_state["map"] = clicked_value("lachin", 0)
    at.text_input(key="search").input("Shushi").run()
    assert _place_heading(at) == "Shusha"
    assert _map_view(at)["selected"] == "shusha"
    at.session_state["map"] = clicked_value("lachin", 1)  # a click after it is taken
    at.run()
    assert _place_heading(at) == "Lachin"


def test_a_permalink_restores_place_language_and_agreements():
    at = _run({"place": "kalbajar", "lang": "ru", "agreements": "statement-2020-11-10"}, open_groups={2020, 2021})
    assert _place_heading(at) == "Кельбаджар"
    assert at.checkbox(key="agreement:statement-2020-11-10").value is True
    assert at.checkbox(key="agreement:statement-2021-01-11").value is False


@pytest.mark.parametrize("query", [{"place": "atlantis"}, {"lang": "xx"}, {"from": "yesterday"}])
def test_a_bad_link_shows_a_notice_not_a_crash(query):
    at = _run(query)
    assert not at.exception
    assert at.warning and next(iter(query.values())) in at.warning[0].value


@pytest.mark.parametrize(
    "forged",
    [
        {"last_active_drawing": {"properties": {"id": "atlantis"}}},
        {"last_active_drawing": {"properties": {"id": ["lachin"]}}},
        {"last_active_drawing": "lachin"},
        ["not", "a", "dict"],
    ],
)
def test_a_forged_map_click_is_ignored_and_the_page_still_works(forged):
    at = _run()
    at.session_state["map"] = forged
    at.run()
    assert not at.exception
    assert at.session_state.place is None
    assert _panel_markdown(at).startswith("**Events of the agreements shown")
    at.session_state["map"] = {"last_active_drawing": {"properties": {"id": "lachin"}}}
    at.run()
    assert _place_heading(at) == "Lachin"


def test_the_upload_limit_is_the_importers_so_a_bigger_file_never_reaches_the_server():
    import tomllib

    from geo.importer import MAX_BYTES

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES


def test_the_installed_server_runs_with_the_checkouts_settings():
    import tomllib

    from geo.serve import SERVER_OPTIONS

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {
        f"{section}.{key}": str(value).lower() for section, values in config.items() for key, value in values.items()
    }
    assert flat == SERVER_OPTIONS


def test_the_page_provisions_its_own_leaflet_beside_its_script(tmp_path):
    """`streamlit run streamlit_app.py` on a fresh clone, with no `make`: the page puts the map's code (Leaflet's and
    the atlas's, one file of each kind) where Streamlit serves it from (static/ beside the script), so the map draws
    offline."""
    from geo import assets, mapping

    script = tmp_path / "streamlit_app.py"
    script.write_text((ROOT / "streamlit_app.py").read_text(encoding="utf-8"), encoding="utf-8")
    at = AppTest.from_file(str(script), default_timeout=TIMEOUT).run()
    assert not at.exception
    served = tmp_path / "static" / "atlas"
    code = {name: (served / assets.served_name(name)).read_text(encoding="utf-8") for name in assets.MAP_FILES}
    # The package's code: Leaflet as its wheel has it (less the line naming its source map), then the atlas's own;
    # the script ends by putting the page's styles into the page (atlas.dressPage).
    assert code["map.js"].startswith("/* @preserve\n * Leaflet 1.9.4") and "sourceMappingURL" not in code["map.js"]
    for name, (leaflet, atlas) in assets.MAP_FILES.items():
        wheel = assets.leaflet_text(leaflet).replace("//# sourceMappingURL=leaflet.js.map", "").rstrip()
        dressing = f"atlas.dressPage({json.dumps(assets.atlas_text('page.css'))});\n" if name == "map.js" else ""
        assert code[name] == f"{wheel}\n{assets.atlas_text(atlas)}{dressing}" == assets.map_text(name), name
    assert (served / "images" / "layers.png").is_file()  # Leaflet's styles name its images relative to themselves
    # Loaded under names that change with their content (a browser may keep them), one file of each kind.
    args = _map_args(at)
    assert args["js_links"] == [f"{mapping.ATLAS_URL}/{assets.served_name('map.js')}"]
    assert args["css_links"] == [f"{mapping.ATLAS_URL}/{assets.served_name('map.css')}"]


def test_the_atlas_code_a_page_gets_is_the_packages_code_line_for_line_without_comments():
    from importlib import resources

    from geo import assets

    for name in assets.ATLAS_FILES:
        source = resources.files("geo").joinpath("browser", name).read_text(encoding="utf-8")
        code, in_comment = [], False
        for line in (line.strip() for line in source.splitlines()):
            if in_comment or line.startswith("/*"):
                in_comment = not line.endswith("*/")
            elif line and not line.startswith("//"):
                code.append(line)
        assert assets.atlas_text(name).splitlines() == code, name
        assert len(assets.atlas_text(name)) < 0.8 * len(source), name


def test_agreements_are_grouped_by_year_and_a_years_none_hides_only_its_own():
    at = _run(open_groups={2020, 2022, 2025})
    labels = [e.label for e in at.sidebar.expander]
    assert labels[0].startswith("2020 · ") and any(label.startswith("2025 · ") for label in labels)
    at.button(key="hide-2022").click().run()
    assert at.checkbox(key="agreement:prague-2022-10-06").value is False
    assert at.checkbox(key="agreement:statement-2020-11-10").value is True
    assert "2022 · 0 of" in " ".join(e.label for e in at.sidebar.expander)
    at.button(key="hide-all").click().run()
    assert not any(at.checkbox(key=f"agreement:{a}").value for a in ("statement-2020-11-10", "washington-2025-08-08"))
    at.button(key="show-all").click().run()
    assert at.checkbox(key="agreement:washington-2025-08-08").value is True


def test_a_place_shows_who_held_it_and_whether_each_tie_is_named_or_inferred():
    at = _run({"place": "lachin"})
    text = _panel_markdown(at)
    assert "**Who held it**" in text
    assert "from 1 Dec 2020: **Split between them**" in text
    assert "from 26 Aug 2022: **Azerbaijan**" in text
    assert "10 Nov 2020 · Moscow ceasefire statement" in text and "named in the text" in text


def test_a_point_place_is_drawn_as_a_circle_and_a_click_on_it_selects_it():
    at = _run()
    assert "L.circleMarker(latlng)" in _map_code(at) and '"properties":{"id":"jermuk"' in _map_script(at)
    at.session_state["map"] = {"last_active_drawing": {"properties": {"id": "jermuk"}}}
    at.run()
    assert _place_heading(at) == "Jermuk"


def test_the_commitments_view_follows_the_maps_date():
    """On 20 Nov 2020 Kalbajar's return had not happened (its deadline moved to 25 Nov); by 26 Nov it was done."""
    at = _run({"asof": "2020-11-20"})
    (box,) = [e for e in at.expander if e.label.startswith("Commitments:")]
    assert box.label == "Commitments: what the agreements shown promised, on 20 Nov 2020"
    frames = [d.value for d in at.dataframe]
    rows = next(f for f in frames if "status" in f.columns)
    kalbajar = rows[rows["text"].str.contains("Kalbajar")]
    assert not kalbajar.empty and "full" not in set(kalbajar["status"])
    at = _run({"asof": "2020-11-26"})
    rows = next(d.value for d in at.dataframe if "status" in d.value.columns)
    assert "full" in set(rows[rows["text"].str.contains("Kalbajar")]["status"])


def test_a_link_may_name_a_place_in_any_spelling_and_is_rewritten_to_its_id():
    at = _run({"place": "Berdzor"})
    assert not at.warning
    assert _place_heading(at) == "Lachin"
    assert at.query_params["place"] in ("lachin", ["lachin"])


def test_a_link_to_a_place_its_agreements_hide_says_so():
    at = _run({"place": "lachin", "agreements": "washington-2025-08-08"})
    assert any("Lachin, is not on the map" in w.value for w in at.warning)


def test_tooltips_are_the_names_as_written_and_a_clicked_place_gets_no_black_frame(atlas):
    """An English "(indicative)" was added to every language's name (and twice to English ones)."""
    from geo import mapping
    from geo.model import LANGUAGES

    corridor = atlas.places["lachin-corridor"]
    assert mapping._tooltips(corridor) == {lang: corridor.display_name(lang) for lang in LANGUAGES}
    assert mapping._tooltips(corridor)["ru"] == "Лачинский коридор"
    # Leaflet issue 8659: the outline goes for mouse clicks only, keyboard focus stays visible.
    assert "path.leaflet-interactive:focus:not(:focus-visible) { outline: none; }" in _map_code(_run())


def test_a_place_lists_its_commitments_with_their_status_on_the_maps_date():
    text = _markdown(_run({"place": "kalbajar", "asof": "2020-11-26"}))
    assert "What the agreements promised here, on 26 Nov 2020" in text
    assert "Armenia returns Kalbajar" in text and "— **full** since 25 Nov 2020" in text


def test_a_link_to_an_event_selects_its_first_place_and_shows_it_first():
    at = _run({"event": "kalbajar-handover-2020-11-25"})
    assert _place_heading(at) == "Kalbajar"
    events = next(m.value for m in _panel(at).markdown if m.value.startswith("**Events here"))
    first = events.split("\n\n")[1]
    assert "Kalbajar" in first and "25 Nov 2020" in first
    assert at.query_params["event"] in ("kalbajar-handover-2020-11-25", ["kalbajar-handover-2020-11-25"])


def test_the_view_can_be_cited_with_the_atlas_and_data_versions_and_its_link():
    import geo

    at = _run({"place": "lachin", "asof": "2022-09-01"})
    (box,) = [e.proto.body for e in at.get("html") if e.proto.body.startswith('<div class="atlas-share">')]
    (link, citation) = [html.unescape(t) for t in re.findall(r'class="atlas-copy-text [^"]*">([^<]*)<', box)]
    assert "place=lachin" in link and "asof=2022-09-01" in link
    assert citation.startswith(f"Karabakh Atlas {geo.__version__} (data ") and link in citation
    # The copy buttons' script is the page's, once; the box, sent again on every click, carries none.
    assert [e.proto.body for e in at.get("html") if "<script" in e.proto.body].count(panel.SHARE_SCRIPT) == 1
    assert "<script" not in box


def test_the_cited_version_is_the_packages():
    import tomllib

    import geo

    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"] == geo.__version__


def test_the_map_has_real_zoom_limits():
    """folium drops min_zoom/max_zoom when there is no tile layer (the live map reported maxZoom=Infinity)."""
    from geo import mapping

    script = _map_script(_run())
    assert f'"minZoom": {mapping.MIN_ZOOM}' in script and f'"maxZoom": {mapping.MAX_ZOOM}' in script


def test_an_agreements_page_opens_from_its_sidebar_button_and_closes():
    at = _run(open_groups={2020})
    at.button(key="agreement-page:statement-2020-11-10").click().run()
    page = next(m.value for m in at.markdown if m.value.startswith("### 10 Nov 2020 · Moscow ceasefire statement"))
    assert "Lachin" in page and "Events tied to it" in page
    assert at.query_params["agreement"] in ("statement-2020-11-10", ["statement-2020-11-10"])
    at.button(key="close-agreement").click().run()
    assert not any(m.value.startswith("### 10 Nov 2020") for m in at.markdown)
    assert "agreement" not in at.query_params


def test_the_places_panel_links_to_its_agreements_pages():
    text = _markdown(_run({"place": "lachin", "lang": "ru"}))
    assert "](<?place=lachin&lang=ru&agreement=statement-2020-11-10>)" in text


def test_a_new_date_restyles_the_map_through_a_small_script_not_the_whole_map_again():
    """The map's arguments (its ~140 KB of geometry) stay as they were, so Streamlit does not send them again; the
    new date goes to the map drawn in the page as a view of a few hundred bytes, with a newer number."""
    at = _run({"asof": "2020-11-20", "place": "kalbajar"})
    before = _map_args(at)
    _date_slider(at).set_value(dt.date(2020, 11, 26)).run()
    assert _map_args(at) == before
    (push,) = [e.proto.body for e in at.get("html") if "atlasView" in e.proto.body]
    assert "var first = false;" in push  # the map takes it at once
    view = json.loads(re.search(r"\}\)\((\{.*\})\);</script>", push).group(1))
    assert view["asof"] == "2020-11-26" and view["selected"] == "kalbajar"
    assert view["number"] > _map_view(at)["number"] and len(push) < 2000
    # Anything else that changes the map's view gives it new arguments, with the date it shows.
    at.selectbox(key="lang").set_value("ru").run()
    assert _map_view(at)["asof"] == "2020-11-26" and _map_view(at)["number"] > view["number"]


# An OpenID Connect provider as Streamlit's docs configure one; nothing here is contacted (the button is not pressed).
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a test cookie secret, not a real one",
    "google": {
        "client_id": "atlas-test",
        "client_secret": "not a real secret",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
    },
}


def _with_secrets(secrets: dict, user: dict | None = None):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets.update(secrets)
    if user is not None:
        at.user = user
    at.session_state["map"] = MAP_DRAWN
    return at.run()


def _buttons(at) -> list[str]:
    return [b.label for b in at.button]


def test_a_configured_provider_gets_a_sign_in_button_beside_the_password_path():
    at = _with_secrets({"auth": AUTH, "editors": {"alice": {"password_hash": "scrypt$1$1$1$AA==$AA=="}}})
    assert "Sign in with Google" in _buttons(at) and "Sign in" in _buttons(at)
    assert [t.label for t in at.text_input if t.label in ("Editor name", "Password")] == ["Editor name", "Password"]


def test_without_a_provider_there_is_no_provider_button():
    at = _with_secrets({"editors": {"alice": {"password_hash": "scrypt$1$1$1$AA==$AA=="}}})
    assert not [label for label in _buttons(at) if label.startswith("Sign in with")]
    assert "Sign in" in _buttons(at)


def test_a_provider_user_whose_email_is_listed_is_that_editor_and_may_review():
    secrets = {"auth": AUTH, "editors": {"alice": {"email": "alice@example.org"}}}
    at = _with_secrets(secrets, {"is_logged_in": True, "email": "Alice@Example.org", "email_verified": True})
    assert "Signed in as **alice**" in _markdown(at)
    assert any(e.label.startswith("Review proposed events") for e in at.expander)
    assert "Sign out" in _buttons(at) and "Sign in with Google" not in _buttons(at)


def test_a_provider_user_whose_email_is_not_listed_views_only():
    secrets = {"auth": AUTH, "editors": {"alice": {"email": "alice@example.org"}}}
    at = _with_secrets(secrets, {"is_logged_in": True, "email": "mallory@example.org"})
    assert any("mallory@example.org: not an editor here." in c.value.replace("\\", "") for c in at.caption)
    assert not any(e.label.startswith("Review proposed events") for e in at.expander)


def test_each_date_control_shows_the_date_the_other_was_moved_to_and_a_move_back_counts():
    at = _run({"asof": "2021-06-10"})
    _date_slider(at).set_value(dt.date(2021, 6, 9)).run()
    assert _date_box(at).value == dt.date(2021, 6, 9)
    assert at.query_params["asof"] in ("2021-06-09", ["2021-06-09"])
    # The date it showed before, typed back into the box, is the reader's move (not what the box said before).
    _date_box(at).set_value(dt.date(2021, 6, 10)).run()
    assert _date_slider(at).value == dt.date(2021, 6, 10)
    assert at.query_params["asof"] in ("2021-06-10", ["2021-06-10"])


def test_the_interface_follows_the_chosen_language():
    at = _run({"place": "lachin", "lang": "hy"})
    assert "Համաձայնագրեր" in [h.value for h in at.sidebar.subheader]
    assert _date_slider(at).label == "Քարտեզի ամսաթիվը՝ ով էր վերահսկում յուրաքանչյուր վայր"
    assert at.text_input(key="search").label == "Գտնել վայր (ցանկացած գրությամբ)"
    assert "**Ով էր վերահսկում**" in _panel_markdown(at)
    assert any(m.value.startswith("**Իրադարձություններն այստեղ (") for m in _panel(at).markdown)
    # Switching back keeps every choice made (a widget's state is its key's, whatever its label says).
    at.selectbox(key="lang").select("en").run()
    assert _date_slider(at).label == "Map on date: who held each place" and _place_heading(at) == "Lachin"


def test_a_new_session_opens_with_the_map_the_last_session_opened_with_not_a_new_rendering():
    # Rendering the map's arguments (~60 ms) would hold up a new visitor's first map.
    first, second = _run(), _run()
    assert second.session_state["map_args"][2] is first.session_state["map_args"][2]
    # Another view is another map: a session showing Lachin selected gets arguments of its own.
    third = AppTest.from_file(APP, default_timeout=TIMEOUT)
    third.query_params["place"] = "lachin"
    third.run()
    assert third.session_state["map_args"][2] is not first.session_state["map_args"][2]


def test_a_new_selection_opens_at_its_first_page_as_its_waiting_panel_shows_it(atlas):
    at = _run({"place": "karabakh"})
    at.number_input(key="page").set_value(2).run()
    assert "Events here (46)" in _panel_markdown(at)
    second_page = _panel_markdown(at)
    at.session_state["map"] = {"last_active_drawing": {"properties": {"id": "lachin-corridor"}}}
    at.run()
    assert _place_heading(at) == panel.markdown_text("Lachin corridor (indicative)")
    assert at.number_input(key="page").value == 1
    newest = max((e for e in atlas.events if "lachin-corridor" in e.places), key=lambda e: (e.date, e.id))
    assert panel.markdown_text(newest.title) in _panel_markdown(at) and _panel_markdown(at) != second_page


def test_a_sign_in_that_reaches_the_server_twice_is_one_attempt(monkeypatch):
    # The store watch's run can carry a click before the click's own run (README, Shared store). Two wrong passwords,
    # each delivered twice, are two failures, not four: the right password is then taken, where a fourth failure
    # would make it wait.
    # AppTest's stand-in client has no address of its own (a mock); a page opened on this machine has none either.
    monkeypatch.setattr(type(st.context), "ip_address", property(lambda self: None))
    at = _with_secrets({"editors": {"dora": {"password_hash": hash_password("right")}}})
    for wrong in ("wrong 1", "wrong 2"):
        for _ in range(2):
            at.text_input(key="editor-name").input("dora")
            at.text_input(key="editor-password").input(wrong)
            at.button(key="sign-in").click().run()
        assert [e.value for e in at.error] == ["Unknown editor or wrong password."]
    at.text_input(key="editor-password").input("right")
    at.button(key="sign-in").click().run()
    assert "Signed in as **dora**" in _markdown(at)
    # Signed out, the same editor signs in again at once.
    at.button(key="sign-out").click().run()
    at.text_input(key="editor-name").input("dora")
    at.text_input(key="editor-password").input("right")
    at.button(key="sign-in").click().run()
    assert "Signed in as **dora**" in _markdown(at)
