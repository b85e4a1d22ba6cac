"""The base map's context (data/context.geojson): rebuilt to the same bytes, every town from a cited point and named
as the places are, in the live map and in the exported one, and listed in the legend in every language."""

from __future__ import annotations

import json

from geo import assets, context, mapping, messages
from geo.build import regions_text
from geo.load import DEFAULT_DATA_DIR
from geo.model import LANGUAGES

DATA = DEFAULT_DATA_DIR
AGREEMENT_TOWNS = (
    "Khankendi",
    "Shusha",
    "Lachin",
    "Aghdam",
    "Kalbajar",
    "Fuzuli",
    "Jabrayil",
    "Zangilan",
    "Gubadly",
    "Khojaly",
    "Khojavend",
    "Meghri",
    "Goris",
    "Kapan",
    "Nakhchivan",
)


def _features() -> list[dict]:
    return json.loads((DATA / "context.geojson").read_text(encoding="utf-8"))["features"]


def _towns() -> dict[str, dict]:
    return {f["properties"]["name"]: f for f in _features() if f["properties"]["kind"] == "town"}


def test_context_rebuilds_to_the_same_bytes():
    shipped = (DATA / "context.geojson").read_text(encoding="utf-8")
    assert regions_text(context.build_context(DATA)) == shipped


def test_the_agreements_towns_show_from_the_start_zoom_at_their_cited_points():
    towns = _towns()
    waypoints = {w["id"]: w for w in json.loads((DATA / "waypoints.json").read_text(encoding="utf-8"))["waypoints"]}
    for name in AGREEMENT_TOWNS:
        town = towns[name]
        assert town["properties"]["zoom"] <= mapping.START_ZOOM, name
        waypoint = waypoints.get(town["id"].removeprefix("town-"))
        if town["properties"]["source"] == context.WAYPOINTS:
            assert waypoint and waypoint["cite"].startswith(("https://", "http://")), name
            assert town["geometry"]["coordinates"] == [round(waypoint["lon"], 4), round(waypoint["lat"], 4)], name
    # Natural Earth's "Agdam" is a village in Tovuz district: Aghdam is labelled at its cited point only.
    assert [t for t in towns.values() if t["properties"]["name"] in ("Agdam", "Ağdam")] == []
    assert towns["Aghdam"]["geometry"]["coordinates"] == [46.9297, 39.9911]


def test_town_names_are_the_places_names_in_each_language():
    towns = _towns()
    assert towns["Shusha"]["properties"]["names"] == {"en": "Shusha", "az": "Şuşa", "hy": "Շուշի", "ru": "Шуша"}
    assert towns["Lachin"]["properties"]["names"]["hy"] == "Բերձոր"
    assert towns["Zangilan"]["properties"]["names"]["ru"] == "Зангилан"  # the town, not "Зангиланский район"
    assert towns["Nakhchivan"]["properties"]["names"]["en"] == "Nakhchivan"  # the city, not the republic
    assert towns["Meghri"]["properties"]["names"] == {"en": "Meghri"}  # no other name in the data: English


def test_the_aras_the_kura_and_the_old_lachin_road_are_drawn_and_no_hakari():
    kinds = {f["id"]: f["properties"]["kind"] for f in _features()}
    assert kinds["river-aras"] == kinds["river-kura"] == "river"
    assert kinds["old-lachin-road"] == "road"
    assert not [i for i in kinds if "hakari" in i]  # no source has the Hakari: not drawn
    road = next(f for f in _features() if f["id"] == "old-lachin-road")
    assert road["properties"]["precision"] == "indicative"
    sources = {s["id"] for s in json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"]}
    cited = {f["properties"]["source"] for f in _features()} | set(road["properties"]["sources"])
    assert cited <= sources, cited - sources


def test_the_live_and_exported_maps_carry_the_context_under_the_places_and_in_the_legend(atlas):
    geometries = mapping.display_geometries(atlas.places.values())
    live = mapping.base_map(DATA, atlas.places.values(), geometries).get_root().render()
    exported = mapping.standalone_html(DATA, atlas.places.values(), geometries, [])
    # The live map loads the atlas's code (which labels the towns) from the app; the exported one holds it.
    assert f"{mapping.ATLAS_URL}/{assets.served_name('map.js')}" in live and "atlas-town" not in live
    assert "atlas-town" in assets.map_text("map.js") and assets.map_text("map.js") in exported
    for page in (live, exported):
        assert '"Շուշի"' in page and '"river-aras"' in page
        # Drawn before the places, so under them in Leaflet's one SVG.
        assert page.index('"river-aras"') < page.index('{"id":"lachin"')
    assert {"context.town", "context.river", "context.lake", "context.road"} <= {
        item["key"] for item in mapping._legend_items()
    }
    for key in ("context.town", "context.river", "context.road"):
        assert all(messages.message(key, lang) for lang in LANGUAGES)
        assert len({messages.message(key, lang) for lang in LANGUAGES}) == len(LANGUAGES), key
