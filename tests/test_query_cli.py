"""Search by any spelling, filters, and the events/places command line."""

import json
import subprocess
import sys

import pytest

from geo import query
from geo.__main__ import main
from geo.query import fold
from tests.conftest import ROOT


@pytest.mark.parametrize("spelling", ["Shushi", "susa", "Şuşa", "Шуша", "SHUSHA", "Շուշի"])
def test_any_spelling_finds_shusha(atlas, spelling):
    assert query.search_places(atlas.places.values(), spelling)[0].id == "shusha"


@pytest.mark.parametrize(
    ("spelling", "place"),
    [
        ("Stepanakert", "khankendi"),
        ("Xankəndi", "khankendi"),
        ("Berdzor", "lachin"),
        ("Karvachar", "kalbajar"),
        ("Kelbajar", "kalbajar"),
        ("Akna", "aghdam"),
        ("Ağdam", "aghdam"),
        ("Artsakh", "karabakh"),
        ("Нахичевань", "nakhchivan"),
        # Baku's Russian-language spellings beside the Soviet ones, Armenian-side town names, district names.
        ("Нахчыван", "nakhchivan"),
        ("Нахчыванская Автономная Республика", "nakhchivan"),
        ("Кяльбаджар", "kalbajar"),
        ("Кяльбаджарский район", "kalbajar"),
        ("Лачын", "lachin"),
        ("Губадлы", "gubadly"),
        ("Губадлинский район", "gubadly"),
        ("Кубатлы", "gubadly"),
        ("Джабраильский район", "jabrayil"),
        ("Hadrut", "khojavend"),
        ("Гадрут", "khojavend"),
        ("Հադրութ", "khojavend"),
        ("Askeran", "khojaly"),
        ("Əsgəran", "khojaly"),
        ("Esgeran", "khojaly"),
        ("Ասկերան", "khojaly"),
        ("Քելբեջար", "kalbajar"),
        ("Kəlbəcər rayonu", "kalbajar"),
        ("Kelbecer rayonu", "kalbajar"),
        ("Laçın rayonu", "lachin"),
        ("Xocavend rayonu", "khojavend"),
    ],
)
def test_other_sides_names_find_the_place(atlas, spelling, place):
    assert query.search_places(atlas.places.values(), spelling)[0].id == place


def test_search_for_nothing_finds_nothing(atlas):
    assert query.search_places(atlas.places.values(), "  ") == []
    assert query.search_places(atlas.places.values(), "Paris") == []


def test_fold_drops_case_accents_and_punctuation():
    assert fold("Xankəndi") == fold("xankendi")
    assert fold("Nagorno-Karabakh") == "nagorno karabakh"


def test_events_filter_by_place_agreement_and_dates(atlas):
    lachin = query.filter_events(atlas.events, place="lachin")
    assert "lachin-handover-2020-12-01" in [e.id for e in lachin]
    sochi = query.filter_events(atlas.events, agreements=["statement-2021-11-26"], keep_untied=False)
    assert all("statement-2021-11-26" in e.agreement_ids for e in sochi) and sochi
    in_2021 = query.filter_events(
        atlas.events, since=__import__("datetime").date(2021, 1, 1), until=__import__("datetime").date(2021, 12, 31)
    )
    assert {e.date.year for e in in_2021} == {2021}


def test_hiding_an_agreement_hides_the_places_only_it_ties(atlas):
    shown = {p.id for p in query.places_for_agreements(atlas, ["brussels-2021-12-14"])}
    assert "nakhchivan-link" in shown and "lachin" not in shown


def _geo(*args):
    result = subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_events_json_for_lachin_lists_the_handover_by_date():
    events = json.loads(_geo("events", "--place", "lachin", "--json"))
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    handover = next(e for e in events if e["id"] == "lachin-handover-2020-12-01")
    assert {"id", "date", "title", "places", "agreements", "source"} <= set(handover)
    assert handover["source"]["publisher"]


