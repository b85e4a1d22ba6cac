"""The map's fast click (geo/mapping.py `_Places`) sends st_folium's value itself, through globals of st_folium's
frontend. This reads the installed frontend bundle and fails when those globals change, so an upgrade of
streamlit-folium cannot silently bring back the 250 ms debounce (or break the click)."""

from importlib import resources

from geo import mapping

# What the click path reads or calls in the frontend, as it appears in the minified bundle of 0.27.4.
GLOBALS_USED = (
    "window.Streamlit=",  # the component API: setComponentValue
    "window.__GLOBAL_DATA__",  # st_folium's state: returned_objects, previous_data, last_active_drawing
    "previous_data=",  # st_folium skips a value equal to the one it sent last
    "returned_objects=data.args.returned_objects",
    "last_object_clicked_count",
)


def _bundle() -> str:
    build = resources.files("streamlit_folium").joinpath("frontend", "build", "static", "js")
    (main,) = [p for p in build.iterdir() if p.name.startswith("main.") and p.name.endswith(".js")]
    return main.read_text(encoding="utf-8")


def test_the_frontend_still_has_every_global_the_click_path_uses():
    bundle = _bundle()
    missing = [name for name in GLOBALS_USED if name not in bundle]
    assert not missing, f"streamlit-folium's frontend changed: {missing}; check mapping._Places' sendClick"


def test_the_click_returns_what_st_folium_returns_in_its_order():
    bundle = _bundle()
    assert all(key in bundle for key in mapping.CLICK_RETURNED)
