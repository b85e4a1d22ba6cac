"""The shipped data: built reproducibly from its sources, every reference known, every source credited."""

import hashlib
import json

from geo.build import build_regions, regions_text
from tests.conftest import ROOT

DATA = ROOT / "data"


def test_regions_rebuild_to_the_same_bytes():
    shipped = (DATA / "regions.geojson").read_text(encoding="utf-8")
    assert regions_text(build_regions(DATA)) == shipped


def test_a_crossing_of_lines_that_do_not_meet_is_refused_naming_the_place(tmp_path):
    import shutil

    import pytest

    from geo.build import BuildError

    shutil.copytree(DATA, tmp_path / "data")
    places_file = tmp_path / "data" / "places.json"
    places = json.loads(places_file.read_text(encoding="utf-8"))
    (checkpoint,) = [p for p in places["places"] if p["id"] == "hakari-bridge-checkpoint"]
    checkpoint["geometry"]["crossing"] = ["lachin-road-2022", "tripp-route"]  # Lachin and Meghri: far apart
    places_file.write_text(json.dumps(places), encoding="utf-8")
    with pytest.raises(
        BuildError, match="place 'hakari-bridge-checkpoint': lachin-road-2022 and tripp-route do not meet"
    ):
        build_regions(tmp_path / "data")