def test_cli_events_since_until_and_agreement():
    events = json.loads(
        _geo(
            "events", "--agreement", "statement-2021-01-11", "--since", "2021-01-01", "--until", "2021-06-30", "--json"
        )
    )
    assert [e["id"] for e in events] and all(e["date"].startswith("2021-0") for e in events)


def test_cli_places_search_any_spelling():
    assert [p["id"] for p in json.loads(_geo("places", "--search", "Stepanakert", "--json"))] == ["khankendi"]
    shusha = json.loads(_geo("places", "--search", "Шуша", "--json"))[0]
    assert shusha["id"] == "shusha" and "Şuşa" in shusha["names"]["az"] and shusha["kind"] == "district"


def test_cli_rejects_a_bad_date():
    result = subprocess.run(
        [sys.executable, "-m", "geo", "events", "--since", "2021-02-30"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2 and "not a real date" in result.stderr


def test_a_reader_that_stops_early_ends_the_listing_quietly():
    process = subprocess.Popen(
        [sys.executable, "-m", "geo", "events", "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # like `| head` that has read enough: closed before the listing is written
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 141 and b"Traceback" not in errors, errors.decode()


def _run(capsys, *args):
    """Exit code, stdout and stderr of `python -m geo ARGS`, run in this process."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--place", "Berdzor"),
        ("events", "--place", "Hadrut"),
        ("control", "--place", "Berdzor"),
        ("commitments", "--place", "Berdzor"),
        ("events", "--agreement", "Prague statement"),
    ],
)
def test_cli_takes_any_spelling_of_a_place_and_a_title_only_one_agreement_has(capsys, args):
    code, out, err = _run(capsys, *args, "--json")
    assert code == 0 and json.loads(out), err


def test_cli_events_for_a_spelling_are_the_events_for_its_id(capsys):
    assert _run(capsys, "events", "--place", "Berdzor") == _run(capsys, "events", "--place", "lachin")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "--place", "lachn"), 'unknown place "lachn" (did you mean "lachin"?)'),
        (("control", "--place", "lachn"), 'unknown place "lachn" (did you mean "lachin"?)'),
        (("commitments", "--place", "kalbajr"), 'unknown place "kalbajr" (did you mean "kalbajar"?)'),
        (("control", "--place", "shush"), 'place "shush" matches several places (karabakh, shusha); give one id'),
        # The first word of longer names ("Martakert Province") is not taken; Hadrut, a name of khojavend, now is.
        (("events", "--place", "Martakert"), 'unknown place "Martakert" (did you mean "aghdam" or "karabakh"?)'),
        (
            ("events", "--agreement", "sochi"),
            'unknown agreement "sochi" (did you mean "statement-2021-11-26" or "sochi-2022-10-31"?)',
        ),
        (("places", "--agreement", "sochi"), 'did you mean "statement-2021-11-26" or "sochi-2022-10-31"?'),
        (("commitments", "--agreement", "prague"), 'unknown agreement "prague" (did you mean "prague-2022-10-06"?)'),
        (("places", "--search", "Stepanakrt"), 'no place matches "Stepanakrt" (did you mean "khankendi"?)'),
        (("places", "--search", "Tbilisi"), 'no place matches "Tbilisi"'),
        (
            ("places", "--search", "Lachin", "--agreement", "brussels-2021-12-14"),
            'none of them is tied to agreement "brussels-2021-12-14"',
        ),
        (("map", "unwritten.html", "--place", "lachn"), 'unknown place "lachn" (did you mean "lachin"?)'),
        (("map", "unwritten.html", "--agreements", "prague-2022-10-06,sochi"), 'unknown agreement "sochi"'),
    ],
)
def test_cli_says_what_it_did_not_find_and_what_is_close(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)  # a map that were written anyway would land here
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == "" and message in err
    assert not (tmp_path / "unwritten.html").exists()


def test_a_did_you_mean_lists_a_few_ids_and_counts_the_rest(capsys):
    _, _, err = _run(capsys, "events", "--agreement", "brussels")
    assert (
        '"brussels-2021-12-14", "brussels-2022-04-06", "brussels-2022-05-22", "brussels-2022-08-31" or 2 more?' in err
    )