def test_regions_are_rfc7946_with_six_decimals():
    collection = json.loads((DATA / "regions.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection

    def numbers(value):
        if isinstance(value, (int, float)):
            yield value
        else:
            for item in value:
                yield from numbers(item)

    for feature in collection["features"]:
        for number in numbers(feature["geometry"]["coordinates"]):
            assert round(number, 6) == number


def test_required_places_exist_with_kinds(atlas):
    kinds = {p.id: p.kind for p in atlas.places.values()}
    assert (
        kinds.items()
        >= {
            "karabakh": "region",
            "kalbajar": "district",
            "aghdam": "district",
            "lachin": "district",
            "shusha": "district",
            "nakhchivan": "region",
            "nakhchivan-link": "corridor",
            "lachin-corridor": "corridor",
            "fuzuli": "district",
            "jabrayil": "district",
            "zangilan": "district",
            "gubadly": "district",
            "khojaly": "district",
            "khojavend": "district",
            "khankendi": "city",
            # issue 10: the places of the events since 2020, points and lines among them
            "peacekeeping-zone": "zone",
            "lachin-road-2022": "route",
            "tripp-route": "route",
            "aras-route-iran": "route",
            "tavush-gazakh-border": "border",
            "armenia-azerbaijan-border": "border",
            "aghavno": "village",
            "goris": "town",
            "gazakh": "district",
            "syunik": "region",
        }.items()
    )
    assert atlas.places["nakhchivan-link"].precision == "indicative"
    assert atlas.places["lachin-corridor"].precision == "indicative"


def test_names_cover_all_four_languages_and_the_other_sides_spelling(atlas):
    expected = {
        "shusha": {"Şuşa", "Shushi", "Շուշի", "Шуша"},
        "khankendi": {"Xankəndi", "Stepanakert"},
        "lachin": {"Laçın", "Berdzor"},
        "kalbajar": {"Kəlbəcər", "Karvachar", "Kelbajar"},
        "aghdam": {"Ağdam", "Agdam", "Akna"},
    }
    for place_id, spellings in expected.items():
        assert spellings <= set(atlas.places[place_id].spellings()), place_id
    for place in atlas.places.values():
        assert set(place.names) == {"en", "az", "hy", "ru"}, place.id


def test_the_agreements_and_their_articles(atlas):
    first = atlas.agreements["statement-2020-11-10"]
    assert {"1", "2", "3", "4", "6", "7", "8", "9"} <= set(first.articles)
    assert "Aghdam" in first.articles["2"] and "Kalbajar" in first.articles["6"]
    # From the ceasefire of 10 Nov 2020 to the Washington declaration of 8 Aug 2025 and after.
    assert len(atlas.agreements) >= 10
    assert {
        "statement-2020-11-10",
        "statement-2021-01-11",
        "statement-2021-11-26",
        "brussels-2021-12-14",
        "brussels-2022-04-06",
        "brussels-2022-05-22",
        "brussels-2022-08-31",
        "prague-2022-10-06",
        "sochi-2022-10-31",
        "ceasefire-2023-09-20",
        "delimitation-2024-04-19",
        "washington-2025-08-08",
        "peace-treaty-initialled-2025-08-08",
    } <= set(atlas.agreements)
    assert atlas.agreements["statement-2021-11-26"].place.startswith("Sochi")


def test_the_seeds_events_are_all_there_and_dated_with_precision(atlas):
    by_date = {(e.date.isoformat(), e.date_precision) for e in atlas.events}
    for date in (
        "2020-11-10",
        "2020-11-20",
        "2020-11-25",
        "2020-12-01",
        "2021-01-11",
        "2021-11-26",
        "2021-12-14",
        "2022-02-22",
        "2022-03-22",
    ):
        assert any(d == date for d, _ in by_date), date
    events = {e.id: e for e in atlas.events}
    assert events["kalbajar-handover-2020-11-25"].deadline.isoformat() == "2020-11-15"
    assert events["lachin-handover-2020-12-01"].deadline.isoformat() == "2020-12-01"


def test_every_event_cites_a_source_with_a_publisher(atlas):
    for event in atlas.events:
        assert event.source.publisher and event.source.title, event.id


def test_no_event_copies_a_sentence_of_the_seed_article():
    seed = ROOT.parent / "shared" / "seed" / "article-2022-03-22.txt"
    if not seed.exists():  # ../shared is beside the checkout in development and CI
        raise AssertionError(f"seed article missing at {seed}")
    seed_text = " ".join(seed.read_text(encoding="utf-8").split())
    events = json.loads((DATA / "events.json").read_text(encoding="utf-8"))["events"]
    for event in events:
        words = event["summary"].split()
        for start in range(len(words) - 7):
            assert " ".join(words[start : start + 8]) not in seed_text, event["id"]


def test_every_boundary_source_file_is_in_the_project_with_its_checksum():
    sources = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"]
    boundary = [s for s in sources if s["kind"] == "boundary"]
    assert boundary
    for source in boundary:
        data = (DATA / "sources" / source["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source["sha256"], source["id"]
        assert source["licence"] and source["attribution"]


def test_the_readme_credits_every_source_licence():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in ("geoBoundaries", "CC BY-SA 3.0", "Natural Earth", "public domain"):
        assert needle in readme


def test_the_base_map_reads_only_files_that_sources_json_names_so_validate_checks_them():
    from geo.mapping import BASE_SOURCES  # here: the other tests of this module need no folium

    named = {
        s["file"] for s in json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"] if "file" in s
    }
    assert set(BASE_SOURCES) <= named


def test_validate_fails_naming_the_file_when_a_natural_earth_source_is_missing(tmp_path):
    import shutil
    import subprocess
    import sys

    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "sources" / "ne_10m_admin0_countries_deu_v5.1.1_caucasus.geojson").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "geo", "validate", str(tmp_path / "data")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "sources.json record \"natural-earth-admin0\", field 'file'" in result.stderr
    assert "ne_10m_admin0_countries_deu_v5.1.1_caucasus.geojson is missing" in result.stderr


def test_the_readme_lists_every_source_grouped_by_kind():
    from geo.sources_table import updated_readme

    sources = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert updated_readme(readme, sources) == readme, "run python -m geo.sources_table"
    for source in sources:
        assert f"| `{source['id']}` |" in readme


def test_every_source_is_cited_once_by_address_and_used():
    """Each source is cited by a record, named in a note, or is the page a waypoint's coordinate was read from."""
    import re

    sources = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"]
    urls = [s["url"] for s in sources if s.get("url") and "naturalearthdata" not in s["url"]]
    assert len(urls) == len(set(urls))
    texts = "".join(
        (DATA / name).read_text(encoding="utf-8")
        for name in ("agreements.json", "events.json", "places.json", "commitments.json", "context.geojson")
    )
    cites = json.dumps(json.loads((DATA / "waypoints.json").read_text(encoding="utf-8")), ensure_ascii=False)
    for source in sources:
        used = source["kind"] == "boundary" or re.search(
            rf"(?<![a-z0-9-]){re.escape(source['id'])}(?![a-z0-9-])", texts
        )
        assert used or (source.get("url") and json.dumps(source["url"], ensure_ascii=False) in cites), source["id"]


def test_wire_reprints_say_so(atlas):
    """A page carrying an agency's text (publisher "Site (Reuters)") says in its note whose text it is."""
    raw = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"]
    notes = {s["id"]: s.get("note", "") for s in raw}
    wires = ("Reuters", "AFP", "Associated Press", "Sputnik", "TASS")
    for source in atlas.sources.values():
        if any(f"({wire})" in source.publisher for wire in wires):
            assert any(w in notes[source.id] for w in ("Reprint", "reprint", "Rewritten", "account")), source.id
