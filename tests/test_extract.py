"""The candidate-event extractor, seen from what a person reviewing an article would get."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.extract_eval import EVAL_DIR, evaluate
from bench.hostile_text import HOSTILE_UNITS, hostile_text
from geo.extract import (
    DATE_NOTE_AGREEMENT,
    MAX_TEXT_CHARS,
    Candidate,
    ExtractError,
    Linker,
    extract_candidates,
    main_extract,
)
from geo.load import load_atlas

ROOT = Path(__file__).resolve().parent.parent
# ../shared sits beside the checkout in development and in CI.
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-2022-03-22.txt"


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(ROOT / "data")


def extract(atlas, text: str, published: dt.date | None = dt.date(2022, 3, 25)) -> list[Candidate]:
    return extract_candidates(text, atlas.places.values(), atlas.agreements.values(), published)


def only(candidates: list[Candidate]) -> Candidate:
    assert len(candidates) == 1, [c.as_json() for c in candidates]
    return candidates[0]


def test_seed_article_valiyev_kim_meeting(atlas):
    found = extract(atlas, SEED.read_text(encoding="utf-8"), dt.date(2022, 3, 22))
    meeting = next(c for c in found if "Valiyev" in c.sentence)
    assert meeting.date == dt.date(2022, 3, 22) and meeting.date_precision == "day"
    assert "karabakh" in meeting.places
    assert ("statement-2020-11-10", "4") in meeting.articles
    assert {a.name for a in meeting.actors} == {"Karim Valiyev", "Alexei Kim"}
    assert meeting.sentence in SEED.read_text(encoding="utf-8")


def test_seed_article_dates_aliyev_remark_late_february(atlas):
    found = extract(atlas, SEED.read_text(encoding="utf-8"), dt.date(2022, 3, 22))
    remark = next(c for c in found if c.sentence.startswith("In late February"))
    assert (remark.date, remark.date_precision) == (dt.date(2022, 2, 25), "approximate")
    # The statement's own date in the sentence does not replace the event's.
    assert remark.agreements == ("statement-2020-11-10",) and remark.date_note is None


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        ("Construction of the route through Syunik is to begin in the second half of 2026.", dt.date(2026, 7, 1)),
        ("Строительство участка в Сюнике начнется во второй половине 2026 года.", dt.date(2026, 7, 1)),
        ("The commissions met four times in the first half of 2024.", dt.date(2024, 1, 1)),
        # Of the publication's year, or of the one counted from it.
        ("The details are to be agreed in the first half of next year.", dt.date(2026, 1, 1)),
        ("Трафик через границу вырос во второй половине года.", dt.date(2025, 7, 1)),
        # Two months joined by a dash or "с … по", with their year.
        ("In November-December 2020 three districts were handed over.", dt.date(2020, 11, 1)),
        ("Ceasefire breaches rose in May–June 2021.", dt.date(2021, 5, 1)),
        ("По словам премьера, в марте-апреле 2024 года государственность оказалась на грани.", dt.date(2024, 3, 1)),
        ("Уже в ноябре - декабре 2020 года Азербайджану были переданы три района.", dt.date(2020, 11, 1)),
        ("С ноября по декабрь 2020 года были переданы три района.", dt.date(2020, 11, 1)),
    ],
)
def test_a_half_of_a_year_or_months_joined_with_their_year_are_a_range_from_its_first_day(atlas, text, first_day):
    found = only(extract(atlas, text, dt.date(2025, 11, 13)))
    assert (found.date, found.date_precision) == (first_day, "range")


def test_the_end_or_a_half_of_the_year_in_an_undated_text_is_of_the_year_it_tells(atlas):
    text = "On 12 November 2025 Pashinyan told parliament that the plan would be on paper by the end of the year."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, None)][-1] == (
        dt.date(2025, 12, 25),
        "approximate",
    )
    text = "They met in Abu Dhabi on 4 February 2026; building is to begin in the second half of the year."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, None)][-1] == (dt.date(2026, 7, 1), "range")
    # "This year" is counted from a day of writing the text does not give.
    text = "In 2025 he said the plan would be ready before the end of this year."
    assert [c.date for c in extract(atlas, text, None)] == [None]


def test_half_of_a_year_as_a_share_is_no_date(atlas):
    assert extract(atlas, "More than half of the year's budget went to roads.", dt.date(2025, 11, 13)) == []


def test_a_part_of_last_month_and_the_end_of_a_year_are_approximate_days(atlas):
    published = dt.date(2023, 11, 18)
    for text, day in (
        ("In mid-October Aliyev raised the flag in Khankendi.", dt.date(2023, 10, 15)),
        ("В середине прошлого месяца Алиев поднял флаг в Ханкенди.", dt.date(2023, 10, 15)),
        ("Late last month Aliyev raised the flag in Khankendi.", dt.date(2023, 10, 25)),
        ("At the beginning of this month Aliyev raised the flag in Khankendi.", dt.date(2023, 11, 5)),
        ("Aliyev called for the mission's withdrawal at the end of 2022.", dt.date(2022, 12, 25)),
        ("В конце 2022 года Алиев призвал вывести миссию.", dt.date(2022, 12, 25)),
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision) == (day, "approximate"), text
    # "The end of the year" is the publication's year's end, "до конца года" too.
    for text in (
        "Mammadova said a return visit could take place in Yerevan before the end of the year.",
        "Мамедова заявила, что ответный визит в Ереван может состояться до конца года.",
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision) == (dt.date(2023, 12, 25), "approximate"), text
    # A year the atlas cannot chart dates nothing, as "in 1850" does not.
    assert extract(atlas, "The fortress fell at the end of 1850.", published) == []
    # "Will start this month" is a verb before the month, not its start.
    found = only(extract(atlas, "The EU mission will start this month on the border.", published))
    assert (found.date, found.date_precision) == (dt.date(2023, 11, 1), "month")
    # The month after the paper's, as "last month" is the one before it (in December: January of the next year).
    for text, when, month in (
        ("Azerbaijan will open a new phase of talks with Armenia from next month.", published, dt.date(2023, 12, 1)),
        ("Переговоры возобновятся в следующем месяце.", dt.date(2023, 12, 20), dt.date(2024, 1, 1)),
    ):
        found = only(extract(atlas, text, when))
        assert (found.date, found.date_precision) == (month, "month"), text


def test_a_weekday_of_last_or_next_week_is_that_week_s_day(atlas):
    published = dt.date(2022, 9, 28)  # a Wednesday
    for text, day in (
        ("On Monday of last week Blinken hosted Mirzoyan and Bayramov in New York.", dt.date(2022, 9, 19)),
        ("Last week on Monday Blinken hosted Mirzoyan and Bayramov in New York.", dt.date(2022, 9, 19)),
        ("В понедельник на прошлой неделе Блинкен принял Мирзояна и Байрамова в Нью-Йорке.", dt.date(2022, 9, 19)),
        ("The border commissions will meet in Brussels on Friday next week.", dt.date(2022, 10, 7)),
        # Without the week, Monday is this week's.
        ("On Monday Blinken hosted Mirzoyan and Bayramov in New York.", dt.date(2022, 9, 26)),
    ):
        assert only(extract(atlas, text, published)).date == day, text


def test_two_weekdays_running_are_a_range_and_a_plan_said_earlier_counts_from_its_saying(atlas):
    published = dt.date(2024, 3, 1)  # a Friday
    text = "Armenian and Azerbaijani delegations met in Berlin on Wednesday and Thursday."
    found = only(extract(atlas, text, published))
    assert (found.date, found.date_precision) == (dt.date(2024, 2, 28), "range")
    # Said on Monday, "will meet on Wednesday" is that week's Wednesday, already past in Friday's paper.
    text = (
        "Пресс-секретарь МИД Ани Бадалян еще в понедельник объявила, что делегации встретятся в Берлине в среду и "
        "четверг."
    )
    assert [(c.date, c.date_precision) for c in extract(atlas, text, published)] == [
        (dt.date(2024, 2, 26), "day"),
        (dt.date(2024, 2, 28), "range"),
    ]
    # Two days apart are two days.
    text = "Azerbaijani troops shelled positions near Sotk on Monday and Thursday."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2024, 2, 26), dt.date(2024, 2, 29)]


def test_on_march_22_takes_year_from_publication_date(atlas):
    text = "Lavrov met Mirzoyan on March 22 to discuss Lachin."
    assert only(extract(atlas, text, dt.date(2022, 3, 25))).date == dt.date(2022, 3, 22)
    # A date that would fall after publication is last year's.
    assert only(extract(atlas, text, dt.date(2022, 3, 20))).date == dt.date(2021, 3, 22)


def test_without_publication_date_yearless_dates_give_no_candidate(atlas):
    assert extract(atlas, "Lavrov met Mirzoyan on March 22.", None) == []


def test_stepanakert_is_khankendi(atlas):
    found = only(extract(atlas, "Protesters gathered in Stepanakert on 5 April 2022."))
    assert found.places == ("khankendi",)


def test_armenian_and_russian_spellings(atlas):
    text = "On 26 August 2022 troops entered Berdzor, and residents of Karvachar and Shushi left for Artsakh."
    assert set(only(extract(atlas, text)).places) == {"lachin", "kalbajar", "shusha", "karabakh"}
    russian = only(extract(atlas, "Вчера в Степанакерте и Шуше прошли митинги."))
    assert russian.places == ("khankendi", "shusha") and russian.date == dt.date(2022, 3, 24)


def test_lachin_corridor_is_not_also_lachin(atlas):
    found = only(extract(atlas, "The Lachin corridor was closed on 12 December 2022."))
    assert found.places == ("lachin-corridor",)


def test_paragraph_9_of_the_trilateral_declaration(atlas):
    text = "On March 1, Baku recalled paragraph 9 of the trilateral declaration."
    found = only(extract(atlas, text))
    assert found.agreements == ("statement-2020-11-10",)
    assert found.articles == (("statement-2020-11-10", "9"),)


def test_sochi_statement(atlas):
    found = only(extract(atlas, "On March 3, Pashinyan said the Sochi statement was not being implemented."))
    assert found.agreements == ("statement-2021-11-26",)


def test_first_statement_dated_9_or_10_november(atlas):
    for phrase in (
        "the Declaration of November 9-10, 2020",
        "the statement of 9 November 2020",
        "the 10 November declaration",
        "the November 9 statement",
    ):
        found = only(extract(atlas, f"Article 4 of {phrase} was discussed."))
        assert found.agreements == ("statement-2020-11-10",), phrase
        assert (found.date, found.date_note is not None) == (dt.date(2020, 11, 10), True), phrase
        assert found.articles == (("statement-2020-11-10", "4"),), phrase


def test_january_statement_named_by_its_date(atlas):
    found = only(extract(atlas, "On March 2, the working group set up by the January 11 statement met in Moscow."))
    assert found.agreements == ("statement-2021-01-11",) and found.date == dt.date(2022, 3, 2)


def test_abbreviations_and_initials_do_not_end_a_sentence(atlas):
    text = "Col-Gen. Karim Valiyev met V. Putin's envoy on Nov. 10, 2021 in Shusha. Nothing else happened."
    found = only(extract(atlas, text))
    assert found.sentence == "Col-Gen. Karim Valiyev met V. Putin's envoy on Nov. 10, 2021 in Shusha."
    assert found.date == dt.date(2021, 11, 10)


def test_actor_roles_from_gazetteer_and_title_pattern(atlas):
    text = "On March 20, Foreign Minister Jeyhun Bayramov met Turkish Foreign Minister Mevlut Cavusoglu in Shusha."
    actors = {a.name: a.role for a in only(extract(atlas, text)).actors}
    assert actors == {
        "Jeyhun Bayramov": "Foreign Minister of Azerbaijan",
        "Mevlut Cavusoglu": "Turkish Foreign Minister",
    }


def test_common_surname_alone_needs_a_title(atlas):
    assert extract(atlas, "On March 20, a man named Hasanov visited Aghdam.")[0].actors == ()
    found = only(extract(atlas, "On March 20, Defence Minister Hasanov visited Aghdam."))
    assert [a.name for a in found.actors] == ["Zakir Hasanov"]


def test_articles_of_other_texts_are_not_tied(atlas):
    found = only(extract(atlas, "On March 20, Article 5 of the Constitution was cited in Stepanakert."))
    assert found.articles == ()


def test_articles_numbered_in_roman_numerals_are_tied(atlas):
    # The peace treaty numbers its articles in Roman numerals; the atlas keeps them in digits.
    published = dt.date(2026, 3, 12)
    text = "Article VII of the peace treaty bars either side from stationing third-party forces on the border."
    found = only(extract(atlas, text, published))
    assert found.articles == (("peace-treaty-initialled-2025-08-08", "7"),)
    assert found.date == dt.date(2025, 8, 8)
    text = "Articles I and II of the peace treaty were cited on 10 March by both ministries."
    assert only(extract(atlas, text, published)).articles == (
        ("peace-treaty-initialled-2025-08-08", "1"),
        ("peace-treaty-initialled-2025-08-08", "2"),
    )
    # A capital I that is a pronoun is no article.
    text = "The points I raised on 10 March about the peace treaty still stand, the minister said."
    assert only(extract(atlas, text, published)).articles == ()


def test_the_treaty_is_the_peace_treaty_once_it_exists(atlas):
    for text in (
        "On 8 August 2025 the foreign ministers initialled the treaty at the White House.",
        "Article XI of the treaty obliges both sides to drop interstate claims within a month.",
        "Министры парафировали договор в Белом доме 8 августа 2025 года.",
    ):
        assert only(extract(atlas, text, dt.date(2026, 3, 12))).agreements == ("peace-treaty-initialled-2025-08-08",), (
            text
        )
    # Not the treaty of a party's or an alliance's name.
    for text in (
        "20 сентября на съезде партии «Гражданский договор» Пашинян выступил с речью.",
        "On 20 September Armenia asked the Collective Security Treaty Organization for help.",
    ):
        assert only(extract(atlas, text, dt.date(2025, 10, 22))).agreements == (), text


def test_relative_dates(atlas):
    published = dt.date(2022, 3, 25)  # a Friday
    cases = {
        "yesterday": (dt.date(2022, 3, 24), "day"),
        "on Monday": (dt.date(2022, 3, 21), "day"),
        "last week": (dt.date(2022, 3, 18), "approximate"),
        "in February 2022": (dt.date(2022, 2, 1), "month"),
        "mid-January": (dt.date(2022, 1, 15), "approximate"),
    }
    for phrase, want in cases.items():
        found = only(extract(atlas, f"Troops moved near Aghdam {phrase}.", published))
        assert (found.date, found.date_precision) == want, phrase


def test_json_shape(atlas):
    found = only(extract(atlas, "On 2022-03-24, Aliyev visited Shusha under Article 4 of the trilateral statement."))
    assert found.as_json() == {
        "date": "2022-03-24",
        "date_precision": "day",
        "places": ["shusha"],
        "agreements": ["statement-2020-11-10"],
        "articles": [{"agreement": "statement-2020-11-10", "article": "4"}],
        "actors": [{"name": "Ilham Aliyev", "role": "President of Azerbaijan"}],
        "sentence": "On 2022-03-24, Aliyev visited Shusha under Article 4 of the trilateral statement.",
        # Why: what matched where in the sentence, for the review table to highlight.
        "spans": [
            {"start": 3, "end": 13, "text": "2022-03-24", "kind": "date"},
            {"start": 15, "end": 21, "text": "Aliyev", "kind": "actor"},
            {"start": 30, "end": 36, "text": "Shusha", "kind": "place"},
            {"start": 60, "end": 80, "text": "trilateral statement", "kind": "agreement"},
        ],
        "low_confidence": [],
        "inferred": [],
    }


def test_bad_input_is_a_named_error(atlas):
    with pytest.raises(ExtractError, match="must be a string"):
        extract(atlas, b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ExtractError, match="limit is 200,000"):
        extract(atlas, "a" * (MAX_TEXT_CHARS + 1))


# 200 KB of each mix: a scan that backtracks (quadratic) takes minutes on it, a linear one well under a second.
# The figures per MB live in bench/hostile_text.py; a test never times itself.
HOSTILE_BYTES = 200_000


@pytest.mark.parametrize("mix", sorted(HOSTILE_UNITS))
def test_a_paste_of_hostile_punctuation_digits_or_months_does_not_hold_the_server(atlas, mix):
    text = hostile_text(mix, HOSTILE_BYTES)
    # As the app runs it: linked to the atlas's events.
    linker = Linker(atlas.events, atlas.agreements.values())
    found = extract_candidates(
        text, atlas.places.values(), atlas.agreements.values(), dt.date(2022, 3, 25), linker=linker
    )
    assert all(c.sentence in text for c in found)


def test_a_paste_of_100000_dots_is_read_as_text(atlas):
    assert extract(atlas, "." * 100_000) == []


def test_a_dateline_followed_by_a_long_run_of_spaces_is_read_as_text(atlas):
    # The dateline's end ("BAKU, March 22 -") once allowed two runs of spaces to split one run every way.
    text = "BAKU, March 22" + " " * (MAX_TEXT_CHARS - 100) + "x"
    assert extract(atlas, text) == []


# The catalogue the labels were written for: the atlas grew since (issue 10), and the extractor now also finds the
# new places and agreements these articles mention (Aghavno, Goris, Parukh, Brussels 6 Apr 2022), which the labels
# do not list yet. Scored against the labels' own catalogue, the measured level still holds.
LABELLED_PLACES = (
    "karabakh kalbajar aghdam lachin shusha nakhchivan nakhchivan-link lachin-corridor fuzuli jabrayil zangilan"
    " gubadly khankendi khojaly khojavend"
).split()
LABELLED_AGREEMENTS = ("statement-2020-11-10", "statement-2021-01-11", "statement-2021-11-26", "brussels-2021-12-14")
# The 13 articles these labels and that catalogue belong to (the issue-12 set is scored by `python -m bench.extract_eval`).
FIRST_ARTICLES = (
    "am-outlet-2021-11-27 am-outlet-2022-08-27 az-state-2020-12-02 az-state-2021-11-28 blog-2023-03-01 "
    "eu-press-2021-12-15 heldout-am-analysis-2022-04-08 heldout-az-wire-2021-05-14 ru-outlet-2021-01-12 "
    "ru-translit-2022-12-14 thinktank-2022-06-10 wire-2020-11-21 wire-2021-01-30"
).split()
FIRST_ARTICLES = tuple(f"{name}.txt" for name in FIRST_ARTICLES)


def test_evaluation_scores_stay_at_measured_level(atlas):
    places = [atlas.places[p] for p in LABELLED_PLACES]
    scores = evaluate(EVAL_DIR, places, [atlas.agreements[a] for a in LABELLED_AGREEMENTS], names=FIRST_ARTICLES)
    # Measured on the 13 articles: places P 0.90 R 0.90, agreements P 0.91 R 1.00, date R 1.00, actors P 1.00 (before
    # issue 12: places 0.95 / 1.00, agreements 1.00 / 0.97). Two labels were added to these articles later, where the
    # issue-12 rule asks for a candidate the old labels lacked ("Under the same document, the Lachin corridor …",
    # "… guaranteed by Article 6 of the trilateral statement"; see the eval set's README). What these older labels do
    # not count as right follows the issue-12 labelling rules, which they predate: a sentence listing dated events gives one candidate per event,
    # a dated report naming nothing the atlas knows is a candidate, and so is a sentence saying what an article of a
    # named agreement provides; "Artsakh President" is a body, not the place. The agreements floor was once lowered to
    # 0.80, which hid two real misreadings (a visit the day after the Sochi statement read as the statement; "on
    # April 5 against any deal" read as the deal of April 6): both are fixed and have tests of their own below.
    # Places recall is 0.90, not 0.92: "Parukh, a village in the Askeran area" was labelled Khojaly when the atlas had
    # no Farukh, and Askeran is a town of the district, not a name of it (issue 10), so neither label is found.
    assert scores["places"]["precision"] >= 0.85 and scores["places"]["recall"] >= 0.88
    assert scores["agreements"]["precision"] >= 0.85 and scores["agreements"]["recall"] >= 0.95
    assert scores["date"]["recall"] >= 0.95 and scores["actors"]["precision"] >= 0.95


def test_cli_json(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    article = tmp_path / "a.txt"
    article.write_text("Lavrov met Mirzoyan in Stepanakert on March 22.", encoding="utf-8")
    assert main_extract([str(article), "--date", "2022-03-25", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["date"] == "2022-03-22" and out[0]["places"] == ["khankendi"]


def test_cli_says_which_ties_are_inferred_from_the_atlas_and_why(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    article = tmp_path / "a.txt"
    article.write_text("Russian troops took up positions along the Lachin corridor on 10 November.", encoding="utf-8")
    assert main_extract([str(article), "--date", "2020-12-01"]) == 0
    out = capsys.readouterr().out
    # No word names the statement: the reviewer sees it as inferred, from the atlas's event of that day there.
    assert "agreements:" not in out
    assert (
        "inferred:   statement-2020-11-10, from the atlas's event peacekeepers-deploy-2020-11-10 of 2020-11-10 in "
        "lachin-corridor" in out
    )
    assert main_extract([str(article), "--date", "2020-12-01", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)[0]
    assert found["agreements"] == [] and {i["item"] for i in found["inferred"]} == {"statement-2020-11-10"}


def test_cli_missing_file_names_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    missing = tmp_path / "nope.txt"
    assert main_extract([str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


_PIECES = st.sampled_from(
    [
        "On March 22,",
        "late February",
        "9-10 November 2020",
        "Nov. 10",
        "2022-13-45",
        "31 February 2021",
        "Article 4 of the statement of November 10, 2020",
        "paragraph 99",
        "Sochi statement",
        "yesterday",
        "Stepanakert",
        "Лачинский коридора",
        "Col-Gen.",
        "V.",
        "<script>alert(1)</script>",
        "<b>Shusha</b>",
        "99999999999999999999",
        "November 10, 99999",
        "в конце февраля",
        "\u202e\u0301\ufeff",
        "Şuşa",
        "Շուշի",
        "President Ilham Aliyev",
        "Defence Minister Xx",
        ".",
        "\n",
        " ",
        "«",
        "„",
        "He said",
        "The sides",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30),
    published=st.one_of(st.none(), st.dates()),
)
def test_fuzz_no_crash_and_sentences_come_from_the_text(atlas, parts, published):
    text = " ".join(parts)
    try:
        found = extract(atlas, text, published)
    except ExtractError:
        return
    for c in found:
        assert c.sentence and c.sentence in text
        json.dumps(c.as_json(), ensure_ascii=False)


def _atlas_with_made_up_records(tmp_path):
    """A copy of the shipped data with one made-up agreement (with aliases), one made-up place and one person."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    agreements = json.loads((data / "agreements.json").read_text(encoding="utf-8"))
    made_up = dict(agreements["agreements"][0])
    made_up.update(
        id="zorvan-accord-2026-03-03",
        title="Zorvan accord",
        short_title="Zorvan accord",
        date="2026-03-03",
        aliases={"en": ["Zorvan accord", "the mountain pact"], "ru": ["Зорванское соглашение"]},
    )
    made_up.pop("article_notes", None)
    made_up.pop("article_variants", None)
    agreements["agreements"].append(made_up)
    (data / "agreements.json").write_text(json.dumps(agreements, ensure_ascii=False), encoding="utf-8")
    regions = json.loads((data / "regions.geojson").read_text(encoding="utf-8"))
    feature = json.loads(json.dumps(regions["features"][1]))
    names = {"en": ["Zorvan Pass"], "az": ["Zorvan aşırımı"], "hy": ["Զորվան"], "ru": ["Зорван"]}
    feature["properties"].update(id="zorvan-pass", name="Zorvan Pass", names=names)
    if "id" in feature:
        feature["id"] = "zorvan-pass"
    feature["properties"]["agreements"] = []
    regions["features"].append(feature)
    (data / "regions.geojson").write_text(json.dumps(regions, ensure_ascii=False), encoding="utf-8")
    people = json.loads((data / "people.json").read_text(encoding="utf-8"))
    people["people"].append({"name": "Arin Tovmas", "role": "Made-up envoy", "given": ["Arin"], "surnames": ["Tovmas"]})
    (data / "people.json").write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    return data


def test_records_added_to_data_are_recognised_without_code_changes(tmp_path):
    data = _atlas_with_made_up_records(tmp_path)
    atlas = load_atlas(data)
    text = (
        "Envoy Arin Tovmas said on March 5 that the mountain pact had opened Zorvan Pass.\n"
        "Согласно Зорванскому соглашению, 6 марта дорога через Зорван открылась."
    )
    found = extract_candidates(
        text, atlas.places.values(), atlas.agreements.values(), dt.date(2026, 3, 10), people=data
    )
    assert [(c.date, c.places, c.agreements) for c in found] == [
        (dt.date(2026, 3, 5), ("zorvan-pass",), ("zorvan-accord-2026-03-03",)),
        (dt.date(2026, 3, 6), ("zorvan-pass",), ("zorvan-accord-2026-03-03",)),
    ]
    assert found[0].actors[0].name == "Arin Tovmas"
    assert {(s.kind, s.text) for s in found[0].spans} >= {("place", "Zorvan Pass"), ("agreement", "the mountain pact")}


def _atlas_with_two_made_up_ceasefires(tmp_path):
    """A copy of the shipped data with two made-up ceasefires, of 2027 and 2029: of the kind "ceasefire", with no
    alias of their own."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    agreements = json.loads((data / "agreements.json").read_text(encoding="utf-8"))
    first = agreements["agreements"][0]
    for made_up_id, date in (
        ("lowland-ceasefire-2027-03-14", "2027-03-14"),
        ("upland-ceasefire-2029-06-02", "2029-06-02"),
    ):
        record = {k: v for k, v in first.items() if k not in ("article_notes", "article_variants", "signed_at")}
        record.update(id=made_up_id, title=f"Made-up ceasefire of {date}", date=date, kind="ceasefire", aliases={})
        agreements["agreements"].append(record)
    (data / "agreements.json").write_text(json.dumps(agreements, ensure_ascii=False), encoding="utf-8")
    return load_atlas(data)


def test_the_ceasefire_is_the_one_its_sentences_dates_point_at(tmp_path):
    atlas = _atlas_with_two_made_up_ceasefires(tmp_path)
    text = (
        "Shelling stopped on March 14, 2027, when the ceasefire took hold.\n"
        "Перемирие вступило в силу 2 июня 2029 года.\n"
        "Officials said on 3 June 2029 that the truce was holding."
    )
    found = extract(atlas, text, dt.date(2029, 6, 10))
    assert [(c.date, c.agreements, "agreements" in c.low_confidence) for c in found] == [
        (dt.date(2027, 3, 14), ("lowland-ceasefire-2027-03-14",), False),
        (dt.date(2029, 6, 2), ("upland-ceasefire-2029-06-02",), False),
        (dt.date(2029, 6, 3), ("upland-ceasefire-2029-06-02",), False),
    ]
    assert ("agreement", "ceasefire") in {(s.kind, s.text) for s in found[0].spans}


def test_the_ceasefire_the_dates_cannot_decide_is_the_one_in_force_marked_unsure(tmp_path):
    atlas = _atlas_with_two_made_up_ceasefires(tmp_path)
    # 2028 lies between the two: the one in force then is 2027's, but nothing in the sentence says so.
    found = only(
        extract(atlas, "On 5 May 2028 each side accused the other of violating the ceasefire.", dt.date(2028, 5, 6))
    )
    assert found.agreements == ("lowland-ceasefire-2027-03-14",) and "agreements" in found.low_confidence


def test_a_new_truce_on_a_day_no_ceasefire_was_made_is_none_of_them(tmp_path):
    atlas = _atlas_with_two_made_up_ceasefires(tmp_path)
    found = only(
        extract(atlas, "Clashes on 16 November 2028 ended in a truce brokered by Moscow.", dt.date(2028, 11, 20))
    )
    assert found.agreements == ()
    # The day one was made ties "a ceasefire" to it.
    found = only(extract(atlas, "The two sides agreed to a ceasefire on 2 June 2029.", dt.date(2029, 6, 10)))
    assert found.agreements == ("upland-ceasefire-2029-06-02",)


def test_the_protocol_is_the_one_its_dates_or_its_month_point_at(atlas):
    text = "A day later, on 16 May 2024, Baku said the protocol was already being carried out."
    assert only(extract(atlas, text, dt.date(2024, 5, 20))).agreements == ("delimitation-protocol-2024-05-15",)
    # The month written with it decides before the sentence's other date ("апрельского протокола" is April's).
    text = "Комиссии 30 августа 2024 года одобрили положение после апрельского протокола и протокола-описания."
    assert set(only(extract(atlas, text, dt.date(2024, 8, 31))).agreements) >= {
        "delimitation-2024-04-19",
        "delimitation-protocol-2024-05-15",
    }


def test_initialled_names_the_text_that_was_initialled_that_day(atlas):
    # Two texts were made at the White House on 8 August 2025; only the treaty was initialled.
    for text in (
        "The foreign ministers initialled the text at the White House on 8 August 2025.",
        "Министры парафировали текст в Белом доме 8 августа 2025 года.",
    ):
        assert only(extract(atlas, text, None)).agreements == ("peace-treaty-initialled-2025-08-08",), text
    text = "The leaders signed the texts at the White House on 8 August 2025."
    assert set(only(extract(atlas, text, None)).agreements) == {
        "washington-2025-08-08",
        "peace-treaty-initialled-2025-08-08",
    }
    # One text signed that day is not the treaty, which was only initialled.
    for text in (
        "The ministers sent the joint appeal signed in Washington on 8 August 2025.",
        "Доставка стала возможной благодаря документу, подписанному 8 августа 2025 года в Вашингтоне.",
    ):
        assert only(extract(atlas, text, None)).agreements == ("washington-2025-08-08",), text


def test_a_deadline_day_names_no_agreement_made_that_day(atlas):
    # "by May 15" sets a deadline; the protocol signed that day is named only by its own kind of text.
    published = dt.date(2024, 5, 9)
    for text in (
        "Under the April protocol, the sides must agree a description of these sections of the border by May 15.",
        "Согласно апрельскому протоколу, стороны должны согласовать описание этих участков границы к 15 мая.",
    ):
        assert only(extract(atlas, text, published)).agreements == ("delimitation-2024-04-19",), text
    text = "The sides must set down the agreed sections in a protocol-description by 15 May."
    assert only(extract(atlas, text, published)).agreements == ("delimitation-protocol-2024-05-15",)
    text = "Решение будет принято, если до 1 сентября ни одна из стран ОБСЕ не выдвинет возражений."
    assert only(extract(atlas, text, dt.date(2025, 8, 26))).agreements == ()


def test_a_decision_adopted_that_day_is_the_text_made_that_day(atlas):
    text = (
        "Протесты начались 19 апреля, когда жители сел Тавушской области перекрыли трассу. "
        "Поводом стало решение комиссий по делимитации, принятое в тот же день, о возвращении Азербайджану сел."
    )
    assert [c.agreements for c in extract(atlas, text, dt.date(2024, 5, 9))] == [(), ("delimitation-2024-04-19",)]


def test_an_agreements_own_name_holding_a_generic_word_stays_its_own(atlas):
    found = only(extract(atlas, "The Moscow-brokered truce took effect on 10 November 2020.", dt.date(2023, 12, 1)))
    assert found.agreements == ("statement-2020-11-10",)


def test_agreements_added_to_data_are_found_by_where_and_when_they_were_signed(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    agreements = json.loads((data / "agreements.json").read_text(encoding="utf-8"))
    # Two texts signed at each of two places, in March and in June: neither the place nor the month alone says
    # which is meant, and no alias names them.
    made_up = [
        ("marzik-accord-2026-03-03", "2026-03-03", "Marzik Lodge", "Марзик"),
        ("marzik-protocol-2026-06-10", "2026-06-10", "Marzik Lodge", "Марзик"),
        ("tovmas-accord-2026-03-20", "2026-03-20", "Tovmas Hall", "Товмас"),
        ("tovmas-protocol-2026-06-20", "2026-06-20", "Tovmas Hall", "Товмас"),
    ]
    first = agreements["agreements"][0]
    for made_up_id, date, place, place_ru in made_up:
        record = {k: v for k, v in first.items() if k not in ("article_notes", "article_variants")}
        record.update(
            id=made_up_id,
            title=f"Made-up text signed at {place} on {date}",
            short_title="Made-up text",
            date=date,
            place=place,
            aliases={},
            signed_at={"en": [place], "ru": [place_ru]},
        )
        agreements["agreements"].append(record)
    (data / "agreements.json").write_text(json.dumps(agreements, ensure_ascii=False), encoding="utf-8")
    atlas = load_atlas(data)
    text = (
        "Returnees said the accord signed at Marzik Lodge in March had changed everything.\n"
        "Документ, подписанный в Товмасе в июне, вступил в силу."
    )
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), dt.date(2026, 7, 22))
    # A sentence with a month of its own is dated by it, as written.
    assert [(c.date, c.date_precision, c.agreements) for c in found] == [
        (dt.date(2026, 3, 1), "month", ("marzik-accord-2026-03-03",)),
        (dt.date(2026, 6, 1), "month", ("tovmas-protocol-2026-06-20",)),
    ]
    assert ("agreement", "accord signed at Marzik Lodge in March") in {(s.kind, s.text) for s in found[0].spans}


def test_an_agreement_described_by_place_parties_and_month_is_found(atlas):
    prague = "EU 20 Feb launched its mission, the follow-up to the decision taken in Prague last October."
    found = extract(atlas, prague, dt.date(2023, 3, 1))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2023, 2, 20), ()),
        (dt.date(2022, 10, 1), ("prague-2022-10-06",)),  # the decision is a report of its own, as labelled
    ]
    sochi = "Путин, Алиев и Пашинян в понедельник провели в сочинской резиденции трехсторонние переговоры."
    assert only(extract(atlas, sochi, dt.date(2022, 11, 1))).agreements == ("sochi-2022-10-31",)
    # Of the two texts signed at the White House that day, the one whose kind the reference says.
    accord = "Returnees said on Monday the accord signed at the White House in August had convinced them."
    assert only(extract(atlas, accord, dt.date(2025, 11, 28))).agreements == ("washington-2025-08-08",)
    # A deadline the text sets is a term of it, not the day it was made.
    for moscow in (
        "The Moscow statement obliged the group to submit a list by 1 March.",
        "Московское заявление обязывало группу до 1 марта представить перечень работ.",
    ):
        found = only(extract(atlas, moscow, dt.date(2021, 4, 21)))
        assert (found.date, found.agreements) == (dt.date(2021, 3, 1), ("statement-2021-01-11",)), moscow


def test_a_place_or_date_that_is_not_the_agreements_own_names_none(atlas):
    travel = "Mustafayev will travel to Moscow in mid-December for a new round of talks of the trilateral group."
    assert only(extract(atlas, travel, dt.date(2021, 11, 28))).agreements == ()
    protest = "Residents have been blocking the road since May 16 in protest against the border deal."
    assert only(extract(atlas, protest, dt.date(2024, 5, 17))).agreements == ()


def test_a_meeting_dated_to_a_day_of_its_own_is_not_the_last_text_made_in_its_city(atlas):
    for moscow, published in (
        ("The two envoys held their first meeting in Moscow on Friday.", dt.date(2022, 1, 16)),
        ("Лавров во вторник провел в Москве переговоры с Мирзояном.", dt.date(2025, 1, 23)),
        ("On 25 July the ministers held talks in Moscow.", dt.date(2023, 8, 17)),
    ):
        assert only(extract(atlas, moscow, published)).agreements == (), moscow


def test_a_month_said_to_be_somewhere_names_none_of_that_months_agreements_made_elsewhere(atlas):
    for elsewhere in (
        "The working group last met in Moscow in December 2021.",
        "The leaders met in Sochi in December 2021.",
    ):
        assert only(extract(atlas, elsewhere, dt.date(2022, 6, 4))).agreements == (), elsewhere


def test_an_agreements_name_after_a_or_an_on_another_day_is_a_new_text(atlas):
    for new_one, published in (
        ("On Monday the two ministers signed a joint statement on energy cooperation.", dt.date(2024, 3, 5)),
        ("A Moscow-brokered truce announced on Tuesday morning broke down within hours.", dt.date(2022, 9, 15)),
    ):
        assert only(extract(atlas, new_one, published)).agreements == (), new_one
    # "under a … deal" cites one; on the agreement's own day it is that one.
    cited = "Troops entered Aghdam on Friday, as Armenia agreed under a Russian-brokered ceasefire deal."
    assert only(extract(atlas, cited, dt.date(2020, 11, 21))).agreements == ("statement-2020-11-10",)
    issued = "On 7 December Armenia and Azerbaijan issued a joint statement."
    assert only(extract(atlas, issued, dt.date(2023, 12, 8))).agreements == ("joint-statement-2023-12-07",)


def test_meetings_in_several_cities_are_none_of_the_texts_made_in_either(atlas):
    for rounds in (
        "On 3 March the commissions agreed to hold later rounds in Moscow and Brussels.",
        "3 марта вице-премьеры договорились, что следующие встречи пройдут в Москве и Брюсселе.",
    ):
        assert only(extract(atlas, rounds, dt.date(2025, 3, 5))).agreements == (), rounds


def test_a_border_named_by_its_sides_is_the_atlas_boundary_with_those_sides(atlas):
    def places(text: str) -> tuple[str, ...]:
        return only(extract(atlas, text, dt.date(2024, 5, 12))).places

    assert places("On May 10 a soldier was killed on Armenia's border with Azerbaijan.") == (
        "armenia-azerbaijan-border",
    )
    assert places("On May 10 the EU sent monitors along the eastern border of Armenia.") == (
        "armenia-azerbaijan-border",
    )
    # Other sides, or a side of its own that is no boundary's of the atlas: not the place.
    assert places("On May 10 Iran's border with Azerbaijan was closed.") == ()
    assert places("On May 10 Armenia's border with Turkey stayed closed.") == ()
    # Russian: the spellings of data/places.json, in their case forms.
    assert places("10 мая на границе между Арменией и Азербайджаном погиб военнослужащий.") == (
        "armenia-azerbaijan-border",
    )


@pytest.mark.parametrize(
    "text, places",
    [
        ("On 10 November 2020 a corridor through Lachin was left to Russian peacekeepers.", ("lachin-corridor",)),
        ("On 24 March 2022 troops entered the zone patrolled by Russian peacekeepers.", ("peacekeeping-zone",)),
        ("On 3 August 2022 the army took heights inside the zone of the Russian peacekeepers.", ("peacekeeping-zone",)),
        # A word that several places' names share does not set a name apart.
        ("On 12 June 2024 the checkpoint of the border service reopened.", ()),
    ],
)
def test_a_names_head_noun_written_before_the_word_that_sets_it_apart_names_the_place(atlas, text, places):
    assert only(extract(atlas, text, dt.date(2024, 6, 20))).places == places


def test_a_sentence_naming_both_sides_of_a_segment_names_the_segment(atlas):
    """The segment's sides come from its dashed spelling in data/places.json ("Tavush–Gazakh")."""

    def places(text: str, published: dt.date = dt.date(2024, 9, 26)) -> tuple[str, ...]:
        return only(extract(atlas, text, published)).places

    english = "The commissions agreed the first delimited sections between Gazakh and Tavush on 19 April."
    assert places(english) == ("gazakh", "tavush", "tavush-gazakh-border")
    russian = "19 апреля комиссии согласовали участок границы между Тавушской областью и Газахским районом."
    assert set(places(russian)) == {"tavush", "gazakh", "tavush-gazakh-border"}
    # The villages of one side are the segment's villages.
    for text in (
        "Azerbaijan took control of four villages of the Gazakh district on Friday.",
        "Armenia handed back four villages in Azerbaijan's Gazakh district on Friday.",
        "В пятницу пограничники взяли под охрану земли четырех сел Газахского района.",
        "В пятницу пограничники взяли под контроль четыре села Газахского района.",
        "В пятницу пограничники взяли под контроль четыре села в Газахском районе.",
    ):
        assert places(text, dt.date(2024, 5, 25)) == ("gazakh", "tavush-gazakh-border"), text
    # One side alone is that place only, and so is any village there ("сел в Тавуше", "какого-либо села").
    assert places("On 9 May protesters from Tavush marched to Yerevan.", dt.date(2024, 5, 10)) == ("tavush",)
    for text in (
        "15 марта министр заявил, что Ереван не ведет переговоров о сдаче сел в Тавуше.",
        "15 марта премьер заявил, что о передаче какого-либо села Тавушской области речи нет.",
    ):
        assert places(text, dt.date(2024, 3, 20)) == ("tavush",), text
    # Both sides named, then the villages of one again in a clause of their own: the segment in both clauses.
    text = (
        "The commissions agreed the first sections between Tavush and Gazakh on 19 April, and border guards took over "
        "the four Gazakh villages on 24 May."
    )
    assert [c.places for c in extract(atlas, text, dt.date(2025, 1, 30))] == [
        ("tavush", "gazakh", "tavush-gazakh-border"),
        ("gazakh", "tavush-gazakh-border"),
    ]


def test_people_and_agreement_aliases_follow_their_schemas():
    import jsonschema

    for name in ("people", "agreements"):
        schema = json.loads((ROOT / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads((ROOT / "data" / f"{name}.json").read_text(encoding="utf-8")), schema)


def test_a_list_of_dated_events_gives_one_candidate_each(atlas):
    text = "The handovers passed without incident: Aghdam on 20 November, Kalbajar on 25 November, and Lachin on 1 December."
    found = extract(atlas, text, dt.date(2020, 12, 22))
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2020, 11, 20), ("aghdam",)),
        (dt.date(2020, 11, 25), ("kalbajar",)),
        (dt.date(2020, 12, 1), ("lachin",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Baku began its operation on 19 September. Боевые действия прекратились на следующий день по договоренности, "
        "достигнутой при посредничестве миротворцев.",
        "Baku began its operation on 19 September. The fighting stopped the next day under an agreement reached with "
        "the mediation of the peacekeepers.",
    ],
)
def test_an_agreement_reached_on_a_counted_day_is_the_one_made_that_day(atlas, text):
    found = extract(atlas, text, dt.date(2023, 9, 25))
    assert (found[-1].date, found[-1].agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))


def test_since_a_weekday_in_russian_is_that_weekday_as_in_english(atlas):
    published = dt.date(2023, 9, 25)  # a Monday
    for text in (
        "Армяне выезжают через Корнидзор с воскресенья, когда открылся проезд по Лачинскому коридору.",
        "Armenians have left through Kornidzor since Sunday, when the Lachin corridor opened.",
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, set(found.places)) == (dt.date(2023, 9, 24), {"kornidzor", "lachin-corridor"}), text


def test_since_a_month_in_russian_is_that_month_as_in_english(atlas):
    published = dt.date(2025, 9, 12)
    for text in ("С июня жители возвращаются в город Кельбаджар.", "Since June residents have returned to Kalbajar."):
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision, found.places) == (dt.date(2025, 6, 1), "month", ("kalbajar",)), text
    # Its year counted, as in any case: "с февраля прошлого года" in December 2024 is February 2023.
    found = only(extract(atlas, "С февраля прошлого года жители возвращаются в Кельбаджар.", dt.date(2024, 12, 12)))
    assert found.date == dt.date(2023, 2, 1)


def test_a_coming_deadline_without_a_year_stays_in_the_future(atlas):
    found = only(extract(atlas, "Lachin will be handed over on 1 December.", dt.date(2020, 11, 27)))
    assert found.date == dt.date(2020, 12, 1) and "date" in found.low_confidence
    # An obligation is still to be met; "must have" looks back.
    text = "The list must go to the three leaders for approval before March 1."
    assert only(extract(atlas, text, dt.date(2021, 2, 28))).date == dt.date(2021, 3, 1)
    text = "The list must have reached the leaders on March 1."
    assert only(extract(atlas, text, dt.date(2021, 2, 28))).date == dt.date(2020, 3, 1)
    # A term that runs out, told in the present, runs out ahead; told in the past, it is gone.
    for text, year in (
        ("The EU mission's current mandate expires on 19 February.", 2025),
        ("Мандат миссии ЕС истекает 19 февраля.", 2025),
        ("The EU mission's mandate expired on 19 February.", 2024),
        ("Мандат миссии ЕС истек 19 февраля.", 2024),
    ):
        assert only(extract(atlas, text, dt.date(2024, 12, 20))).date == dt.date(year, 2, 19), text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # A state told as past ends on a day of the story: the last such day before the publication.
        ("The stretch near Kirants was guarded under a transitional plan until July 24.", dt.date(2024, 7, 24)),
        ("A transitional arrangement applied near Kirants until July 24.", dt.date(2024, 7, 24)),
        ("На участке у Киранца до 24 июля действовала переходная схема охраны.", dt.date(2024, 7, 24)),
        # Still ahead: what is to last, and what was extended or put off to a later day.
        ("The talks will go on until July 24.", dt.date(2025, 7, 24)),
        ("The mission's mandate was extended until July 24.", dt.date(2025, 7, 24)),
        ("Переговоры будут идти до 24 июля.", dt.date(2025, 7, 24)),
        ("Срок был продлен до 24 июля.", dt.date(2025, 7, 24)),
    ],
)
def test_until_a_day_after_a_state_told_as_past_is_no_day_to_come(atlas, text, day):
    assert only(extract(atlas, text, dt.date(2025, 2, 28))).date == day


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # "The next day" counts from a day told; it does not look ahead.
        (
            "Baku launched the operation on Sept. 19 and the local forces laid down their arms the next day.",
            [dt.date(2023, 9, 19), dt.date(2023, 9, 20)],
        ),
        ("The leaders will meet on Sept. 19 and sign the text the next day.", [dt.date(2024, 9, 19)]),
        ("The commissions meet again next week and on Sept. 19.", [dt.date(2024, 9, 19)]),
    ],
)
def test_the_next_day_counts_from_a_day_told_and_next_week_looks_ahead(atlas, text, days):
    assert [c.date for c in extract(atlas, text, dt.date(2024, 6, 13))][: len(days)] == days


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Khojaly changed hands after the measures of 19-20 September 2023, which ended when the groups accepted "
            "the terms on 20 September.",
            dt.date(2025, 1, 15),
            dt.date(2023, 9, 20),
        ),
    ],
)
def test_a_year_less_day_after_a_span_written_with_its_year_is_in_that_year(atlas, text, published, day):
    assert extract(atlas, text, published)[-1].date == day


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        # "к", "ко" before a day is "by": a day still to come; so is a meeting "proposed to be held" on a day.
        ("Экспертные подгруппы решено сформировать ко 2 февраля.", "2021-02-01", 2021),
        ("Встречу министров предлагалось провести в Вашингтоне 20 ноября.", "2023-11-17", 2023),
        ("США предлагали провести встречу министров 20 ноября.", "2023-11-17", 2023),
        # Not in a clause told in the past: that day is of the story.
        ("К началу октября почти все жители покинули регион.", "2024-06-12", 2023),
        (
            "Первоначально заявление предусматривало передачу района к 15 ноября, однако срок продлили.",
            "2021-08-17",
            2020,
        ),
    ],
)
def test_russian_k_before_a_day_and_a_meeting_proposed_for_it_look_ahead(atlas, text, published, year):
    assert only(extract(atlas, text, dt.date.fromisoformat(published))).date.year == year


def test_a_deadline_looks_ahead_for_its_own_date_only(atlas):
    published = dt.date(2024, 2, 7)
    for text in (
        "The separatist leader decreed on September 28 that all institutions be dissolved by January 1, 2024.",
        "Лидер сепаратистов 28 сентября подписал указ о роспуске всех учреждений до 1 января 2024 года.",
    ):
        assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 9, 28), dt.date(2024, 1, 1)], text
    # A cue of its own still makes the sentence's year-less dates coming.
    text = "The commissions will meet on September 28 and must finish by January 1."
    assert [c.date for c in extract(atlas, text, published)][0] == dt.date(2024, 9, 28)


def test_an_alias_several_agreements_share_is_settled_by_the_date(atlas):
    found = only(extract(atlas, "At last October's Sochi meeting Putin hosted Aliyev.", dt.date(2022, 11, 20)))
    assert found.agreements == ("sochi-2022-10-31",)


def test_a_dated_report_naming_nothing_the_atlas_knows_is_still_a_candidate(atlas):
    text = "Gas supplies to the enclave were also cut on Tuesday.\nCouncil of the EU, Press release, 13 December 2022"
    found = only(extract(atlas, text, dt.date(2022, 12, 14)))
    assert (found.date, found.places, found.agreements) == (dt.date(2022, 12, 13), (), ())
    assert [(s.kind, s.text) for s in found.spans] == [("date", "on Tuesday")]


def test_a_visit_the_day_after_an_agreement_is_not_that_agreement(atlas):
    text = "On 27 November, President Ilham Aliyev visited Shusha and met with the families of martyrs."
    found = only(extract(atlas, text, dt.date(2021, 11, 28)))  # the Sochi statement is of 26 November 2021
    assert (found.date, found.places, found.agreements) == (dt.date(2021, 11, 27), ("shusha",), ())


def test_a_protest_against_any_deal_keeps_its_own_date(atlas):
    text = "In Stepanakert, several hundred people protested on April 5 against any deal with Baku."
    found = only(extract(atlas, text, dt.date(2022, 4, 8)))  # the Brussels meeting was on 6 April 2022
    assert (found.date, found.agreements) == (dt.date(2022, 4, 5), ())


def test_a_deadline_listed_after_past_days_shares_their_year(atlas):
    text = "Aghdam was returned to Azerbaijan on Nov. 20, followed by Kalbajar on Nov. 25 and Lachin by Dec. 1."
    assert [c.date for c in extract(atlas, text, dt.date(2021, 6, 12))] == [
        dt.date(2020, 11, 20),
        dt.date(2020, 11, 25),
        dt.date(2020, 12, 1),
    ]
    # Not one that falls before them in their year: that one is still to come.
    text = (
        "Kalbajar was returned to Azerbaijan on Nov. 25, and demining of the road to its airport should end by Oct. 1."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2021, 6, 12))] == [dt.date(2020, 11, 25), dt.date(2021, 10, 1)]


def test_a_day_before_a_verb_of_making_is_the_day_of_the_making_not_part_of_a_name(atlas):
    text = (
        "The border commissions agreed the first four sections of the line, between villages of Tavush and Gazakh, on "
        "19 April 2024, and on 30 August signed regulations on their joint work that make the Alma-Ata Declaration "
        "the basis of delimitation."
    )
    sections, regulations = extract(atlas, text, None)
    assert (sections.date, sections.agreements) == (dt.date(2024, 4, 19), ("delimitation-2024-04-19",))
    assert (regulations.date, regulations.agreements) == (
        dt.date(2024, 8, 30),
        ("delimitation-regulations-2024-08-30",),
    )


def test_soglashenie_is_the_agreement_named_shortly_before(atlas):
    text = (
        "Армения и Азербайджан 7 декабря опубликовали совместное заявление об обмене военнопленными. "
        "Стороны обсудили и другие вопросы. "
        "По данным Баку, соглашение начали выполнять 13 декабря."
    )
    found = extract(atlas, text, dt.date(2023, 12, 14))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2023, 12, 7), ("joint-statement-2023-12-07",)),
        (dt.date(2023, 12, 13), ("joint-statement-2023-12-07",)),
    ]
    assert "agreements" in found[1].low_confidence
    # Named more than ANAPHOR_SENTENCES before, it is still the agreement the article is about (the only one it names).
    far = text.replace("Стороны обсудили и другие вопросы. ", "Стороны обсудили и другие вопросы. " * 4)
    assert extract(atlas, far, dt.date(2023, 12, 14))[-1].agreements == ("joint-statement-2023-12-07",)


def test_the_agreements_in_the_plural_are_not_the_one_named_before(atlas):
    text = (
        "Hajiyev recalled that the trilateral statement signed in Moscow in November 2020 had promised such a link. "
        "The State Department published the texts of the agreements on Monday."
    )
    found = extract(atlas, text, dt.date(2025, 8, 12))
    assert found[-1].date == dt.date(2025, 8, 11) and found[-1].agreements == ()


def test_the_document_is_the_agreement_named_just_before(atlas):
    text = (
        "Putin, Aliyev and Pashinyan signed the trilateral statement on 10 November 2020. "
        "Согласно документу, Армения до 20 ноября возвращает Азербайджану Агдамский район. "
        "The treaty was discussed in Ankara on 12 November."
    )
    found = extract(atlas, text, dt.date(2020, 11, 10))
    handover = next(c for c in found if "Агдамский" in c.sentence)
    assert (handover.date, handover.places, handover.agreements) == (
        dt.date(2020, 11, 20),
        ("aghdam",),
        ("statement-2020-11-10",),
    )
    assert ("agreement", "документу") in {(s.kind, s.text) for s in handover.spans}
    assert "agreements" in handover.low_confidence
    # "The treaty" cannot be the statement: the kind of text does not fit.
    assert next(c for c in found if "Ankara" in c.sentence).agreements == ()


def test_a_coming_date_whose_cue_is_in_the_phrase_or_after_it_stays_in_the_future(atlas):
    published = dt.date(2022, 5, 22)
    found = only(extract(atlas, "We agreed to meet again in Brussels by July.", published))
    assert (found.date, found.date_precision) == (dt.date(2022, 7, 1), "month")
    found = only(extract(atlas, "On 12 October the court in The Hague will hear Armenia's request.", published))
    assert found.date == dt.date(2022, 10, 12)
    # A cue after the date never moves one long past to next year.
    found = only(extract(atlas, "On 20 January Aliyev said talks would resume.", published))
    assert found.date == dt.date(2022, 1, 20)


def test_a_range_across_two_months(atlas):
    text = "EU monitors were deployed from 20 October to 19 December 2022 along the border."
    found = only(extract(atlas, text, dt.date(2023, 1, 23)))
    assert (found.date, found.date_precision) == (dt.date(2022, 10, 20), "range")


@pytest.mark.parametrize(
    "text", ["Fighting went on between 30 April and 15 May near Lachin.", "Бои шли с 30 апреля по 15 мая у Лачина."]
)
def test_a_range_between_two_days_of_two_months(atlas, text):
    found = only(extract(atlas, text, dt.date(2021, 6, 1)))
    assert (found.date, found.date_precision, found.places) == (dt.date(2021, 4, 30), "range", ("lachin",))


@pytest.mark.parametrize(
    "text",
    [
        "Putin twice discussed the fighting with Pashinyan on 24 and 25 March.",
        "Путин 24 и 25 марта дважды обсуждал бои с Пашиняном.",
    ],
)
def test_two_days_of_one_month_joined_by_and_are_a_range(atlas, text):
    found = only(extract(atlas, text, dt.date(2022, 3, 31)))
    assert (found.date, found.date_precision) == (dt.date(2022, 3, 24), "range")


@pytest.mark.parametrize(
    "text",
    [
        "The Council gave the mission a budget for the period from 20 February 2025 to 19 February 2027.",
        "The mission will run from February 20, 2025 to February 19, 2027.",
        "Совет выделил миссии бюджет на период с 20 февраля 2025 года по 19 февраля 2027 года.",
    ],
)
def test_a_range_across_years_starts_in_its_first_days_own_year(atlas, text):
    found = only(extract(atlas, text, dt.date(2025, 1, 31)))
    assert (found.date, found.date_precision) == (dt.date(2025, 2, 20), "range")


def test_an_undated_text_takes_the_year_of_its_last_dated_event_not_of_any_year_written(atlas):
    text = (
        "The last Russian peacekeepers left Karabakh on 12 June 2024, four years after the 2020 ceasefire. "
        "Their mission, meant to last until 2025, ended early, and the monitoring centre near Aghdam closed on 26 April."
    )
    found = extract(atlas, text, None)
    assert [c.date for c in found] == [dt.date(2024, 6, 12), dt.date(2024, 4, 26)]


def test_an_undated_texts_year_stays_with_its_days_past_a_month_given_as_background(atlas):
    # "in May 2021" dates a step the sentence looks back on; the story told day by day is still in 2024.
    text = (
        "The commissions met on the border on 19 April 2024 and agreed four sections near Tavush. "
        "They built on a working group Yerevan and Baku had set up in May 2021. "
        "The villages passed to Azerbaijan on 24 May."
    )
    found = extract(atlas, text, None)
    assert [c.date for c in found if c.date_precision == "day"] == [dt.date(2024, 4, 19), dt.date(2024, 5, 24)]


def test_commissions_that_agreed_on_a_friday_name_that_days_agreement(atlas):
    text = "Вице-премьеры провели в пятницу заседание комиссий по делимитации и согласовали первый участок границы."
    found = only(extract(atlas, text, dt.date(2024, 4, 19)))
    assert found.agreements == ("delimitation-2024-04-19",)


def test_each_dated_clause_of_a_list_is_an_event_even_naming_nothing_the_atlas_knows(atlas):
    text = "Activists camped near Shushi on 12 December 2022, and Azerbaijan added a checkpoint on 23 April 2023."
    found = extract(atlas, text, dt.date(2023, 10, 5))
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2022, 12, 12), ("shusha",)),
        (dt.date(2023, 4, 23), ()),
    ]


def test_a_coming_date_late_in_a_long_sentence_about_the_future(atlas):
    text = (
        "The leaders will meet again in Chisinau on 1 June, with the French president and the German chancellor, "
        "on the margins of a European summit, and in Brussels in July."
    )
    found = extract(atlas, text, dt.date(2023, 5, 14))
    assert [(c.date, c.date_precision) for c in found] == [(dt.date(2023, 6, 1), "day"), (dt.date(2023, 7, 1), "month")]


def test_a_headline_lends_its_places_only_to_a_lead_that_names_none(atlas):
    text = "Convoy reaches Karabakh\nA Red Cross convoy reached Stepanakert on Monday.\nAliyev met Michel on Tuesday."
    found = extract(atlas, text, dt.date(2023, 9, 20))
    assert [c.places for c in found] == [("khankendi",), ()]


def test_a_headline_lends_a_place_only_where_the_story_happens(atlas):
    lead = "\nThe leaders met in Brussels on Saturday.\nAliyev met Michel on Tuesday."
    for headline, places in (
        ("Monitors sent to Karabakh", ("karabakh",)),
        ("В Карабахе прекращен огонь", ("karabakh",)),
        ("Leaders meet as Karabakh blockade drags on", ()),
        ("ОБСЕ закрыла Минский процесс по Карабаху", ()),
        ("After the Karabakh war: a fragile order", ()),
    ):
        found = extract(atlas, headline + lead, dt.date(2023, 9, 20))
        assert [c.places for c in found] == [places, ()], headline


def test_a_name_with_a_note_in_brackets_and_a_name_two_places_share(atlas):
    text = "On Monday troops moved towards the Zangezur corridor, and talks on the Trump Route began in Yerevan."
    # "Zangezur corridor (term used by Azerbaijan; …)" is written without its note; "Trump Route" is the first name of
    # tripp-route and a later one of nakhchivan-link.
    assert only(extract(atlas, text)).places == ("nakhchivan-link", "tripp-route")


def test_a_place_named_inside_an_agreements_name_is_a_place_of_the_sentence(atlas):
    # The labelling rule: every place the sentence names, in any form; a name inside a title is still named.
    text = "The progress since the commissions agreed the Tavush-Gazakh protocol in April last year is real."
    found = only(extract(atlas, text, dt.date(2025, 7, 10)))
    assert found.agreements == ("delimitation-2024-04-19",)
    assert found.places == ("tavush-gazakh-border",)
    text = "The TRIPP implementation framework was published in Washington on January 13."
    found = only(extract(atlas, text, dt.date(2026, 2, 10)))
    assert found.agreements == ("tripp-framework-2026-01-13",)
    assert found.places == ("tripp-route",)
    assert ("agreement", "TRIPP implementation framework") in {(s.kind, s.text) for s in found.spans}


@pytest.mark.parametrize(
    "text",
    [
        "On 10 January the programme began resettling people in Garabagh and East Zangezur.",
        "10 января программа начала переселение людей в Карабах и Восточный Зангезур.",
        "10 января в Восточном Зангезуре открылась новая школа.",
    ],
)
def test_east_zangezur_is_not_syunik(atlas, text):
    # Azerbaijan's economic region of five districts (data/places.json, syunik's not_names), not Armenia's province.
    assert "syunik" not in only(extract(atlas, text, dt.date(2025, 1, 15))).places


def test_zangezur_alone_is_still_syunik(atlas):
    text = "On 10 January troops were moved to the border of Zangezur."
    assert "syunik" in only(extract(atlas, text, dt.date(2025, 1, 15))).places


def test_the_road_that_skirts_berdzor_is_the_2022_road_as_the_one_that_skirts_lachin(atlas):
    for town in ("Lachin", "Berdzor"):
        text = f"Since 30 August 2022 traffic has used a new road that skirts the town of {town}."
        assert "lachin-road-2022" in only(extract(atlas, text, dt.date(2023, 8, 9))).places


def test_from_today_in_russian_is_the_publication_day(atlas):
    text = "Полицейские на трассе Горис – Капан с сегодняшнего дня проверяют и автобусы."
    found = only(extract(atlas, text, dt.date(2021, 9, 14)))
    assert (found.date, found.places) == (dt.date(2021, 9, 14), ("goris",))


@pytest.mark.parametrize("name", ["Aghband–Kalaleh road bridge", "Aghband-Kalaleh road bridge", "Aghband road bridge"])
def test_the_aghband_road_bridge_is_the_route_through_iran(atlas, name):
    text = f"Mustafayev said on 23 February that the {name} over the Araz was complete."
    assert only(extract(atlas, text, dt.date(2026, 4, 14))).places == ("aras-route-iran",)


def test_the_segment_its_sides_name_is_named_even_when_its_villages_come_later(atlas):
    text = (
        "The commissions signed the protocol-description of the sections between Gazakh and Tavush villages on May 15, "
        "and Azerbaijani border guards took over Baghanis Ayrum and Ashaghi Askipara on May 24."
    )
    signed, took_over = extract(atlas, text, dt.date(2024, 11, 7))
    assert "tavush-gazakh-border" in signed.places and "tavush-gazakh-border" in took_over.places


def test_russian_forms_of_armenian_side_names(atlas):
    text = "В понедельник из Бердзора, Карвачара и Мартуни выехали жители Арцаха."
    assert only(extract(atlas, text)).places == ("lachin", "kalbajar", "khojavend", "karabakh")


def test_baku_russian_spellings_in_their_case_forms(atlas):
    # Baku's Russian-language media write Нахчыван, Кяльбаджар, Лачын, Губадлы; Ханкенди does not decline.
    def places(text: str) -> tuple[str, ...]:
        return only(extract(atlas, text, dt.date(2024, 3, 5))).places

    assert places("3 марта делегация из Ханкенди прибыла в Нахчыван.") == ("khankendi", "nakhchivan")
    assert places("3 марта в Нахчыване обсудили дорогу между Нахчываном и Баку.") == ("nakhchivan",)
    assert places("3 марта жители Лачынского района вернулись в Лачын.") == ("lachin",)
    assert places("3 марта в Губадлинском районе и в Кяльбаджаре разминировали поля.") == ("gubadly", "kalbajar")
    assert places("3 марта бои под Гадрутом вспомнили в Джабраильском районе.") == ("khojavend", "jabrayil")


def test_armenian_side_town_names_are_their_districts(atlas):
    found = only(extract(atlas, "On 12 October 2020 shelling hit Hadrut and Askeran.", dt.date(2020, 10, 13)))
    assert found.places == ("khojavend", "khojaly")


def test_azerbaijani_and_armenian_district_names_in_running_text(atlas):
    # The extractor reads no Azerbaijani or Armenian dates, so these sentences give no candidate; their places are
    # found by the gazetteer the extractor uses, in the names' own (nominative) forms.
    from geo.gazetteer import Gazetteer

    gazetteer = Gazetteer(atlas.places.values())

    def places(text: str) -> list[str]:
        return [m.place for m in gazetteer.find(text)]

    assert places("Köçkünlər Kəlbəcər rayonu və Laçın rayonu üzrə siyahıya alınıb; Əsgəran yolu açıqdır.") == [
        "kalbajar",
        "lachin",
        "khojaly",
    ]
    assert places("Xocavənd rayonu və Ağdam rayonu arasında yol çəkilir.") == ["khojavend", "aghdam"]
    assert places("Քելբեջար, Հադրութ և Ասկերան") == ["kalbajar", "khojavend", "khojaly"]


def test_an_agreement_named_by_its_year_and_kind(atlas):
    found = only(extract(atlas, "On Monday Baku accused Yerevan of breaking the 2020 ceasefire near Lachin.", None))
    assert found.agreements == ("statement-2020-11-10",)
    found = only(extract(atlas, "В понедельник Баку напомнил о заявлении 2020 года.", dt.date(2023, 1, 10)))
    assert found.agreements == ("statement-2020-11-10",)
    # A year with several agreements of the kind names none by the year alone.
    assert (
        extract(atlas, "On Monday the 2022 statements were debated in Yerevan.", dt.date(2023, 1, 10))[0].agreements
        == ()
    )


def test_a_sentence_saying_what_an_agreement_is_meant_to_do_takes_its_date(atlas):
    found = only(extract(atlas, "Under the 2020 ceasefire, the Lachin corridor is meant to be kept open.", None))
    assert (found.date, found.agreements, found.date_note) == (
        dt.date(2020, 11, 10),
        ("statement-2020-11-10",),
        DATE_NOTE_AGREEMENT,
    )


def test_this_evening_and_the_night_before_a_weekday(atlas):
    found = only(
        extract(atlas, "Aliyev congratulated the nation on Kalbajar in an address this evening.", dt.date(2020, 11, 25))
    )
    assert (found.date, found.date_precision) == (dt.date(2020, 11, 25), "day")
    found = only(extract(atlas, "Заявление по Карабаху опубликовано в ночь на вторник.", dt.date(2020, 11, 10)))
    assert found.date == dt.date(2020, 11, 10)  # a Tuesday


def test_russian_adjectives_of_names_ending_in_a_vowel(atlas):
    # "Шуша" -> "шушинской", "Кубатлы" -> "кубатлинские": the stem takes "-инск-", as "Лачин" takes "-ск-".
    text = "10 мая журналисты посетили кубатлинские и физулинские села, а 11 мая побывали в шушинской гостинице."
    assert [c.places for c in extract(atlas, text, dt.date(2024, 5, 12))] == [("gubadly", "fuzuli"), ("shusha",)]


def test_russian_adjectives_with_a_soft_sign(atlas):
    # "Джебраил" -> "Джебраильскому": the adjective's suffix after a soft sign, in a list of districts.
    text = (
        "14 февраля заложили фундамент дороги, которая пройдет по Физулинскому, Джебраильскому и Зангиланскому районам."
    )
    assert only(extract(atlas, text, dt.date(2021, 4, 21))).places == ("fuzuli", "jabrayil", "zangilan")


def test_the_treaty_under_negotiation_within_a_year_of_its_making_is_that_treaty(atlas):
    # data/agreements.json: the peace treaty was initialled on 8 August 2025; its wording was agreed on 13 March 2025.
    text = (
        "The foreign ministers agreed in New York on September 26 to work to conclude the peace treaty soon. "
        "On 13 March 2025 the two sides announced that the text of the peace treaty was agreed."
    )
    found = extract(atlas, text, dt.date(2025, 3, 14))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2024, 9, 26), ("peace-treaty-initialled-2025-08-08",)),
        (dt.date(2025, 3, 13), ("peace-treaty-initialled-2025-08-08",)),
    ]
    # More than a year before it, "a peace treaty" is the idea, not this text.
    text = "In April 2022 the leaders asked their foreign ministers to start preparing a peace treaty."
    assert only(extract(atlas, text, dt.date(2022, 4, 8))).agreements == ()


def test_a_day_counted_in_its_own_clause_after_the_speaking_is_another_event(atlas):
    # The speaking day stays an event: the counted day after ", and" is not what the words report.
    text = (
        "On Thursday evening Pashinyan told a reporter in Tirana that Armenia had no claims on its neighbours, and the "
        "following morning Azerbaijan's foreign ministry accused him of misleading the world."
    )
    found = extract(atlas, text, dt.date(2025, 5, 17))
    assert [c.date for c in found] == [dt.date(2025, 5, 15), dt.date(2025, 5, 16)]


def test_russian_early_mid_late_month_after_since_until_and_by(atlas):
    text = "Жители Киранца и Воскепара с конца апреля протестуют против передачи земель."
    found = only(extract(atlas, text, dt.date(2024, 5, 16)))
    assert (found.date, found.date_precision, found.places) == (
        dt.date(2024, 4, 25),
        "approximate",
        ("tavush-gazakh-border",),
    )
    found = only(extract(atlas, "Работы на участке идут с начала мая.", dt.date(2024, 5, 16)))
    assert (found.date, found.date_precision) == (dt.date(2024, 5, 5), "approximate")


def test_a_russian_month_keeps_the_year_written_after_it(atlas):
    # "в ноябре 2020 года" had its year dropped and was completed from the publication date (2022-11).
    published = dt.date(2023, 5, 1)
    cases = {
        "Агдамский район был передан Азербайджану в ноябре 2020 года.": dt.date(2020, 11, 1),
        "В мае 2021 г. у Черного озера начался пограничный кризис.": dt.date(2021, 5, 1),
        "Лачинский коридор был перекрыт в декабре прошлого года.": dt.date(2022, 12, 1),
        # In any case, with the year counted from the publication's.
        "Миссия ЕС работает на армянской стороне границы с февраля прошлого года.": dt.date(2022, 2, 1),
        "Работы на участке у Киранца должны были завершиться к маю прошлого года.": dt.date(2022, 5, 1),
        # "нынешнего"/"сего" года is this year as "этого"/"текущего" is.
        "В апреле нынешнего года в Кельбаджар вернулись первые семьи.": dt.date(2023, 4, 1),
        "В марте сего года в Лачин вернулись первые семьи.": dt.date(2023, 3, 1),
    }
    for text, want in cases.items():
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision) == (want, "month"), text
    # And the end or half of such a year.
    end = only(extract(atlas, "К концу нынешнего года в Кельбаджар вернутся 500 семей.", published))
    assert (end.date, end.date_precision) == (dt.date(2023, 12, 25), "approximate")
    half = only(extract(atlas, "Во второй половине позапрошлого года в Лачин вернулись семьи.", published))
    assert (half.date, half.date_precision) == (dt.date(2021, 7, 1), "range")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The open-air display on Baku's 8 November Avenue holds about 300 exhibits from the war over Shusha.", []),
        ("Выставку трофеев о битве за Шушу разместили на проспекте 8 Ноября в Баку.", []),
        ("Сторонники Шуши собрались у станции метро «28 Мая» в Баку.", []),
        # The day the sentence tells beside it stays.
        ("A display on 8 November Avenue about Shusha opened on 12 April.", [dt.date(2021, 4, 12)]),
        # Metres are no station.
        ("Подразделения продвинулись на 300 метров 12 апреля у Шуши.", [dt.date(2021, 4, 12)]),
    ],
)
def test_a_street_or_station_named_after_a_day_is_no_date(atlas, text, days):
    assert [c.date for c in extract(atlas, text, dt.date(2021, 4, 12))] == days


def test_wire_and_russian_press_ways_of_writing_a_day(atlas):
    published = dt.date(2022, 9, 14)  # a Wednesday
    cases = {
        "Azerbaijan shelled Jermuk late Monday, Yerevan said.": dt.date(2022, 9, 12),
        "Fighting near Jermuk broke out in the early hours of Tuesday.": dt.date(2022, 9, 13),
        "Бои у Джермука начались в минувший вторник.": dt.date(2022, 9, 13),
        "Бои у Джермука начались 13-го сентября.": dt.date(2022, 9, 13),
        "Заявление по Карабаху было подписано 10.11.2020 в Москве.": dt.date(2020, 11, 10),
    }
    for text, want in cases.items():
        assert only(extract(atlas, text, published)).date == want, text


def test_a_range_with_times_of_day_between(atlas):
    text = "Fighting in Karabakh went on from the afternoon of 19 September to 13:00 on 20 September."
    found = only(extract(atlas, text, dt.date(2023, 10, 5)))
    assert (found.date, found.date_precision) == (dt.date(2023, 9, 19), "range")


def test_the_same_day_counts_from_the_day_the_sentence_before_gave(atlas):
    text = "Yerevan said on Thursday that the peace treaty text was agreed. Baku confirmed the same day."
    found = extract(atlas, text, dt.date(2025, 3, 14))
    assert [c.date for c in found] == [dt.date(2025, 3, 13), dt.date(2025, 3, 13)]
    # Without a day before it, "the same day" places nothing.
    assert extract(atlas, "Baku confirmed the same day that talks on Lachin were over.", dt.date(2025, 3, 14)) == []
    # Nor does the date of an agreement the sentence names take its place.
    lead = "Putin and Aliyev signed a declaration in Moscow on Tuesday. "
    for said in (
        "The same day Aliyev said Baku expects Yerevan to fulfil the statement of 10 November 2020.",
        "Выступая в тот же день, Алиев сказал, что Баку ждет выполнения заявления от 10 ноября 2020 года.",
    ):
        found = extract(atlas, lead + said, dt.date(2022, 2, 23))
        assert [(c.date, c.agreements) for c in found][1:] == [(dt.date(2022, 2, 22), ("statement-2020-11-10",))]


def test_an_agreement_named_by_place_and_month_is_that_one_of_the_month(atlas):
    # October 2022 had two meetings (Prague on the 6th, Sochi on the 31st): the name around the date decides, and the
    # candidate takes the agreement's own day.
    found = only(
        extract(
            atlas,
            "At the Prague meeting of October 2022 the leaders accepted the Alma-Ata Declaration.",
            dt.date(2024, 11, 20),
        )
    )
    assert found.agreements == ("prague-2022-10-06",)
    assert (found.date, found.date_precision) == (dt.date(2022, 10, 6), "day")
    # "The joint statement of last December": a month counted from publication is part of the name too.
    found = only(
        extract(atlas, "That deal followed the joint statement of last December on prisoners.", dt.date(2024, 11, 20))
    )
    assert found.agreements == ("joint-statement-2023-12-07",) and found.date == dt.date(2023, 12, 7)
    # "Since the November 2020 truce" dates a period from the month, as written.
    found = only(extract(atlas, "Baku has freed 100 prisoners since the November 2020 truce.", dt.date(2021, 11, 26)))
    assert found.agreements == ("statement-2020-11-10",)
    assert (found.date, found.date_precision) == (dt.date(2020, 11, 1), "month")


def test_under_the_document_says_what_the_agreement_named_before_provides(atlas):
    text = (
        "The joint statement of the two governments was released on December 7. "
        "Under the document, Azerbaijan releases 32 Armenian servicemen. "
        "Moscow welcomed the agreement on Friday."
    )
    found = extract(atlas, text, dt.date(2023, 12, 9))
    assert [c.agreements for c in found] == [("joint-statement-2023-12-07",)] * 3
    assert [c.date for c in found] == [dt.date(2023, 12, 7), dt.date(2023, 12, 7), dt.date(2023, 12, 8)]
    assert found[1].date_note == DATE_NOTE_AGREEMENT and "date" in found[1].low_confidence
    # "Согласно протоколу" likewise.
    text = (
        "Комиссии подписали протокол о делимитации 19 апреля. Согласно протоколу, к Азербайджану переходят четыре села."
    )
    found = extract(atlas, text, dt.date(2024, 4, 20))
    assert found[-1].agreements == ("delimitation-2024-04-19",) and found[-1].date == dt.date(2024, 4, 19)
    # "Under Article I of the treaty": a numbered part of the text says it.
    text = (
        "The foreign ministers initialled the peace treaty on 8 August 2025. The treaty has seventeen articles. "
        "Under Article I of the treaty, each party recognises the other's territorial integrity."
    )
    found = extract(atlas, text, None)
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",))
    ] * 2
    # "Article VI of the treaty merely tasks …": what a numbered part of the text asks, it lays down.
    text = text.replace(
        "Under Article I of the treaty, each party recognises the other's territorial integrity.",
        "Article VI of the treaty merely tasks the border commissions with negotiating a delimitation agreement.",
    )
    found = extract(atlas, text, None)
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",))
    ] * 2


def test_the_corridor_is_the_corridor_named_before(atlas):
    text = (
        "Thousands crossed into Armenia on Sunday through the Lachin corridor. "
        "Kornidzor received the first buses on Monday. "
        "The corridor had been closed since December."
    )
    found = extract(atlas, text, dt.date(2023, 9, 25))
    assert found[-1].places == ("lachin-corridor",)
    assert [s.text for s in found[-1].spans if s.kind == "place"] == ["corridor"]
    # Russian: any case form, no article needed.
    text = "Азербайджан установил КПП на въезде в Лачинский коридор в воскресенье. Движение по коридору прекращено 12 декабря."
    assert extract(atlas, text, dt.date(2023, 4, 24))[-1].places == ("lachin-corridor",)
    # Without the corridor named before, "the corridor" is no place.
    assert extract(atlas, "The corridor had been closed since December.", dt.date(2023, 9, 25))[0].places == ()


def test_the_road_is_the_place_the_text_named_as_a_road(atlas):
    # "Lachin road" is one of the corridor's spellings: "the road" after it is the corridor.
    text = (
        "The ministers discussed the situation on the Lachin road on 22 December. "
        "Activists have been protesting on the road since December 12."
    )
    assert extract(atlas, text, dt.date(2022, 12, 23))[-1].places == ("lachin-corridor",)
    # A road named by its ends is another road.
    text = (
        "The ministers discussed the situation on the Lachin road on 22 December. "
        "Residents blocked the road from Aghdam on 18 July."
    )
    assert extract(atlas, text, dt.date(2023, 7, 20))[-1].places == ("aghdam",)


def test_the_corridor_is_still_the_corridor_a_few_paragraphs_on(atlas):
    text = (
        "The court ruled on Wednesday that traffic must move freely along the Lachin corridor. "
        "The vote was 13-2. The order is binding. The judges turned down two other requests. "
        "Baku repeated that it wants a checkpoint. Yerevan rejected the idea. The leaders met in Munich on Feb. 18. "
        "On Dec. 22 the European court had told Baku to ensure safe passage through the corridor."
    )
    assert extract(atlas, text, dt.date(2023, 2, 23))[-1].places == ("lachin-corridor",)


def test_the_border_once_the_interstate_border_is_named_but_a_border_village_is_not_it(atlas):
    found = only(
        extract(
            atlas, "Fighting along the interstate border on Sept. 13 killed soldiers near Jermuk.", dt.date(2022, 10, 7)
        )
    )
    assert set(found.places) == {"armenia-azerbaijan-border", "jermuk"}
    # "The border" is the one border the atlas has (its spelling in data/places.json), unless its sides are others.
    text = "Talks on the Armenian–Azerbaijani border resumed. Shelling along the border was reported on Sunday."
    assert extract(atlas, text, dt.date(2022, 9, 14))[-1].places == ("armenia-azerbaijan-border",)
    text = "Shelling along the border was reported on Sunday."
    assert only(extract(atlas, text, dt.date(2022, 9, 14))).places == ("armenia-azerbaijan-border",)
    text = "Troops were moved to the border with Azerbaijan on Sunday."
    assert only(extract(atlas, text, dt.date(2022, 9, 14))).places == ("armenia-azerbaijan-border",)
    # "With" writes one side: a clause that goes on after "and" adds none ("…, and Baku agreed to cooperate").
    text = (
        "On 6 October Armenia agreed to host EU monitors along its border with Azerbaijan and Baku agreed to cooperate."
    )
    assert only(extract(atlas, text, dt.date(2022, 10, 7))).places == ("armenia-azerbaijan-border",)
    # A pronoun or "the" with the two states' own adjective stands for "the": "their common border".
    for own in ("their common border", "its border", "the international border", "their shared frontier"):
        text = f"On 6 October Armenia agreed to host EU monitors along {own}."
        assert only(extract(atlas, text, dt.date(2022, 10, 7))).places == ("armenia-azerbaijan-border",), own
    text = "Shelling along the northern border was reported on Sunday."  # whose northern border is not said
    assert only(extract(atlas, text, dt.date(2022, 9, 14))).places == ()
    for other in ("the border with Iran", "the border between Armenia and Turkey", "its border with Iran"):
        text = f"Trucks waited at {other} on Sunday."
        assert only(extract(atlas, text, dt.date(2022, 9, 14))).places == (), other
    text = "Talks on the Armenian–Azerbaijani border resumed. The first refugees reached the border village of Kornidzor on Sunday."
    assert extract(atlas, text, dt.date(2023, 9, 25))[-1].places == ("kornidzor",)
    text = "Talks on the Armenian–Azerbaijani border resumed. Putin said the border commission should meet by the end of December."
    assert extract(atlas, text, dt.date(2021, 11, 26))[-1].places == ()
    # In Russian the bare word is the border too, but not with its sides written after it. As the object of the work
    # on it ("комиссии по делимитации границы") it is the border, as "delimiting the border" is (round 176).
    text = "Первые наблюдатели ЕС приступили к работе на границе 20 октября."
    assert only(extract(atlas, text, dt.date(2022, 11, 1))).places == ("armenia-azerbaijan-border",)
    text = "Комиссии по делимитации государственной границы провели заседание 19 апреля."
    assert only(extract(atlas, text, dt.date(2024, 4, 20))).places == ("armenia-azerbaijan-border",)
    text = "Комиссии по делимитации армяно-иранской границы провели заседание 19 апреля."
    assert only(extract(atlas, text, dt.date(2024, 4, 20))).places == ()
    text = "Комиссии согласовали 19 апреля участок границы между Тавушем и Газахом."
    assert only(extract(atlas, text, dt.date(2024, 4, 20))).places == ("tavush", "gazakh", "tavush-gazakh-border")


def test_a_range_of_whole_months(atlas):
    found = only(
        extract(atlas, "Russian peacekeepers left Karabakh between April and June 2024.", dt.date(2024, 11, 20))
    )
    assert (found.date, found.date_precision) == (dt.date(2024, 4, 1), "range")
    found = only(extract(atlas, "Shelling hit Tavush from November to February 2021.", dt.date(2021, 6, 1)))
    assert (found.date, found.date_precision) == (dt.date(2020, 11, 1), "range")


def test_a_list_of_places_is_not_cut_between_two_dated_clauses(atlas):
    text = (
        "The sides signed regulations for their border commissions on August 30, 2024, after the section in Tavush "
        "and Gazakh was agreed in April 2024."
    )
    first, second = extract(atlas, text, dt.date(2025, 3, 14))
    assert first.places == () and set(second.places) == {"tavush", "gazakh", "tavush-gazakh-border"}


def test_the_declaration_is_the_declaration_named_before_not_the_treaty_named_since(atlas):
    text = (
        "Алиев и Пашинян в пятницу подписали в Вашингтоне совместную декларацию. "
        "Министры парафировали текст мирного договора, согласованный 13 марта. "
        "Декларация предусматривает открытие маршрута через Сюникскую область."
    )
    found = extract(atlas, text, dt.date(2025, 8, 9))
    assert found[-1].agreements == ("washington-2025-08-08",) and found[-1].date == dt.date(2025, 8, 8)
    # The route the declaration provides for is the one it first named (TRIPP), through Syunik.
    assert found[-1].places == ("tripp-route", "syunik")


def test_a_russian_participle_says_the_agreement_was_signed_that_day(atlas):
    # Signed near midnight, the statement is dated 9 or 10 November: "подписанном" allows the day's slack as "signed".
    text = "Пашинян напомнил о документе, подписанном 9 ноября 2020 года."
    assert only(extract(atlas, text, dt.date(2021, 1, 12))).agreements == ("statement-2020-11-10",)


@pytest.mark.parametrize(
    ("announced", "alone"),
    [
        (
            "The handover of Kalbajar has been postponed by ten days, to November 25, the administration said on Sunday.",
            "The handover of Kalbajar has been postponed by ten days, to November 25.",
        ),
        # In any tense: the new day is still to come (this year's, not the year before) and, beside the day of the
        # decision, not a report of its own.
        (
            "BAKU, Nov 15 (Reuters) - Azerbaijan agreed on Sunday to push back the handover of the Kalbajar district "
            "by ten days, to Nov. 25, after Armenia asked for more time, an aide said.",
            "Azerbaijan agreed to push back the handover of the Kalbajar district to Nov. 25.",
        ),
    ],
)
def test_a_new_date_announced_is_part_of_the_announcement(atlas, announced, alone):
    found = only(extract(atlas, announced, dt.date(2020, 11, 15)))
    assert (found.date, found.places) == (dt.date(2020, 11, 15), ("kalbajar",))
    # Alone, the new date is the event's.
    assert only(extract(atlas, alone, dt.date(2020, 11, 15))).date == dt.date(2020, 11, 25)


def test_a_sentence_saying_what_another_agreement_provides_is_not_the_detail_of_the_report_before(atlas):
    text = (
        "Aliyev and Erdogan signed the Shusha Declaration in Shusha on Tuesday. "
        "The declaration says that the corridor, provided for in Article 9 of the trilateral statement of 10 November "
        "2020, will help trade."
    )
    first, second = extract(atlas, text, dt.date(2021, 6, 16))
    assert first.agreements == () and first.date == dt.date(2021, 6, 15)
    assert second.agreements == ("statement-2020-11-10",) and second.articles == (("statement-2020-11-10", "9"),)


def test_an_agreement_word_in_another_agreements_name_does_not_name_the_days_agreement(atlas):
    # 20 September 2023 is the day of the Karabakh ceasefire, but "statement" here belongs to the 2020 statement.
    text = "Russian peacekeepers, deployed under the trilateral statement of 9 November 2020, were attacked on 20 September."
    assert only(extract(atlas, text, dt.date(2023, 10, 5))).agreements == ("statement-2020-11-10",)


def test_an_alias_does_not_name_an_agreement_years_after_what_the_sentence_tells(atlas):
    text = "The talks began after the Brussels meeting of April 2022, where the leaders asked for a peace treaty."
    assert only(extract(atlas, text, dt.date(2025, 3, 14))).agreements == ("brussels-2022-04-06",)


def test_a_statement_released_or_published_that_day_is_the_days_agreement(atlas):
    text = "In a statement released early on Friday, both sides recognised each other's territorial integrity."
    assert only(extract(atlas, text, dt.date(2022, 10, 7))).agreements == ("prague-2022-10-06",)


def test_the_ceasefire_that_ended_the_war_of_a_year(atlas):
    text = "Yerevan called the checkpoint set up on Sunday a violation of the ceasefire that ended the 2020 war."
    assert only(extract(atlas, text, dt.date(2023, 4, 24))).agreements == ("statement-2020-11-10",)


def test_a_body_of_a_place_is_not_the_place(atlas):
    text = "The last residents left Berdzor on August 25, the information headquarters of Artsakh reported."
    assert only(extract(atlas, text, dt.date(2022, 8, 27))).places == ("lachin",)
    text = "Dozens were killed near Stepanakert on September 25, the Artsakh health ministry said."
    assert only(extract(atlas, text, dt.date(2023, 9, 28))).places == ("khankendi",)
    text = "Дорога закрыта третьи сутки, сообщили в среду власти непризнанной Нагорно-Карабахской Республики."
    assert only(extract(atlas, text, dt.date(2022, 12, 14))).places == ()
    # The authorities *in* a place are there: the place is named.
    text = "The authorities in Aghdam reopened the mosque on Friday."
    assert only(extract(atlas, text, dt.date(2022, 8, 27))).places == ("aghdam",)
    # A diocese named after a province, and a movement's quoted title, are bodies too.
    published = dt.date(2024, 5, 9)
    for text in (
        'The head of the Tavush diocese, who leads the "Tavush for the Homeland" movement, spoke in Yerevan on '
        "Thursday.",
        "Глава Тавушской епархии, возглавляющий движение «Тавуш во имя Родины», выступил в Ереване в четверг.",
    ):
        assert only(extract(atlas, text, published)).places == (), text
    text = "Protests began in the Tavush villages on Thursday."
    assert only(extract(atlas, text, published)).places == ("tavush", "tavush-gazakh-border")
    # An agency's bureau named after a region.
    text = "Переселенцы в пятницу выехали в Агдам, сообщает карабахское бюро Report."
    assert only(extract(atlas, text, published)).places == ("aghdam",)


@pytest.mark.parametrize(
    ("text", "published", "field", "expected"),
    [
        # "Tavush–Gazakh" is a spelling of the segment (data/places.json), longer than either side's name.
        (
            "Both commissions approved the text on the Tavush-Gazakh stretch on 15 May 2024.",
            "2024-05-16",
            "places",
            ("tavush-gazakh-border",),
        ),
        (
            "Mapping of the Gazakh–Tavush sections went on through June 2024.",
            "2024-07-01",
            "places",
            ("tavush-gazakh-border",),
        ),
        # The 2022 road by the town's other name (data/places.json), as "road bypassing Lachin" is.
        (
            "Buses switched to the road around Berdzor on 30 August 2022.",
            "2022-09-01",
            "places",
            ("lachin-road-2022",),
        ),
        # The regulations of 30 August 2024 as reports name them (data/agreements.json).
        (
            "Armenia's parliament on Wednesday ratified the regulations governing the joint work of the commissions.",
            "2024-10-24",
            "agreements",
            ("delimitation-regulations-2024-08-30",),
        ),
        # As wires describe it, "a new road that bypasses Lachin" is that road, not the town (in either spelling).
        (
            "Since August 30 traffic to Khankendi has used a new road that skirts the town of Lachin.",
            "2022-11-01",
            "places",
            ("khankendi", "lachin-road-2022"),
        ),
        (
            "С 30 августа движение переведено на новую дорогу в обход Лачына.",
            "2022-11-01",
            "places",
            ("lachin-road-2022",),
        ),
        # The border's line runs along Nakhchivan too (data/places.json spells it "Armenia–Nakhchivan border").
        (
            "Soldiers traded fire at Yeraskh on Armenia's border with Nakhchivan on 14 July 2021.",
            "2021-07-28",
            "places",
            ("armenia-azerbaijan-border", "nakhchivan"),
        ),
        # "The only road" between Armenia and Karabakh is how wires name the corridor (data/places.json), and "the
        # road" after it is the corridor too.
        (
            "The only road linking Nagorno-Karabakh with Armenia remained blocked on Tuesday.",
            "2022-12-13",
            "places",
            ("lachin-corridor", "karabakh"),
        ),
        # So are its Russian past forms (data/agreements.json).
        (
            "1 сентября ОБСЕ по совместной просьбе Баку и Еревана прекратила работу Минского процесса.",
            "2026-01-20",
            "agreements",
            ("osce-minsk-closure-2025-09-01",),
        ),
        # "closed the Minsk process" is an alias of the OSCE decision (data/agreements.json), beside "close …".
        (
            "Ministers formally closed the Minsk process on 1 September 2025, three decades after it began.",
            "2025-09-02",
            "agreements",
            ("osce-minsk-closure-2025-09-01",),
        ),
    ],
)
def test_names_written_as_the_data_spells_them(atlas, text, published, field, expected):
    assert getattr(only(extract(atlas, text, dt.date.fromisoformat(published))), field) == expected


def test_an_old_district_name_two_districts_share_is_the_one_the_text_names(atlas):
    # "Гадрутский район (НКР)" spells both Fuzuli and Khojavend (the Hadrut region held parts of each); the town of
    # Hadrut, written beside it, is Khojavend's.
    text = "Гадрут, который армяне считали центром Гадрутского района, был освобожден 9 октября 2020 года."
    assert only(extract(atlas, text, dt.date(2025, 9, 12))).places == ("khojavend",)
    # Written alone, the old district is still the one that holds the town it is named after.
    text = "Солдаты были захвачены 12 декабря 2020 года у сел Хин Тагер и Хцаберд в Гадрутском районе."
    assert only(extract(atlas, text, dt.date(2021, 7, 4))).places == ("khojavend",)


def test_an_office_of_a_place_is_not_the_place(atlas):
    text = "Talks have been going on since yesterday, the deputy mayor of Goris told reporters."
    assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == ()
    text = "Tavush governor Hayk Ghalumyan visited the village of Kirants on Friday."
    assert only(extract(atlas, text, dt.date(2024, 5, 17))).places == ("tavush-gazakh-border",)
    text = "Губернатор Сюника в понедельник посетил Горис."
    assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == ("goris",)
    # The mayor *in* a place is there: the place is named.
    text = "The mayor met residents in Goris on Friday."
    assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == ("goris",)


def test_a_border_named_by_one_side_is_the_boundary_that_side_has_in_the_atlas(atlas):
    text = "Azerbaijani troops crossed Armenia's state border near Jermuk on Wednesday."
    assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == ("armenia-azerbaijan-border", "jermuk")
    text = "Азербайджанские военные в среду пересекли государственную границу Армении у Джермука."
    assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == ("armenia-azerbaijan-border", "jermuk")
    # A side the atlas has no boundary of, a second side written, or a body named after the border: none.
    assert (
        only(extract(atlas, "Iran's border was calm on Wednesday, Jermuk officials said.", dt.date(2021, 5, 13))).places
        == ()
    )
    assert only(extract(atlas, "На границе Армении с Ираном в среду было спокойно.", dt.date(2021, 5, 13))).places == ()
    # Other sides written before the bare Russian word, as an adjective: not the Armenia–Azerbaijan border.
    for text in (
        "Пленных в среду доставили в Армению через азербайджано-грузинскую границу.",
        "Мост на азербайджано-иранской границе открыли в среду.",
    ):
        assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == (), text
    text = "Войска в среду пересекли армяно-азербайджанскую границу."
    assert only(extract(atlas, text, dt.date(2021, 5, 13))).places == ("armenia-azerbaijan-border",)
    text = "Azerbaijan's border service installed a checkpoint in Lachin on Sunday."
    assert only(extract(atlas, text, dt.date(2023, 4, 24))).places == ("lachin",)
    # A side written as an adjective: "the Armenian border", not "the Iranian border" nor "Armenian border guards".
    text = "Baku set up a checkpoint on Sunday at Hakari, where the road meets the Armenian border."
    assert "armenia-azerbaijan-border" in only(extract(atlas, text, dt.date(2023, 4, 24))).places
    for text in ("Trucks queued at the Iranian border on Sunday.", "Armenian border guards left Goris on Sunday."):
        assert "armenia-azerbaijan-border" not in only(extract(atlas, text, dt.date(2023, 4, 24))).places, text


def test_an_agreement_made_the_day_before_the_report_before_is_a_report_of_its_own(atlas):
    text = (
        "Turkey was rewarded, on 11 November 2020, with a memorandum on a joint centre to monitor the ceasefire. "
        "The trilateral statement signed the day before had provided only for a peacekeeping centre."
    )
    assert [(c.date, c.agreements) for c in extract(atlas, text, None)] == [
        (dt.date(2020, 11, 11), ()),
        (dt.date(2020, 11, 10), ("statement-2020-11-10",)),
    ]


def test_overnight_in_a_paper_is_its_day_but_an_overnight_truce_is_no_date(atlas):
    published = dt.date(2020, 10, 17)
    text = "Officials said Azerbaijani forces had shelled Stepanakert overnight, wounding three civilians."
    assert only(extract(atlas, text, published)).date == published
    assert extract(atlas, "The sides agreed an overnight truce in Stepanakert.", published) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rulings come three weeks after the deadliest border clashes since the war, on Nov. 16.", True),
        ("Border fighting broke out on Nov. 16.", True),
        ("Пограничные столкновения начались 16 ноября.", True),
        # Another side named before it, or a body: not this border.
        ("Iran's border clashes on Nov. 16 were minor.", False),
        ("The border commissions met on Nov. 16.", False),
    ],
)
def test_border_fighting_named_by_the_bare_word_is_on_the_border(atlas, text, expected):
    places = only(extract(atlas, text, dt.date(2021, 12, 7))).places
    assert places == (("armenia-azerbaijan-border",) if expected else ())


def test_what_was_announced_or_ordered_for_a_later_day_is_a_report_of_its_own(atlas):
    published = dt.date(2023, 10, 15)
    for text in (
        "The separatist regime announced on September 28 that it would dissolve all its institutions by January 1, 2024.",
        "The de facto president signed a decree on 28 September ordering the republic to dissolve by 1 January 2024.",
    ):
        found = extract(atlas, text, published)
        assert [c.date for c in found] == [dt.date(2023, 9, 28), dt.date(2024, 1, 1)], text


def test_the_next_day_after_and_a_participle_is_an_event_of_its_own(atlas):
    text = "The offensive, launched on 19 September and halted by a ceasefire from 13:00 the next day, ended the war."
    first, second = extract(atlas, text, dt.date(2023, 10, 2))
    assert (first.date, second.date) == (dt.date(2023, 9, 19), dt.date(2023, 9, 20))
    assert second.agreements == ("ceasefire-2023-09-20",)


def test_of_two_agreements_made_the_same_day_a_date_names_the_one_written_beside_it(atlas):
    published = dt.date(2025, 8, 9)  # the Washington declaration and the peace treaty were both made on 8 August
    for text in (
        "The two foreign ministers initialled the peace agreement at the White House on Friday.",
        "The ministers initialled the Agreement on the Establishment of Peace and Inter-State Relations on 8 August.",
    ):
        assert only(extract(atlas, text, published)).agreements == ("peace-treaty-initialled-2025-08-08",), text
    # Each written beside its own act: one report each, of that day.
    for text in (
        "Aliyev and Pashinyan signed the joint declaration and their ministers initialled the peace agreement on Friday.",
        "8 августа Алиев и Пашинян подписали в Белом доме совместную декларацию, а министры иностранных дел "
        "парафировали текст мирного соглашения.",
    ):
        assert [(c.date, c.agreements) for c in extract(atlas, text, published)] == [
            (dt.date(2025, 8, 8), ("washington-2025-08-08",)),
            (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",)),
        ], text


def test_the_treaty_is_named_by_its_title_as_outlets_word_it(atlas):
    # The title's words with "treaty" for "agreement", as Russian and English outlets write it while it is drafted.
    for text in (
        "Министры в четверг договорились ускорить заключение договора об установлении мира и межгосударственных "
        "отношений.",
        "The ministers said on Wednesday they had noted progress on the treaty on peace and interstate relations.",
    ):
        found = only(extract(atlas, text, dt.date(2024, 9, 27)))
        assert found.agreements == ("peace-treaty-initialled-2025-08-08",), text


def test_an_intention_looks_ahead_like_a_plan(atlas):
    text = "I intend to invite both leaders, with President Macron, to a further meeting in Granada in October."
    assert only(extract(atlas, text, dt.date(2023, 7, 15))).date == dt.date(2023, 10, 1)
    text = "Мишель намерен пригласить обоих лидеров на новую встречу в Гранаде в октябре."
    assert only(extract(atlas, text, dt.date(2023, 7, 15))).date == dt.date(2023, 10, 1)


def test_the_next_day_in_a_later_clause_is_an_event_of_its_own(atlas):
    text = (
        "Baku launched an offensive in Karabakh on September 19 and the separatists agreed to lay down arms the next "
        "day under a Russian-mediated ceasefire."
    )
    first, second = extract(atlas, text, dt.date(2023, 9, 25))
    assert (first.date, first.places) == (dt.date(2023, 9, 19), ("karabakh",))
    assert (second.date, second.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))
    # "agreed" belongs to the second clause: the offensive of the 19th is not the ceasefire of the 20th.
    assert first.agreements == ()
    # With one date, the verb may stand in any clause: "met in Sochi on Friday, and the three signed a statement".
    text = "Putin brought the leaders together in Sochi on Friday, and the three signed a statement on the border."
    assert only(extract(atlas, text, dt.date(2021, 11, 27))).agreements == ("statement-2021-11-26",)
    # Within one clause, "the next day" does not part it: "agreed on Friday to meet the next day" is one report.
    text = "The leaders agreed on Friday to meet in Sochi the next day."
    assert len(extract(atlas, text, dt.date(2021, 11, 27))) == 1


def test_the_next_morning_in_a_later_clause_is_an_event_of_its_own(atlas):
    text = (
        "Residents of Baghanis blocked the highway late on Friday, and the protest spread to Kirants the next morning."
    )
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2024, 4, 23))]
    assert got == [(dt.date(2024, 4, 19), ("tavush-gazakh-border",)), (dt.date(2024, 4, 20), ("tavush-gazakh-border",))]
    text = "Жители Баганиса перекрыли трассу в пятницу, а на следующее утро протест перекинулся на Киранц."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2024, 4, 23))]
    assert got == [(dt.date(2024, 4, 19), ("tavush-gazakh-border",)), (dt.date(2024, 4, 20), ("tavush-gazakh-border",))]


def test_an_agreement_made_a_day_before_the_reported_day_is_a_report_of_its_own(atlas):
    text = (
        "Representatives of the Karabakh Armenians met Azerbaijani officials in Yevlakh on Thursday, a day after the "
        "separatists agreed to lay down their arms."
    )
    first, second = extract(atlas, text, dt.date(2023, 9, 22))
    assert (first.date, first.agreements) == (dt.date(2023, 9, 21), ())
    assert (second.date, second.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))
    text = (
        "Представители карабахских армян встретились с чиновниками Азербайджана в Евлахе в четверг, через день после "
        "того, как стороны договорились о прекращении огня."
    )
    first, second = extract(atlas, text, dt.date(2023, 9, 22))
    assert (first.date, first.agreements) == (dt.date(2023, 9, 21), ())
    assert (second.date, second.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))
    # "The day after" is "a day after".
    text = "Pashinyan spoke on 21 September 2023, the day after the separatists agreed to lay down their arms."
    first, second = extract(atlas, text, dt.date(2023, 9, 25))
    assert (first.date, first.agreements) == (dt.date(2023, 9, 21), ())
    assert (second.date, second.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))
    # "Two days before" counts the other way.
    text = "The foreign ministers met in Moscow on Wednesday, two days before the leaders signed a statement in Sochi."
    first, second = extract(atlas, text, dt.date(2021, 11, 27))
    assert (first.date, first.agreements) == (dt.date(2021, 11, 24), ())
    assert (second.date, second.agreements) == (dt.date(2021, 11, 26), ("statement-2021-11-26",))


def test_a_count_of_whole_years_said_to_be_exact_dates_an_event_of_that_earlier_day(atlas):
    def dated(text: str) -> list[tuple[dt.date | None, tuple[str, ...]]]:
        return [(c.date, c.places) for c in extract(atlas, text, dt.date(2025, 2, 21))]

    text = (
        "The EU mission began its second mandate on Thursday (20 February), exactly two years after its first patrol "
        "on the Armenian side of the border with Azerbaijan."
    )
    assert dated(text) == [(dt.date(2025, 2, 20), ()), (dt.date(2023, 2, 20), ("armenia-azerbaijan-border",))]
    text = (
        "Миссия ЕС начала второй мандат в четверг, 20 февраля, ровно через два года после того, как наблюдатели вышли "
        "в первый патруль на границе с Азербайджаном."
    )
    assert dated(text) == [(dt.date(2025, 2, 20), ()), (dt.date(2023, 2, 20), ("armenia-azerbaijan-border",))]
    # Not exact, it is background of the day it is counted from.
    text = "The EU mission began its second mandate on Thursday (20 February), two years after its first patrol."
    assert dated(text) == [(dt.date(2025, 2, 20), ())]


def test_what_the_report_is_about_came_days_after_the_event_a_clause_tells(atlas):
    def dated(text: str, published: dt.date) -> list[dt.date | None]:
        return [c.date for c in extract(atlas, text, published)]

    # "The visit" is the report's own news, told on its first day, whatever day was told last.
    text = (
        "Pashinyan met Erdogan in Istanbul on Friday, his office said. The two leaders first spoke on 4 May. "
        "The visit came a day after Azerbaijani President Ilham Aliyev held talks with Erdogan in Ankara."
    )
    assert dated(text, dt.date(2025, 6, 21)) == [dt.date(2025, 6, 20), dt.date(2025, 5, 4), dt.date(2025, 6, 19)]
    # "That remark" points back to the day told last.
    text = (
        "Kallas welcomed the agreed text on 14 March. That remark came a day after both capitals announced that the "
        "talks on the text had been concluded."
    )
    assert dated(text, dt.date(2025, 4, 9)) == [dt.date(2025, 3, 14), dt.date(2025, 3, 13)]
    # A count from a thing named, not told, is background.
    text = "Three policemen were killed near Stepanakert on Sunday. The clash came four days after the talks."
    assert dated(text, dt.date(2023, 3, 7)) == [dt.date(2023, 3, 5)]


def test_what_someone_did_days_before_the_reported_day_is_an_event_of_its_own(atlas):
    def dated(text: str, published: dt.date) -> list[tuple[dt.date | None, tuple[str, ...], tuple[str, ...]]]:
        return [(c.date, c.places, c.agreements) for c in extract(atlas, text, published)]

    text = "The road remained blocked on Tuesday, a day after activists set up camp on the Lachin corridor near Shusha."
    assert dated(text, dt.date(2022, 12, 13)) == [
        (dt.date(2022, 12, 13), (), ()),
        (dt.date(2022, 12, 12), ("lachin-corridor", "shusha"), ()),
    ]
    text = "Дорога оставалась перекрытой во вторник, через день после того, как активисты разбили лагерь у Шуши."
    assert dated(text, dt.date(2022, 12, 13)) == [
        (dt.date(2022, 12, 13), (), ()),
        (dt.date(2022, 12, 12), ("shusha",), ()),
    ]
    # The speaking day stays the report's: the counted clause is not what the words report.
    text = "The ministry said on Monday that traffic had stopped at the post, a day after Baku installed a checkpoint."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 4, 24))] == [dt.date(2023, 4, 24), dt.date(2023, 4, 23)]
    # The clause ends at its break: what follows is the lead's ("under the ceasefire" is how the road reopened), and
    # the clause does not take the lead's agreement.
    text = "The road reopened on Sunday, a day after activists left, under the ceasefire of September 20."
    assert dated(text, dt.date(2023, 9, 26)) == [
        (dt.date(2023, 9, 24), (), ("ceasefire-2023-09-20",)),
        (dt.date(2023, 9, 23), (), ()),
    ]
    text = "Aliyev ratified the Prague statement on 25 October, a day after meeting Pashinyan in Kazan."
    assert dated(text, dt.date(2022, 10, 28)) == [
        (dt.date(2022, 10, 25), (), ("prague-2022-10-06",)),
        (dt.date(2022, 10, 24), (), ()),
    ]
    # A name, or what was still to come, is background of the day it is counted from.
    text = "The road reopened on Sunday, two days after the storm."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 9, 26))] == [dt.date(2023, 9, 24)]
    text = "The last residents left the town on August 25, a day before Azerbaijani units were due to enter it."
    assert [c.date for c in extract(atlas, text, dt.date(2022, 8, 27))] == [dt.date(2022, 8, 25)]
    text = "Последние жители покинули город 25 августа, за день до того, как туда должны были войти войска."
    assert [c.date for c in extract(atlas, text, dt.date(2022, 8, 27))] == [dt.date(2022, 8, 25)]
    # "За день до этого" counts back from the day before it (a day of its own is _OFFSET's), not forward to a clause.
    text = "Лидеры встретились в Сочи в пятницу, за день до этого министры согласовали текст."
    assert dt.date(2021, 11, 27) not in [c.date for c in extract(atlas, text, dt.date(2021, 11, 27))]


def test_the_venue_in_a_dates_clause_says_which_agreement_of_that_time_it_names(atlas):
    # October 2022 had two: Prague on the 6th, Sochi on the 31st. The venue written says which one.
    text = "Pashinyan said the border rests on the Alma-Ata Declaration, to which both sides recommitted in Prague in October 2022."
    assert only(extract(atlas, text, dt.date(2024, 4, 23))).agreements == ("prague-2022-10-06",)
    text = "Пашинян напомнил об Алма-Атинской декларации, приверженность которой стороны подтвердили в Праге в октябре 2022 года."
    assert only(extract(atlas, text, dt.date(2024, 4, 23))).agreements == ("prague-2022-10-06",)
    # Leaders received at a venue on the day an agreement was made there met for it.
    text = "Today I welcomed President Aliyev and Prime Minister Pashinyan to Brussels for our fifth meeting."
    assert only(extract(atlas, text, dt.date(2023, 5, 14))).agreements == ("brussels-2023-05-14",)
    text = "Президент России Владимир Путин в понедельник принял в Сочи президента Азербайджана и премьер-министра Армении."
    assert only(extract(atlas, text, dt.date(2022, 11, 1))).agreements == ("sochi-2022-10-31",)
    # A venue where nothing of the atlas was made that month names nothing: not the Brussels meeting of the same month.
    text = (
        "Today I hosted the leaders for our fifth meeting in Brussels, following the talks of the foreign ministers in "
        "Washington earlier this month."
    )
    first, second = extract(atlas, text, dt.date(2023, 5, 14))
    assert (first.agreements, second.date, second.agreements) == (("brussels-2023-05-14",), dt.date(2023, 5, 1), ())
    # A part of a month with the venue names what was made there that month, as the month does.
    text = "Pashinyan and Aliyev last met at the end of August in Brussels, where Charles Michel hosted them."
    found = only(extract(atlas, text, dt.date(2022, 9, 28)))
    assert (found.date, found.date_precision, found.agreements) == (
        dt.date(2022, 8, 25),
        "approximate",
        ("brussels-2022-08-31",),
    )
    # Without a venue, it names nothing: "in early August the Armenian side agreed" is no meeting of that month.
    text = "In early August the Armenian side agreed that residents would leave the town of Lachin by August 25."
    assert extract(atlas, text, dt.date(2022, 8, 26))[0].agreements == ()
    # A text made in that part of the month is named without a venue ("signed at the end of August": the 30th).
    text = "The commissions' regulations, signed at the end of August, made the Alma-Ata declaration their basis."
    assert only(extract(atlas, text, dt.date(2024, 10, 25))).agreements == ("delimitation-regulations-2024-08-30",)


def test_a_meeting_dated_in_its_name_is_an_event_beside_another_of_the_sentence(atlas):
    text = (
        "A third Brussels meeting on 22 May added principles for transit, and the commissions first sat together two "
        "days later."
    )
    got = [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2023, 1, 16))]
    assert got == [(dt.date(2022, 5, 22), ("brussels-2022-05-22",)), (dt.date(2022, 5, 24), ())]
    text = (
        "На брюссельской встрече от 22 мая лидеры согласовали принципы транзита, а 24 мая комиссии впервые собрались "
        "на границе."
    )
    got = [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2023, 1, 16))]
    assert got == [(dt.date(2022, 5, 22), ("brussels-2022-05-22",)), (dt.date(2022, 5, 24), ())]
    # "Round" is a meeting's word: "The fourth round, on 31 August" names the Brussels meeting of that day.
    text = "The fourth round, on 31 August, followed the handover of Lachin town on 26 August."
    got = [(c.date, c.places, c.agreements) for c in extract(atlas, text, dt.date(2023, 1, 16))]
    assert got == [(dt.date(2022, 8, 31), (), ("brussels-2022-08-31",)), (dt.date(2022, 8, 26), ("lachin",), ())]
    # Alone in its sentence, the meeting's day is the report's, as before.
    assert only(extract(atlas, "Michel hosted the leaders at the Brussels meeting on 22 May.", dt.date(2023, 1, 16)))


def test_a_clause_of_its_own_begins_at_its_conjunction_not_at_an_aside(atlas):
    text = (
        "Kalbajar was handed back in November 2020, while Khojavend, called Martuni by Armenians, came under Baku's "
        "control in September 2023."
    )
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2026, 2, 27))]
    assert got == [(dt.date(2020, 11, 1), ("kalbajar",)), (dt.date(2023, 9, 1), ("khojavend",))]
    text = (
        "Кельбаджар был возвращен 25 ноября 2020 года, а Ходжавенд, который армяне называют Мартуни, перешел под "
        "контроль Баку 20 сентября 2023 года."
    )
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2026, 2, 27))]
    assert got == [(dt.date(2020, 11, 25), ("kalbajar",)), (dt.date(2023, 9, 20), ("khojavend",))]
    text = "Aghdam was returned on 20 November, and Kalbajar, after a delay of ten days, on 25 November."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 2, 27))]
    assert got == [(dt.date(2020, 11, 20), ("aghdam",)), (dt.date(2020, 11, 25), ("kalbajar",))]


def test_that_year_and_the_following_year_count_from_the_year_the_text_wrote_last(atlas):
    text = (
        "The first families returned to Aghali in July 2022. "
        "By December 18 the following year, some 1,390 people lived in rebuilt Fuzuli."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2026, 2, 27))] == [dt.date(2022, 7, 1), dt.date(2023, 12, 18)]
    text = "Первые семьи вернулись в Агалы 19 июля 2022 года. В декабре того же года жители вернулись в Лачин."
    assert [c.date for c in extract(atlas, text, dt.date(2026, 2, 27))] == [dt.date(2022, 7, 19), dt.date(2022, 12, 1)]
    # With no year written before it, "the following year" is year-less: the publication's year completes it.
    text = "Families moved to Fuzuli on December 18 the following year."
    assert [c.date for c in extract(atlas, text, dt.date(2026, 2, 27))] == [dt.date(2025, 12, 18)]


def test_the_day_before_does_not_count_from_the_end_of_a_span_still_to_come(atlas):
    text = (
        "The Council today extended the mandate of the EU Mission in Armenia for two years. "
        "The mission will now run until 19 February 2027. "
        "Ambassadors had approved the extension in Brussels the day before."
    )
    found = extract(atlas, text, dt.date(2025, 1, 30))
    assert [c.date for c in found] == [dt.date(2025, 1, 30), dt.date(2027, 2, 19), dt.date(2025, 1, 29)]
    # A span that has ended is a day told like any other.
    text = (
        "The road stayed closed until 14 May. Azerbaijan had set up a checkpoint at the Hakari bridge the day before."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2023, 5, 20))] == [dt.date(2023, 5, 14), dt.date(2023, 5, 13)]


def test_the_same_day_counts_from_the_reported_day_not_the_day_it_was_said(atlas):
    text = (
        "The two ministers met in Shusha last Friday, an aide said on Tuesday. "
        "Russian peacekeepers entered Lachin the same day."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2025, 8, 12))] == [dt.date(2025, 8, 8)] * 2


def test_two_days_written_respectively_are_two_events(atlas):
    text = "The envoy visited Shusha and Lachin on 9 and 14 Feb respectively."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, dt.date(2023, 3, 1))] == [
        (dt.date(2023, 2, 9), "day"),
        (dt.date(2023, 2, 14), "day"),
    ]
    text = "Посланник посетил Шушу и Лачин 9 и 14 февраля соответственно."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 3, 1))] == [dt.date(2023, 2, 9), dt.date(2023, 2, 14)]
    # Without "respectively" it is a range, one event.
    text = "The envoy visited Shusha on 9 and 14 Feb."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, dt.date(2023, 3, 1))] == [
        (dt.date(2023, 2, 9), "range")
    ]


def test_a_relative_day_in_the_possessive_yields_to_the_day_the_sentence_counts(atlas):
    text = (
        "Russian peacekeepers escorted a convoy out of Shusha on 24 September. "
        "Families displaced by last week's shelling reached Lachin the same day."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2023, 9, 25))] == [dt.date(2023, 9, 24)] * 2
    # Alone, the possessive day is the event's: "Monday's shelling" happened on Monday.
    found = only(extract(atlas, "Monday's shelling damaged houses in Shusha.", dt.date(2023, 9, 27)))
    assert (found.date, found.date_precision) == (dt.date(2023, 9, 25), "day")


def test_that_year_is_the_year_written_before_it(atlas):
    text = "Shusha was taken in May 1992, and Lachin fell on May 17-18 that year."
    assert [c.date for c in extract(atlas, text, dt.date(2025, 12, 1))] == [dt.date(1992, 5, 1), dt.date(1992, 5, 17)]
    text = "Переговоры в Шуше начались в марте 1992 года, а Лачин был занят 18 мая того же года."
    assert extract(atlas, text, dt.date(2025, 12, 1))[-1].date == dt.date(1992, 5, 18)
    # With no year written before it, the day is completed as any year-less day (this year's, being past).
    assert only(extract(atlas, "Lachin fell on May 17 that year.", dt.date(2025, 12, 1))).date == dt.date(2025, 5, 17)


def test_that_month_is_the_month_of_the_year_written_before_it_and_a_decade_is_no_year(atlas):
    text = (
        "The protocol of 19 April 2024 handed four villages held since the early 1990s to Azerbaijan. "
        "That August the two governments signed the regulations on the joint activity of the commissions."
    )
    later = extract(atlas, text, None)[-1]
    assert (later.date, later.date_precision, later.agreements) == (
        dt.date(2024, 8, 1),
        "month",
        ("delimitation-regulations-2024-08-30",),
    )
    # A month that qualifies a noun is no date: "that November ceasefire statement" is the statement, of its own day.
    text = "Point 9 of that November ceasefire statement calls for every link in the region to be unblocked."
    found = only(extract(atlas, text, dt.date(2021, 2, 27)))
    assert (found.date, found.date_precision) == (dt.date(2020, 11, 10), "day")


def test_hours_before_counts_the_day_the_sentence_before_gave(atlas):
    text = "A checkpoint was set up near Lachin on 23 April. Hours before, a soldier was killed near Sotk."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 4, 24))] == [dt.date(2023, 4, 23)] * 2
    text = "Пункт пропуска у Лачина открыли 23 апреля. Спустя несколько часов у Сотка погиб военнослужащий."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 4, 24))] == [dt.date(2023, 4, 23)] * 2


def test_that_day_in_a_clause_before_the_sentences_own_date_counts_from_the_sentence_before(atlas):
    text = (
        "The two ministers met in Shusha on 14 March. "
        "Baku that day offered a checkpoint at Lachin; Yerevan turned the offer down on 20 March."
    )
    assert [(c.date, c.places) for c in extract(atlas, text, dt.date(2022, 3, 25))] == [
        (dt.date(2022, 3, 14), ("shusha",)),
        (dt.date(2022, 3, 14), ("lachin",)),
        (dt.date(2022, 3, 20), ()),
    ]
    # In the clause of the date, "that day" is the date's own: one report.
    text = "The two ministers met in Shusha on 14 March. Baku that day offered a checkpoint at Lachin on 20 March."
    assert len(extract(atlas, text, dt.date(2022, 3, 25))) == 2


def test_a_year_counted_from_the_publication(atlas):
    text = "Предыдущая встреча трех лидеров прошла в Сочи в ноябре прошлого года."
    found = only(extract(atlas, text, dt.date(2022, 11, 1)))
    assert (found.date, found.date_precision) == (dt.date(2021, 11, 1), "month")
    assert found.agreements == ("statement-2021-11-26",)
    text = "The two leaders last met in Brussels on 14 December last year."
    assert only(extract(atlas, text, dt.date(2022, 3, 25))).date == dt.date(2021, 12, 14)


def test_nakanune_is_the_day_before_but_not_on_the_eve_of(atlas):
    text = "Министерство обороны Азербайджана накануне сообщило о приостановке операции в Карабахе."
    assert only(extract(atlas, text, dt.date(2023, 9, 21))).date == dt.date(2023, 9, 20)
    text = "Накануне в Кремле сообщили, что лидеры встретятся в Сочи."
    assert only(extract(atlas, text, dt.date(2022, 10, 31))).date == dt.date(2022, 10, 30)
    # Before one name and its verb: "Накануне Пашинян обсудил …"; not before a feast in the genitive.
    text = "Накануне Пашинян обсудил с Путиным обстановку на границе."
    assert only(extract(atlas, text, dt.date(2025, 9, 1))).date == dt.date(2025, 8, 31)
    assert extract(atlas, "Накануне Пасхи прошли протесты на границе.", dt.date(2025, 9, 1)) == []
    # A few words may stand between the name and its verb.
    text = "Накануне Алиев в интервью азербайджанскому телевидению сказал, что граница с Арменией будет открыта."
    assert only(extract(atlas, text, dt.date(2021, 4, 21))).date == dt.date(2021, 4, 20)
    assert extract(atlas, "Накануне Пасхи в пограничных сёлах прошли протесты.", dt.date(2025, 9, 1)) == []
    # After the verb, before its subject: "сообщил накануне дорожный фонд" is the day before too.
    text = "Дорога через село Киранц закрыта, сообщил накануне дорожный фонд Армении."
    assert only(extract(atlas, text, dt.date(2024, 7, 11))).date == dt.date(2024, 7, 10)
    # "накануне выборов" is "on the eve of the elections": no day of its own.
    assert extract(atlas, "Накануне выборов в Карабахе прошли протесты.", dt.date(2021, 6, 10)) == []
    assert extract(atlas, "Протесты в Карабахе прошли накануне очередной встречи лидеров.", dt.date(2021, 6, 10)) == []
    # Before a pronoun or a title in the nominative, the subject; its genitive is "on the eve of" again.
    for text in (
        "Накануне ведомство сообщило о гибели двух военнослужащих на границе.",
        "Накануне президент Азербайджана Ильхам Алиев объявил о снятии ограничений на транзит в Армению.",
        "Накануне он рассказал о пробках на дороге Горис – Капан.",
        "Накануне председатель парламента Армении назвал маршрут через Сюник абсурдным.",
        # A name, then words capitalised or not, then its verb.
        "Накануне Алиев в интервью Азербайджанскому телевидению заявил, что Баку создаст Зангезурский коридор.",
        # "накануне и …": the adverb, then the next verb of the same subject.
        "Поезд вышел из Азербайджана накануне и следует транзитом через Грузию в Армению.",
    ):
        assert only(extract(atlas, text, dt.date(2022, 1, 12))).date == dt.date(2022, 1, 11), text
    assert extract(atlas, "Накануне визита президента в Карабахе прошли протесты.", dt.date(2021, 6, 10)) == []


def test_earlier_in_the_day_is_the_day_of_the_sentence_before(atlas):
    text = (
        "Aliyev raised the flag in Khankendi on Sunday and delivered a speech. "
        "Earlier in the day, he raised the flag in Khojaly."
    )
    first, second = extract(atlas, text, dt.date(2023, 10, 15))
    assert (second.date, second.places) == (dt.date(2023, 10, 15), ("khojaly",))
    # A sentence continuing the report ("The two …") with only such a day stays part of that report.
    text = "The presidents signed the declaration in Shusha on Tuesday. The two arrived in Shusha earlier in the day."
    assert len(extract(atlas, text, dt.date(2021, 6, 15))) == 1


@pytest.mark.parametrize(
    ("told", "counted", "published", "days"),
    [
        (
            "On 13 March the two countries announced that the treaty text was agreed.",
            "Three days after the announcement, the defence ministry accused Armenian troops of firing on the border.",
            dt.date(2025, 4, 12),
            3,
        ),
        (
            "Aliyev opened the airport in Fuzuli on Tuesday.",
            "Ten days before the ceremony, the government gave the airport its international status.",
            dt.date(2021, 10, 27),
            -10,
        ),
    ],
)
def test_days_after_or_before_the_event_opening_a_sentence_count_from_the_day_told_before(
    atlas, told, counted, published, days
):
    first, second = extract(atlas, f"{told} {counted}", published)
    assert second.sentence == counted and second.date - first.date == dt.timedelta(days=days)


def test_the_year_at_the_end_of_a_list_of_dates_is_the_lists(atlas):
    text = "Under Article 6 of the same statement, Kalbajar was returned on November 25 and Lachin on December 1, 2020."
    found = extract(atlas, text, dt.date(2024, 11, 20))
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2020, 11, 25), ("kalbajar",)),
        (dt.date(2020, 12, 1), ("lachin",)),
    ]
    # The year of a span's end is no item's: the day before it keeps the year it is read in.
    for text in (
        "EU ministers extended the mission on 30 January, setting its new term until 19 February 2027.",
        "Министры продлили мандат миссии 30 января, установив новый срок до 19 февраля 2027 года.",
    ):
        assert extract(atlas, text, dt.date(2025, 2, 20))[0].date == dt.date(2025, 1, 30), text
    # Nor a year that would move a day read as past to after the publication.
    for text in (
        "EU mission head Markus Ritter said on 13 February that its mandate, which expires on 19 February 2027, stands.",
        "Глава миссии ЕС Маркус Риттер 13 февраля заявил, что ее мандат, истекающий 19 февраля 2027 года, в силе.",
    ):
        assert extract(atlas, text, dt.date(2026, 2, 16))[0].date == dt.date(2026, 2, 13), text
    # Nor the year of a date that names a text: the day before it is read as any year-less day is.
    for text in (
        "On 24 March Azerbaijani troops entered the zone, violating the statement of 9 November 2020.",
        "С 24 по 25 марта войска Азербайджана, нарушив заявление от 9 ноября 2020 года, зашли в зону.",
    ):
        assert extract(atlas, text, dt.date(2022, 4, 7))[0].date == dt.date(2022, 3, 24), text


def test_a_text_dated_in_an_aside_at_the_head_of_the_sentence_is_what_the_next_clause_tells_of(atlas):
    text = (
        "Положение о совместной деятельности комиссий, подписанное 30 августа 2024 года, парламент Армении ратифицировал "
        "23 октября."
    )
    signed, ratified = extract(atlas, text, dt.date(2025, 2, 28))
    assert (signed.date, signed.agreements) == (dt.date(2024, 8, 30), ("delimitation-regulations-2024-08-30",))
    assert (ratified.date, ratified.agreements) == (dt.date(2024, 10, 23), ("delimitation-regulations-2024-08-30",))
    # An aside that dates something else leaves the next clause its own.
    text = "Положение о совместной деятельности комиссий подписали 30 августа 2024 года, а 23 октября министры встретились в Москве."
    assert extract(atlas, text, dt.date(2025, 2, 28))[-1].agreements == ()


def test_a_first_plan_since_changed_is_a_day_of_the_story_not_one_to_come(atlas):
    published = dt.date(2021, 8, 17)
    for text in (
        "The handover of Kalbajar was originally scheduled for November 15.",
        "Первоначально передача Кельбаджара была намечена на 15 ноября, однако срок был продлен.",
        "Изначально передачу Кельбаджара запланировали на 15 ноября.",
    ):
        assert only(extract(atlas, text, published)).date == dt.date(2020, 11, 15), text
    # A plan told as it stands still looks ahead.
    assert only(extract(atlas, "The handover is scheduled for November 15.", published)).date == dt.date(2021, 11, 15)


def test_a_yearless_day_just_after_a_day_of_another_year_is_in_that_story_year(atlas):
    text = (
        "Under the trilateral statement, the district was to be returned by November 15, 2020. "
        "At the request of the Armenian side, the deadline was extended, and the army entered Kalbajar on November 25."
    )
    assert extract(atlas, text, dt.date(2023, 11, 25))[-1].date == dt.date(2020, 11, 25)
    # A day long after the story's day is the publication year's.
    text = "The district was returned on November 15, 2020. Officials visited Kalbajar on June 3."
    assert extract(atlas, text, dt.date(2023, 11, 25))[-1].date == dt.date(2023, 6, 3)


def test_the_decision_and_the_statement_as_what_the_agreement_named_before_provides(atlas):
    text = (
        "The OSCE Ministerial Council decided today to close the Minsk process. "
        "On 8 August the leaders signed the Washington declaration and initialled the peace treaty. "
        "Under the decision, the mandates of the Minsk Group end as of today."
    )
    assert extract(atlas, text, dt.date(2025, 9, 1))[-1].agreements == ("osce-minsk-closure-2025-09-01",)
    for said in (
        "Согласно заявлению, миротворцы размещаются вдоль Лачинского коридора.",
        "Заявление предусматривало строительство новой дороги в обход Лачина.",
    ):
        text = "Контингент был введен по трехстороннему заявлению от 10 ноября 2020 года. " + said
        last = extract(atlas, text, dt.date(2024, 4, 17))[-1]
        assert (last.agreements, last.date) == (("statement-2020-11-10",), dt.date(2020, 11, 10)), said
    # An official's statement is not the agreement: "заявление" counts only as what the text says.
    text = (
        "Контингент был введен по трехстороннему заявлению от 10 ноября 2020 года. В среду МИД распространил заявление."
    )
    assert extract(atlas, text, dt.date(2024, 4, 17))[-1].agreements == ()


def test_a_continuing_sentence_lends_its_agreements_not_its_places(atlas):
    text = (
        "Aliyev and Pashinyan met in Brussels on Sunday. "
        "The leaders also discussed the Lachin corridor under the trilateral statement."
    )
    found = only(extract(atlas, text, dt.date(2023, 5, 15)))
    assert found.places == ()
    assert "statement-2020-11-10" in found.agreements


def test_a_dated_byline_with_a_full_stop_is_not_a_report(atlas):
    text = "Press release, 17 October 2022. The Council today decided to deploy monitors along the border."
    found = only(extract(atlas, text, dt.date(2022, 10, 17)))
    assert found.sentence.startswith("The Council") and found.places == ("armenia-azerbaijan-border",)
    # A short report that names what happened stays one: "Gas supplies were cut on Tuesday." has four other words, "МИД распространил заявление в среду" three.
    assert len(extract(atlas, "Gas supplies were cut on Tuesday.", dt.date(2022, 12, 14))) == 1


def test_a_dateline_cut_by_its_full_stops_gives_no_report_of_its_date_alone(atlas):
    # Report.az's and Interfax's datelines: "City. Day Month. OUTLET/ …"; the splitter ends a sentence at each stop.
    for text, published in (
        (
            "Баку. 30 августа. REPORT.AZ/ Азербайджан и Армения в пятницу подписали положение о работе комиссий.",
            "2024-08-30",
        ),
        ("Москва. 18 апреля. INTERFAX.RU - Миротворцы покинули Ханкенди, сообщили в четверг.", "2024-04-18"),
    ):
        found = extract(atlas, text, dt.date.fromisoformat(published))
        assert [c.sentence.split()[0] for c in found] in (["REPORT.AZ/"], ["INTERFAX.RU"]), text


def test_an_agencys_lede_with_no_day_of_its_own_reports_the_day_its_dateline_gives(atlas):
    text = (
        "Great Return begins in Aghali\n\n"
        "ZANGILAN, Azerbaijan, July 19. Trend: The first families have returned to the village of Aghali in Zangilan "
        "district, Trend's Karabakh bureau reports.\n"
    )
    (found,) = extract(atlas, text, dt.date(2022, 7, 19))
    assert (found.date, found.places) == (dt.date(2022, 7, 19), ("zangilan",))
    # A statement's opening line after "Brussels, 17 May 2024" is no agency's lede: it stays undated.
    text = (
        "EU statement\n\nBrussels, 17 May 2024\nThe EU welcomes the progress made in the delimitation of the border.\n"
    )
    assert extract(atlas, text, dt.date(2024, 5, 17)) == []


def test_a_dateline_with_its_country_in_brackets_is_no_report(atlas):
    text = "Заголовок\n\nДАВОС (Швейцария), 20 янв — РИА Новости.\nАлиев во вторник выступил в Давосе.\n"
    assert [c.sentence for c in extract(atlas, text, dt.date(2026, 1, 20))] == ["Алиев во вторник выступил в Давосе."]


def test_agreements_named_by_where_they_were_reached(atlas):
    for text, published, agreement in (
        (
            "Стороны обсудили выполнение вашингтонских договоренностей в понедельник.",
            "2025-09-15",
            "washington-2025-08-08",
        ),
        ("Стороны в понедельник обсудили выполнение сочинских договоренностей.", "2022-11-15", "sochi-2022-10-31"),
        ("On Monday Pashinyan referred to the agreements reached in Prague.", "2022-11-15", "prague-2022-10-06"),
        ("On Monday officials recalled the Brussels agreements of May 22.", "2022-06-15", "brussels-2022-05-22"),
        ("Премьер в среду рассказал об итогах переговоров в Вашингтоне.", "2025-08-13", "washington-2025-08-08"),
    ):
        assert agreement in only(extract(atlas, text, dt.date.fromisoformat(published))).agreements, text


def test_an_agreement_named_by_its_month_and_kind(atlas):
    for text, published, agreement in (
        ("On Monday the sides discussed the November statement.", "2021-03-15", "statement-2020-11-10"),
        ("On Monday the sides discussed the January statement.", "2021-03-15", "statement-2021-01-11"),
        ("В понедельник стороны обсудили выполнение ноябрьского заявления.", "2021-03-15", "statement-2020-11-10"),
        (
            "В понедельник стороны обсудили выполнение ноябрьских договоренностей 2020 года.",
            "2023-03-15",
            "statement-2020-11-10",
        ),
        ("On Monday the sides discussed the December joint statement.", "2024-01-15", "joint-statement-2023-12-07"),
    ):
        assert only(extract(atlas, text, dt.date.fromisoformat(published))).agreements == (agreement,), text
    # A day the sentence tells before any agreement of that month was made does not hide it: the publication bounds it.
    text = (
        "Under the November statement, Kalbajar and Aghdam were returned, while Fuzuli was taken in the counter-offensive"
        " launched on September 27."
    )
    assert [c.agreements for c in extract(atlas, text, dt.date(2021, 4, 27))][0] == ("statement-2020-11-10",)
    # A name the month narrows ("трехстороннее заявление", which the three Moscow-era statements share): the month's.
    text = "Ноябрьское трехстороннее заявление обязало Армению передать Баку Агдамский район."
    found = only(extract(atlas, text, dt.date(2021, 1, 15)))
    assert (found.date, found.agreements, found.places) == (
        dt.date(2020, 11, 10),
        ("statement-2020-11-10",),
        ("aghdam",),
    )
    # Two agreements of that month fit "договоренности" (the declaration and the treaty of 8 August 2025): the reader
    # chooses; and a month with no agreement of the kind named names none.
    text = "В понедельник стороны обсудили августовские договоренности."
    assert only(extract(atlas, text, dt.date(2025, 9, 15))).agreements == ()
    assert only(extract(atlas, "On Monday they recalled the March elections.", dt.date(2021, 4, 15))).agreements == ()


def test_the_day_words_were_said_is_not_an_event_beside_the_day_they_report(atlas):
    text = "Residents of Aghavno have been given until August 25 to leave, the village head told NEWS.am on Friday."
    found = only(extract(atlas, text, dt.date(2022, 8, 5)))
    assert (found.date, found.places) == (dt.date(2022, 8, 25), ("aghavno",))
    text = "Азербайджан взял под контроль Лачин 26 августа, сообщили в пятницу в Баку."
    assert only(extract(atlas, text, dt.date(2022, 8, 27))).date == dt.date(2022, 8, 26)
    # Alone, the day it was said dates the report.
    text = "The village head told NEWS.am on Friday that no one wants to leave Aghavno."
    assert only(extract(atlas, text, dt.date(2022, 8, 5))).date == dt.date(2022, 8, 5)


def test_a_day_opening_the_sentence_with_its_speaking_verb_after_it_is_not_an_event_beside_the_days_reported(atlas):
    published = dt.date(2022, 6, 9)
    for text in (
        "On Monday he told deputies that the leaders had agreed on the railway in Sochi on 26 November last year.",
        "Еще в понедельник, выступая перед депутатами, он напомнил, что лидеры договорились о железной дороге в Сочи "
        "26 ноября прошлого года.",
    ):
        assert [c.date for c in extract(atlas, text, published)] == [dt.date(2021, 11, 26)], text
    # A day that opens the sentence on what was done, not said, stays an event of its own.
    text = "On Monday the commissions met on the border, two weeks after the leaders agreed in Sochi on 26 November."
    assert dt.date(2022, 6, 6) in [c.date for c in extract(atlas, text, published)]


def test_do_looks_ahead_only_to_a_date_it_stands_before(atlas):
    published = dt.date(2022, 6, 9)
    # "до нынешней встречи" (before this meeting) dates nothing ahead: the group last met in the December past.
    text = "Группа вице-премьеров до нынешней встречи в последний раз собиралась в декабре."
    assert only(extract(atlas, text, published)).date == dt.date(2021, 12, 1)
    # A deadline before its own month still looks ahead.
    text = "Группа вице-премьеров должна представить перечень проектов до декабря."
    assert only(extract(atlas, text, published)).date == dt.date(2022, 12, 1)


def test_cherez_n_dnei_counts_days_after_the_day_told_before(atlas):
    published = dt.date(2022, 6, 9)
    text = (
        "22 мая в Брюсселе лидеры согласовали создание комиссий, а через два дня комиссии впервые собрались на границе."
    )
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2022, 5, 22), dt.date(2022, 5, 24)]
    text = (
        "Лидеры согласовали создание комиссий в Брюсселе 22 мая. Через два дня комиссии впервые собрались на границе."
    )
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2022, 5, 22), dt.date(2022, 5, 24)]


def test_a_participles_clause_after_and_counts_its_day_from_the_day_before(atlas):
    text = (
        "The envoy toured both capitals, meeting ministers in Yerevan on 9 February and signing a charter in Baku "
        "the next day."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2026, 3, 3))] == [dt.date(2026, 2, 9), dt.date(2026, 2, 10)]


def test_a_weekday_with_a_future_verb_after_it_in_its_clause_is_the_coming_one(atlas):
    published = dt.date(2022, 6, 23)  # a Thursday
    text = "Министр в четверг прибывает в Баку, а в пятницу у него запланированы встречи с президентом."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2022, 6, 23), dt.date(2022, 6, 24)]
    # Not a thing named after the day, nor what was said that day.
    text = "Переговоры министров начались в пятницу по приглашению президента России."
    assert only(extract(atlas, text, published)).date == dt.date(2022, 6, 17)
    text = "В пятницу министр заявил, что встреча состоится позже."
    assert only(extract(atlas, text, published)).date == dt.date(2022, 6, 17)


def test_what_the_agreement_just_named_provides_is_a_report_of_its_own(atlas):
    text = (
        "He referred to the declaration adopted at the peace summit in Washington on August 8. "
        "The document also provides for a transit route through Armenia to Nakhchivan."
    )
    found = extract(atlas, text, dt.date(2025, 10, 10))
    assert [(c.date, c.agreements) for c in found] == [(dt.date(2025, 8, 8), ("washington-2025-08-08",))] * 2
    assert "nakhchivan" in found[1].places and found[1].date_note == DATE_NOTE_AGREEMENT
    # Only the agreement of the sentence right before: "The document also commits …" three sentences after a
    # statement, under a text the atlas does not know, is a detail of its report.
    text = (
        "The presidents signed the Shusha Declaration on Tuesday. "
        "It recalls Article 9 of the trilateral statement of 10 November 2020. "
        "Shusha was liberated on 8 November 2020. "
        "The document also commits the two countries to assist each other."
    )
    found = extract(atlas, text, dt.date(2021, 6, 15))
    assert found and not any(c.sentence.startswith("The document") for c in found)
    # Named again by words ("The joint statement"), with only the day counted ("issued that day"): still what it says.
    text = (
        "On December 7 Yerevan withdrew its bid in Azerbaijan's favour after direct talks. "
        "The joint statement issued that day also records that Azerbaijan supports Armenia's candidacy for the Bureau."
    )
    found = extract(atlas, text, dt.date(2023, 12, 11))
    assert [(c.date, c.agreements) for c in found] == [(dt.date(2023, 12, 7), ("joint-statement-2023-12-07",))] * 2
    assert found[1].sentence.startswith("The joint statement")


@pytest.mark.parametrize(
    "text, published, coming",
    [
        (
            "Страны ОБСЕ, как ожидается, 1 сентября примут решение о роспуске Минской группы.",
            (2025, 8, 26),
            (2025, 9, 1),
        ),
        # "scheduled for", "planned for", "no later than": the Russian of cues the English list has.
        ("Переговоры в Евлахе назначены на 21 сентября.", (2023, 9, 20), (2023, 9, 21)),
        ("Запланированная на 5 октября встреча в Гранаде пройдет без Алиева.", (2023, 10, 2), (2023, 10, 5)),
        ("Секретариат должен закрыть Минскую группу не позднее 1 декабря.", (2025, 9, 1), (2025, 12, 1)),
        # A perfective verb's present form is a future: "will hold", "will take place".
        ("Делегации двух стран проведут переговоры в Берлине 28 февраля.", (2024, 2, 26), (2024, 2, 28)),
        ("Следующая встреча комиссий состоится 16 мая.", (2025, 5, 12), (2025, 5, 16)),
        ("Алиев предупредил, что в феврале в Армению прибудет большая делегация.", (2023, 1, 26), (2023, 2, 1)),
        # "will return to", "will go on with", "will discuss": still to come, and no agreement of last December.
        ("Стороны вернутся к обсуждению текста мирного договора в декабре.", (2024, 11, 13), (2024, 12, 1)),
        ("Стороны продолжат переговоры в декабре.", (2024, 11, 13), (2024, 12, 1)),
        ("Министры обсудят текст договора в декабре.", (2024, 11, 13), (2024, 12, 1)),
        ("7 июня Армения выберет новый парламент.", (2026, 2, 16), (2026, 6, 7)),
    ],
)
def test_a_russian_cue_reads_a_yearless_date_as_coming(atlas, text, published, coming):
    assert only(extract(atlas, text, dt.date(*published))).date == dt.date(*coming)


def test_a_day_still_to_come_names_no_earlier_years_agreement_of_that_day(atlas):
    # Prague's meeting was on 6 October 2022; a year-less day names an agreement of any year ("the November 9
    # statement"), but not when the sentence puts it ahead of publication.
    for text in (
        "Aliyev will skip the October 5 meeting in Granada, his office said.",
        "Запланированная на 5 октября встреча в Гранаде пройдет без Алиева.",
    ):
        found = only(extract(atlas, text, dt.date(2023, 10, 2)))
        assert (found.date, found.agreements) == (dt.date(2023, 10, 5), ())
    found = only(extract(atlas, "Both sides cited the October 6 statement on Tuesday.", dt.date(2023, 10, 10)))
    assert found.agreements == ("prague-2022-10-06",)


def test_a_dash_before_a_date_does_not_cut_the_place_it_dates_off(atlas):
    text = "Ранее Азербайджану были возвращены Агдамский район — 20 ноября — и Кельбаджарский — 25 ноября."
    found = extract(atlas, text, dt.date(2020, 12, 1))
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2020, 11, 20), ("aghdam",)),
        (dt.date(2020, 11, 25), ("kalbajar",)),
    ]


def test_the_same_act_again_on_another_day_is_at_the_same_places(atlas):
    for text in (
        "Baku said Armenian units fired at its positions in Nakhchivan and Kalbajar on June 21 and again the following "
        "day.",
        "Баку заявил, что армянские подразделения обстреляли его позиции в Нахчыване и Кельбаджаре 21 июня и снова 22 "
        "июня.",
    ):
        assert [(c.date, c.places) for c in extract(atlas, text, dt.date(2024, 6, 24))] == [
            (dt.date(2024, 6, 21), ("nakhchivan", "kalbajar")),
            (dt.date(2024, 6, 22), ("nakhchivan", "kalbajar")),
        ], text
    # Another act on that day is not the first one's: it names its own places, or none.
    text = "Baku said Armenian units fired at its positions in Nakhchivan on June 21, and talks resumed the next day."
    assert [c.places for c in extract(atlas, text, dt.date(2024, 6, 24))] == [("nakhchivan",), ()]


def test_a_village_introduced_in_a_district_stands_for_the_district(atlas):
    text = (
        "A draw was held on Friday for families moving to Aghali village of Zangilan district. "
        "The families will be taken to Aghali on October 26 and October 28. "
        "Officials later visited Aghali."
    )
    found = extract(atlas, text, dt.date(2023, 10, 20))
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2023, 10, 20), ("zangilan",)),
        (dt.date(2023, 10, 26), ("zangilan",)),
        (dt.date(2023, 10, 28), ("zangilan",)),
    ]
    # A name the article did not introduce as one of a place stays unknown.
    assert (
        only(extract(atlas, "The families will be taken to Aghali on October 26.", dt.date(2023, 10, 20))).places == ()
    )
    # "The Azerbaijani town of Aghdam" describes the town: "Azerbaijani" is no settlement in it. And the officials after
    # a comma are not Aghdam's.
    text = (
        "Lorries entered on Monday along the road from the Azerbaijani town of Aghdam, officials said. "
        "Traffic has been halted since Azerbaijani activists set up a camp near Shusha on 12 December."
    )
    found = extract(atlas, text, dt.date(2023, 9, 18))
    assert [c.places for c in found] == [("aghdam",), ("shusha",)]


def _atlas_with_a_made_up_signing(tmp_path):
    """A copy of the shipped data with a made-up agreement and the event of the day it was signed, near Sotk."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    agreements = json.loads((data / "agreements.json").read_text(encoding="utf-8"))
    record = {k: v for k, v in agreements["agreements"][0].items() if k not in ("article_notes", "article_variants")}
    record.update(id="zorvan-accord-2026-03-03", title="Zorvan accord", short_title="Zorvan accord", date="2026-03-03")
    record.update(aliases={}, signed_at={})
    agreements["agreements"].append(record)
    (data / "agreements.json").write_text(json.dumps(agreements, ensure_ascii=False), encoding="utf-8")
    events = json.loads((data / "events.json").read_text(encoding="utf-8"))
    event = {k: v for k, v in events["events"][0].items() if k != "date_note"}
    event.update(
        id="zorvan-accord-signed-2026-03-03",
        date="2026-03-03",
        title="The Zorvan accord is signed",
        places=["sotk"],
        actors=[],
        agreements=[{"id": "zorvan-accord-2026-03-03", "articles": [], "kind": "named"}],
    )
    events["events"].append(event)
    (data / "events.json").write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
    return data


def test_an_event_added_to_data_ties_a_report_of_its_day_and_place_to_its_agreement(tmp_path):
    atlas = load_atlas(_atlas_with_a_made_up_signing(tmp_path))
    linker = Linker(atlas.events, atlas.agreements.values())
    text = (
        "Border guards left their posts near Sotk on 3 March.\n"
        "Farmers near Goris went back to their fields on 3 March.\n"
        "Shepherds returned to the pastures near Sotk on 8 March."
    )
    found = extract_candidates(
        text, atlas.places.values(), atlas.agreements.values(), dt.date(2026, 3, 20), linker=linker
    )
    # Only the report of the signing's day in the signing's place: another place that day, or Sotk another day,
    # is another story. Inferred, not named: the tie is apart from the agreements the text names, with why.
    assert [(c.date, c.places, c.agreements, [r.item for r in c.inferred]) for c in found] == [
        (dt.date(2026, 3, 3), ("sotk",), (), ["zorvan-accord-2026-03-03"]),
        (dt.date(2026, 3, 3), ("goris",), (), []),
        (dt.date(2026, 3, 8), ("sotk",), (), []),
    ]
    assert found[0].as_json()["inferred"] == [
        {
            "field": "agreements",
            "item": "zorvan-accord-2026-03-03",
            "source": "event:zorvan-accord-signed-2026-03-03",
            "why": "the atlas's event zorvan-accord-signed-2026-03-03 of 2026-03-03 in sotk, "
            "the day zorvan-accord-2026-03-03 was made",
        }
    ]
    # Without the atlas's events, nothing is inferred.
    unlinked = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), dt.date(2026, 3, 20))
    assert [c.inferred for c in unlinked] == [(), (), ()]


def test_the_document_with_no_agreement_named_before_it_is_the_one_the_article_is_about(tmp_path):
    atlas = load_atlas(_atlas_with_a_made_up_signing(tmp_path))
    linker = Linker(atlas.events, atlas.agreements.values())
    text = (
        "Border guards left their posts near Sotk on 3 March.\n"
        "Farmers went back to their fields on 5 March.\n"
        "Markets reopened on 7 March.\n"
        "Schools opened again on 9 March.\n"
        "The document also requires both sides to clear the mines."
    )
    found = extract_candidates(
        text, atlas.places.values(), atlas.agreements.values(), dt.date(2026, 3, 20), linker=linker
    )
    document = next(c for c in found if c.sentence.startswith("The document"))
    assert document.agreements == ("zorvan-accord-2026-03-03",) and "agreements" in document.low_confidence
    assert ("agreement", "The document") in {(s.kind, s.text) for s in document.spans}
    # An article about nothing the atlas knows gives "the document" no agreement to stand for.
    alone = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), dt.date(2026, 3, 20))
    assert all(not c.sentence.startswith("The document") for c in alone)


def test_a_range_written_with_each_days_month_is_one_ranged_event(atlas):
    cases = [
        ("The fighting around Khankendi lasted from Sept. 19 to Sept. 20.", dt.date(2023, 9, 21)),
        ("Shelling near Jermuk went on from September 13 to September 14, 2022.", dt.date(2022, 10, 1)),
        ("Жители Тавуша перекрывали трассу с 20 апреля по 22 апреля.", dt.date(2024, 5, 26)),
    ]
    for text, published in cases:
        found = only(extract(atlas, text, published))
        first_day = {2023: dt.date(2023, 9, 19), 2022: dt.date(2022, 9, 13), 2024: dt.date(2024, 4, 20)}
        assert (found.date, found.date_precision) == (first_day[published.year], "range"), text
    across = only(extract(atlas, "Talks in Brussels ran from September 30 to October 2.", dt.date(2023, 10, 5)))
    assert (across.date, across.date_precision) == (dt.date(2023, 9, 30), "range")
    ru_across = only(extract(atlas, "Переговоры в Брюсселе шли с 30 сентября по 2 октября.", dt.date(2023, 10, 5)))
    assert (ru_across.date, ru_across.date_precision) == (dt.date(2023, 9, 30), "range")


def test_a_weekday_beside_its_date_is_that_date_not_a_second_event(atlas):
    # Published on a Thursday nine days later: "Tuesday" alone would be 26 September.
    published = dt.date(2023, 9, 28)
    for text in (
        "Azerbaijan launched the operation near Khankendi on Tuesday, September 19, officials said.",
        "Azerbaijan launched the operation near Khankendi on Tuesday (19 September), officials said.",
        "Азербайджан начал операцию у Ханкенди во вторник, 19 сентября, сообщили в министерстве.",
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision) == (dt.date(2023, 9, 19), "day"), text
        span = next(sp for sp in found.spans if sp.kind == "date")
        assert "19" in span.text and any(w in span.text for w in ("Tuesday", "вторник")), span.text


def test_relative_days_real_reporting_writes(atlas):
    published = dt.date(2020, 12, 1)  # a Tuesday
    cases = {
        "Residents of Lachin left over the weekend.": (dt.date(2020, 11, 28), "range"),
        "Жители Лачина уехали на выходных.": (dt.date(2020, 11, 28), "range"),
        "Troops entered Aghdam the day before yesterday.": (dt.date(2020, 11, 29), "day"),
        "Позавчера войска вошли в Агдам.": (dt.date(2020, 11, 29), "day"),
        "Troops entered Kalbajar a week ago.": (dt.date(2020, 11, 24), "day"),
        "Войска вошли в Кельбаджар неделю назад.": (dt.date(2020, 11, 24), "day"),
    }
    for text, want in cases.items():
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision) == want, text


def test_a_day_earlier_in_russian_counts_from_the_sentence_before(atlas):
    text = (
        "Жители Тавуша перекрывали трассу с 20 апреля по 22 апреля. "
        "Днем ранее комиссии по делимитации договорились о прохождении границы."
    )
    first, second = extract(atlas, text, dt.date(2024, 5, 26))
    assert (first.date, first.date_precision) == (dt.date(2024, 4, 20), "range")
    assert (second.date, second.date_precision) == (dt.date(2024, 4, 19), "day")
    later = extract(
        atlas, "Войска вошли в Агдам 20 ноября. Днём позже они заняли позиции у Шуши.", dt.date(2020, 12, 1)
    )
    assert [c.date for c in later] == [dt.date(2020, 11, 20), dt.date(2020, 11, 21)]


def test_the_same_time_in_russian_is_the_day_of_the_sentence_before(atlas):
    for second in (
        "Тогда же министры иностранных дел парафировали текст мирного соглашения.",
        "Минобороны Азербайджана с того же часа приостановило операцию у Ханкенди.",
        "Минобороны Азербайджана тогда заявило об обстрелах в Кельбаджарском районе.",
    ):
        text = "Лидеры подписали декларацию 8 августа в Белом доме. " + second
        first, then = extract(atlas, text, dt.date(2025, 9, 1))
        assert (then.date, then.date_precision) == (dt.date(2025, 8, 8), "day"), second
    # "тогда как" is "whereas": no time.
    text = "Лидеры подписали декларацию 8 августа в Белом доме. Ереван ждет подписания договора, тогда как Баку нет."
    assert len(extract(atlas, text, dt.date(2025, 9, 1))) == 1


def _atlas_with_made_up_agreements(tmp_path, *records: dict) -> object:
    """A copy of the shipped data with the made-up agreements `records` (id, title, date, aliases, …) added."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    agreements = json.loads((data / "agreements.json").read_text(encoding="utf-8"))
    first = agreements["agreements"][0]
    for fields in records:
        record = {k: v for k, v in first.items() if k not in ("article_notes", "article_variants", "signed_at", "kind")}
        record.update(short_title=fields["title"], **fields)
        agreements["agreements"].append(record)
    (data / "agreements.json").write_text(json.dumps(agreements, ensure_ascii=False), encoding="utf-8")
    return load_atlas(data)


def test_of_two_agreements_made_the_same_day_dogovor_is_the_treaty_not_the_dogovorennosti(tmp_path):
    # "Договоренности" are agreements of any kind: the declaration called "зорванские договоренности" is no
    # "договор" (treaty), so a date of that day beside "Договор" names the treaty alone.
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "zorvan-declaration-2027-03-05",
            "title": "Zorvan declaration",
            "date": "2027-03-05",
            "aliases": {"en": ["Zorvan declaration"], "ru": ["Зорванская декларация", "зорванские договоренности"]},
        },
        {
            "id": "zorvan-treaty-2027-03-05",
            "title": "Zorvan border treaty",
            "date": "2027-03-05",
            "aliases": {"en": ["Zorvan treaty"], "ru": ["зорванский договор"]},
        },
    )
    found = only(extract(atlas, "Договор был парафирован министрами в пятницу, 5 марта.", dt.date(2027, 3, 9)))
    assert found.agreements == ("zorvan-treaty-2027-03-05",)
    found = only(extract(atlas, "The treaty was initialled on 5 March 2027.", dt.date(2027, 3, 9)))
    assert found.agreements == ("zorvan-treaty-2027-03-05",)
    # Without a kind word both are that day's.
    found = only(extract(atlas, "Ministers signed on 5 March 2027.", dt.date(2027, 3, 9)))
    assert set(found.agreements) == {"zorvan-declaration-2027-03-05", "zorvan-treaty-2027-03-05"}


def test_dogovorilis_says_the_agreement_was_made_that_day_as_agreed_does(tmp_path):
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "marzik-line-2027-03-05",
            "title": "Protocol on the Marzik section of the border",
            "date": "2027-03-05",
            "aliases": {"en": ["Marzik protocol"], "ru": ["Марзикский протокол"]},
        },
    )
    monday = dt.date(2027, 3, 8)
    # A weekday names an agreement only when the sentence says one was made that day.
    for text in (
        "Комиссии договорились о прохождении границы на участке длиной 12 км в пятницу.",
        "The commissions agreed the line of a 12 km section of the border on Friday.",
    ):
        assert only(extract(atlas, text, monday)).agreements == ("marzik-line-2027-03-05",), text
    # Meeting is not agreeing.
    assert only(extract(atlas, "Комиссии встретились в пятницу и обсудили границу.", monday)).agreements == ()


def test_that_meeting_is_the_meeting_just_named(tmp_path):
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "marzik-summit-2027-06-02",
            "title": "Statement after the Marzik meeting",
            "date": "2027-06-02",
            "aliases": {"en": ["Marzik summit", "meeting in Marzik"], "ru": ["встреча в Марзике"]},
        },
    )

    def agreements(text: str) -> list[tuple[str, ...]]:
        return [c.agreements for c in extract(atlas, text, dt.date(2027, 6, 20))]

    text = (
        "The leaders held the Marzik summit on 2 June.\n"
        "At that meeting, they endorsed the Alma-Ata Declaration of 21 December 1991."
    )
    assert agreements(text) == [("marzik-summit-2027-06-02",), ("marzik-summit-2027-06-02",)]
    text = "Встреча в Марзике прошла 2 июня.\nНа этой встрече стороны признали Алма-Атинскую декларацию от 21 декабря 1991 года."
    assert agreements(text) == [("marzik-summit-2027-06-02",), ("marzik-summit-2027-06-02",)]
    # A meeting the atlas does not know, told just before, is not the one named earlier still.
    text = (
        "The leaders held the Marzik summit on 2 June.\nThey met again in Granada on 5 June.\n"
        "At that meeting, they endorsed the Alma-Ata Declaration of 21 December 1991."
    )
    assert agreements(text) == [("marzik-summit-2027-06-02",), (), ()]


def test_a_dated_clause_opening_on_which_tells_of_the_agreement_the_clause_before_named(tmp_path):
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "marzik-accord-2027-06-02",
            "title": "Marzik accord",
            "date": "2027-06-02",
            "aliases": {"en": ["Marzik accord"], "ru": ["Марзикское соглашение"]},
        },
    )

    def agreements(text: str) -> list[tuple[str, ...]]:
        return [c.agreements for c in extract(atlas, text, dt.date(2027, 11, 1))]

    marzik = ("marzik-accord-2027-06-02",)
    assert agreements("In June the sides signed the Marzik accord, which parliament ratified in late September.") == [
        marzik,
        marzik,
    ]
    text = "В июне стороны подписали Марзикское соглашение, которое парламент ратифицировал в конце сентября."
    assert agreements(text) == [marzik, marzik]
    # A clause of its own tells of something else.
    text = "In June the sides signed the Marzik accord, and parliament was dissolved in late September."
    assert agreements(text) == [marzik, ()]


def test_leaders_who_met_that_day_made_the_meetings_agreement_of_that_day(tmp_path):
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "marzik-summit-2027-06-02",
            "title": "Statement after the Marzik meeting",
            "date": "2027-06-02",
            "aliases": {"en": ["Marzik summit"]},
        },
        {
            "id": "tovmas-protocol-2027-06-09",
            "title": "Tovmas border protocol",
            "date": "2027-06-09",
            "aliases": {"en": ["Tovmas protocol"]},
        },
    )

    def agreements(text: str, published: dt.date) -> tuple[str, ...]:
        return only(extract(atlas, text, published)).agreements

    text = "This afternoon I met President Aliyev and Prime Minister Pashinyan for the third time."
    assert agreements(text, dt.date(2027, 6, 2)) == ("marzik-summit-2027-06-02",)
    assert agreements("Сегодня Алиев и Пашинян встретились в третий раз.", dt.date(2027, 6, 2)) == (
        "marzik-summit-2027-06-02",
    )
    # The day after is not that day; a protocol is no meeting.
    assert agreements(text, dt.date(2027, 6, 3)) == ()
    assert agreements("Today the border commissions met for the ninth time.", dt.date(2027, 6, 9)) == ()


def test_a_dated_clause_naming_an_agreement_of_its_own_does_not_take_the_leads(tmp_path):
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "marzik-accord-2027-06-02",
            "title": "Marzik accord",
            "date": "2027-06-02",
            "aliases": {"en": ["Marzik accord"], "ru": ["Марзикское соглашение"]},
        },
        {
            "id": "tovmas-protocol-2027-04-10",
            "title": "Tovmas protocol",
            "date": "2027-04-10",
            "aliases": {"en": ["Tovmas protocol"], "ru": ["Товмасский протокол"]},
        },
    )

    def agreements(text: str) -> list[tuple[str, ...]]:
        return [c.agreements for c in extract(atlas, text, dt.date(2027, 11, 1))]

    marzik, tovmas = ("marzik-accord-2027-06-02",), ("tovmas-protocol-2027-04-10",)
    text = (
        "The Marzik accord was ratified by parliament on 20 June, after the Tovmas protocol had been agreed in April."
    )
    assert agreements(text) == [marzik, tovmas]
    text = "Марзикское соглашение парламент ратифицировал 20 июня, после того как Товмасский протокол согласовали в апреле."
    assert agreements(text) == [marzik, tovmas]
    # A clause naming none is still told under the agreement the lead named.
    text = "Under the Marzik accord, Aghdam was returned on 20 June and Kalbajar on 25 June."
    assert agreements(text) == [marzik, marzik]


def test_the_joint_declaration_in_english_is_the_washington_declaration_as_in_russian(atlas):
    for text in (
        "The joint declaration provides for a transit route through southern Armenia.",
        "Совместная декларация предусматривает транзитный маршрут через юг Армении.",
    ):
        found = only(extract(atlas, text, dt.date(2025, 9, 1)))
        assert (found.date, found.agreements) == (dt.date(2025, 8, 8), ("washington-2025-08-08",)), text


def test_a_date_in_the_name_of_an_offensive_is_not_the_truce_of_that_day(tmp_path):
    atlas = _atlas_with_two_made_up_ceasefires(tmp_path)

    def agreements(text: str) -> tuple[str, ...]:
        return tuple(a for c in extract(atlas, text, dt.date(2027, 5, 2)) for a in c.agreements)

    assert agreements("Talks opened in Granada on 28 April, six weeks after the offensive on 13-14 March 2027.") == ()
    assert agreements("The talks of 28 April came weeks after the March 2027 offensive.") == ()
    assert agreements("Переговоры 28 апреля начались через месяц после наступления 13-14 марта 2027 года.") == ()
    # The day the fighting ended is the truce's.
    assert agreements("The talks of 28 April came weeks after the war ended on 14 March 2027.") == (
        "lowland-ceasefire-2027-03-14",
    )


def test_a_counted_day_as_an_item_of_a_list_counts_from_the_item_before(atlas):
    text = "Jabrayil fell on 4 October, Fuzuli on 17 October, Zangilan three days later and Gubadly on 25 October."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 7, 20))]
    assert got == [
        (dt.date(2020, 10, 4), ("jabrayil",)),
        (dt.date(2020, 10, 17), ("fuzuli",)),
        (dt.date(2020, 10, 20), ("zangilan",)),
        (dt.date(2020, 10, 25), ("gubadly",)),
    ]
    text = "Города переходили один за другим: Физули 17 октября, Зангилан на следующий день."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 7, 20))]
    assert got == [(dt.date(2020, 10, 17), ("fuzuli",)), (dt.date(2020, 10, 18), ("zangilan",))]
    # Not a list item: "two days later than planned" in the clause of its date is no second event.
    assert (
        len(extract(atlas, "Aghdam was handed over on 20 November, two days later than planned.", dt.date(2021, 7, 20)))
        == 1
    )


def test_a_list_item_that_says_where_its_name_lies_counts_its_day_from_the_item_before(atlas):
    text = "Baku listed its gains: Jabrayil on 4 October, Hadrut in Khojavend district two days later and Fuzuli on 17 October."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 7, 20))]
    assert got == [
        (dt.date(2020, 10, 4), ("jabrayil",)),
        (dt.date(2020, 10, 6), ("khojavend",)),
        (dt.date(2020, 10, 17), ("fuzuli",)),
    ]
    text = "Баку перечислил свои успехи: Физули 17 октября, Гадрут в Ходжавендском районе на следующий день и Зангилан 20 октября."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 7, 20))]
    assert got == [
        (dt.date(2020, 10, 17), ("fuzuli",)),
        (dt.date(2020, 10, 18), ("khojavend",)),
        (dt.date(2020, 10, 20), ("zangilan",)),
    ]


def test_places_a_lead_lists_belong_to_the_dated_clauses_that_name_them_again(atlas):
    text = (
        "Azerbaijan holds the districts it took, among them Jabrayil, Fuzuli and Zangilan, whose towns fell one after "
        "another: Jabrayil on 4 October, Fuzuli on 17 October and Zangilan on 20 October."
    )
    got = [c.places for c in extract(atlas, text, dt.date(2021, 7, 20))]
    assert got == [("jabrayil",), ("fuzuli",), ("zangilan",)]
    text = "Азербайджан вернул Агдам, Кельбаджар и Лачин, причем Агдам 20 ноября, Кельбаджар 25 ноября."
    got = [c.places for c in extract(atlas, text, dt.date(2021, 7, 20))]
    assert got == [("aghdam", "lachin"), ("kalbajar",)]


def test_one_place_before_the_first_day_is_the_first_events_not_a_list(atlas):
    # "в Карабахе" is where the offensive took place; "НКР" in the later clause does not take it from there.
    text = (
        "Наступление армии в Карабахе, начатое 19 сентября, быстро закончилось, а 28 сентября глава НКР подписал указ."
    )
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2023, 10, 2))]
    assert got == [(dt.date(2023, 9, 19), ("karabakh",)), (dt.date(2023, 9, 28), ("karabakh",))]


def test_a_dateline_with_its_agency_between_slashes_is_no_report(atlas):
    text = "БАКУ, 27 апреля /Trend/ – Президент Ильхам Алиев в понедельник посетил Джебраильский и Зангиланский районы."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 4, 27))]
    assert got == [(dt.date(2021, 4, 26), ("jabrayil", "zangilan"))]


def test_a_clause_opened_by_after_begins_at_its_comma_not_inside_its_list(atlas):
    text = "The bypass opened on 30 August 2022, after Azerbaijan took over Lachin town, Zabukh and Sus on 26 August."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2022, 9, 1))]
    # "The bypass", with Lachin named, is the road its data describes so.
    assert got == [(dt.date(2022, 8, 30), ("lachin-road-2022",)), (dt.date(2022, 8, 26), ("lachin", "aghavno"))]


@pytest.mark.parametrize(
    "text",
    [
        "В четверг Баку отказался от встречи министров, которую Блинкен собирался провести в Вашингтоне 20 ноября.",
        "On Thursday Baku called off the ministers' meeting that Blinken was going to host in Washington on 20 November.",
    ],
)
def test_what_was_meant_to_happen_looks_ahead(atlas, text):
    # Published on Saturday 18 November 2023: the meeting meant for 20 November is two days on, not last year's.
    found = extract(atlas, text, dt.date(2023, 11, 18))
    assert [c.date for c in found] == [dt.date(2023, 11, 16), dt.date(2023, 11, 20)]


@pytest.mark.parametrize(
    "text",
    [
        "Armenia took Azerbaijan to the court on Sept. 16, 2021, and Baku filed its own case a week later.",
        "Ереван подал иск 16 сентября 2021 года, а через неделю Баку ответил встречным иском.",
    ],
)
def test_a_week_later_is_seven_days_on(atlas, text):
    found = extract(atlas, text, dt.date(2023, 11, 18))
    assert [c.date for c in found] == [dt.date(2021, 9, 16), dt.date(2021, 9, 23)]


def test_russian_this_decision_is_the_decision_named_before(atlas):
    # data/agreements.json gives the OSCE's closing decision a Russian alias with "решение", so "этому решению" fits it.
    text = (
        "1 сентября ОБСЕ закрыла Минский процесс. "
        "Согласно этому решению, административные вопросы следовало урегулировать не позднее 1 декабря."
    )
    found = extract(atlas, text, dt.date(2025, 12, 2))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2025, 9, 1), ("osce-minsk-closure-2025-09-01",)),
        (dt.date(2025, 12, 1), ("osce-minsk-closure-2025-09-01",)),
    ]


def test_a_month_and_kind_with_no_day_to_count_from_names_the_one_of_that_month(atlas):
    # No publication date and no year: of the ceasefires in the data, only the 2020 statement was made in a November.
    text = "The leaders set out to turn the vaguest clause of the November ceasefire into a work plan."
    assert [c.agreements for c in extract(atlas, text, None)] == [("statement-2020-11-10",)]
    # Two statements were made in a November (2020, 2021): the year the story is told in says which.
    text = (
        "The fighting ended on 10 November 2020. "
        "The November statement held because it put Russian peacekeepers along the Lachin corridor."
    )
    *_, held = extract(atlas, text, None)
    assert (held.date, held.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))


def test_an_agreement_with_its_day_before_a_which_clause_with_a_day_of_its_own_is_a_report(atlas):
    text = (
        "Aghdam was among the districts given up under the ceasefire of Nov. 10 last year, which ended six weeks of "
        "fighting over Nagorno-Karabakh that had begun on Sept. 27."
    )
    got = [(c.date, c.places, c.agreements) for c in extract(atlas, text, dt.date(2021, 6, 12))]
    assert got == [
        (dt.date(2020, 11, 10), ("aghdam",), ("statement-2020-11-10",)),
        (dt.date(2020, 9, 27), ("karabakh",), ()),
    ]


def test_a_text_with_no_year_and_no_publication_date_takes_the_year_the_atlas_knows_its_days_in(atlas):
    # 11 January and 26 November are days the atlas knows in 2021 (the Moscow and Sochi statements): the year-less
    # days all take it, marked as guessed. Without the atlas's events nothing dates them, and no report is made.
    text = (
        "The three leaders met in Moscow on 11 January and set up a working group of deputy prime ministers. "
        "The group first sat on 30 January. The leaders praised its work in Sochi on 26 November."
    )
    linker = Linker(atlas.events, atlas.agreements.values())
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert [(c.date, "date" in c.low_confidence) for c in found] == [
        (dt.date(2021, 1, 11), True),
        (dt.date(2021, 1, 30), True),
        (dt.date(2021, 11, 26), True),
    ]
    assert extract(atlas, text, None) == []
    # The only year written names a text. The atlas knows 13 March in 2025 only (the treaty text agreed) and 12 June in
    # 2021 and 2024: a day of one known year outweighs a day of several, and the days are 2025's, not the named 1990.
    text = (
        "Both sides declared on 13 March that the text of the peace treaty had been agreed. Baku still asks for a "
        "constitution without the 1990 declaration of independence. On 12 June the first families drew lots."
    )
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert [c.date for c in found] == [dt.date(2025, 3, 13), dt.date(2025, 6, 12)]


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was killed on the border on 16 August. That evening a second soldier died near Yeraskh.",
        "16 августа на границе погиб военнослужащий. Вечером того же дня погиб второй военнослужащий.",
        "16 августа на границе погиб военнослужащий. Около 17:30 того же дня обстрел возобновился.",
        "16 августа у Ерасха возобновился обстрел. С того же дня село обходят грузовики.",
        "16 августа у Ерасха возобновился обстрел. Уже с этого дня село обходят грузовики.",
    ],
)
def test_a_part_of_the_day_told_before_is_that_day(atlas, text):
    assert [c.date for c in extract(atlas, text, dt.date(2021, 8, 17))] == [dt.date(2021, 8, 16)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Yerevan said it remained ready to meet on 7 December in the same format.",
        "В Ереване заявили, что по-прежнему готовы к встрече 7 декабря в том же формате.",
    ],
)
def test_readiness_looks_ahead(atlas, text):
    # Published on 25 November 2022: the meeting Yerevan is ready for is twelve days on, not last year's.
    assert [c.date for c in extract(atlas, text, dt.date(2022, 11, 25))] == [dt.date(2022, 12, 7)]


def test_a_future_in_words_reported_after_the_date_does_not_move_the_date_ahead(atlas):
    # Published in September 2021: the assurance was given last December; what it said would happen is not the date.
    said = "Officials assured critics in December that foreigners would continue to use the Goris-Kapan road."
    assert [c.date for c in extract(atlas, said, dt.date(2021, 9, 14))] == [dt.date(2020, 12, 1)]
    # A cue before the date still looks ahead, inside the reported words too.
    will = "Officials said that the Goris-Kapan road would reopen in December."
    assert [c.date for c in extract(atlas, will, dt.date(2021, 9, 14))] == [dt.date(2021, 12, 1)]


@pytest.mark.parametrize(
    ("text", "agreement", "deadline"),
    [
        (
            "At their second meeting, on 6 April 2022, the leaders tasked their foreign ministers with a peace treaty, "
            "and a joint border commission was to be convened before the end of that month.",
            "brussels-2022-04-06",
            (dt.date(2022, 4, 25), "approximate"),
        ),
        (
            "На второй встрече, 6 апреля 2022 года, лидеры поручили министрам готовить мирный договор, а совместную "
            "пограничную комиссию решили созвать до конца апреля.",
            "brussels-2022-04-06",
            (dt.date(2022, 4, 25), "approximate"),
        ),
        (
            "On 1 September 2025 the OSCE closed the Minsk process, and its structures were to be wound up by "
            "1 December.",
            "osce-minsk-closure-2025-09-01",
            (dt.date(2025, 12, 1), "day"),
        ),
    ],
)
def test_a_deadline_set_in_a_clause_of_its_own_is_a_term_of_the_agreement_before_it(atlas, text, agreement, deadline):
    made, due = extract(atlas, text, deadline[0] + dt.timedelta(days=30))
    assert made.agreements == due.agreements == (agreement,)
    assert (due.date, due.date_precision) == deadline


def test_a_day_after_a_named_agreement_that_is_no_deadline_does_not_take_it(atlas):
    text = "On 1 September 2025 the OSCE closed the Minsk process, and Baku hosted a forum on 1 December."
    closing, forum = extract(atlas, text, dt.date(2025, 12, 5))
    assert (closing.agreements, forum.agreements) == (("osce-minsk-closure-2025-09-01",), ())


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        (
            "The commissions signed a protocol-description of the Tavush-Gazakh sections on 15 May 2024, and "
            "Azerbaijani border guards took over the four villages on 24 May.",
            False,
        ),
        (
            "Положение о совместной деятельности комиссий было подписано 30 августа 2024 года, а 3 сентября "
            "правительство Армении провело заседание.",
            False,
        ),
        # A clause that refers back to the agreement goes on with it.
        (
            "The regulations on the commissions' joint activity were signed on 30 August 2024, and the Armenian "
            "government published them on 3 September.",
            True,
        ),
        (
            "Положение о совместной деятельности комиссий было подписано 30 августа 2024 года, а 3 сентября его "
            "опубликовало правительство Армении.",
            True,
        ),
    ],
)
def test_an_agreement_made_on_the_first_clauses_day_frames_a_later_clause_only_when_it_refers_back(atlas, text, framed):
    made, later = extract(atlas, text, dt.date(2024, 11, 7))
    assert made.agreements and made.date == atlas.agreements[made.agreements[0]].date
    assert later.agreements == (made.agreements if framed else ())


@pytest.mark.parametrize(
    "text",
    [
        "The two foreign ministers sent the appeal on 8 August, the day on which Pashinyan and Aliyev signed a Joint "
        "Declaration in Washington.",
        "Обращение министры подписали в Белом доме 8 августа, в день подписания Вашингтонской декларации.",
    ],
)
def test_an_agreement_made_on_the_day_a_clause_points_back_to_is_a_report_of_its_own(atlas, text):
    appeal, declaration = extract(atlas, text, dt.date(2025, 12, 1))
    assert appeal.date == declaration.date == dt.date(2025, 8, 8)
    assert (appeal.agreements, declaration.agreements) == ((), ("washington-2025-08-08",))


def test_a_clause_pointing_back_to_the_day_that_makes_no_agreement_is_part_of_the_report(atlas):
    text = "The deputy minister spoke to journalists on 11 November, the day the conference opened in Baku."
    assert [c.date for c in extract(atlas, text, dt.date(2024, 11, 20))] == [dt.date(2024, 11, 11)]


def test_an_undated_texts_days_before_its_first_year_take_the_year_the_atlas_knows_them_in(atlas):
    # No publication date; the only year comes later. The atlas knows 13 January in 2026 (the TRIPP framework).
    text = (
        "The ministers met in Washington on 13 January, and the foreign ministry published a statement the following "
        "day. Their talks built on the joint declaration signed at the White House on 8 August 2025."
    )
    linker = Linker(atlas.events, atlas.agreements.values())
    met, published, _ = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert (met.date, published.date) == (dt.date(2026, 1, 13), dt.date(2026, 1, 14))
    # Without the atlas's events, the year written later dates them, as before.
    assert [c.date for c in extract(atlas, text, None)][:2] == [dt.date(2025, 1, 13), dt.date(2025, 1, 14)]


_ANNOUNCED = "Mirzoyan and Rubio announced the TRIPP implementation framework in Washington on 13 January. "
_ENDED = "The trilateral statement of 10 November 2020 ended the war. "


@pytest.mark.parametrize(
    ("text", "provided_by"),
    [
        (
            _ANNOUNCED + "The framework gives a TRIPP Development Company the right to build the route for 49 years.",
            "tripp-framework-2026-01-13",
        ),
        (_ENDED + "The statement's fourth point set the peacekeepers' term at five years.", "statement-2020-11-10"),
        # "itself", and a plural text: "The framework itself creates …", "The regulations make …".
        (_ANNOUNCED + "The framework itself creates no binding obligations.", "tripp-framework-2026-01-13"),
        (
            _ANNOUNCED + "The framework itself states that it creates no legal obligations.",
            "tripp-framework-2026-01-13",
        ),
        (
            "The commissions signed the regulations on their joint work on 30 August 2024. The regulations make the 1991 "
            "Alma-Ata Declaration the basis of delimitation.",
            "delimitation-regulations-2024-08-30",
        ),
        (_ANNOUNCED + "The framework drew criticism from the opposition.", None),
    ],
)
def test_what_the_text_named_at_the_head_of_a_sentence_gives_or_sets_is_what_it_says(atlas, text, provided_by):
    found = extract(atlas, text, dt.date(2026, 1, 20))
    if provided_by is None:
        assert len(found) == 1
    else:
        made, provides = found
        assert provides.agreements == made.agreements == (provided_by,)
        assert provides.date == made.date


@pytest.mark.parametrize(
    ("text", "published", "day", "agreements"),
    [
        (
            "Mustafayev spoke at a cabinet meeting on 13 October. At the same meeting he said the Horadiz-Aghband road "
            "would be finished the following year.",
            dt.date(2026, 3, 5),
            dt.date(2025, 10, 13),
            (),
        ),
        (
            "Пашинян провел пресс-конференцию 17 декабря. На той же пресс-конференции он сообщил, что попросил "
            "восстановить железную дорогу от Ерасха.",
            dt.date(2025, 12, 18),
            dt.date(2025, 12, 17),
            (),
        ),
        (
            "Armenia and Azerbaijan issued a joint statement on 7 December. In the same document Armenia backed "
            "Azerbaijan's bid to host COP29.",
            dt.date(2024, 3, 19),
            dt.date(2023, 12, 7),
            ("joint-statement-2023-12-07",),
        ),
        (
            "Армения и Азербайджан 7 декабря выпустили совместное заявление. В том же документе Азербайджан поддержал "
            "кандидатуру Армении в Бюро COP.",
            dt.date(2024, 11, 12),
            dt.date(2023, 12, 7),
            ("joint-statement-2023-12-07",),
        ),
    ],
)
def test_the_same_meeting_or_document_as_the_report_before_is_a_report_of_its_own(
    atlas, text, published, day, agreements
):
    first, same = extract(atlas, text, published)
    assert (same.date, same.date_precision, same.agreements) == (day, "day", agreements)
    assert first.date == day


@pytest.mark.parametrize(
    "then",
    [
        "He promised to come back to Voskepar in ten days to continue the conversation.",
        "Премьер пообещал вернуться в Воскепар через десять дней.",
    ],
)
def test_a_promise_to_come_back_in_so_many_days_counts_them_from_the_day_told(atlas, then):
    met, back = extract(atlas, "Pashinyan met residents of Voskepar on 18 March. " + then, dt.date(2024, 3, 20))
    assert (met.date, back.date, back.date_precision) == (dt.date(2024, 3, 18), dt.date(2024, 3, 28), "day")


def test_days_of_an_event_are_no_count_from_the_day_told(atlas):
    text = "The war began on 27 September 2020. Azerbaijan retook the districts in 44 days of fighting."
    assert [c.date for c in extract(atlas, text, dt.date(2021, 3, 1))] == [dt.date(2020, 9, 27)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "In March 2022 Azerbaijan and Iran agreed on new links to Nakhchivan through Iranian territory.",
            ("nakhchivan", "aras-route-iran"),
        ),
        (
            "В марте 2022 года Баку и Тегеран договорились о сообщении с Нахчываном через территорию Ирана.",
            ("nakhchivan", "aras-route-iran"),
        ),
        (
            "Four days after Azerbaijan took Berdzor, traffic moved on 30 August 2022 to a new road that skirts the town.",
            ("lachin", "lachin-road-2022"),
        ),
        (
            "Завершив свой участок новой дороги, Баку потребовал освободить Лачин до 25 августа 2022 года.",
            ("lachin-road-2022", "lachin"),
        ),
        # Without the place it is described with, the words describe nothing of the atlas.
        ("Turkmen gas began to reach Azerbaijan through Iran in March 2022.", ()),
        ("In May 2023 a new road opened between Shusha and Khankendi.", ("shusha", "khankendi")),
    ],
)
def test_a_place_described_with_the_places_and_words_its_data_gives_is_named(atlas, text, places):
    assert only(extract(atlas, text, dt.date(2026, 3, 1))).places == places


def test_a_description_added_to_the_data_is_read_without_touching_code(atlas):
    # data/places.json's `described_by`, here given to Shusha for the test: its words, with Khankendi named.
    shusha = dataclasses.replace(
        atlas.places["shusha"], described_with=("khankendi",), described_words={"en": ("the town above",)}
    )
    places = [shusha if p.id == "shusha" else p for p in atlas.places.values()]
    text = "On 8 November 2020 troops took the town above Khankendi."
    found = only(extract_candidates(text, places, atlas.agreements.values(), dt.date(2021, 1, 1)))
    assert set(found.places) == {"khankendi", "shusha"}


@pytest.mark.parametrize(
    "text",
    [
        "Aliyev signed the order to build the airport in January.",
        "The head of state signed a decree on the new district in January.",
        "Указом Ильхама Алиева, подписанным в январе, объявлен новый праздник.",
    ],
)
def test_a_states_own_order_or_decree_signed_in_a_month_is_no_agreement_of_that_month(atlas, text):
    found = only(extract(atlas, text, dt.date(2021, 10, 26)))
    assert (found.date, found.agreements) == (dt.date(2021, 1, 1), ())
    # The same month names the agreement made in it when what was signed is one.
    statement = only(extract(atlas, "The leaders signed a statement in January.", dt.date(2021, 10, 26)))
    assert statement.agreements == ("statement-2021-01-11",)


@pytest.mark.parametrize(
    "text",
    [
        "Вторая карабахская война завершилась подписанием трехстороннего заявления 9 ноября 2020 года.",
        "The EU welcomes the ceasefire agreed between Armenia and Azerbaijan with the mediation of Russia on 9 November.",
    ],
)
def test_a_day_naming_an_agreement_the_atlas_dates_a_day_later_is_the_agreements_day(atlas, text):
    # The statement was signed around midnight of 9-10 November 2020; the atlas, and a reader, date it the 10th.
    found = only(extract(atlas, text, dt.date(2020, 11, 19)))
    assert (found.date, found.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))


def test_a_day_after_an_agreement_naming_it_is_its_own_day(atlas):
    # "14 January 2026" names the framework of the 13th (a day's slack), but it is the day the text came out.
    text = "On 14 January 2026 Armenia's foreign ministry published the text of the TRIPP framework."
    assert only(extract(atlas, text, dt.date(2026, 1, 20))).date == dt.date(2026, 1, 14)


def test_the_regulations_named_before_are_the_bare_polozhenie_approved_followed_or_opening_a_sentence(atlas):
    text = (
        "Армения и Азербайджан 30 августа 2024 года подписали положение о совместной деятельности комиссий. "
        "Правительство Армении одобрило положение 5 сентября. Согласно положению, комиссии опираются на "
        "Алма-Атинскую декларацию. Положение на границе остается напряженным с 12 сентября. "
        "Положение также предусматривает, что стороны подпишут договор о государственной границе."
    )
    signed, approved, provides, situation, provides_too = extract(atlas, text, dt.date(2024, 10, 23))
    regulations = ("delimitation-regulations-2024-08-30",)
    assert signed.agreements == approved.agreements == provides.agreements == regulations
    assert approved.date == dt.date(2024, 9, 5)
    assert situation.agreements == ()
    # Opening a sentence, its subject: what the regulations provide, on their day.
    assert (provides_too.date, provides_too.agreements) == (dt.date(2024, 8, 30), regulations)


@pytest.mark.parametrize(
    "text",
    [
        "The regulations on the commissions' joint activity, signed on August 30, were ratified by Armenia's "
        "parliament on October 23.",
        "Положение о совместной деятельности комиссий, подписанное 30 августа, было ратифицировано парламентом Армении "
        "23 октября.",
    ],
)
def test_an_agreement_described_by_its_signing_is_the_subject_of_the_verb_after_it(atlas, text):
    # The clause of its signing describes the subject; the verb after it tells what then happened to the same text.
    signed, ratified = extract(atlas, text, dt.date(2024, 12, 1))
    regulations = ("delimitation-regulations-2024-08-30",)
    assert (signed.date, signed.agreements) == (dt.date(2024, 8, 30), regulations)
    assert (ratified.date, ratified.agreements) == (dt.date(2024, 10, 23), regulations)


@pytest.mark.parametrize(
    "text",
    [
        "The conference opened in the Azerbaijani capital on 11 November and will continue until 22 November.",
        "Конференция открылась в азербайджанской столице 11 ноября и продлится до 22 ноября.",
    ],
)
def test_the_end_of_a_span_told_as_going_on_is_part_of_the_day_it_began(atlas, text):
    assert [c.date for c in extract(atlas, text, dt.date(2024, 11, 12))] == [dt.date(2024, 11, 11)]
    # Told alone, the end is the sentence's one day.
    assert [c.date for c in extract(atlas, "The mission will run until 19 February 2027.", dt.date(2025, 2, 20))] == [
        dt.date(2027, 2, 19)
    ]


def test_a_ratification_is_of_the_one_text_the_clauses_before_it_named(atlas):
    def dated(text: str) -> list[tuple[dt.date | None, tuple[str, ...]]]:
        return [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2024, 12, 1))]

    regulations = ("delimitation-regulations-2024-08-30",)
    text = (
        "The four villages passed to Azerbaijan on 24 May, and the regulations on the joint work of the commissions, "
        "signed on 30 August, were ratified by parliament on 23 October and approved by Aliyev later that month."
    )
    assert dated(text) == [
        (dt.date(2024, 5, 24), ()),
        (dt.date(2024, 8, 30), regulations),
        (dt.date(2024, 10, 23), regulations),
        (dt.date(2024, 10, 1), regulations),
    ]
    text = (
        "Положение о совместной деятельности комиссий по делимитации, подписанное 30 августа, 23 октября ратифицировал "
        "парламент Армении."
    )
    assert dated(text) == [(dt.date(2024, 8, 30), regulations), (dt.date(2024, 10, 23), regulations)]
    # Named by what they govern.
    text = "On Oct. 23 Armenia's parliament ratified regulations governing the commissions' joint work."
    assert dated(text) == [(dt.date(2024, 10, 23), regulations)]


def test_what_a_named_agreement_does_in_the_present_tense_is_what_it_provides(atlas):
    # An undated sentence is a candidate when it says what an agreement lays down, in any tense.
    text = (
        "The Karabakh Armenian authorities refuse, arguing that the 2020 ceasefire statement places the Lachin "
        "corridor under the control of Russian peacekeepers."
    )
    found = only(extract(atlas, text, dt.date(2023, 8, 17)))
    assert (found.date, found.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))
    assert "lachin-corridor" in found.places


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        (
            "The initialled peace treaty binds the two commissions, in Article VI, to negotiate a border agreement.",
            "peace-treaty-initialled-2025-08-08",
        ),
        (
            "В четвертом пункте Вашингтонской декларации Армения обязалась работать с США над маршрутом TRIPP.",
            "washington-2025-08-08",
        ),
    ],
)
def test_what_a_named_agreement_binds_a_side_to_is_what_it_provides(atlas, text, agreement):
    found = only(extract(atlas, text, dt.date(2025, 10, 28)))
    assert (found.date, found.agreements) == (dt.date(2025, 8, 8), (agreement,))


def test_a_numbered_article_of_the_initialled_text_is_the_treaty_named_before(atlas):
    text = (
        "The peace agreement initialled at the White House on 8 August 2025 has still to be signed. "
        "Article 7 of the initialled text bars either side from deploying forces of a third country along the "
        "common border."
    )
    _, article = extract(atlas, text, dt.date(2026, 2, 13))
    assert (article.date, article.agreements) == (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",))
    assert article.articles == (("peace-treaty-initialled-2025-08-08", "7"),)


def test_a_month_before_a_verb_of_meeting_names_no_meeting_of_that_month(atlas):
    # "встречались" is a verb: the ministers' meetings of October 2022 were not the leaders' Prague or Sochi meeting.
    text = "В октябре министры встречались дважды: 2 октября в Женеве и 14 октября в Астане."
    geneva, astana = extract(atlas, text, dt.date(2022, 11, 8))
    assert (geneva.date, geneva.agreements) == (dt.date(2022, 10, 2), ())
    assert (astana.date, astana.agreements) == (dt.date(2022, 10, 14), ())
    # The noun still names the meeting its day was held on.
    found = only(extract(atlas, "На встрече 6 октября в Праге лидеры договорились о миссии ЕС.", dt.date(2022, 11, 8)))
    assert found.agreements == ("prague-2022-10-06",)


def test_an_agreement_named_by_what_it_is_about_is_no_anaphor(atlas):
    framework = "13 января стороны опубликовали рамочный документ по TRIPP."
    text = (
        f"{framework} 9 февраля в Ереване он и Пашинян подписали соглашение о сотрудничестве в области атомной энергии."
    )
    _, nuclear = extract(atlas, text, dt.date(2026, 2, 16))
    assert (nuclear.date, nuclear.agreements) == (dt.date(2026, 2, 9), ())
    # The bare word still stands for the text named before.
    _, called = extract(atlas, f"{framework} 14 января Пашинян назвал это соглашение важным.", dt.date(2026, 2, 16))
    assert (called.date, called.agreements) == (dt.date(2026, 1, 14), ("tripp-framework-2026-01-13",))


def test_an_anaphor_dated_by_an_abbreviated_month_is_still_an_anaphor(atlas):
    signed = "The two neighbours signed regulations on the joint work of their border commissions on Aug. 30."
    for day in ("Sept. 5", "September 5", "5 September"):
        _, approved = extract(
            atlas, f"{signed} Armenia's government approved the regulations on {day}.", dt.date(2024, 9, 26)
        )
        assert (approved.date, approved.agreements) == (
            dt.date(2024, 9, 5),
            ("delimitation-regulations-2024-08-30",),
        ), day
    # "On" a subject is what the text is about: a name of its own, no anaphor.
    _, talks = extract(
        atlas, f"{signed} On Sept. 5 the ministers discussed the regulations on transit.", dt.date(2024, 9, 26)
    )
    assert talks.agreements == ()


def test_a_meeting_arranged_looks_ahead_in_any_tense(atlas):
    # "agreed to meet again … on 1 June" is an arrangement to come: the next 1 June after publication, not the last.
    for text in (
        "We agreed to meet again in Chisinau on 1 June, together with President Macron.",
        "The leaders have agreed to meet in Chisinau on 1 June.",
        "Лидеры договорились встретиться в Кишиневе 1 июня.",
        "Лидеры снова встретятся в Кишиневе 1 июня.",
    ):
        assert only(extract(atlas, text, dt.date(2023, 5, 14))).date == dt.date(2023, 6, 1), text
    # A meeting that was held stays in the past.
    assert only(extract(atlas, "The leaders met in Chisinau on 1 June.", dt.date(2023, 5, 14))).date == dt.date(
        2022, 6, 1
    )


def test_a_part_of_the_day_counted_from_the_day_before_it(atlas):
    # Reported speech: what was said on Monday happened the evening before; the speaking is not the event.
    text = (
        "A spokesman told a briefing on Monday that Azerbaijani troops had taken Gubadly in fighting the previous "
        "evening, though he called the situation not critical."
    )
    found = only(extract(atlas, text, dt.date(2020, 10, 26)))
    assert (found.date, found.places) == (dt.date(2020, 10, 25), ("gubadly",))
    # In a later clause of its own: a second event, the morning after.
    text = "Protesters blocked the road near Baghanis on April 19, and the protest spread to Kirants the next morning."
    assert [c.date for c in extract(atlas, text, dt.date(2024, 4, 23))] == [dt.date(2024, 4, 19), dt.date(2024, 4, 20)]
    # "накануне вечером" is the evening before the day of publication, as "накануне" alone is.
    text = "Представитель Минобороны заявил, что накануне вечером азербайджанские войска заняли Губадлы."
    assert only(extract(atlas, text, dt.date(2020, 10, 26))).date == dt.date(2020, 10, 25)
    # Within one clause, "the next morning" does not part it.
    text = "The leaders agreed on Friday to meet in Sochi the next morning."
    assert only(extract(atlas, text, dt.date(2021, 11, 27))).date == dt.date(2021, 11, 26)


def test_that_month_is_the_month_of_the_day_before_and_a_dated_clause_after_it_is_its_own(atlas):
    published = dt.date(2024, 6, 13)
    for text in (
        "The withdrawal began on April 17. That month the peacekeepers left their posts in Kalbajar district, "
        "including at the monastery, and on April 26 the monitoring centre in Aghdam ended its work.",
        "Вывод контингента начался 17 апреля. В том же месяце миротворцы покинули посты в Кельбаджарском районе, "
        "а 26 апреля центр в Агдаме завершил работу.",
    ):
        began, left, ended = extract(atlas, text, published)
        assert began.date == dt.date(2024, 4, 17)
        assert (left.date, left.date_precision, left.places) == (dt.date(2024, 4, 1), "month", ("kalbajar",))
        assert (ended.date, ended.date_precision, ended.places) == (dt.date(2024, 4, 26), "day", ("aghdam",))
    # Alone in its sentence, "that month" is still the month before it, not a day.
    text = "The withdrawal began on April 17. That month the peacekeepers left Kalbajar district."
    left = extract(atlas, text, published)[1]
    assert (left.date, left.date_precision) == (dt.date(2024, 4, 1), "month")
    # A part of that month is that part: "by the end of that month", "в конце того же месяца" (the 25th).
    for text in (
        "The withdrawal began on April 17. The peacekeepers had left Kalbajar district by the end of that month.",
        "Вывод начался 17 апреля. В конце того же месяца миротворцы покинули Кельбаджарский район.",
    ):
        left = extract(atlas, text, published)[1]
        assert (left.date, left.date_precision) == (dt.date(2024, 4, 25), "approximate"), text


def test_the_following_month_is_the_month_after_the_day_before(atlas):
    published = dt.date(2025, 2, 20)
    for text in (
        "A protocol fixed the line on April 19 last year, and the villages passed to Azerbaijani control the following "
        "month.",
        "The commissions fixed the line on April 19 last year. A month later the villages passed to Azerbaijan.",
        "Комиссии согласовали линию 19 апреля прошлого года, а месяц спустя села перешли под контроль Азербайджана.",
    ):
        fixed, passed = extract(atlas, text, published)
        assert fixed.date == dt.date(2024, 4, 19), text
        assert (passed.date, passed.date_precision) == (dt.date(2024, 5, 1), "month"), text
    # Across a year's end, and counted back.
    text = "The mission started on 20 December 2022. A month earlier the ministers had agreed to send it."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, published)] == [
        (dt.date(2022, 12, 20), "day"),
        (dt.date(2022, 11, 1), "month"),
    ]
    text = "The mission started on 20 December 2022. A month later it opened a second office."
    assert extract(atlas, text, published)[-1].date == dt.date(2023, 1, 1)
    # "Через месяц после …" counts from what follows it, not from the day before.
    text = "Армия вошла в Кельбаджар 25 ноября 2020 года, а через месяц после этого войска покинули Гадрут."
    assert len(extract(atlas, text, published)) == 1


def test_a_sentence_naming_an_agreement_by_its_month_is_a_candidate_dated_as_the_labels_read_it(tmp_path):
    # Made-up records: a meeting of March 2027 and a protocol of June 2027, known only from data/.
    atlas = _atlas_with_made_up_agreements(
        tmp_path,
        {
            "id": "zorvan-meeting-2027-03-05",
            "title": "Zorvan trilateral meeting",
            "date": "2027-03-05",
            "aliases": {"en": ["Zorvan meeting"], "ru": ["зорванская встреча"]},
        },
        {
            "id": "zorvan-protocol-2027-06-10",
            "title": "Zorvan border protocol",
            "date": "2027-06-10",
            "aliases": {"en": ["Zorvan protocol"], "ru": ["зорванский протокол"]},
        },
    )
    published = dt.date(2027, 9, 1)
    # What was done at a meeting named by its month is dated by that month, as written.
    for text in (
        "At our March meeting, the leaders asked their ministers to draft a treaty.",
        "На мартовской встрече лидеры поручили министрам подготовить договор.",
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision, found.agreements) == (
            dt.date(2027, 3, 1),
            "month",
            ("zorvan-meeting-2027-03-05",),
        ), text
    # What a text named by its month sets down takes the text's own day.
    for text in (
        "In the June protocol, the sides described the sections of the line.",
        "В июньском протоколе стороны описали участки линии.",
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, found.date_precision, found.agreements) == (
            dt.date(2027, 6, 10),
            "day",
            ("zorvan-protocol-2027-06-10",),
        ), text
    # A month no such agreement was made in names nothing, and the sentence, with no date, is no candidate.
    text = "At our February meeting, the leaders asked their ministers to draft a treaty."
    assert extract(atlas, text, published) == []


def test_what_the_document_of_a_meeting_confirms_is_a_candidate_dated_by_the_meeting(atlas):
    # Right after the report of a meeting, "The document also confirms …" says what its statement sets down.
    for text in (
        "Putin met Aliyev and Pashinyan in Sochi on Monday. The document also confirms mutual recognition of "
        "sovereignty.",
        "Путин в понедельник встретился в Сочи с Алиевым и Пашиняном. Документ также подтверждает взаимное "
        "признание суверенитета.",
    ):
        meeting, document = extract(atlas, text, dt.date(2022, 11, 1))
        assert meeting.agreements == ("sochi-2022-10-31",)
        assert (document.date, document.agreements) == (dt.date(2022, 10, 31), ("sochi-2022-10-31",)), text


def test_what_the_sides_agreed_in_a_meetings_statement_is_a_candidate_dated_by_the_meeting(atlas):
    # A statement adopted or signed at the meeting just told is the meeting's text (an official *makes* his own), and
    # what the sides agreed in it is what it sets down: a candidate of its own, dated by the meeting.
    for text in (
        "Putin hosted Aliyev and Pashinyan in Sochi on Monday. In the statement adopted after the meeting, the two "
        "leaders agreed to refrain from force.",
        "Путин в понедельник принял в Сочи Алиева и Пашиняна. По итогам встречи было принято совместное заявление, в "
        "котором стороны договорились отказаться от применения силы.",
        "Путин в понедельник принял в Сочи Алиева и Пашиняна. По итогам трехсторонней встречи подписано заявление, в "
        "котором лидеры договорились продолжить работу.",
        "Путин в понедельник принял в Сочи Алиева и Пашиняна. В принятом там заявлении лидеры условились отказаться "
        "от применения силы.",
    ):
        meeting, statement = extract(atlas, text, dt.date(2022, 11, 1))
        assert meeting.agreements == ("sochi-2022-10-31",), text
        assert (statement.date, statement.agreements) == (dt.date(2022, 10, 31), ("sochi-2022-10-31",)), text
        assert statement.date_note is not None and "date" in statement.low_confidence
    # An official's statement is not the meeting's, nor is what it regrets what an agreement says.
    for text in (
        "Putin hosted Aliyev and Pashinyan in Sochi on Monday. Later the ministry issued a statement in which it "
        "regretted the outcome.",
        "Путин в понедельник принял в Сочи Алиева и Пашиняна. Позднее МИД сделал заявление, в котором выразил "
        "сожаление.",
    ):
        assert [c.agreements for c in extract(atlas, text, dt.date(2022, 11, 1))] == [("sochi-2022-10-31",)], text
    # What the sides agreed or affirmed at a meeting the atlas holds as an agreement is what it says, dated by it.
    for text in (
        "Aliyev and Pashinyan met Charles Michel in Brussels on 22 May. At the Brussels talks the leaders also agreed "
        "on the principles of transit.",
        "Алиев и Пашинян встретились с Мишелем в Брюсселе 22 мая. На брюссельской встрече лидеры подтвердили "
        "приверженность Алма-Атинской декларации.",
    ):
        found = extract(atlas, text, dt.date(2022, 5, 24))
        assert [(c.date, c.agreements) for c in found] == [(dt.date(2022, 5, 22), ("brussels-2022-05-22",))] * 2, text
    # What the sides agreed in a statement the sentence names is what it says; what they discussed is not.
    met = "Алиев и Пашинян встретились с Мишелем 14 декабря. "
    text = met + "В брюссельском заявлении Мишеля стороны также договорились восстановить железнодорожное сообщение."
    found = extract(atlas, text, dt.date(2021, 12, 19))
    assert [(c.date, c.agreements) for c in found] == [(dt.date(2021, 12, 14), ("brussels-2021-12-14",))] * 2
    text = met + "В брюссельском заявлении Мишеля стороны также обсудили железнодорожное сообщение."
    assert len(extract(atlas, text, dt.date(2021, 12, 19))) == 1


def test_agreements_listed_by_their_dates_are_one_report_each(atlas):
    published = dt.date(2025, 11, 9)
    for text in (
        "The paper recalls the meetings held in Brussels, first on 14 December 2021 and then on 22 May 2022, and the "
        "Sochi statement of 31 October 2022, in which the sides renounced force.",
        "Эксперты сослались на заявления от 11 января и 26 ноября 2021 года, а также на встречу в Сочи 31 октября 2022 "
        "года.",
    ):
        found = extract(atlas, text, published)
        assert [(c.date, c.agreements) for c in found] == [
            (atlas.agreements[a].date, (a,))
            for a in (
                ("brussels-2021-12-14", "brussels-2022-05-22", "sochi-2022-10-31")
                if text.startswith("The")
                else ("statement-2021-01-11", "statement-2021-11-26", "sochi-2022-10-31")
            )
        ], text
    # An article number stays with the item it is cited with.
    first, second = extract(
        atlas,
        "Point 9 of the November 2020 ceasefire statement and the Moscow statement of 11 January 2021 both promised it.",
        published,
    )
    assert (first.agreements, first.articles) == (("statement-2020-11-10",), (("statement-2020-11-10", "9"),))
    assert (second.agreements, second.articles) == (("statement-2021-01-11",), ())


def test_agreements_listed_in_a_report_of_its_own_stay_that_reports(atlas):
    # A day of the sentence's own, or another agreement it speaks of ("the document"), makes the list what that one
    # is about: one candidate naming them all.
    for text, published in (
        ("On Monday the ministers discussed the statements of 10 November 2020 and 11 January 2021.", None),
        ("В понедельник министры обсудили заявления от 10 ноября 2020 года и 11 января 2021 года.", None),
        (
            "The leaders signed a statement in Sochi on 26 November 2021. The minister noted that the document "
            "confirms the commitments under the statements of 10 November 2020 and 11 January 2021.",
            dt.date(2021, 11, 28),
        ),
    ):
        found = extract(atlas, text, published or dt.date(2022, 3, 25))
        assert found[-1].agreements == ("statement-2020-11-10", "statement-2021-01-11"), text
        assert len([c for c in found if "statement-2021-01-11" in c.agreements]) == 1, text


def test_a_clause_opening_on_an_agreement_before_a_dated_clause_is_a_report_of_that_agreement(atlas):
    published = dt.date(2021, 1, 15)
    for text in (
        "The trilateral statement of 10 November 2020 gave Aghdam back to Azerbaijan, and troops entered the district "
        "on 20 November.",
        "Трехстороннее заявление от 10 ноября 2020 года вернуло Агдам Азербайджану, а 20 ноября войска вошли в район.",
    ):
        statement, entry = extract(atlas, text, published)
        assert (statement.date, statement.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",)), text
        assert (entry.date, entry.agreements) == (dt.date(2020, 11, 20), ()), text
    # An agreement in an aside is what the clause's subject came under, not what the clause tells.
    for text in (
        "Russian peacekeepers, deployed under the trilateral statement of 10 November 2020, kept to their posts; two "
        "of them were wounded on 20 November.",
        "Российские миротворцы, введенные по трехстороннему заявлению от 10 ноября 2020 года, остались на постах; двое "
        "из них были ранены 20 ноября.",
    ):
        assert [c.date for c in extract(atlas, text, published)] == [dt.date(2020, 11, 20)], text


def test_a_later_clause_telling_of_an_agreements_own_day_is_a_report_of_that_agreement(atlas):
    published = dt.date(2023, 12, 13)
    for text in (
        "Two villagers were detained in December 2020 near Hadrut, weeks after the trilateral statement of November 10 "
        "had stopped the fighting.",
        "The offensive began on 27 September 2020, and the trilateral statement signed on 10 November ended it.",
        "Двое жителей были задержаны в декабре 2020 года у Гадрута, через несколько недель после того, как "
        "трехстороннее заявление от 10 ноября остановило боевые действия.",
        # Told in the passive, and with a list of its signatories within its name.
        "Бои в Карабахе, возобновившиеся 27 сентября 2020 года, были прекращены трехсторонним заявлением лидеров "
        "России, Азербайджана и Армении от 9 ноября того же года.",
        "Two villagers were detained in October 2020 near Hadrut, three weeks before the trilateral statement signed "
        "by the leaders of Azerbaijan, Russia and Armenia on 10 November stopped the fighting.",
    ):
        first, statement = extract(atlas, text, published)
        assert first.agreements == (), text
        assert (statement.date, statement.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",)), text
    # So does one telling that the agreement was made: "agreed … under a ceasefire on Sept. 20".
    for text in (
        "Azerbaijan took back the region in an offensive last September, and the local fighters agreed to lay down "
        "their arms under a ceasefire on Sept. 20.",
        "Азербайджан вернул регион в ходе наступления в сентябре, и местные формирования согласились сложить оружие "
        "по соглашению о прекращении огня от 20 сентября.",
    ):
        offensive, ceasefire = extract(atlas, text, dt.date(2024, 3, 19))
        assert (offensive.date, offensive.agreements) == (dt.date(2023, 9, 1), ()), text
        assert (ceasefire.date, ceasefire.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",)), text
    # Named as what an act broke, the agreement stays with that act.
    for text in (
        "Troops took up new positions on 24 March 2022, in breach of the trilateral statement of 10 November 2020.",
        "Armenia accused Baku on 24 March 2022 of violating the trilateral statement of 10 November 2020.",
    ):
        (report,) = extract(atlas, text, published)
        assert (report.date, report.agreements) == (dt.date(2022, 3, 24), ("statement-2020-11-10",)), text
    # Or as what it followed: the signing in its name is no news of the day.
    text = (
        "Lachin was returned to Azerbaijan on 1 December 2020, under the trilateral statement signed by the leaders "
        "of Azerbaijan, Armenia and Russia on November 10, 2020."
    )
    (report,) = extract(atlas, text, published)
    assert (report.date, report.agreements) == (dt.date(2020, 12, 1), ("statement-2020-11-10",))


def test_a_clause_opening_on_what_a_point_of_an_agreement_provides_is_a_report_of_that_agreement(atlas):
    published = dt.date(2023, 9, 29)
    for text in (
        "Under point 6 of the trilateral statement of 10 November 2020 the Lachin corridor was to stay with the "
        "Russian peacekeepers, but on 23 April Azerbaijan put a checkpoint of its own on the Hakari bridge.",
        "По пункту 6 трехстороннего заявления от 10 ноября 2020 года Лачинский коридор оставался за российскими "
        "миротворцами, однако 23 апреля Азербайджан поставил свой пункт на мосту через Хакари.",
    ):
        provision, checkpoint = extract(atlas, text, published)
        assert (provision.date, provision.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",)), text
        assert (checkpoint.date, checkpoint.places) == (dt.date(2023, 4, 23), ("hakari-bridge-checkpoint",)), text


def test_an_agreement_named_with_the_year_it_was_made_gives_the_sentence_its_day(atlas):
    published = dt.date(2026, 2, 3)
    for text, agreement, day in (
        ("The framework rests on the Washington declaration of 2025.", "washington-2025-08-08", dt.date(2025, 8, 8)),
        # ("Рамочный документ" is now the TRIPP framework's own name, so this sentence's subject is another text.)
        ("Новый документ опирается на Пражское заявление 2022 года.", "prague-2022-10-06", dt.date(2022, 10, 6)),
    ):
        (found,) = extract(atlas, text, published)
        assert (found.date, found.date_precision, found.agreements) == (day, "day", (agreement,)), text
        assert found.date_note == DATE_NOTE_AGREEMENT, text
    # Another year is no name of it: the sentence has no day.
    assert extract(atlas, "The framework rests on the Washington declaration of 2024.", published) == []
    # Each in a clause of its own, named by its year or month: one report each.
    found = extract(
        atlas,
        "The Prague statement of 2022 first tied both sides to the Almaty declaration, and the joint statement of "
        "December 2023 was the first text the two capitals wrote alone.",
        published,
    )
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2022, 10, 6), ("prague-2022-10-06",)),
        (dt.date(2023, 12, 7), ("joint-statement-2023-12-07",)),
    ]


def test_a_continuing_sentence_naming_another_agreement_by_its_date_is_a_report_of_its_own(atlas):
    published = dt.date(2022, 4, 7)
    meeting, statement = extract(
        atlas,
        "The leaders met Charles Michel in Brussels on 6 April. Both leaders repeated that the trilateral statement "
        "of 9/10 November 2020 has to be observed in full.",
        published,
    )
    assert (meeting.date, statement.date) == (dt.date(2022, 4, 6), dt.date(2020, 11, 10))
    assert statement.agreements == ("statement-2020-11-10",)
    assert statement.sentence.startswith("Both leaders repeated")
    # A point of it carried out, or several agreements the talks went over, are what the report was about.
    for text in (
        "Путин, Алиев и Пашинян встретились в Москве 11 января 2021 года. По итогам встречи лидеры подписали "
        "заявление о создании рабочей группы по реализации пункта 9 заявления от 10 ноября 2020 года.",
        "The leaders met in Brussels on 14 December 2021. The leaders discussed the commitments taken in the "
        "statements of 9 November 2020, 11 January 2021 and 26 November 2021.",
    ):
        assert len(extract(atlas, text, dt.date(2022, 1, 12))) == 1, text


def test_in_a_text_without_a_publication_date_a_year_written_with_in_dates_the_rest_of_its_sentence(atlas):
    text = (
        "The leaders signed a statement in Sochi on 26 November 2021. In 2022 the Brussels format met again on 6 April "
        "and 22 May. The 1991 Alma-Ata Declaration was cited when they met in Sochi on 31 October."
    )
    found = extract(atlas, text, None)
    assert [c.date for c in found] == [
        dt.date(2021, 11, 26),
        dt.date(2022, 4, 6),
        dt.date(2022, 5, 22),
        dt.date(2022, 10, 31),  # the story's year, not the declaration's
    ]


def test_a_day_in_a_clause_naming_where_an_agreement_of_that_day_was_made_names_it(atlas):
    found = extract(
        atlas,
        "The commissions' result builds on the work the two leaders endorsed in Prague on 6 October 2022 and in "
        "Brussels on 14 May and 15 July 2023.",
        dt.date(2024, 4, 20),
    )
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2022, 10, 6), ("prague-2022-10-06",)),
        (dt.date(2023, 5, 14), ("brussels-2023-05-14",)),
        (dt.date(2023, 7, 15), ("brussels-2023-07-15",)),
    ]
    # Another day at the venue, or the day somewhere else, is no agreement.
    for text in (
        "Protesters gathered in Prague on 7 October 2022.",
        "Protesters gathered in Vienna on 6 October 2022.",
    ):
        assert [c.agreements for c in extract(atlas, text, dt.date(2024, 4, 20))] == [()], text


def test_a_sentence_opening_on_where_the_meeting_just_told_was_held_tells_of_its_agreement(atlas):
    published = dt.date(2022, 11, 1)
    for text in (
        "The leaders met in Prague on October 6 with Emmanuel Macron. In Prague, the two countries confirmed their "
        "commitment to the 1991 Alma-Ata Declaration.",
        "Лидеры встретились в Праге 6 октября. В Праге стороны подтвердили приверженность Алма-Атинской декларации "
        "1991 года.",
    ):
        meeting, confirmed = extract(atlas, text, published)
        assert confirmed.sentence.startswith(("In Prague", "В Праге")), text
        assert (confirmed.date, confirmed.agreements) == (dt.date(2022, 10, 6), ("prague-2022-10-06",)), text
    # Somewhere the sentence before named no agreement of, or a sentence too far on, is no report of it.
    for text in (
        "The leaders met in Prague on October 6. In Sochi, the weather was mild.",
        "The leaders met in Prague on October 6. Macron spoke of Europe. In Prague, the mood was calm.",
    ):
        assert len(extract(atlas, text, published)) == 1, text


def test_a_sentence_opening_on_a_venue_where_the_sides_agreed_tells_of_the_latest_agreement_made_there(atlas):
    # No sentence before names it: what the sides agreed or confirmed there is of the agreement made there by then.
    text = "In Prague, the two leaders confirmed their commitment to the 1991 Alma-Ata Declaration."
    found = only(extract(atlas, text, dt.date(2022, 11, 8)))
    assert (found.date, found.agreements) == (dt.date(2022, 10, 6), ("prague-2022-10-06",))
    # Two were made in Sochi: the latest by the publication.
    text = "В Сочи Пашинян, Алиев и Путин договорились не применять силу."
    assert only(extract(atlas, text, dt.date(2022, 11, 8))).agreements == ("sochi-2022-10-31",)
    assert only(extract(atlas, text, dt.date(2022, 1, 10))).agreements == ("statement-2021-11-26",)
    # Two were made in Washington the same day: the venue cannot say which.
    text = "In Washington, the two leaders agreed to open the Trump Route."
    assert all(c.agreements == () for c in extract(atlas, text, dt.date(2025, 9, 1)))
    # Nothing agreed there, or nothing made there yet, is no report of an agreement.
    assert extract(atlas, "In Prague, the two leaders walked through the old town.", dt.date(2022, 11, 8)) == []
    assert extract(atlas, "In Prague, the two leaders confirmed their commitment.", dt.date(2022, 9, 1)) == []


def test_by_looks_ahead_only_before_a_time_not_before_whoever_did_something(atlas):
    published = dt.date(2022, 4, 7)
    (past,) = extract(
        atlas,
        "It was their second meeting hosted by Michel, after their first talks in Brussels in December.",
        published,
    )
    assert (past.date, past.date_precision) == (dt.date(2021, 12, 1), "month")
    for text, day in (
        ("The border commission is to be convened by the end of April.", dt.date(2022, 4, 25)),
        ("Lachin must be handed over by Dec. 1, Baku said on Monday.", dt.date(2022, 12, 1)),
        ("Prisoners are to be freed by 15 January, the ministry said on Monday.", dt.date(2023, 1, 15)),
    ):
        assert extract(atlas, text, dt.date(2022, 7, 20) if day.month != 4 else published)[0].date == day, text


def test_what_may_yet_happen_in_a_month_is_this_years_month(atlas):
    published = dt.date(2023, 7, 15)
    for text in (
        "В октябре лидеры могут встретиться в Гранаде вместе с Макроном.",
        "The leaders could sign the text in Granada in October.",
    ):
        assert [(c.date, c.date_precision) for c in extract(atlas, text, published)] == [
            (dt.date(2023, 10, 1), "month")
        ], text
    # Told as done, it is last year's.
    assert extract(atlas, "В октябре лидеры встретились в Гранаде.", published)[0].date == dt.date(2022, 10, 1)


def test_in_a_text_without_a_publication_date_a_day_written_with_its_year_dates_the_days_after_it(atlas):
    text = (
        "Talks opened in Brussels on 14 May 2024. The treaty text, agreed on 13 March 2025, was initialled at the "
        "White House on 8 August. The sides, citing the statement of 10 November 2020, met again on 6 October."
    )
    found = extract(atlas, text, None)
    assert [(c.date, c.agreements) for c in found[1:]] == [
        # The treaty is described by the day its wording was agreed (round 165).
        (dt.date(2025, 3, 13), ("peace-treaty-initialled-2025-08-08",)),
        (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",)),
        # A year in an agreement's name is not when the sentence happens: the story's year is.
        (dt.date(2025, 10, 6), ("statement-2020-11-10",)),
    ]


def test_a_fronted_clause_telling_what_an_agreement_did_is_a_report_of_it(atlas):
    published = dt.date(2022, 11, 5)
    for text, day in (
        (
            "After the Prague statement of 6 October 2022 anchored delimitation in the Alma-Ata Declaration, Vladimir "
            "Putin brought the two leaders back to Sochi on 31 October.",
            dt.date(2022, 10, 31),
        ),
        (
            "После того как заявление от 9 ноября 2020 года остановило войну, 20 ноября войска вошли в Агдам.",
            dt.date(2020, 11, 20),
        ),
    ):
        agreement, event = extract(atlas, text, published if day.year == 2022 else dt.date(2021, 1, 15))
        assert agreement.date == atlas.agreements[agreement.agreements[0]].date, text
        assert agreement.agreements in (("prague-2022-10-06",), ("statement-2020-11-10",)), text
        assert event.date == day and agreement.agreements[0] not in event.agreements, text
    # A bare name is when, not what the agreement did: one report.
    text = "After the statement of 26 November 2021, troops pulled back from the border on 1 December."
    assert [(c.date, c.agreements) for c in extract(atlas, text, published)] == [
        (dt.date(2021, 12, 1), ("statement-2021-11-26",))
    ]


def test_a_weekday_the_sentence_looks_ahead_to_is_the_coming_one(atlas):
    published = dt.date(2023, 4, 24)  # a Monday
    for text in (
        "Pashinyan is expected to address the government session on Thursday.",
        "Вице-премьеры встретятся на границе в четверг.",
        "Representatives are due to meet officials on Thursday in Yevlakh.",
    ):
        assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 4, 27)], text
    # Said on the day, the day is past, even with what will come before it.
    text = "Talks will resume soon, the ministry said on Thursday."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 4, 20)]


def test_kazakh_grain_is_from_kazakhstan_not_the_gazakh_district(atlas):
    published = dt.date(2025, 11, 10)
    text = "A train of Kazakh wheat reached Armenia through Azerbaijan on Saturday."
    assert [c.places for c in extract(atlas, text, published)] == [()]
    text = "Four villages of the Kazakh district were handed back on 24 May 2024."
    assert [c.places for c in extract(atlas, text, published)] == [("gazakh", "tavush-gazakh-border")]


def test_the_aghband_bridge_is_the_araz_route_in_any_spelling(atlas):
    for text in (
        "Baku said on 23 February 2026 that the Aghband-Kalaleh bridge was finished.",
        "Azerbaijan laid the foundation of the Aghband bridge on 6 October 2023.",
        "6 октября 2023 года заложен фундамент Агбендского моста.",
    ):
        assert [c.places for c in extract(atlas, text, dt.date(2026, 3, 1))] == [("aras-route-iran",)], text


def test_a_relative_clause_with_a_day_of_its_own_after_what_an_agreement_did_is_another_report(atlas):
    text = (
        "The Moscow statement of 11 January 2021 handed the details to a working group of three deputy prime "
        "ministers, which first met on 30 January."
    )
    found = extract(atlas, text, dt.date(2021, 2, 5))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2021, 1, 11), ("statement-2021-01-11",)),
        (dt.date(2021, 1, 30), ()),
    ]
    text = "The statement, signed on the night of November 9 to 10, ended the war that had begun on September 27."
    assert [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2020, 12, 1))] == [
        (dt.date(2020, 11, 10), ("statement-2020-11-10",)),
        (dt.date(2020, 9, 27), ()),
    ]
    # What the agreement provides, a relative clause included, is one provision.
    text = "Документ предусматривает создание рабочей группы, которая проведет первое заседание до 30 января."
    assert len(extract(atlas, text, dt.date(2021, 1, 12))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Рабочая группа была создана по заявлению лидеров от 11 января 2021 года и впервые собралась 30 января того же года.",
        "Заявлением лидеров от 11 января 2021 года была создана рабочая группа, первое заседание которой прошло 30 января.",
        "Для этого по Московскому заявлению от 11 января 2021 года была создана группа, которая собралась 30 января 2021 года.",
        "The working group was set up under the statement of 11 January 2021 and first met on 30 January 2021.",
    ],
)
def test_what_an_agreement_made_in_a_clause_of_its_own_is_another_report(atlas, text):
    # The passive "was set up under", "была создана по": the agreement need not open the clause.
    assert [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2022, 2, 22))] == [
        (dt.date(2021, 1, 11), ("statement-2021-01-11",)),
        (dt.date(2021, 1, 30), ()),
    ]


def test_a_group_an_agreement_made_named_in_passing_is_one_report(atlas):
    text = "Deputy prime ministers met on Saturday for the first session of a working group set up by the January 11 statement."
    assert [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2021, 1, 30))] == [
        (dt.date(2021, 1, 30), ("statement-2021-01-11",))
    ]


def test_spellings_outlets_of_both_sides_use_name_the_places(atlas):
    published = dt.date(2023, 9, 25)
    for spelling, place in (
        ("Khankandi", "khankendi"),
        ("Kelbadjar", "kalbajar"),
        ("Mekhakavan", "jabrayil"),
        ("Sanasar", "gubadly"),
        ("Garabagh", "karabakh"),
        ("the Hakari checkpoint", "hakari-bridge-checkpoint"),
        ("the Meghri corridor", "nakhchivan-link"),
        ("the Zangazur corridor", "nakhchivan-link"),
        ("the Azerbaijan-Armenia border", "armenia-azerbaijan-border"),
        ("the Russian peacekeepers' zone", "peacekeeping-zone"),
    ):
        text = f"Officials reported shooting near {spelling} on Sunday."
        assert [c.places for c in extract(atlas, text, published)] == [(place,)], spelling
    for spelling, place in (
        ("Аскеране", "khojaly"),
        ("Зангезуре", "syunik"),
        ("Варанде", "fuzuli"),
        ("Акне", "aghdam"),
        ("Ковсакане", "zangilan"),
        ("НКР", "karabakh"),
    ):
        text = f"В воскресенье в {spelling} была слышна стрельба."
        assert [c.places for c in extract(atlas, text, published)] == [(place,)], spelling


def test_a_meeting_described_by_its_venue_is_none_made_after_the_sentences_time(atlas):
    text = "In July 2024 Blinken met the two ministers at the NATO summit in Washington and said a deal was close."
    for published in (None, dt.date(2026, 1, 20)):
        assert only(extract(atlas, text, published)).agreements == (), published
    # At the agreement's time, the venue names it.
    text = "On 8 August 2025 the two leaders met at the summit in Washington."
    assert only(extract(atlas, text, dt.date(2026, 1, 20))).agreements == ("washington-2025-08-08",)


def test_a_month_and_the_venue_name_all_the_agreements_made_there_that_month(atlas):
    published = dt.date(2025, 11, 10)
    for text, agreements in (
        (
            "The minister said the deliveries became possible because of the documents signed at the White House in "
            "August.",
            ("peace-treaty-initialled-2025-08-08", "washington-2025-08-08"),
        ),
        ("The minister praised the declaration signed at the White House in August.", ("washington-2025-08-08",)),
    ):
        (found,) = extract(atlas, text, published)
        assert (found.date, found.date_precision, found.agreements) == (dt.date(2025, 8, 1), "month", agreements)


@pytest.mark.parametrize(
    ("text", "agreements"),
    [
        ("The decisive step came at the White House on 8 August 2025.", ("washington-2025-08-08",)),
        (
            "Стороны опираются на договоренности, достигнутые 8 августа 2025 года в Вашингтоне.",
            ("washington-2025-08-08",),
        ),
        # A kind of text written with the day picks that text; "the documents" are all of them.
        (
            "On 8 August 2025 the foreign ministers initialled the text at the White House.",
            ("peace-treaty-initialled-2025-08-08",),
        ),
        (
            "The documents signed at the White House on 8 August 2025 opened the border.",
            ("peace-treaty-initialled-2025-08-08", "washington-2025-08-08"),
        ),
    ],
)
def test_a_day_named_with_no_kind_of_text_is_the_meetings_own_text_not_one_only_initialled_there(
    atlas, text, agreements
):
    assert only(extract(atlas, text, dt.date(2026, 1, 20))).agreements == agreements


def test_an_indefinite_kind_word_with_two_words_before_it_is_a_new_text_not_one_a_place_describes(atlas):
    text = (
        "On Tuesday Armenia asked Russia for help under a 1997 friendship treaty and appealed to the Moscow-led "
        "security bloc."
    )
    assert [c.agreements for c in extract(atlas, text, dt.date(2022, 9, 15))] == [()]


def test_a_year_written_with_in_dates_the_year_less_dates_after_it_in_a_dated_text_too(atlas):
    text = "In 2020 Azerbaijan retook most of the districts in a six-week war that ended in November."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, dt.date(2022, 9, 15))] == [
        (dt.date(2020, 11, 1), "month")
    ]
    # A year that names something, or one in a clause of its own, is not when the rest happens.
    for text in (
        "The sides cited the 1991 Alma-Ata Declaration when they met in Brussels on 31 August.",
        "Officials discussed the statements signed after the war in 2020, the ministry reported on 31 August.",
    ):
        assert [c.date for c in extract(atlas, text, dt.date(2022, 9, 15))] == [dt.date(2022, 8, 31)], text
    # A year said with its month does not take a later year-less month back before that month.
    text = "The leaders reviewed events since their talks in December 2021 and the video call with Macron in February."
    assert [c.date for c in extract(atlas, text, dt.date(2022, 4, 7))] == [dt.date(2021, 12, 1), dt.date(2022, 2, 1)]
    # A season of the year dates what follows too, through a phrase of time or a relative clause after a comma.
    for text in (
        "The leaders were detained in autumn 2023, after the one-day offensive of 19 September.",
        "Руководителей задержали осенью 2023 года, после однодневной операции 19 сентября.",
        "Руководителей задержали в 2023 году, после операции, по итогам которой власти 19 сентября сложили оружие.",
    ):
        assert [c.date for c in extract(atlas, text, dt.date(2026, 2, 5))] == [dt.date(2023, 9, 19)], text


def test_yesterday_beside_a_date_is_that_date_and_last_or_next_tuesday_on_a_tuesday_is_a_week_off(atlas):
    text = "Накануне, 15 ноября, Пашинян заявил на заседании Совета безопасности о вторжении."
    assert [c.date for c in extract(atlas, text, dt.date(2021, 11, 17))] == [dt.date(2021, 11, 15)]
    # So is "a year ago today" beside the dates it gives, a range too.
    text = "Ровно год назад, 28-29 февраля 2024 года, министры провели двухдневный раунд переговоров в Берлине."
    found = only(extract(atlas, text, dt.date(2025, 2, 28)))
    assert (found.date, found.date_precision) == (dt.date(2024, 2, 28), "range")
    published = dt.date(2023, 9, 26)  # a Tuesday
    for text in ("Residents left Stepanakert last Tuesday.", "В минувший вторник жители покинули Степанакерт."):
        assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 9, 19)], text
    assert [c.date for c in extract(atlas, "Residents left Stepanakert on Tuesday.", published)] == [published]
    # "Next Tuesday" in a Tuesday's paper is a week on, as "last Tuesday" is a week ago.
    text = "Aliyev and Pashinyan are due to meet in Brussels next Tuesday."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 10, 3)]


def test_another_agreement_made_the_same_day_in_a_clause_of_its_own_is_another_report(atlas):
    text = (
        "The route was the centrepiece of the joint declaration that Aliyev and Pashinyan signed at the White House "
        "on Aug. 8, and their foreign ministers initialled a peace treaty the same day."
    )
    assert [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2026, 2, 10))] == [
        (dt.date(2025, 8, 8), ("washington-2025-08-08",)),
        (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",)),
    ]
    # The same agreement told on in that clause is the same report.
    text = "The leaders signed the joint declaration on Aug. 8, and Trump praised the declaration the same day."
    assert len(extract(atlas, text, dt.date(2026, 2, 10))) == 1
    # A day names every text made on it: the clause before names the treaty by its day only, not by name.
    text = (
        "The document signed at the White House on 8 August 2025 was witnessed by Donald Trump, and the foreign "
        "ministers initialled the peace treaty the same day."
    )
    found = extract(atlas, text, dt.date(2025, 12, 1))
    assert [(c.date, c.agreements) for c in found][1:] == [
        (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",))
    ]


def test_two_texts_made_on_one_day_by_two_subjects_are_two_reports(atlas):
    texts = (
        "On 8 August 2025 the leaders signed a joint declaration and their foreign ministers initialled the text of a "
        "peace agreement.",
        "That day the two leaders signed a joint declaration, and their foreign ministers initialled the Agreement on "
        "the Establishment of Peace.",
        "On 8 August 2025 the leaders signed a joint declaration, while their foreign ministers initialled the peace "
        "treaty.",
        # The day written only in the meeting's name.
        "The thaw follows the Aug. 8 summit at the White House, where the leaders signed a joint declaration and their "
        "foreign ministers initialled a peace treaty.",
    )
    for text in texts:
        found = extract(atlas, "The joint appeal was sent on 8 August 2025. " + text, dt.date(2025, 9, 1))[-2:]
        assert [(c.date, c.agreements) for c in found] == [
            (dt.date(2025, 8, 8), ("washington-2025-08-08",)),
            (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",)),
        ], text
    # One subject making two texts, or a second clause that makes nothing, is one report.
    for text in (
        "On 8 August 2025 the leaders signed a joint declaration and a peace treaty.",
        "On 8 August 2025 the leaders signed a joint declaration and the peace treaty was praised.",
    ):
        assert len(extract(atlas, text, dt.date(2025, 9, 1))) == 1, text


def test_a_list_of_places_each_with_its_deadline_keeps_each_place_with_its_day(atlas):
    text = (
        "Jabrayil fell on 4 October 2020. The fall of Shusha on 8 November decided the war. The trilateral statement "
        "signed two days later listed the districts Armenia had to hand back: Kalbajar, which Armenians call "
        "Karvachar, by 15 November, Aghdam, or Akna, by 20 November, and Lachin, whose main town Armenians call "
        "Berdzor, by 1 December."
    )
    statement = ("statement-2020-11-10",)
    # Published in 2026: the story's 2020, carried from sentence to sentence, dates the list, not the publication.
    assert [(c.date, c.places, c.agreements) for c in extract(atlas, text, dt.date(2026, 3, 2))][2:] == [
        (dt.date(2020, 11, 10), (), statement),
        (dt.date(2020, 11, 15), ("kalbajar",), statement),
        (dt.date(2020, 11, 20), ("aghdam",), statement),
        (dt.date(2020, 12, 1), ("lachin",), statement),
    ]
    # A list of places before a later clause's day is not an item of its own.
    text = (
        "When Azerbaijani forces took Jabrayil on 4 October 2020, Armenian officials still spoke of Jrakan, and the "
        "same was true of Fuzuli (Varanda), Zangilan (Kovsakan) and Gubadly (Kashunik), all taken by the end of that "
        "month."
    )
    assert [c.places for c in extract(atlas, text, dt.date(2026, 3, 2))] == [
        ("jabrayil",),
        ("fuzuli", "zangilan", "gubadly"),
    ]


def test_a_month_opening_a_sentence_frames_its_days(atlas):
    text = (
        "The road has a short history. In August 2022 the route changed: Berdzor, Aghavno and Nerkin Sus passed under "
        "Azerbaijani control on August 26, and from the evening of August 30 traffic moved to a new road."
    )
    # Without a publication date, the days are in the month's year, and the month is no report of its own.
    assert [(c.date, c.places) for c in extract(atlas, text, None)] == [
        (dt.date(2022, 8, 26), ("lachin", "aghavno")),
        (dt.date(2022, 8, 30), ("lachin-road-2022",)),
    ]
    # "The war of 2020, which began on September 27": the clause is about what the year dated.
    # So is "The 2020 war, which began on Sept. 27", with the year before what it names.
    for text in (
        "The 44-day war of 2020, which began on September 27, ended with the trilateral statement.",
        "The 2020 war, which began on Sept. 27, ended with the trilateral statement.",
        "The 2020 Karabakh war, which began on Sept. 27, ended with the trilateral statement.",
    ):
        assert extract(atlas, text, dt.date(2024, 11, 20))[0].date == dt.date(2020, 9, 27), text
    # "Last month …: …" frames the days after its colon; without the colon, the month and the day are two reports.
    text = "Last month the road was cut: soldiers closed the Goris-Kapan section on August 25."
    assert [c.date for c in extract(atlas, text, dt.date(2021, 9, 15))] == [dt.date(2021, 8, 25)]
    text = "В январе семьи выехали из Агдама в Ходжалы, а 16 января из Гарадагского района в Джебраил."
    assert [c.date for c in extract(atlas, text, dt.date(2025, 9, 12))] == [dt.date(2025, 1, 1), dt.date(2025, 1, 16)]
    # A month later in the sentence is an event of its own.
    text = "The monitors deployed in October 2022, after Armenia agreed in Prague on 6 October 2022 to host them."
    assert [c.date for c in extract(atlas, text, dt.date(2024, 7, 22))] == [dt.date(2022, 10, 1), dt.date(2022, 10, 6)]


def test_what_a_russian_statement_provided_in_the_perfective_is_what_it_provides(atlas):
    text = (
        "Трехстороннее заявление от 10 ноября 2020 года обязало Армению вернуть Кельбаджарский район до 15 ноября. "
        "Заявлением также предусмотрено строительство нового маршрута по Лачинскому коридору."
    )
    assert [(c.date, c.places, c.agreements) for c in extract(atlas, text, dt.date(2020, 11, 11))][1:] == [
        (dt.date(2020, 11, 10), ("lachin-corridor",), ("statement-2020-11-10",))
    ]


def test_a_list_item_repeating_the_first_items_words_counts_from_it(atlas):
    text = "О взятии Физули Баку объявил 17 октября прошлого года, о взятии Зангилана - три дня спустя."
    assert [(c.date, c.places) for c in extract(atlas, text, dt.date(2021, 7, 4))] == [
        (dt.date(2020, 10, 17), ("fuzuli",)),
        (dt.date(2020, 10, 20), ("zangilan",)),
    ]
    text = "Baku announced the capture of Fuzuli on 17 October, and of Zangilan three days later."
    assert [(c.date, c.places) for c in extract(atlas, text, dt.date(2020, 11, 1))] == [
        (dt.date(2020, 10, 17), ("fuzuli",)),
        (dt.date(2020, 10, 20), ("zangilan",)),
    ]


def test_deployed_since_an_agreement_is_what_it_provides(atlas):
    text = (
        "Russian peacekeepers have been deployed in Nagorno-Karabakh and along the Lachin corridor since the "
        "Moscow-brokered deal that ended the 2020 war."
    )
    assert [(c.date, c.places, c.agreements) for c in extract(atlas, text, dt.date(2022, 10, 27))] == [
        (dt.date(2020, 11, 10), ("karabakh", "lachin-corridor"), ("statement-2020-11-10",))
    ]


def test_a_point_pointed_back_to_is_of_the_agreement_named_before(atlas):
    text = (
        "Пункт 9 заявления от 9 ноября 2020 года касается транспортных связей. Согласно этому пункту, контроль за "
        "сообщением с Нахичеванской Автономной Республикой осуществляют органы Пограничной службы ФСБ России."
    )
    found = extract(atlas, text, dt.date(2026, 1, 29))
    assert [(c.date, c.places, c.agreements) for c in found][-1] == (
        dt.date(2020, 11, 10),
        ("nakhchivan",),
        ("statement-2020-11-10",),
    )
    # A promise of something is a noun, not what a text provides.
    text = "The statement of 9 November 2020 named the route. Baku reads the same point as a promise of free transit."
    assert len(extract(atlas, text, dt.date(2025, 6, 1))) == 1


def test_another_act_the_same_day_in_a_clause_of_its_own_is_another_report(atlas):
    april_17 = dt.date(2024, 4, 17)
    text = "On April 17, Hikmet Hajiyev announced that the withdrawal had begun, and Peskov confirmed it the same day."
    assert [c.date for c in extract(atlas, text, dt.date(2024, 4, 23))] == [april_17, april_17]
    text = (
        "О начале вывода 17 апреля объявил помощник президента Хикмет Гаджиев, в тот же день пресс-секретарь "
        "Дмитрий Песков ответил журналистам, что это так."
    )
    assert [c.date for c in extract(atlas, text, dt.date(2024, 6, 12))] == [april_17, april_17]
    # A pasted text may hold a no-break space after the comma.
    nbsp = text.replace("Гаджиев, в тот", "Гаджиев,\u00a0в тот")
    assert [c.date for c in extract(atlas, nbsp, dt.date(2024, 6, 12))] == [april_17, april_17]
    # So does "the same morning" opening a clause with a subject of its own: each act has its place.
    text = "Sotk lost a soldier to fire on 23 April 2023, the same morning Azerbaijan put a checkpoint on the Hakari bridge."
    found = extract(atlas, text, dt.date(2024, 1, 10))
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2023, 4, 23), ("sotk",)),
        (dt.date(2023, 4, 23), ("hakari-bridge-checkpoint",)),
    ]
    # Said the same day, set off by a bare comma, is when the words were said: one report.
    text = "On Wednesday morning Azerbaijani forces resumed shelling towards Jermuk, the ministry said the same day."
    assert [c.date for c in extract(atlas, text, dt.date(2022, 9, 15))] == [dt.date(2022, 9, 14)]


def test_days_counted_back_to_an_agreement_named_by_its_date_are_a_report_of_that_agreement(atlas):
    text = (
        "The road through the Lachin corridor was opened on Sunday, four days after the fighting stopped under the "
        "ceasefire of September 20."
    )
    assert [(c.date, c.agreements, c.places) for c in extract(atlas, text, dt.date(2023, 9, 26))] == [
        (dt.date(2023, 9, 24), (), ("lachin-corridor",)),
        (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",), ()),
    ]


def test_days_counted_back_to_a_signing_are_that_agreements_own_day(atlas):
    text = (
        "The ministers signed a memorandum on November 11, two days after the leaders of Azerbaijan, Armenia and "
        "Russia signed the statement that ended the war."
    )
    found = extract(atlas, text, dt.date(2021, 1, 30))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2020, 11, 11), ()),  # a memorandum, which is none of the atlas's agreements
        (dt.date(2020, 11, 10), ("statement-2020-11-10",)),
    ]
    text = "Министры обороны подписали меморандум о создании центра мониторинга 11 ноября."
    assert only(extract(atlas, text, dt.date(2020, 11, 20))).agreements == ()


@pytest.mark.parametrize(
    "text",
    [
        "The centre was set up under a memorandum signed by the Russian and Turkish defence ministers on 11 November 2020.",
        "The centre opened on 30 January 2021 under a memorandum that Türkiye and Russia signed on 11 November 2020.",
    ],
)
def test_a_memorandum_named_before_a_list_or_a_relative_clause_is_none_of_the_atlass(atlas, text):
    found = extract(atlas, text, dt.date(2024, 6, 12))
    assert (dt.date(2020, 11, 11), ()) in [(c.date, c.agreements) for c in found]
    assert all(c.agreements == () for c in found)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "President Ilham Aliyev signed an order on the composition of the State Commission, headed by Shahin "
            "Mustafayev, on May 23.",
            "2022-05-24",
        ),
        (
            "Меморандум о создании центра подписали министры обороны России и Турции Сергей Шойгу и Хулуси Акар "
            "11 ноября, на следующий день после прекращения боевых действий.",
            "2021-02-28",
        ),
    ],
)
def test_an_order_or_memorandum_described_at_length_before_its_day_is_none_of_the_atlass(atlas, text, published):
    # The day after the Brussels meeting of 22 May 2022, the day after the statement of 10 November 2020: a text
    # signed then is the order or the memorandum, whatever stands between its name and its day.
    assert only(extract(atlas, text, dt.date.fromisoformat(published))).agreements == ()


def test_a_truce_begun_on_a_day_that_is_no_agreements_is_a_new_one(atlas):
    for text, published in (
        ("The truce had been in force since 20:00 on Wednesday, the security council secretary said.", "2022-09-15"),
        ("Перемирие, установленное во вторник вечером, в целом соблюдается, сообщили в среду.", "2021-11-17"),
        # Named by a day that is no agreement's: another truce.
        ("Erdogan also welcomed the June 24 ceasefire between two other states.", "2025-07-04"),
        ("Стороны приветствовали перемирие от 24 июня между двумя другими странами.", "2025-07-04"),
    ):
        (found,) = extract(atlas, text, dt.date.fromisoformat(published))
        assert found.agreements == (), text
    # Begun on the agreement's day, it is that agreement; held later, the one in force.
    text = "The truce brokered by Moscow on 10 November 2020 took effect at midnight."
    assert extract(atlas, text, dt.date(2020, 11, 12))[0].agreements == ("statement-2020-11-10",)
    text = "The truce held on Monday, officials said."
    assert extract(atlas, text, dt.date(2021, 3, 2))[0].agreements == ("statement-2020-11-10",)
    text = "The November 10 truce held on Monday, officials said."
    assert extract(atlas, text, dt.date(2020, 11, 20))[0].agreements == ("statement-2020-11-10",)


def test_a_truce_in_a_sentence_of_years_before_the_agreements_is_that_times_even_after_one_was_named(atlas):
    text = (
        "The trilateral statement of 10 November 2020 ended the war. "
        "Перемирие, заключённое в мае 1994 года, продержалось до 2020 года."
    )
    found = extract(atlas, text, None)
    assert [c.agreements for c in found] == [("statement-2020-11-10",), ()]
    # A text negotiated long before it was made is still the one meant: "the draft treaty" of a sentence of 2024.
    for text in (
        "The peace treaty was initialled on 8 August 2025. In March 2024 the two sides exchanged comments on the draft "
        "treaty.",
        "Договор был парафирован 8 августа 2025 года. 13 марта 2025 года МИД объявил о завершении согласования текста "
        "договора.",
    ):
        assert [c.agreements for c in extract(atlas, text, None)][1] == ("peace-treaty-initialled-2025-08-08",), text


@pytest.mark.parametrize(
    "text",
    [
        "A joint monitoring centre in Aghdam, which had watched the truce since January 30, 2021, shut down at a "
        "ceremony on April 26.",
        "The joint monitoring centre in Aghdam, opened on 30 January 2021, closed on 26 April.",
        "Совместный мониторинговый центр в Агдаме, работавший с 30 января 2021 года, закрылся 26 апреля.",
        "Совместный мониторинговый центр в Агдаме, открытый 30 января 2021 года, закрылся 26 апреля.",
        "The joint monitoring centre in Aghdam, set up on 30 January 2021, closed on 26 April.",
    ],
)
def test_the_subject_named_before_a_dated_aside_is_where_its_own_verb_happened(atlas, text):
    opened, closing = extract(atlas, text, dt.date(2024, 4, 27))
    assert (opened.date, opened.places) == (dt.date(2021, 1, 30), ("aghdam",))
    assert (closing.date, closing.places) == (dt.date(2024, 4, 26), ("aghdam",))


def test_a_place_inside_the_aside_is_not_the_subjects(atlas):
    text = "Pashinyan, who visited Goris on 5 May, said on 7 May that the talks would go on."
    visit, said = extract(atlas, text, dt.date(2024, 5, 8))
    assert (visit.places, said.places) == (("goris",), ())


@pytest.mark.parametrize(
    "text",
    [
        "The deputy prime minister told reporters on 3 March 2026 that building in Lachin would start in June.",
        "Вице-премьер 3 марта 2026 года заявил, что строительство в Лачине начнется в июне.",
    ],
)
def test_the_day_words_were_said_is_about_what_they_name(atlas, text):
    said, planned = extract(atlas, text, dt.date(2026, 3, 5))
    assert (said.date, said.places) == (dt.date(2026, 3, 3), ("lachin",))
    assert (planned.date, planned.places) == (dt.date(2026, 6, 1), ("lachin",))


@pytest.mark.parametrize(
    "text",
    [
        "On 8 August the sides reaffirmed each other's territorial integrity and the inviolability of borders.",
        "8 августа стороны подтвердили территориальную целостность друг друга и нерушимость границ.",
        "8 августа стороны договорились о соблюдении принципа нерушимости границ.",
    ],
)
def test_the_inviolability_of_borders_is_a_principle_not_a_place(atlas, text):
    assert only(extract(atlas, text, dt.date(2025, 8, 9))).places == ()


@pytest.mark.parametrize(
    "text",
    [
        "15 июля лидеры в Брюсселе договорились, что Лачинская дорога должна быть открыта.",
        "С 12 декабря активисты перекрывают Лачинскую дорогу.",
        "On 10 June the opposition claimed Armenia would lose the Berdzor road.",
    ],
)
def test_the_lachin_road_in_russian_or_by_its_armenian_name_is_the_corridor(atlas, text):
    assert "lachin-corridor" in only(extract(atlas, text, dt.date(2023, 7, 20))).places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Work on the Aghband–Kalala bridge resumed on Monday.", "aras-route-iran"),
        ("Work on the Lachin bypass resumed on Monday.", "lachin-road-2022"),
        (
            "Shots were fired on Monday in the area where the Russian peacekeeping contingent is temporarily deployed.",
            "peacekeeping-zone",
        ),
        ("В понедельник в зоне временного размещения российских миротворцев прозвучали выстрелы.", "peacekeeping-zone"),
    ],
)
def test_more_spellings_of_the_routes_and_the_peacekeepers_zone(atlas, text, place):
    assert only(extract(atlas, text, dt.date(2022, 6, 8))).places == (place,)


def test_a_russian_place_noun_before_a_body_word_is_still_the_place(atlas):
    # Russian makes a body of a place with an adjective ("карабахские власти"); a noun in a case form ("над
    # Зангиланом") ends its phrase, and the capitalised word after it begins the next.
    text = "Флаг над Зангиланом Президент поднял 23 декабря 2023 года."
    assert only(extract(atlas, text, dt.date(2024, 1, 5))).places == ("zangilan",)
    text = "Губернатор объявил в пятницу, что карабахские власти согласились на переговоры."
    assert only(extract(atlas, text, dt.date(2023, 9, 23))).places == ()


@pytest.mark.parametrize(
    "text",
    [
        "The joint ceasefire monitoring centre opened in Aghdam on 30 January 2021.",
        "Совместный центр по контролю за прекращением огня работает в Агдамском районе с 30 января 2021 года.",
        "Совместный центр мониторинга перемирия открылся в Агдамском районе 30 января 2021 года.",
        "За соблюдением режима прекращения огня следит центр, открытый 30 января 2021 года в Агдамском районе.",
    ],
)
def test_a_body_named_after_the_ceasefire_it_watches_is_not_the_agreement(atlas, text):
    found = only(extract(atlas, text, dt.date(2022, 2, 22)))
    assert (found.date, found.places, found.agreements) == (dt.date(2021, 1, 30), ("aghdam",), ())


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Both sides reported 26 ceasefire violations on the border on 13 March.", dt.date(2025, 3, 13)),
        (
            "Yerevan recalled a proposal of 22 June to set up a mechanism to look into ceasefire breaches.",
            dt.date(2024, 6, 22),
        ),
        (
            "Утром 12 апреля 2023 года нарушений режима прекращения огня на границе не зафиксировано.",
            dt.date(2023, 4, 12),
        ),
        # The ceasefire as a state kept or restored, not the text that made it.
        ("The Armenian side said on 28 July 2021 that the ceasefire regime had been restored.", dt.date(2021, 7, 28)),
        (
            "Минобороны России заявило, что 24 марта 2022 года Азербайджан нарушил режим прекращения огня.",
            dt.date(2022, 3, 24),
        ),
    ],
)
def test_incidents_named_after_the_ceasefire_they_break_are_not_the_agreement(atlas, text, day):
    found = only(extract(atlas, text, dt.date(2025, 4, 15)))
    assert (found.date, found.agreements) == (day, ())


@pytest.mark.parametrize("same_part", ["в ту же ночь", "той же ночью", "тем же вечером", "в то же утро"])
def test_the_same_night_in_russian_is_the_day_told_before(atlas, same_part):
    text = (
        "Минобороны Армении сообщило, что в ночь на 28 июля азербайджанские подразделения обстреляли села. "
        f"По данным Баку, {same_part} армянские военные вели огонь по позициям в Кельбаджарском районе."
    )
    first, second = extract(atlas, text, dt.date(2021, 7, 29))
    assert (second.date, second.places) == (dt.date(2021, 7, 28), ("kalbajar",))


@pytest.mark.parametrize(
    "text",
    [
        "The project was discussed in Yerevan on 9 February by JD Vance, who the next day signed a charter in Baku.",
        "9 февраля проект обсуждал в Ереване Джей Ди Вэнс, который на следующий день подписал в Баку хартию.",
    ],
)
def test_a_day_counted_in_a_relative_clause_is_an_event_of_its_own(atlas, text):
    days = [c.date for c in extract(atlas, text, dt.date(2026, 3, 3))]
    assert days == [dt.date(2026, 2, 9), dt.date(2026, 2, 10)]


def test_another_agreement_told_as_made_is_not_the_report_befores(atlas):
    text = (
        "The leaders signed a joint declaration at the White House on Aug. 8, Trump said. "
        "The two foreign ministers initialled a peace treaty at the same meeting."
    )
    found = extract(atlas, text, dt.date(2025, 11, 10))
    assert (found[0].date, found[0].agreements) == (dt.date(2025, 8, 8), ("washington-2025-08-08",))
    assert all("peace-treaty-initialled-2025-08-08" not in c.agreements or "initialled" in c.sentence for c in found)


def test_what_that_text_bars_or_the_accords_launched_is_what_they_provide(atlas):
    text = "That treaty bars both sides from stationing third-party forces along their common border."
    found = only(extract(atlas, text, dt.date(2026, 4, 27)))
    assert (found.date, found.agreements) == (dt.date(2025, 8, 8), ("peace-treaty-initialled-2025-08-08",))
    text = "The Washington accords also launched the Trump Route for International Peace and Prosperity."
    found = only(extract(atlas, text, dt.date(2026, 3, 12)))
    assert (found.date, found.agreements) == (dt.date(2025, 8, 8), ("washington-2025-08-08",))
    # Who launched something under no agreement tells nothing it provides.
    assert extract(atlas, "The ministry launched a new website about the border.", dt.date(2026, 3, 12)) == []


def test_what_a_protocol_fixed_is_what_it_provides(atlas):
    text = (
        "The commissions signed the protocol-description on 15 May. "
        "The protocol fixed a line of about 12.7 km between the villages of Tavush and Gazakh."
    )
    found = extract(atlas, text, dt.date(2024, 11, 7))
    assert [(c.date, c.agreements) for c in found][-1] == (dt.date(2024, 5, 15), ("delimitation-protocol-2024-05-15",))
    assert "fixed" in found[-1].sentence and "signed" not in found[-1].sentence


@pytest.mark.parametrize(
    "text",
    [
        "The border commissions first met on 24 May 2022. The leaders named the 1991 Almaty Declaration as the basis. "
        "They met Michel in Brussels on August 31 of that year.",
        "Комиссии впервые встретились 24 мая 2022 года. Основой назвали Алма-Атинскую декларацию 1991 года. "
        "Лидеры встретились с Мишелем в Брюсселе 31 августа того же года.",
    ],
)
def test_that_year_is_not_the_year_in_a_documents_name(atlas, text):
    assert extract(atlas, text, dt.date(2023, 8, 9))[-1].date == dt.date(2022, 8, 31)


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        (
            "On 13 January Mirzoyan and Rubio published the TRIPP framework. It took them a year. "
            "The framework states that it creates no legal obligations for either government.",
            "tripp-framework-2026-01-13",
        ),
        (
            "13 января Мирзоян и Рубио опубликовали рамочный документ по TRIPP. Работа заняла год. "
            "В рамочном документе также подчеркивается, что таможенный контроль остается за Арменией.",
            "tripp-framework-2026-01-13",
        ),
        (
            "20 сентября в 13:00 вступила в силу договоренность о прекращении огня. Бои стихли. "
            "По условиям прекращения огня формирования должны были сложить оружие.",
            "ceasefire-2023-09-20",
        ),
    ],
)
def test_what_a_framework_states_or_a_truce_sets_as_terms_is_what_it_provides(atlas, text, agreement):
    last = extract(atlas, text, dt.date(2026, 3, 2))[-1]
    # The third sentence is a candidate of its own, dated by its agreement.
    assert last.sentence == text.rsplit(". ", 1)[1]
    assert agreement in last.agreements


def test_a_deadline_set_at_a_meeting_dated_in_its_name_is_that_meetings(atlas):
    # Undated: the meeting's year is the deadline's, and what the meeting went on to agree is the meeting's.
    text = (
        "A border crisis began on 12 May 2021 near the Black Lake. "
        "At the second meeting, on 6 April 2022, the leaders instructed their foreign ministers to start work on a "
        "peace treaty and agreed to convene a joint border commission by the end of April."
    )
    meeting, deadline = extract(atlas, text, None)[1:]
    assert (meeting.date, meeting.agreements) == (dt.date(2022, 4, 6), ("brussels-2022-04-06",))
    assert (deadline.date, deadline.date_precision) == (dt.date(2022, 4, 25), "approximate")
    assert deadline.agreements == ("brussels-2022-04-06",)


def test_the_document_in_a_later_clause_is_the_agreement_the_clause_before_named(atlas):
    text = (
        "The regulations were signed on August 30 through an exchange of originals, and Armenia's government endorsed "
        "the document on September 5."
    )
    signed, endorsed = extract(atlas, text, dt.date(2024, 9, 27))
    assert (signed.date, signed.agreements) == (dt.date(2024, 8, 30), ("delimitation-regulations-2024-08-30",))
    assert (endorsed.date, endorsed.agreements) == (dt.date(2024, 9, 5), ("delimitation-regulations-2024-08-30",))
    assert "agreements" in endorsed.low_confidence  # the reader's reading of "the document", marked unsure


@pytest.mark.parametrize(
    "text",
    ["Сочинское заявление ссылается при этом на Устав ООН.", "The Sochi statement also refers to the UN Charter."],
)
def test_what_an_agreement_refers_to_is_what_it_says(atlas, text):
    found = only(extract(atlas, text, dt.date(2022, 11, 1)))
    assert (found.date, found.agreements) == (dt.date(2022, 10, 31), ("sochi-2022-10-31",))


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago today, shortly after midnight, troops opened fire on positions near Jermuk.",
        "Ровно два года назад войска обстреляли позиции у Джермука.",
    ],
)
def test_years_ago_today_is_the_anniversary_day(atlas, text):
    found = only(extract(atlas, text, dt.date(2024, 9, 13)))
    assert (found.date, found.date_precision, found.places) == (dt.date(2022, 9, 13), "day", ("jermuk",))


def test_a_meeting_dated_in_its_name_is_the_day_the_story_goes_on_from(atlas):
    # Undated, as analyses often are: each meeting's day is what "the next day" and a year-less day count from.
    text = (
        "When Michel first brought the two leaders together in Brussels on 14 December 2021, they agreed to restore "
        "railway lines. The second meeting, on 6 April 2022, promised a border commission by the end of that month. "
        "The next day Pashinyan said the talks had been useful. At the third meeting, on 22 May, the sides settled "
        "principles for transit, and the border commissions met for the first time two days later."
    )
    days = [(c.date, c.agreements) for c in extract(atlas, text, None)]
    assert (dt.date(2022, 4, 7), ()) in days
    assert (dt.date(2022, 5, 22), ("brussels-2022-05-22",)) in days
    assert (dt.date(2022, 5, 24), ()) in days


def test_an_agreement_named_by_its_year_does_not_tie_another_clause_to_an_agreement(atlas):
    # The kind word is part of the 2020 statement's name; the month of the second clause names nothing.
    text = (
        "The 2020 ceasefire statement, signed on the night of 9 November, ended six weeks of war; "
        "Azerbaijan took full control of Nagorno-Karabakh in September 2023."
    )
    first, second = extract(atlas, text, dt.date(2025, 4, 16))
    assert (first.date, first.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))
    assert (second.date, second.date_precision, second.agreements) == (dt.date(2023, 9, 1), "month", ())


def test_the_ceasefire_monitored_is_still_the_agreement(atlas):
    text = "Russian peacekeepers monitored the ceasefire in Aghdam on 30 January 2021."
    assert only(extract(atlas, text, dt.date(2022, 2, 22))).agreements == ("statement-2020-11-10",)


def test_a_weekday_a_past_report_said_something_would_happen_on_is_not_counted_ahead(atlas):
    text = "Pashinyan wrote that the fighting would stop from 1 a.m. local time (2100 GMT on Monday)."
    found = extract(atlas, text, dt.date(2020, 11, 10))  # a Tuesday
    assert [c.date for c in found] == [dt.date(2020, 11, 9)]
    # "was due to" is a plan told in the past: the Saturday before a Tuesday's paper, not the next one.
    text = "A truce that was due to start at midnight on Saturday has done little to stop the fighting near Fuzuli."
    assert [c.date for c in extract(atlas, text, dt.date(2020, 10, 20))] == [dt.date(2020, 10, 17)]


def test_what_the_statement_says_is_a_report_of_the_statement(atlas):
    published = dt.date(2020, 11, 10)
    text = (
        "Armenia, Azerbaijan and Russia signed an agreement early on Tuesday to end the war. Under the deal Armenia is "
        "to hand back Kalbajar by Nov. 15. Some 1,960 Russian soldiers will serve as peacekeepers for five years, the "
        "statement says."
    )
    *_, peacekeepers = extract(atlas, text, published)
    assert peacekeepers.sentence.startswith("Some 1,960")
    assert (peacekeepers.date, peacekeepers.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))


def test_an_agreement_signed_by_its_parties_on_a_day_is_named_by_that_day(atlas):
    text = (
        "Lachin district was returned on December 1, 2020 under the trilateral statement signed by the leaders of "
        "Azerbaijan, Russia and Armenia on November 10."
    )
    (handover,) = extract(atlas, text, dt.date(2025, 6, 13))
    assert (handover.date, handover.agreements) == (dt.date(2020, 12, 1), ("statement-2020-11-10",))
    assert "lachin" in handover.places


def test_an_undated_texts_day_is_in_the_year_the_atlas_knows_an_event_of_that_day_and_place(atlas):
    # The only year written names the 2020 statement; a reader who knows the atlas puts the camp near Shusha in
    # December 2022 and the checkpoint in April 2023, and the statement, told after a later day, does not take the
    # story back to 2020.
    text = (
        "The corridor road has been shut to ordinary traffic since 12 December, when protesters camped on it near "
        "Shusha. Point 6 of the November 2020 ceasefire statement keeps the corridor with the Russian peacekeepers. "
        "On 23 April Azerbaijan put a checkpoint of its own at the Hakari bridge."
    )
    linker = Linker(atlas.events, atlas.agreements.values())
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert [(c.date, c.places) for c in found] == [
        (dt.date(2022, 12, 12), ("shusha",)),
        (dt.date(2020, 11, 10), ()),
        (dt.date(2023, 4, 23), ("hakari-bridge-checkpoint",)),
    ]
    assert "date" in found[0].low_confidence  # still a year the text did not write: the reviewer checks it
    # An agreement named by an alias, not a date, tells the year too: the only year written is of a plan for 2028.
    text = (
        "When the two leaders signed a joint declaration at the White House on August 8, with Trump as witness, the "
        "route got its name. Baku expects the route to open by the end of 2028."
    )
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert [(c.date, c.agreements) for c in found][0] == (dt.date(2025, 8, 8), ("washington-2025-08-08",))
    # Where the atlas knows that day in that place in two years (22 February in Karabakh: 2022 and 2023), it cannot
    # tell: the day stays in the year the text wrote.
    text = "The review looks back on 2021. On 22 February officials in Karabakh reported new shelling."
    (found,) = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert found.date == dt.date(2021, 2, 22)


def test_an_undated_texts_day_right_after_one_its_sentence_wrote_with_a_year_is_in_that_year(atlas):
    # The atlas knows a 12 May in Lachin (2021), but the sentence itself told the year a week before: one event, 1994.
    text = (
        "The war ended with the Bishkek Protocol, signed on 5 May 1994, and a ceasefire that took hold a week later, "
        "on 12 May, leaving Armenian forces in seven districts, Lachin among them."
    )
    linker = Linker(atlas.events, atlas.agreements.values())
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert [(c.date, c.places) for c in found] == [(dt.date(1994, 5, 5), ()), (dt.date(1994, 5, 12), ("lachin",))]


def test_an_undated_story_moves_on_to_a_later_month_told_with_its_year_but_not_to_a_term_set(atlas):
    linker = Linker(atlas.events, atlas.agreements.values())
    text = (
        "The statement gave Armenia until 1 December 2020 to return Lachin district. In early August 2022, Aliyev "
        "told Macron that the new road was almost finished. Speaking on 12 August, he said the army would enter Lachin."
    )
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert found[-1].date == dt.date(2022, 8, 12)
    text = (
        "On 21 October 2025, in Astana, Aliyev said the rail links would be finished by the middle of 2026; if the "
        "neighbours moved as fast, the corridor could open by the end of 2028. On 12 November he met Pashinyan."
    )
    found = extract_candidates(text, atlas.places.values(), atlas.agreements.values(), None, linker=linker)
    assert found[-1].date == dt.date(2025, 11, 12)


def test_an_undated_story_told_in_order_moves_into_the_next_year(atlas):
    text = (
        "The blockade of the road began on 12 December 2022. Baku had warned of it on 3 December. A checkpoint "
        "replaced the protest camp on 23 April. Armenia asked the court to remove it on 15 May."
    )
    found = extract(atlas, text, None)
    assert [c.date for c in found] == [
        dt.date(2022, 12, 12),
        dt.date(2022, 12, 3),
        dt.date(2023, 4, 23),
        dt.date(2023, 5, 15),
    ]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "The mandate ended on 19 December 2022. Yerevan asked for a longer mission on 27 December; the Council "
            "endorsed the concept on 19 January and established the EU Mission in Armenia four days later, for two years.",
            dt.date(2023, 1, 23),
        ),
        (
            "Мирзоян прилетел в Вашингтон 20 декабря 2025 года. 13 января он встретился с Рубио, а на следующий день "
            "стороны опубликовали рамочный документ.",
            dt.date(2026, 1, 14),
        ),
    ],
)
def test_in_an_undated_story_a_day_counted_from_one_moved_into_the_next_year_moves_with_it(atlas, text, counted):
    assert extract(atlas, text, None)[-1].date == counted


def test_russian_agreed_to_cease_fire_the_next_day_is_that_days_truce(atlas):
    text = (
        "Азербайджан начал операцию в Нагорном Карабахе 19 сентября, а уже на следующий день карабахские власти "
        "согласились прекратить огонь."
    )
    offensive, truce = extract(atlas, text, dt.date(2023, 10, 16))
    assert (offensive.date, offensive.agreements) == (dt.date(2023, 9, 19), ())
    assert (truce.date, truce.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))


def test_russian_po_this_document_is_what_the_agreement_named_before_provides(atlas):
    text = (
        "Миротворцы вошли в Лачинский коридор согласно трехстороннему заявлению от 9 ноября 2020 года. "
        "По этому документу миротворцы должны находиться там пять лет."
    )
    *_, term = extract(atlas, text, dt.date(2023, 10, 16))
    assert term.sentence.startswith("По этому документу")
    assert term.agreements == ("statement-2020-11-10",)


def test_days_counted_back_to_an_agreement_described_by_its_venue_are_its_report(atlas):
    text = "Macron accused Azerbaijan on October 12, six days after the quadrilateral meeting in Prague, of lying."
    interview, prague = extract(atlas, text, dt.date(2022, 11, 25))
    assert (interview.date, interview.agreements) == (dt.date(2022, 10, 12), ())
    assert (prague.date, prague.agreements) == (dt.date(2022, 10, 6), ("prague-2022-10-06",))
    # Counted to a day that is not the meeting's, the description stays with the sentence's day.
    text = "Macron accused Azerbaijan on October 12, five days after the quadrilateral meeting in Prague, of lying."
    interview = only(extract(atlas, text, dt.date(2022, 11, 25)))
    assert (interview.date, interview.agreements) == (dt.date(2022, 10, 12), ("prague-2022-10-06",))


def test_russian_days_later_count_from_the_day_before(atlas):
    text = "Пашинян и Алиев встретились 1 октября. Четыре дня спустя в Гранаде лидеры приняли заявление."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 10, 16))] == [dt.date(2023, 10, 1), dt.date(2023, 10, 5)]
    text = "Пашинян и Алиев встретились 1 октября. Спустя шесть дней лидеры приняли заявление."
    assert [c.date for c in extract(atlas, text, dt.date(2023, 10, 16))] == [dt.date(2023, 10, 1), dt.date(2023, 10, 7)]
    # Earlier too: "двумя днями ранее" (by two days), "за три дня до этого" (three days before that).
    for text, days in (
        ("Пашинян выступил 12 июня. По словам Пашиняна, двумя днями ранее он встречался с Рикером.", -2),
        ("Пашинян выступил 12 июня. Тремя днями позже он встретился с Рикером.", 3),
        ("Пашинян выступил 12 июня. За три дня до этого он встречался с Рикером.", -3),
    ):
        said, counted = extract(atlas, text, dt.date(2021, 6, 20))
        assert counted.date - said.date == dt.timedelta(days=days), text


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Aliyev recalled that the statement signed on 10 November contains a provision on a corridor, and said the "
            "railway would extend there.",
            "2021-04-27",
            "2020-11-10",
        ),
        ("Пашинян 27 октября объявил о готовности пропускать грузовики из Турции.", "2026-03-05", "2025-10-27"),
    ],
)
def test_a_day_told_as_done_is_past_whatever_the_sentence_looks_ahead_to(atlas, text, published, day):
    found = extract(atlas, text, dt.date.fromisoformat(published))
    assert found[0].date == dt.date.fromisoformat(day)


def test_a_day_something_is_called_or_set_for_is_still_to_come(atlas):
    published = dt.date(2021, 5, 27)
    text = "The standoff has become an issue before the snap election Pashinyan has called for June 20."
    assert only(extract(atlas, text, published)).date == dt.date(2021, 6, 20)
    text = "Baku refused to hold the ministers' meeting that had been proposed for June 2 in Washington."
    assert only(extract(atlas, text, published)).date == dt.date(2021, 6, 2)
    # Calling for something done on a day is no appointment: that day is past.
    assert only(extract(atlas, "Armenia called for a ceasefire on 20 June.", published)).date == dt.date(2020, 6, 20)


def test_a_districts_or_regions_villages_are_in_it_but_a_border_village_is_not_the_border(atlas):
    text = "Demining resumed on Monday on land near the Tavush villages of Kirants and Voskepar."
    assert "tavush" in only(extract(atlas, text, dt.date(2024, 4, 23))).places
    text = "Border guards took over the Gazakh villages on May 24."
    assert only(extract(atlas, text, dt.date(2024, 5, 25))).places == ("gazakh", "tavush-gazakh-border")
    text = (
        "Talks on the Armenian–Azerbaijani border resumed. Refugees reached the border village of Kornidzor on Sunday."
    )
    assert extract(atlas, text, dt.date(2023, 9, 25))[-1].places == ("kornidzor",)


def test_what_a_russian_decree_orders_for_a_later_day_is_a_report_of_its_own(atlas):
    text = "28 сентября глава НКР Самвел Шахраманян подписал указ о прекращении существования республики с 1 января 2024 года."
    found = extract(atlas, text, dt.date(2023, 10, 16))
    assert [c.date for c in found] == [dt.date(2023, 9, 28), dt.date(2024, 1, 1)]


def test_a_route_described_beside_the_agreement_that_first_named_it_is_that_route(atlas):
    text = (
        "Under the declaration signed in Washington on 8 August, the parties agreed to open a route through Armenia's "
        "Syunik province linking the western regions to Nakhchivan."
    )
    assert "tripp-route" in only(extract(atlas, text, dt.date(2025, 11, 28))).places
    # The 2020 statement named no route of the atlas: its transport links stay what they were.
    text = "Under the statement of 10 November 2020, Armenia guarantees a transport route to Nakhchivan."
    assert "tripp-route" not in only(extract(atlas, text, dt.date(2020, 11, 12))).places


def test_a_text_made_where_and_when_the_sentence_says_is_named_though_no_meeting(atlas):
    text = "WASHINGTON (AP) - Rubio and Mirzoyan on Tuesday announced a framework for building the Trump Route."
    found = only(extract(atlas, text, dt.date(2026, 1, 14)))
    assert (found.date, found.agreements) == (dt.date(2026, 1, 13), ("tripp-framework-2026-01-13",))


def test_eight_days_after_counts_eight(atlas):
    text = "Ten captives came home on 4 December, eight days after Aliyev and Pashinyan met Vladimir Putin in Sochi."
    _, sochi = extract(atlas, text, dt.date(2021, 12, 10))
    assert (sochi.date, sochi.agreements) == (dt.date(2021, 11, 26), ("statement-2021-11-26",))


def test_a_meeting_that_ended_without_a_statement_names_none(atlas):
    published = dt.date(2023, 5, 26)
    for text in (
        "Трехсторонняя встреча, начавшаяся в четверг в Кремле, завершилась без совместного заявления.",
        "The three-way meeting that began on Thursday ended with no joint statement.",
    ):
        found = only(extract(atlas, text, published))
        assert (found.date, found.agreements) == (dt.date(2023, 5, 25), ()), text


def test_the_eve_with_its_weekday_beside_it_is_that_weekday(atlas):
    text = "Накануне, в пятницу, Помпео по отдельности принял в Госдепартаменте обоих министров."
    assert [c.date for c in extract(atlas, text, dt.date(2020, 10, 26))] == [dt.date(2020, 10, 23)]  # a Monday


def test_a_russian_sentence_opening_on_the_time_of_day_is_the_day_told_before(atlas):
    published = dt.date(2023, 5, 26)
    text = "Встреча прошла в четверг. Днем Алиев упомянул «Зангезурский коридор»."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 5, 25)] * 2
    text = "Перемирие вступило в силу в четверг. Уже утром министерство обороны сообщило об обстреле."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 5, 25)] * 2
    text = "Встреча прошла в четверг. Днем ранее министры готовили заявление."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2023, 5, 25), dt.date(2023, 5, 24)]


def test_the_frontier_is_the_border_unless_its_sides_are_others(atlas):
    def places(text: str) -> tuple[str, ...]:
        return only(extract(atlas, text, dt.date(2024, 3, 19))).places

    assert places("The commissions first met on the frontier in May 2022.") == ("armenia-azerbaijan-border",)
    assert places("On Monday Baku again ruled out a third-country presence along the common frontier.") == (
        "armenia-azerbaijan-border",
    )
    assert places("On 16 January the commissions agreed to work south to the frontier with Iran.") == ()
    assert places("On 16 January Armenia's frontier with Azerbaijan was quiet.") == ("armenia-azerbaijan-border",)


def test_the_border_with_another_country_is_not_the_border_named_before(atlas):
    text = "Talks on the Armenian–Azerbaijani border resumed on Sunday. Azerbaijan reinforced the border with Iran on Monday."
    assert extract(atlas, text, dt.date(2023, 5, 26))[-1].places == ()
    text = "Talks on the Armenian–Azerbaijani border resumed on Sunday. Shelling on the border with Azerbaijan went on."
    assert extract(atlas, text, dt.date(2023, 5, 26))[-1].places == ("armenia-azerbaijan-border",)


def test_settled_in_a_venue_that_month_is_the_agreement_made_there(atlas):
    text = "In May 2022, again in Brussels, Aliyev and Pashinyan settled principles for transit to Nakhchivan."
    assert only(extract(atlas, text, None)).agreements == ("brussels-2022-05-22",)


def test_an_agreement_found_by_its_anaphor_is_named_for_the_anaphors_after_it(atlas):
    text = (
        "Armenia, Azerbaijan and Russia signed an agreement early on Tuesday to end the fighting. "
        "Pashinyan said he had signed the statement with the two presidents. "
        "Putin said Russian troops would be deployed along the front line. "
        "Under the deal Armenia is to hand back the Kalbajar district by Nov. 15. "
        "Some 1,960 Russian soldiers will serve as peacekeepers, the statement says. "
        "Point 9 of the document commits Armenia to guarantee transport links."
    )
    *_, point_9 = extract(atlas, text, dt.date(2020, 11, 10))
    assert point_9.sentence.startswith("Point 9")
    assert (point_9.date, point_9.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))


def test_a_day_given_in_gmt_beside_a_local_time_is_the_local_day_told_before(atlas):
    published = dt.date(2020, 11, 10)  # a Tuesday
    text = (
        "Armenia, Azerbaijan and Russia signed an agreement early on Tuesday. "
        "Pashinyan said the fighting would stop from 1 a.m. local time (2100 GMT on Monday)."
    )
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2020, 11, 10)] * 2
    # A day in GMT two days before the day told is its own.
    text = "The talks ended on Tuesday. The shelling began at dawn (0300 GMT on Sunday)."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2020, 11, 10), dt.date(2020, 11, 8)]


def test_an_undated_texts_time_moves_to_the_day_of_an_agreement_a_sentence_is_dated_by(atlas):
    text = (
        "Azerbaijan laid the foundation of the Aghband bridge on 6 October 2023. "
        "The Washington declaration of 8 August 2025 revived the Armenian route. "
        "The implementation framework that Yerevan and Washington published on 13 January gives a company the route. "
        "Baku said on 23 February that the bridge was finished."
    )
    *_, framework, bridge = extract(atlas, text, None)
    assert (framework.date, framework.agreements) == (dt.date(2026, 1, 13), ("tripp-framework-2026-01-13",))
    assert bridge.date == dt.date(2026, 2, 23)


def test_a_year_less_day_just_after_one_written_with_its_year_and_near_it_shares_that_year(atlas):
    published = dt.date(2025, 6, 13)
    text = "Lachin district was returned on December 1, 2020, while Shusha had been taken in battle on November 8."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2020, 12, 1), dt.date(2020, 11, 8)]
    # Far from it in that year, or in a clause of its own, it keeps the publication's reading.
    text = "Lachin district was returned on December 1, 2020, and the ministry spoke on March 22."
    assert [c.date for c in extract(atlas, text, published)] == [dt.date(2020, 12, 1), dt.date(2025, 3, 22)]
    text = "Peacekeepers came under the statement of 9 November 2020; several were killed on 20 September."
    assert [c.date for c in extract(atlas, text, published)][-1] == dt.date(2024, 9, 20)


def test_a_russian_agreement_with_its_signers_before_its_day_is_named_by_that_day(atlas):
    text = "Заявление лидеров России, Азербайджана и Армении от 9 ноября 2020 года отдало коридор миротворцам."
    found = only(extract(atlas, text, dt.date(2023, 9, 20)))
    assert (found.date, found.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",))


def test_a_russian_time_of_a_weekday_in_the_genitive_is_that_weekday(atlas):
    published = dt.date(2023, 9, 29)  # a Friday
    text = "К утру четверга из Нагорного Карабаха в Армению прибыли более 65 тысяч человек."
    assert only(extract(atlas, text, published)).date == dt.date(2023, 9, 28)
    text = "Вечером среды в Ханкенди прибыли грузовики."
    assert only(extract(atlas, text, published)).date == dt.date(2023, 9, 27)
    text = "По данным Минобороны, к 8:00 среды нарушений на границе не зафиксировано."
    assert only(extract(atlas, text, published)).date == dt.date(2023, 9, 27)


def test_a_speaking_day_stays_when_the_only_other_day_is_in_a_relative_clause(atlas):
    text = (
        "Turkey's Defense Ministry announced last Thursday that the monitoring center in Aghdam, which began "
        "operating in January 2021, would also close."
    )
    found = extract(atlas, text, dt.date(2024, 4, 23))
    assert [(c.date, c.date_precision) for c in found] == [
        (dt.date(2024, 4, 18), "day"),
        (dt.date(2021, 1, 1), "month"),
    ]
    # The day of what the words report still takes the sentence.
    text = "Residents have been given until August 25 to leave, the village head told NEWS.am on Friday."
    assert [c.date for c in extract(atlas, text, dt.date(2022, 8, 6))] == [dt.date(2022, 8, 25)]


def test_what_the_statement_said_is_what_it_provides(atlas):
    text = (
        "The leaders met in Prague on Thursday. The two sides confirmed their commitment to the U.N. Charter and the "
        "1991 Alma-Ata Declaration, the statement said."
    )
    _, said = extract(atlas, text, dt.date(2022, 10, 7))
    assert (said.date, said.agreements) == (dt.date(2022, 10, 6), ("prague-2022-10-06",))


def test_russian_eve_before_a_name_and_surname_is_the_day_before(atlas):
    published = dt.date(2026, 2, 5)
    text = "Накануне Ильхам Алиев и Никол Пашинян получили в Абу-Даби премию."
    assert only(extract(atlas, text, published)).date == dt.date(2026, 2, 4)
    # "Накануне Нового года" is on the eve of something, not a day.
    assert extract(atlas, "Накануне Нового года Алиев и Пашинян получили премию.", published) == []


def test_a_month_people_are_invited_to_is_still_to_come(atlas):
    text = "Michel has also invited the four leaders to gather in Granada, Spain, in October."
    assert only(extract(atlas, text, dt.date(2023, 5, 15))).date == dt.date(2023, 10, 1)
    text = "Путин пригласил лидеров в Сочи в октябре."
    assert only(extract(atlas, text, dt.date(2022, 9, 1))).date == dt.date(2022, 10, 1)


def test_a_relative_day_in_the_possessive_gives_way_to_the_sentences_own_days(atlas):
    text = "Sunday's meeting followed talks that the foreign ministers held in Arlington from May 1 to May 4."
    found = only(extract(atlas, text, dt.date(2023, 5, 15)))
    assert (found.date, found.date_precision) == (dt.date(2023, 5, 1), "range")


def test_what_the_agreement_notes_or_records_is_what_it_provides(atlas):
    text = (
        "The leaders adopted the Sochi statement of 31 October 2022. "
        "The document also notes the contribution of the Russian peacekeepers."
    )
    _, notes = extract(atlas, text, dt.date(2022, 11, 1))
    assert (notes.date, notes.agreements) == (dt.date(2022, 10, 31), ("sochi-2022-10-31",))
    text = "Лидеры приняли Сочинское заявление 31 октября 2022 года. В документе также отмечен вклад миротворцев."
    _, notes = extract(atlas, text, dt.date(2022, 11, 1))
    assert (notes.date, notes.agreements) == (dt.date(2022, 10, 31), ("sochi-2022-10-31",))


_STATEMENT_2020 = ("statement-2020-11-10",)


@pytest.mark.parametrize(
    "text, published, agreements",
    [
        (
            "The November statement also left the Lachin corridor to Russian peacekeepers.",
            "2021-04-21",
            _STATEMENT_2020,
        ),
        ("The Moscow-brokered statement that ended the 2020 war dealt with Karabakh.", "2025-10-01", _STATEMENT_2020),
        (
            "Война 2020 года завершилась трехсторонним заявлением, по которому пришли миротворцы.",
            "2022-11-23",
            _STATEMENT_2020,
        ),
        (
            "Pashinyan quoted the third paragraph of the Washington declaration, under which communications are to open.",
            "2026-03-11",
            ("washington-2025-08-08",),
        ),
    ],
)
def test_what_an_agreement_left_or_dealt_with_or_a_clause_under_which_is_what_it_provides(
    atlas, text, published, agreements
):
    found = only(extract(atlas, text, dt.date.fromisoformat(published)))
    assert (found.agreements, found.date_note) == (agreements, DATE_NOTE_AGREEMENT)


@pytest.mark.parametrize(
    "provision",
    [
        "The ceasefire also sent about 2,000 Russian peacekeepers to the region.",
        "The statement's sixth point also asked the sides to agree on a new route within three years.",
        "That statement entrusted Russia's border guards with overseeing the traffic.",
    ],
)
def test_what_an_agreement_sent_asked_or_entrusted_is_what_it_provides(atlas, provision):
    text = "The trilateral statement of 10 November 2020 ended the war. " + provision
    found = extract(atlas, text, dt.date(2022, 1, 10))[-1]
    assert (found.sentence, found.agreements, found.date) == (provision, _STATEMENT_2020, dt.date(2020, 11, 10))


@pytest.mark.parametrize(
    "text, published, day, agreement",
    [
        (
            "Aliyev and Pashinyan signed a joint declaration at the White House on 8 August 2025. "
            "The fourth paragraph commits Armenia to work with the United States on the Trump Route.",
            dt.date(2026, 3, 11),
            dt.date(2025, 8, 8),
            "washington-2025-08-08",
        ),
        (
            "Лидеры приняли в Сочи 31 октября 2022 года совместное заявление. "
            "Тем же документом стороны подтвердили, что будут решать споры на основе признания суверенитета.",
            dt.date(2022, 11, 23),
            dt.date(2022, 10, 31),
            "sochi-2022-10-31",
        ),
    ],
)
def test_a_counted_paragraph_or_by_that_document_is_what_the_agreement_named_before_provides(
    atlas, text, published, day, agreement
):
    assert [(c.date, c.agreements) for c in extract(atlas, text, published)] == [(day, (agreement,))] * 2


@pytest.mark.parametrize(
    "said",
    [
        "In the same statement the two leaders recognised each other's territorial integrity.",
        "Согласно совместному заявлению трех лидеров, стороны намерены решать споры мирно.",
    ],
)
def test_what_the_leaders_recognised_in_the_statement_or_according_to_the_joint_statement_is_what_it_says(atlas, said):
    named = "The leaders met in Sochi on 31 October 2022 and adopted a statement."
    found = extract(atlas, f"{named} {said}", dt.date(2022, 11, 1))
    assert [(c.date, c.agreements) for c in found] == [(dt.date(2022, 10, 31), ("sochi-2022-10-31",))] * 2


def test_the_rules_are_the_regulations_named_before_and_no_other_kind_of_text(atlas):
    signed = "The deputy prime ministers signed the regulations on their joint work on Aug. 30."
    under_the_rules = "Under the rules, the delimitation is to rest on the 1991 Alma-Ata declaration."
    regulations = ("delimitation-regulations-2024-08-30",)
    found = extract(atlas, f"{signed} {under_the_rules}", dt.date(2024, 10, 25))
    assert [(c.date, c.agreements) for c in found] == [(dt.date(2024, 8, 30), regulations)] * 2
    # After a statement, "the rules" stand for no agreement: the sentence is not one of what it provides.
    adopted = "The leaders adopted the Sochi statement on 31 October 2022."
    assert len(extract(atlas, f"{adopted} {under_the_rules}", dt.date(2022, 11, 1))) == 1


def test_what_an_agreement_did_is_what_it_provides(atlas):
    for text in (
        "The corridor was created by the Russian-brokered truce that ended six weeks of fighting.",
        "Russia deployed around 2,000 peacekeepers under the deal that ended six weeks of fighting in 2020.",
        "The trilateral statement put the Lachin corridor under the control of Russian peacekeepers.",
    ):
        found = only(extract(atlas, text, dt.date(2024, 4, 17)))
        assert (found.date, found.agreements) == (dt.date(2020, 11, 10), ("statement-2020-11-10",)), text
    # Its name alone says nothing it provides.
    assert (
        extract(
            atlas, "Russia, which brokered the truce that ended the 2020 war, was not involved.", dt.date(2025, 8, 9)
        )
        == []
    )


def test_an_agreement_closing_a_list_of_dated_events_is_each_items(atlas):
    text = (
        "Кельбаджарский район перешел под контроль Азербайджана 25 ноября, Агдамский — 20 ноября, а Лачинский — "
        "1 декабря, как и предусматривало заявление от 9 ноября."
    )
    found = extract(atlas, text, dt.date(2021, 1, 11))
    assert [(c.places, c.agreements) for c in found] == [
        (("kalbajar",), ("statement-2020-11-10",)),
        (("aghdam",), ("statement-2020-11-10",)),
        (("lachin",), ("statement-2020-11-10",)),
    ]
    # An item from before the agreement was made did not follow it.
    text = "Baku launched an offensive on September 19 and the separatists agreed to lay down arms the next day under a Russian-mediated ceasefire."
    offensive, truce = extract(atlas, text, dt.date(2023, 9, 25))
    assert (offensive.agreements, truce.agreements) == ((), ("ceasefire-2023-09-20",))


def test_a_russian_day_something_was_put_off_to_is_its_new_day_not_a_report(atlas):
    text = "Передачу Кельбаджарского района 15 ноября по просьбе Еревана отложили на десять дней, до 25 ноября."
    found = only(extract(atlas, text, dt.date(2020, 11, 20)))
    assert (found.date, found.places) == (dt.date(2020, 11, 15), ("kalbajar",))


def test_a_russian_statement_pointed_back_to_is_the_one_named_before(atlas):
    text = (
        "Азербайджан и Армения подписали заявление 10 ноября 2020 года. "
        "Лачинский район, согласно тому же заявлению, должен отойти Азербайджану до 1 декабря."
    )
    *_, lachin = extract(atlas, text, dt.date(2020, 11, 20))
    assert (lachin.date, lachin.agreements) == (dt.date(2020, 12, 1), ("statement-2020-11-10",))
    # An official's statement is not the text.
    text = (
        "Азербайджан и Армения подписали заявление 10 ноября 2020 года. В заявлении МИД 1 декабря говорилось о минах."
    )
    *_, ministry = extract(atlas, text, dt.date(2020, 12, 2))
    assert ministry.agreements == ()


def test_the_bridge_over_the_hakari_river_is_the_checkpoint_there(atlas):
    text = (
        "Azerbaijan set up a checkpoint on Sunday at the bridge over the Hakari river. "
        "The U.S. said on Monday that the checkpoint undermined confidence."
    )
    found = extract(atlas, text, dt.date(2023, 4, 25))
    assert [c.places for c in found] == [("hakari-bridge-checkpoint",)] * 2


def test_the_treaty_by_the_title_baku_gives_it_is_the_initialled_treaty(atlas):
    text = (
        "Azerbaijan's Foreign Ministry on Thursday welcomed the end of negotiations on the text of the draft "
        "Agreement on Peace and the Establishment of Interstate Relations with Armenia."
    )
    found = only(extract(atlas, text, dt.date(2025, 3, 14)))
    assert (found.date, found.agreements) == (dt.date(2025, 3, 13), ("peace-treaty-initialled-2025-08-08",))


def test_a_month_an_offensive_is_in_names_no_agreement(atlas):
    text = (
        "The co-chairs' efforts stalled after the 2020 war, which ended with a Russian-brokered ceasefire in November "
        "of that year, and Azerbaijan took control of Karabakh in a one-day offensive in September 2023."
    )
    war, offensive = extract(atlas, text, dt.date(2025, 9, 1))
    assert (war.agreements, offensive.agreements) == (("statement-2020-11-10",), ())
    text = "After Azerbaijan's offensive in Karabakh of 19-20 September 2023, Aliyev stayed away from the summit in Granada."
    assert only(extract(atlas, text, dt.date(2024, 1, 1))).agreements == ()
    # The ceasefire itself named by its month still is.
    text = "The separatists laid down arms under the ceasefire of September 2023."
    assert only(extract(atlas, text, dt.date(2025, 9, 1))).agreements == ("ceasefire-2023-09-20",)


def test_a_catalogue_with_a_new_spelling_or_alias_is_read_afresh_though_the_last_one_had_the_same_ids(atlas):
    """The extractor keeps the finders of the catalogue it last read: a catalogue edited since (same ids, same
    length) must be read again, as an app that reloads data/ after a new name was added would pass."""
    text = "Ferryville was handed back on 25 November 2020 under the Ferry Accord."
    assert [(c.places, c.agreements) for c in extract(atlas, text)] == [((), ())]
    renamed = [
        dataclasses.replace(p, names={**p.names, "en": (*p.names.get("en", ()), "Ferryville")})
        if p.id == "kalbajar"
        else p
        for p in atlas.places.values()
    ]
    aliased = [
        dataclasses.replace(a, aliases={**a.aliases, "en": (*a.aliases.get("en", ()), "Ferry Accord")})
        if a.id == "statement-2020-11-10"
        else a
        for a in atlas.agreements.values()
    ]
    found = extract_candidates(text, renamed, aliased, dt.date(2022, 3, 25))
    assert [(c.places, c.agreements) for c in found] == [(("kalbajar",), ("statement-2020-11-10",))]
    # And back: the shipped catalogue does not know the new names.
    assert [(c.places, c.agreements) for c in extract(atlas, text)] == [((), ())]


def test_what_was_agreed_where_an_agreement_was_made_is_that_agreement_when_only_one_fits(atlas):
    published = dt.date(2022, 11, 7)
    text = "The border commissions met in Brussels last Thursday, as the leaders had agreed in Prague."
    assert only(extract(atlas, text, published)).agreements == ("prague-2022-10-06",)
    text = "Комиссии встретились в Брюсселе в прошлый четверг, как лидеры договорились в Праге."
    assert only(extract(atlas, text, published)).agreements == ("prague-2022-10-06",)
    # The day of the making is no day an agreement was made there: another text, not the statement of 10 November.
    text = "A humanitarian truce agreed in Moscow on 10 October broke down within hours."
    assert only(extract(atlas, text, dt.date(2020, 12, 1))).agreements == ()
    # Six were made in Brussels by then and nothing says which: the reader chooses.
    text = "On Monday the sides restated what they had agreed in Brussels."
    assert only(extract(atlas, text, dt.date(2023, 8, 1))).agreements == ()


def test_what_the_sides_agreed_at_a_meeting_named_with_a_possessive_is_what_it_provides(atlas):
    text = "At last year's Prague meeting, the leaders agreed to a civilian mission along the border."
    found = only(extract(atlas, text, dt.date(2023, 7, 11)))
    assert (found.date, found.agreements) == (dt.date(2022, 10, 6), ("prague-2022-10-06",))


def test_a_part_of_a_month_that_year_takes_the_year_the_text_told_before(atlas):
    published = dt.date(2025, 5, 16)
    text = (
        "The leaders met in Brussels on 6 April 2022, and the ministers first met in Geneva in early October that year."
    )
    assert [(c.date, c.date_precision) for c in extract(atlas, text, published)][-1] == (
        dt.date(2022, 10, 5),
        "approximate",
    )
    text = "Лидеры встретились в Брюсселе 6 апреля 2022 года, а министры впервые встретились в начале октября того же года."
    assert [(c.date, c.date_precision) for c in extract(atlas, text, published)][-1] == (
        dt.date(2022, 10, 5),
        "approximate",
    )
    # A year that only names something ("the 2020 war") is no time the story told.
    text = (
        "On 13-14 September 2022 the heaviest fighting since the 2020 war hit Jermuk. "
        "At the end of August that year, Azerbaijan had taken over the town of Lachin."
    )
    assert extract(atlas, text, None)[-1].date == dt.date(2022, 8, 25)


def test_a_weekday_with_an_indefinite_article_is_no_day_and_its_month_dates_the_event(atlas):
    text = "A video call between the two deputy prime ministers followed on a Friday in mid-February."
    found = only(extract(atlas, text, dt.date(2025, 3, 1)))
    assert (found.date, found.date_precision) == (dt.date(2025, 2, 15), "approximate")
    # Written alone, the weekday is still the last one before the paper.
    found = only(extract(atlas, "The deputy prime ministers spoke by video link Friday.", dt.date(2025, 3, 1)))
    assert (found.date, found.date_precision) == (dt.date(2025, 2, 28), "day")


@pytest.mark.parametrize(
    "later",
    [
        "Baku has since cited the declaration that Aliyev and Erdogan signed in Shusha on 15 June 2021.",
        "On 15 June 2021 the co-chairs recalled the statement issued by their ministers on 13 April.",
        "Баку ссылается на документ, подписанный в Шуше 15 июня 2021 года.",
    ],
)
def test_a_text_the_anaphor_says_was_made_on_another_day_is_not_the_agreement_before_it(atlas, later):
    text = "The trilateral statement of 10 November 2020 ended the war. " + later
    found = extract(atlas, text, dt.date(2021, 7, 1))
    assert [(c.date, c.agreements) for c in found] == [
        (dt.date(2020, 11, 10), ("statement-2020-11-10",)),
        (dt.date(2021, 6, 15), ()),
    ]
    # Told further on, where the word would stand for the agreement the article is about.
    text = "The trilateral statement of 10 November 2020 ended the war. Peacekeepers came. Mines were cleared. "
    text += "Schools opened. Refugees came back. " + later
    assert [c.agreements for c in extract(atlas, text, None)][-1] == ()


def test_a_treaty_whose_text_was_agreed_before_it_was_initialled_is_still_that_treaty(atlas):
    text = (
        "The foreign ministers initialled the peace treaty at the White House on 8 August 2025. On 28 December "
        "Mirzoyan said no date had been set to sign the document, whose text was agreed in March 2025."
    )
    told = extract(atlas, text, dt.date(2026, 3, 6))[1]
    assert (told.date, told.agreements) == (dt.date(2025, 12, 28), ("peace-treaty-initialled-2025-08-08",))


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        (
            "The counter-offensive launched by the army on 27 September 2020 ended on 9 November, after 44 days.",
            dt.date(2024, 11, 20),
            [dt.date(2020, 9, 27), dt.date(2020, 11, 9)],
        ),
        # Too far after the first day to share its year: the publication's.
        (
            "The joint centre opened near Aghdam on 30 January 2021 closed on 26 April.",
            dt.date(2024, 6, 13),
            [dt.date(2021, 1, 30), dt.date(2024, 4, 26)],
        ),
        (
            "The co-chairmanship created in Budapest in December 1994 began operating on 14 February 1997.",
            None,
            [dt.date(1994, 12, 1), dt.date(1997, 2, 14)],
        ),
        (
            "Центр, открытый в Агдаме 30 января 2021 года закрылся 26 апреля.",
            dt.date(2024, 6, 13),
            [dt.date(2021, 1, 30), dt.date(2024, 4, 26)],
        ),
    ],
)
def test_the_subjects_own_verb_right_after_its_participles_day_is_an_event_of_its_own(atlas, text, published, days):
    assert [c.date for c in extract(atlas, text, published)] == days


def test_what_preceded_an_agreement_is_not_told_as_made_under_it(atlas):
    text = (
        "Алиев напомнил, что вашингтонской декларации 8 августа 2025 года предшествовала его встреча с Пашиняном в "
        "Абу-Даби в июле того же года."
    )
    found = extract(atlas, text, dt.date(2026, 3, 2))
    assert [(c.date, c.agreements) for c in found if c.agreements] == [
        (dt.date(2025, 8, 8), ("washington-2025-08-08",))
    ]


def test_the_evaluation_takes_a_point_number_typed_as_a_number_or_as_text_for_the_same_label(atlas, tmp_path):
    (tmp_path / "a.txt").write_text("Point 9 of the trilateral statement of 10 November 2020 restores transport links.")
    label = {"quote": "Point 9", "date": "2020-11-10", "date_precision": "day", "places": [], "actors": []}
    label["agreements"] = ["statement-2020-11-10"]
    for number in (9, "9"):
        entry = {
            "published": "2021-01-01",
            "split": "dev",
            "candidates": [label | {"articles": [[label["agreements"][0], number]]}],
        }
        scores = evaluate(tmp_path, atlas.places.values(), atlas.agreements.values(), labels={"a.txt": entry})
        assert (scores["articles"]["tp"], scores["articles"]["fp"], scores["articles"]["fn"]) == (1, 0, 0), number


def test_the_evaluation_scores_a_label_against_the_candidate_of_its_own_day(atlas, tmp_path):
    # One sentence, two days, two candidates; the labeller marked the second day only.
    (tmp_path / "a.txt").write_text(
        "Azerbaijani troops entered Aghdam on 20 November 2020 and Kalbajar on 25 November 2020."
    )
    label = {"quote": "Kalbajar on 25 November", "date": "2020-11-25", "date_precision": "day", "places": ["kalbajar"]}
    label |= {"agreements": [], "articles": [], "actors": []}
    entry = {"published": "2020-12-01", "split": "dev", "candidates": [label]}
    scores = evaluate(tmp_path, atlas.places.values(), atlas.agreements.values(), labels={"a.txt": entry})
    # The Kalbajar candidate is right; only the unlabelled Aghdam one counts against the extractor.
    for field in ("date", "places"):
        assert (scores[field]["tp"], scores[field]["fp"], scores[field]["fn"]) == (1, 1, 0), field


@pytest.mark.parametrize(
    "text",
    [
        "Delimitation should follow the Soviet-era borders, a principle the leaders endorsed in Prague in October 2022.",
        "The leaders reaffirmed in Prague in October 2022 that the Alma-Ata Declaration is the basis.",
        "Этот принцип лидеры подтвердили в Праге в октябре 2022 года.",
    ],
)
def test_a_principle_endorsed_at_a_venue_in_a_month_is_the_agreement_made_there(atlas, text):
    found = only(extract(atlas, text, dt.date(2024, 3, 19)))
    assert (found.date, found.agreements) == (dt.date(2022, 10, 1), ("prague-2022-10-06",))


def test_the_closure_in_a_later_clause_is_the_closing_decision_the_clause_before_named(atlas):
    text = (
        "The OSCE decided on 1 September to close the Minsk Process at the joint request of Yerevan and Baku, "
        "and the closure was completed on 30 November."
    )
    decided, completed = extract(atlas, text, dt.date(2026, 4, 14))
    assert (decided.date, decided.agreements) == (dt.date(2025, 9, 1), ("osce-minsk-closure-2025-09-01",))
    assert (completed.date, completed.agreements) == (dt.date(2025, 11, 30), ("osce-minsk-closure-2025-09-01",))
    # In the sentence after, too; but no other agreement is a closure.
    text = "The OSCE decided on 1 September to close the Minsk Process. The closure was completed on 30 November."
    assert extract(atlas, text, dt.date(2026, 4, 14))[-1].agreements == ("osce-minsk-closure-2025-09-01",)
    text = "The Washington declaration was signed on 8 August. The closure was announced on 20 August."
    assert extract(atlas, text, dt.date(2025, 9, 1))[-1].agreements == ()


@pytest.mark.parametrize(
    "text",
    [
        "The war ended with a Russian-brokered ceasefire under which Armenia gave up Kalbajar and other districts.",
        "Baku accused Yerevan of failing to withdraw from Kalbajar as required by the Russian-brokered ceasefire.",
    ],
)
def test_what_an_agreement_named_without_a_date_requires_is_a_report_of_its_day(atlas, text):
    found = only(extract(atlas, text, dt.date(2022, 1, 12)))
    assert (found.date, found.agreements, found.places) == (
        dt.date(2020, 11, 10),
        ("statement-2020-11-10",),
        ("kalbajar",),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Война завершилась подписанным при посредничестве Москвы заявлением, по которому в Карабах вошли миротворцы.",
        "The war ended with the statement brokered by Moscow, under which peacekeepers entered Karabakh.",
    ],
)
def test_a_place_that_mediated_a_text_is_not_where_it_was_made(atlas, text):
    # Moscow brokered both the 2020 statement and that of January 2021: the mediator cannot say which one is meant,
    # and with no date nothing else does, so there is no report (before, the latest made in Moscow: January 2021's).
    assert extract(atlas, text, dt.date(2022, 11, 23)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The idea of a border commission first appeared in the trilateral statement adopted in Sochi on 26 November 2021.",
        "Under the trilateral statement signed in Sochi on 26 November last year, the sides agreed to seek a commission.",
        "Идея комиссии по делимитации впервые появилась в трехстороннем заявлении, принятом в Сочи 26 ноября 2021 года.",
        "По трехстороннему заявлению, подписанному в Сочи 26 ноября прошлого года, стороны договорились создать комиссию.",
    ],
)
def test_a_shared_alias_is_the_agreement_its_clause_of_making_names(atlas, text):
    # "Trilateral statement" is also the 2020 statement's alias; the day and place it was signed say which one.
    found = only(extract(atlas, text, dt.date(2022, 9, 14)))
    assert (found.date, found.agreements) == (dt.date(2021, 11, 26), ("statement-2021-11-26",))


def test_what_a_named_statement_also_offered_is_a_report_of_its_day(atlas):
    text = (
        "Aliyev and Pashinyan met in Brussels on Dec. 14 and agreed to restore rail links. "
        "Michel's Brussels statement also offered EU technical help with delimiting the border."
    )
    _, offered = extract(atlas, text, dt.date(2022, 1, 12))
    assert (offered.date, offered.agreements) == (dt.date(2021, 12, 14), ("brussels-2021-12-14",))


def test_of_two_agreements_a_sentence_names_first_the_article_is_about_the_earlier_in_every_run():
    # Python salts the hashes of strings per process, so an order taken from a set differs from run to run: the
    # answer must be the same under every salt.
    script = (
        "from types import SimpleNamespace as S\n"
        "from geo.extract.linking import article_agreement\n"
        "from geo.extract.agreements import Reference\n"
        "refs = [Reference(0, 1, 'tripp-framework-2026-01-13'), Reference(2, 3, 'joint-statement-2023-12-07')]\n"
        "print(article_agreement([S(text='x', refs=refs, dates=[], places=[])]))\n"
    )
    answers = set()
    for salt in ("1", "2", "3", "4"):
        run = subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": salt},
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        answers.add(run.stdout.strip())
    assert answers == {"tripp-framework-2026-01-13"}


def test_a_russian_day_before_a_subject_and_its_verb_is_the_days_event_not_part_of_a_name(atlas):
    # "комиссии подписали протокол-описание": the day dates the signing, so the story goes on in its year.
    text = (
        "15 мая 2024 года комиссии подписали протокол-описание. "
        "24 мая пограничная служба взяла под контроль села Газахского района."
    )
    signed, took = extract(atlas, text, dt.date(2025, 7, 10))
    assert (signed.date, signed.agreements) == (dt.date(2024, 5, 15), ("delimitation-protocol-2024-05-15",))
    assert took.date == dt.date(2024, 5, 24)


def test_a_year_less_day_the_sentence_also_counts_from_the_day_before_is_in_the_counts_year(atlas):
    text = (
        "Комиссии добились результата в прошлом году: 15 мая 2024 года они подписали протокол-описание участков "
        "границы между Тавушской областью и Газахским районом. "
        "По данным Баку, документ закрепил отрезок длиной 12,7 км по карте 1976 года. "
        "Девять дней спустя, 24 мая, пограничная служба взяла под контроль села Газахского района."
    )
    assert extract(atlas, text, dt.date(2025, 7, 10))[-1].date == dt.date(2024, 5, 24)


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, on 15 May, the commissions signed the protocol-description.",
        "В 2024 году, 15 мая, комиссии подписали протокол-описание.",
    ],
)
def test_a_day_set_off_by_a_comma_after_the_year_that_opens_the_sentence_is_in_that_year(atlas, text):
    found = only(extract(atlas, text, dt.date(2025, 7, 10)))
    assert (found.date, found.agreements) == (dt.date(2024, 5, 15), ("delimitation-protocol-2024-05-15",))


def test_the_trilateral_agreement_is_an_alias_as_the_trilateral_statement_is(atlas):
    text = "The Russian Defence Ministry said on March 26 that Azerbaijan had violated the trilateral agreement near Parukh."
    found = only(extract(atlas, text, dt.date(2022, 3, 28)))
    assert (found.date, found.agreements) == (dt.date(2022, 3, 26), ("statement-2020-11-10",))


def test_what_was_done_as_part_of_the_same_arrangement_is_what_it_provided(atlas):
    text = (
        "Согласно совместному заявлению от 7 декабря 2023 года Армения отозвала свою заявку на COP29. "
        "В рамках той же договоренности Азербайджан освободил 32 армянских военнослужащих."
    )
    _, released = extract(atlas, text, dt.date(2024, 11, 21))
    assert (released.date, released.agreements) == (dt.date(2023, 12, 7), ("joint-statement-2023-12-07",))


@pytest.mark.parametrize(
    "text",
    [
        "13 января Армения и США опубликовали рамочный документ. Документ не налагает на стороны юридических обязательств.",
        "On 13 January Armenia and the US published the framework document. The document imposes no obligations.",
    ],
)
def test_what_the_framework_document_imposes_is_what_it_says(atlas, text):
    published, imposes = extract(atlas, text, dt.date(2026, 3, 13))
    assert published.agreements == ("tripp-framework-2026-01-13",)
    assert imposes.sentence.startswith(("Документ", "The document"))
    assert (imposes.date, imposes.agreements) == (dt.date(2026, 1, 13), ("tripp-framework-2026-01-13",))


def test_closing_down_the_minsk_process_is_the_closing_decision(atlas):
    text = "The OSCE finished closing down the Minsk Process and its structures at 23:59 on Sunday, 30 November."
    found = only(extract(atlas, text, dt.date(2025, 12, 1)))
    assert (found.date, found.agreements) == (dt.date(2025, 11, 30), ("osce-minsk-closure-2025-09-01",))


def test_a_meeting_dated_before_its_word_is_the_day_the_sentence_tells(atlas):
    text = (
        "At the April 6 meeting, the leaders told their foreign ministers to begin work on a peace treaty and agreed "
        "to convene a joint border commission by the end of April."
    )
    meeting, deadline = extract(atlas, text, dt.date(2022, 6, 24))
    assert (meeting.date, meeting.agreements) == (dt.date(2022, 4, 6), ("brussels-2022-04-06",))
    assert (deadline.date, deadline.date_precision) == (dt.date(2022, 4, 25), "approximate")
    # The clause with no subject of its own goes on with the meeting's agreement.
    assert deadline.agreements == ("brussels-2022-04-06",)


def test_a_year_less_day_of_the_agreement_a_sentence_names_is_in_its_year_and_the_story_goes_on_from_it(atlas):
    text = (
        "К тому времени бои уже прекратились: 20 сентября в 13:00 вступила в силу договоренность о прекращении огня. "
        "На следующий день в Евлахе прошла первая встреча представителей карабахских армян с азербайджанской стороной."
    )
    ceasefire, yevlakh = extract(atlas, text, dt.date(2025, 2, 26))
    assert (ceasefire.date, ceasefire.agreements) == (dt.date(2023, 9, 20), ("ceasefire-2023-09-20",))
    assert yevlakh.date == dt.date(2023, 9, 21)
    # Another day of the year stays the publication's year's.
    text = "The deal on the cessation of hostilities was recalled on 21 September."
    assert only(extract(atlas, text, dt.date(2025, 2, 26))).date == dt.date(2024, 9, 21)


def test_the_word_deadline_looks_ahead_for_its_own_date_only_not_for_the_meeting_before_it(atlas):
    text = (
        "The process had begun at the commissions' eighth meeting on April 19, which set a deadline of May 15 for "
        "the protocol-description."
    )
    meeting, _ = extract(atlas, text, dt.date(2025, 2, 28))
    assert (meeting.date, meeting.agreements) == (dt.date(2024, 4, 19), ("delimitation-2024-04-19",))


def test_a_year_a_colon_opens_dates_the_day_after_it_and_the_story_goes_on_in_that_year(atlas):
    text = (
        "The format gathered pace in 2022: after the leaders met again on 6 April, Michel announced that the foreign "
        "ministers would start preparing a peace treaty. That deadline slipped until after the next Brussels meeting "
        "on 22 May."
    )
    april, may = extract(atlas, text, dt.date(2024, 12, 16))
    assert (april.date, may.date) == (dt.date(2022, 4, 6), dt.date(2022, 5, 22))
    assert may.agreements == ("brussels-2022-05-22",)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The Minsk Process, set up by the CSCE in 1992, was formally wound up on 1 September 2025.", None),
        (
            "Минская группа ОБСЕ, которую Баку давно считал ненужной, окончательно прекратила работу 30 ноября.",
            "2026-01-29",
        ),
        ("Работа Минского процесса и Группы планирования высокого уровня прекращена 30 ноября.", "2025-12-01"),
        ("Минская группа ОБСЕ перестала функционировать 1 сентября.", "2025-12-26"),
        # Told before the name: the verb, or the closing as a noun, then what was closed.
        ("On 1 September the OSCE shut down the Minsk Process at the two countries' request.", "2026-01-10"),
        ("The OSCE completed the closure of its Minsk Process at 23:59 on 30 November.", "2025-12-19"),
        ("С 1 сентября прошлого года прекратил работу Минский процесс ОБСЕ.", "2026-03-12"),
    ],
)
def test_a_thing_an_agreement_closed_told_as_closed_refers_to_it(atlas, text, published):
    found = only(extract(atlas, text, dt.date.fromisoformat(published) if published else None))
    assert found.agreements == ("osce-minsk-closure-2025-09-01",)
    assert any(s.kind == "agreement" and ("Минск" in s.text or "Minsk" in s.text) for s in found.spans)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # A demand, or something still to be done, is not the closing.
        ("On 20 January Aliyev said he wanted the Minsk Group dissolved.", "2025-01-21"),
        ("20 января Алиев заявил, что Минская группа должна быть распущена.", "2025-01-21"),
        ("On 20 October Aliyev said the OSCE ought to shut down the Minsk Group.", "2025-10-21"),
        # Before the decision, an ending told is another's (or a claim), not this one.
        ("On 14 April Aliyev said the Minsk Group had ceased to function.", "2021-04-15"),
        # The name and the ending in different parts of the sentence.
        ("The Minsk Group co-chairs met on 3 May; talks were closed to the press.", "2025-12-01"),
    ],
)
def test_a_thing_an_agreement_closed_not_told_as_closed_by_it_refers_to_nothing(atlas, text, published):
    assert only(extract(atlas, text, dt.date.fromisoformat(published))).agreements == ()


def test_what_an_agreement_closed_comes_from_the_data(atlas):
    text = "The Ferry Commission was dissolved on 25 November 2020."
    assert only(extract(atlas, text)).agreements == ()
    closing = [
        dataclasses.replace(a, closes={"en": ("Ferry Commission",)}) if a.id == "statement-2020-11-10" else a
        for a in atlas.agreements.values()
    ]
    found = only(extract_candidates(text, atlas.places.values(), closing, dt.date(2022, 3, 25)))
    assert found.agreements == ("statement-2020-11-10",)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The treaty text, agreed on 13 March 2025, bars third-party forces along the common border.", "2025-03-13"),
        (
            "The treaty text the two ministries announced as agreed in March 2025 opens on mutual recognition.",
            "2025-03-01",
        ),
        ("The treaty text, finalised on 13 March 2025, leaves delimitation to the commissions.", "2025-03-13"),
        ("Договор, согласованный 13 марта 2025 года, запрещает размещать на границе силы третьих стран.", "2025-03-13"),
    ],
)
def test_a_treaty_described_by_the_day_its_wording_was_agreed_is_that_treaty(atlas, text, day):
    found = only(extract(atlas, text, None))
    assert (found.date, found.agreements) == (dt.date.fromisoformat(day), ("peace-treaty-initialled-2025-08-08",))


def test_a_meeting_on_the_day_a_treatys_wording_was_agreed_is_not_the_treaty(atlas):
    text = "The foreign ministers held talks on 13 March 2025 and agreed to meet again."
    assert only(extract(atlas, text, dt.date(2025, 9, 1))).agreements == ()


def test_the_first_item_of_a_list_a_colon_opens_keeps_its_own_places_named_again_later(atlas):
    text = (
        "The president toured the regained districts: Fuzuli, Jabrayil and Aghdam in November 2020, Zangilan in "
        "December, and Fuzuli again in January 2021."
    )
    november, december, january = extract(atlas, text, dt.date(2021, 8, 17))
    assert november.places == ("fuzuli", "jabrayil", "aghdam")
    assert (december.places, january.places) == (("zangilan",), ("fuzuli",))


def test_a_count_of_days_after_a_meeting_dated_in_its_name_counts_from_that_meeting(atlas):
    text = (
        "Michel first hosted the leaders on 14 December 2021. After their meeting on 22 May 2022, the border "
        "commissions sat together on the interstate border two days later."
    )
    _, meeting, commissions = extract(atlas, text, None)
    assert (meeting.date, meeting.agreements) == (dt.date(2022, 5, 22), ("brussels-2022-05-22",))
    assert commissions.date == dt.date(2022, 5, 24)
    # A statement named by its day is not the day the sentence tells: the count is from the sentence before.
    text = "Armenia handed over Lachin on 1 December 2020. Citing the statement of 10 November 2020, Aliyev spoke the next day."
    assert extract(atlas, text, dt.date(2021, 5, 1))[-1].date == dt.date(2020, 12, 2)


@pytest.mark.parametrize(
    ("text", "published", "saturday"),
    [
        # Told on a weekday, "last weekend" and "over the weekend" are the weekend just gone.
        ("The summit in Djerba last weekend ended without a statement.", "2022-11-25", "2022-11-19"),
        ("The summit in Djerba ended over the weekend.", "2022-11-25", "2022-11-19"),
        # Told on a Saturday or Sunday, "last weekend" is the one before; "over the weekend" is still this one.
        ("The summit in Djerba last weekend ended without a statement.", "2022-11-26", "2022-11-19"),
        ("На прошлых выходных в Джербе прошел саммит.", "2022-11-27", "2022-11-19"),
        ("The summit in Djerba ended over the weekend.", "2022-11-26", "2022-11-26"),
    ],
)
def test_last_weekend_told_on_a_weekend_is_the_weekend_before(atlas, text, published, saturday):
    found = only(extract(atlas, text, dt.date.fromisoformat(published)))
    assert (found.date, found.date_precision) == (dt.date.fromisoformat(saturday), "range")


def test_a_year_less_day_between_the_days_the_sentence_before_wrote_is_in_their_year(atlas):
    text = (
        "The statement set two deadlines, 15 November 2020 for Kalbajar and 1 December 2020 for Lachin. "
        "At Yerevan's request the deadline for Kalbajar was later moved to 25 November."
    )
    assert extract(atlas, text, dt.date(2021, 8, 17))[-1].date == dt.date(2020, 11, 25)
    # Days a year apart are no one story's time: a later year-less day keeps the publication's reading.
    text = (
        "Moscow still cites the agreements of 11 January 2021 and 26 November 2021. "
        "The commissions first met on the border on 24 May."
    )
    assert extract(atlas, text, dt.date(2022, 11, 1))[-1].date == dt.date(2022, 5, 24)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "In May, the presidential aide floated signing the treaty on the margins of the climate summit.",
            "2024-07-24",
        ),
        ("Еще в мае 2024 года премьер говорил, что ни один пункт того заявления больше не действует.", "2025-09-01"),
    ],
)
def test_a_month_names_no_agreement_of_that_month_when_the_only_kind_the_sentence_names_is_another(
    atlas, text, published
):
    # May 2024's one agreement is a protocol; "the treaty" and "того заявления" are not it.
    assert only(extract(atlas, text, dt.date.fromisoformat(published))).agreements == ()


@pytest.mark.parametrize(
    ("text", "published", "agreement"),
    [
        # The kind fits, or the venue the clause names says which.
        (
            "The protocol agreed in May fixed the first sections of the line.",
            "2024-07-24",
            "delimitation-protocol-2024-05-15",
        ),
        (
            "The leaders went over what they discussed in Brussels in May, including the peace treaty.",
            "2023-06-01",
            "brussels-2023-05-14",
        ),
    ],
)
def test_a_month_still_names_the_agreement_of_the_kind_or_venue_the_sentence_names(atlas, text, published, agreement):
    assert agreement in only(extract(atlas, text, dt.date.fromisoformat(published))).agreements


def test_with_several_dates_a_month_names_an_agreement_by_a_kind_word_of_its_own_clause_only(atlas):
    text = (
        "Armenia's court cleared the regulations on the joint activity of the border commissions on Thursday. "
        "The commissions had aimed to finalise the regulations by July 1, but the prime minister's office said in "
        "August that the talks on the wording had needed more time."
    )
    _, deadline, statement = extract(atlas, text, dt.date(2024, 9, 26))
    # The office spoke in August, the month the regulations were signed; "the regulations" are the first clause's.
    assert (statement.date, statement.date_precision) == (dt.date(2024, 8, 1), "month")
    assert "in August" not in [s.text for s in statement.spans if s.kind == "agreement"]
    assert deadline.agreements == ("delimitation-regulations-2024-08-30",)
    # In its own clause the kind word still says which agreement of the month it is.
    (signed,) = extract(atlas, "The regulations signed in August were ratified by Armenia later.", dt.date(2024, 11, 1))
    assert signed.agreements == ("delimitation-regulations-2024-08-30",)


def test_a_place_the_lead_names_stays_the_leads_when_a_later_clause_only_stands_for_it_by_a_common_noun(atlas):
    text = (
        "The Lachin corridor, the only road between Nagorno-Karabakh and Armenia, has been closed since 12 December, "
        "and on 23 April Azerbaijan put a checkpoint at the Hakari bridge, at the Armenian end of the road."
    )
    blocked, checkpoint = extract(atlas, text, dt.date(2023, 6, 6))
    assert "lachin-corridor" in blocked.places
    assert "hakari-bridge-checkpoint" in checkpoint.places


def test_the_administrative_closure_stands_for_the_closing_decision_named_before(atlas):
    text = (
        "The OSCE closed the Minsk Process on 1 September. "
        "The Secretariat was given until 1 December to finish the administrative closure."
    )
    decided, finished = extract(atlas, text, dt.date(2025, 12, 5))
    assert decided.agreements == finished.agreements == ("osce-minsk-closure-2025-09-01",)
    assert finished.date == dt.date(2025, 12, 1)


@pytest.mark.parametrize(
    ("text", "published", "place"),
    [
        # "The Nakhchivan corridor" is the link, not the exclave.
        (
            "On 26 October Aliyev said the November statement holds a provision on the Nakhchivan corridor.",
            "2021-10-27",
            "nakhchivan-link",
        ),
        (
            "26 октября Алиев заявил, что в ноябрьском заявлении есть положение о Нахчыванском коридоре.",
            "2021-10-27",
            "nakhchivan-link",
        ),
        # The border post's official Russian name is the checkpoint, not the district.
        (
            "Варданяна задержали 27 сентября 2023 года на пограничном пункте «Лачин», когда он пытался выехать в "
            "Армению.",
            "2026-02-05",
            "hakari-bridge-checkpoint",
        ),
        (
            "The commissions first met on May 24 on the two countries' border.",
            "2022-06-24",
            "armenia-azerbaijan-border",
        ),
        (
            "Armenian troops left the area on December 18 after Pashinyan said it lay on the Azerbaijani side of the "
            "Soviet-era border.",
            "2021-09-14",
            "armenia-azerbaijan-border",
        ),
    ],
)
def test_a_spelling_of_the_data_names_its_place_not_a_neighbour(atlas, text, published, place):
    assert only(extract(atlas, text, dt.date.fromisoformat(published))).places == (place,)


def test_the_border_before_delimitation_names_the_commissions_not_the_place(atlas):
    text = (
        "The court ruled on Thursday that the regulations on the joint activity of the two countries' border "
        "delimitation commissions are compatible with the constitution."
    )
    assert only(extract(atlas, text, dt.date(2024, 9, 27))).places == ()


def test_places_before_the_first_date_are_the_first_clauses_when_it_names_none_of_them_again(atlas):
    text = (
        "The local authorities told residents of Berdzor, Aghavno and Sus to leave by 25 August 2022, "
        "and on 26 August Azerbaijani troops entered Lachin and Zabukh."
    )
    leave, entered = extract(atlas, text, dt.date(2022, 9, 1))
    assert set(leave.places) == set(entered.places) == {"lachin", "aghavno"}
    # A lead that lists places each item then names again still gives each to its item.
    text = (
        "Azerbaijan retook several districts, among them Jabrayil, Fuzuli and Zangilan, whose towns fell one after "
        "another: Jabrayil on 4 October, Fuzuli on 17 October and Zangilan on 20 October."
    )
    assert [c.places for c in extract(atlas, text, dt.date(2020, 10, 25))] == [
        ("jabrayil",),
        ("fuzuli",),
        ("zangilan",),
    ]


def test_in_an_undated_text_a_year_told_on_its_own_after_the_last_dated_day_moves_the_story_to_it(atlas):
    text = (
        "The first crisis came in mid-December 2020, when two villages fell. The hardest test came in spring 2022. "
        "On 24 March troops advanced into the peacekeepers' zone at Farrukh."
    )
    assert extract(atlas, text, None)[-1].date == dt.date(2022, 3, 24)
    # A month's year ("in October 2023") does not: a month is no day the story moved to.
    text = (
        "The ARF protested against the declaration on 9 August 2025. The route is part of a project Pashinyan "
        "unveiled in October 2023. On 21 August Pashinyan spoke of a new constitution."
    )
    assert extract(atlas, text, None)[-1].date == dt.date(2025, 8, 21)


def test_a_russian_statement_that_provides_stands_for_the_statement_named_before_after_an_adverb(atlas):
    text = (
        "Трехстороннее заявление подписали 10 ноября 2020 года. "
        "Первоначально заявление предусматривало передачу Кельбаджара к 15 ноября, однако срок был продлен."
    )
    handover = extract(atlas, text, dt.date(2021, 8, 17))[-1]
    assert (handover.date, handover.agreements) == (dt.date(2020, 11, 15), ("statement-2020-11-10",))
    # An official's statement is no text: "В заявлении министр сообщил" names none.
    text = "Трехстороннее заявление подписали 10 ноября 2020 года. Вчера министр сделал заявление о переговорах 20 мая."
    assert extract(atlas, text, dt.date(2021, 5, 21))[-1].agreements == ()


def test_an_agreement_named_by_its_month_opens_a_report_of_its_own(atlas):
    text = (
        "On 5 April Armenia protested. "
        "The January agreement, signed by Pashinyan, Aliyev and Putin, set up a working group of deputy prime ministers."
    )
    protest, january = extract(atlas, text, dt.date(2021, 4, 21))
    assert (protest.date, protest.agreements) == (dt.date(2021, 4, 5), ())
    assert (january.date, january.agreements) == (dt.date(2021, 1, 11), ("statement-2021-01-11",))
    # "The meeting" after a dated report still goes on with it.
    text = "Pashinyan and Aliyev met in Brussels on 14 December. The meeting lasted five hours."
    assert len(extract(atlas, text, dt.date(2021, 12, 16))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Of the nine points in the statement that Armenia, Azerbaijan and Russia signed on the night of 9-10 November "
        "2020, the last has proved the hardest.",
        "Of all the commitments in the ceasefire statement signed overnight on 9-10 November 2020, the humanitarian "
        "ones looked the simplest.",
    ],
)
def test_a_text_signed_over_a_night_of_two_days_is_dated_by_its_own_day(atlas, text):
    found = only(extract(atlas, text, None))
    assert (found.date, found.date_precision, found.agreements) == (
        dt.date(2020, 11, 10),
        "day",
        ("statement-2020-11-10",),
    )
    # Talks held over two days stay the two days, whatever they agreed.
    talks = only(extract(atlas, "The leaders met in Brussels on 13-14 May 2023 and agreed on a statement.", None))
    assert (talks.date, talks.date_precision) == (dt.date(2023, 5, 13), "range")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday President Ilham Aliyev signed an order approving the Regulation on joint activity of the two "
        "state commissions on the delimitation of the border.",
        "Парламент Армении в среду ратифицировал регламент совместной работы комиссий по делимитации.",
    ],
)
def test_the_delimitation_regulations_are_named_by_the_singular_and_the_russian_reglament(atlas, text):
    assert only(extract(atlas, text, dt.date(2024, 10, 25))).agreements == ("delimitation-regulations-2024-08-30",)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Under point 6 of the trilateral statement signed on 10 November 2020, Armenia was to return Kalbajar "
            "district by 15 November.",
            dt.date(2020, 11, 15),
        ),
        (
            "Under the statement signed on 10 November 2020, Armenia returned Kalbajar on 25 November.",
            dt.date(2020, 11, 25),
        ),
        # A later event beside the agreement's day is not one of its deadlines: the paper's October.
        ("The sides, citing the statement of 10 November 2020, met again on 6 October.", dt.date(2023, 10, 6)),
        # The agreement's month, read as its day, is no day written: the offensive is the paper's September.
        (
            "Its peacekeepers, deployed under the November 2020 ceasefire, failed to halt Azerbaijan's offensive of "
            "19 September.",
            dt.date(2023, 9, 19),
        ),
    ],
)
def test_a_yearless_day_after_an_agreements_day_written_with_its_year_is_in_that_year(atlas, text, day):
    assert extract(atlas, text, dt.date(2024, 3, 1))[-1].date == day


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the mayor of Goris said there were queues, and on Tuesday police began stopping buses.",
        "В понедельник мэр Гориса рассказал журналистам о пробках, а во вторник полицейские начали останавливать "
        "автобусы.",
    ],
)
def test_a_weekday_in_a_clause_of_its_own_after_a_speaking_day_is_another_event(atlas, text):
    found = extract(atlas, text, dt.date(2021, 9, 16))
    assert [c.date for c in found] == [dt.date(2021, 9, 13), dt.date(2021, 9, 14)]
    # Without a clause of its own, the weekday is what the words report: "said on Monday that … on Tuesday".
    told = extract(
        atlas, "The mayor of Goris said on Monday that police began stopping buses on Sunday.", dt.date(2021, 9, 16)
    )
    assert [c.date for c in told] == [dt.date(2021, 9, 12)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Следующую встречу стороны решили провести в понедельник, 1 марта.", dt.date(2021, 3, 1)),
        ("The sides decided to meet again on Monday, March 1.", dt.date(2021, 3, 1)),
        # The weekday fits the year read: nothing moves.
        ("The sides met on Sunday, March 1, to talk about the border.", dt.date(2020, 3, 1)),
        # "Накануне" names no weekday: the eve of the day written, not its year.
        ("Накануне, 15 февраля, министры встретились в Мюнхене.", dt.date(2021, 2, 15)),
    ],
)
def test_a_weekday_beside_a_yearless_day_says_which_year_it_is(atlas, text, day):
    assert only(extract(atlas, text, dt.date(2021, 2, 27))).date == day


def test_the_village_of_aghdam_in_tovuz_is_not_the_aghdam_district(atlas):
    # data/places.json's `not_names`: the Tovuz village of July 2020 shares the district's name.
    text = (
        "The clashes started on 12 July near Movses in Tavush and the Azerbaijani village of Aghdam in Tovuz district."
    )
    assert only(extract(atlas, text, dt.date(2020, 7, 20))).places == ("tavush",)
    assert only(extract(atlas, "Azerbaijan took Aghdam on 20 November 2020.", None)).places == ("aghdam",)


@pytest.mark.parametrize("broker", ["Moscow-brokered statement", "Russian-brokered statement", "Russian-brokered deal"])
def test_the_statement_brokered_by_moscow_is_the_2020_statement(atlas, broker):
    text = f"The war began on 27 September 2020. The {broker} that ended it obliged Armenia to hand over Kalbajar by 15 November."
    found = extract(atlas, text, None)[-1]
    assert (found.date, found.agreements) == (dt.date(2020, 11, 15), ("statement-2020-11-10",))


def test_that_same_weekday_is_the_one_told_before_not_the_last_before_publication(atlas):
    text = (
        "Суд дал Баку время до понедельника, 19 декабря. Подача газа в Карабах была восстановлена в тот же понедельник."
    )
    # Published on Thursday 29 December: the Monday before it is the 26th.
    assert [c.date for c in extract(atlas, text, dt.date(2022, 12, 29))] == [dt.date(2022, 12, 19)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "On 1 December 2020 Russian peacekeepers took over the five-kilometre-wide corridor between Karabakh and Armenia.",
        "On 1 December 2020 the peacekeepers took over the 5-km-wide corridor.",
        "On 1 December 2020 the peacekeepers took over a corridor five kilometres wide.",
        "1 декабря 2020 года миротворцы взяли под контроль коридор шириной 5 км.",
    ],
)
def test_the_corridor_five_kilometres_wide_is_the_lachin_corridor(atlas, text):
    # The width point 6 of the 2020 statement gives it is one of its names (data/places.json).
    assert "lachin-corridor" in only(extract(atlas, text, dt.date(2020, 12, 2))).places


_ORDERS = (dt.date(2023, 8, 17), [dt.date(2023, 2, 22), dt.date(2023, 7, 6)], "lachin-corridor")
_SHOTS = (
    dt.date(2025, 4, 15),
    [dt.date(2025, 3, 31), dt.date(2025, 4, 8), dt.date(2025, 4, 9)],
    "armenia-azerbaijan-border",
)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # Two days joined by "and" alone share what follows the second.
        (
            "Yerevan cited the court's orders of 22 February and 6 July, which told Baku to keep traffic moving on the "
            "Lachin corridor.",
            _ORDERS,
        ),
        (
            "Ереван сослался на решения суда от 22 февраля и 6 июля, требующие от Баку не мешать движению по "
            "Лачинскому коридору.",
            _ORDERS,
        ),
        # Days listed with a part of the day share the first one's place; an aside after the last is the list's.
        (
            "Baku accused Armenian units of firing across the border on March 31, on the evening of April 8 and late "
            "on April 9, claims Yerevan denied.",
            _SHOTS,
        ),
        (
            "Баку обвинил армянские подразделения в обстрелах на границе 31 марта, вечером 8 апреля и поздно вечером 9 "
            "апреля.",
            _SHOTS,
        ),
    ],
)
def test_days_told_together_share_their_place(atlas, text, told):
    published, days, place = told
    got = [(c.date, c.places) for c in extract(atlas, text, published)]
    assert got == [(day, (place,)) for day in days]


def test_a_day_with_its_own_when_and_clause_keeps_its_own_places(atlas):
    text = "The ministers talked on 20 November and on 1 December Azerbaijani troops entered Lachin."
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2020, 12, 2))]
    assert got == [(dt.date(2020, 11, 20), ()), (dt.date(2020, 12, 1), ("lachin",))]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # The clause hangs from the district: its day is the district's.
        (
            "A mine killed two reporters on 4 June in the Kalbajar district, which Armenian forces had left in November.",
            ("kalbajar",),
        ),
        # Other spellings in an aside between the name and "which" are the same place.
        (
            "A mine killed two reporters on 4 June in Kalbajar, or Karvachar, which Armenian forces had left in November.",
            ("kalbajar",),
        ),
        (
            "A mine killed two reporters on 4 June in Kalbajar (Karvachar), which Armenian forces had left in November.",
            ("kalbajar",),
        ),
        # "Where" tells of something else that happened there, and a clause after a date hangs from no place.
        ("Protests began on 4 June in Tavush and moved to Kalbajar, where they ended in November.", ()),
        ("Azerbaijan took Kalbajar back on 4 June last year, which its army had planned since November.", ()),
    ],
)
def test_a_which_clause_hanging_from_a_place_tells_of_that_place(atlas, text, places):
    assert extract(atlas, text, dt.date(2021, 6, 12))[-1].places == places


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministry said on Wednesday that a soldier had died in a shootout on the border with Azerbaijan, "
        "which took place the day before.",
        "Минобороны в среду сообщило о гибели военнослужащего в перестрелке на границе с Азербайджаном, произошедшей "
        "накануне.",
    ],
)
def test_a_clause_telling_when_something_happened_takes_the_places_named_with_it(atlas, text):
    got = [(c.date, c.places) for c in extract(atlas, text, dt.date(2022, 1, 12))]
    assert got == [(dt.date(2022, 1, 12), ()), (dt.date(2022, 1, 11), ("armenia-azerbaijan-border",))]


def test_the_ceasefire_a_clause_speaks_of_is_the_one_in_force_on_its_own_day(atlas):
    text = "A centre in Aghdam, which had watched over the ceasefire since 30 January 2021, closed on 26 April."
    # Not the ceasefire of September 2023, the latest before the sentence's last day.
    got = [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2024, 6, 12))]
    assert got[0] == (dt.date(2021, 1, 30), ("statement-2020-11-10",))


@pytest.mark.parametrize("watch", ["для наблюдения за режимом", "для контроля за режимом", "по мониторингу режима"])
def test_a_centre_watching_over_the_ceasefire_regime_is_no_agreement(atlas, watch):
    text = f"26 апреля в Агдаме закрылся центр, открытый 30 января 2021 года {watch} прекращения огня."
    assert all(not c.agreements for c in extract(atlas, text, dt.date(2024, 6, 12)))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On 28 September 2023 the authorities decreed that their republic would cease to exist on 1 January 2024. "
            "The border commissions met again on 30 November.",
            dt.date(2023, 11, 30),
        ),
        # In the same year, the day still to come is the one "that same day" counts from.
        (
            "On 24 October 2020 the ministers agreed a truce that was to begin at 08:00 on 26 October. That same day "
            "Aliyev said his forces had entered Gubadly.",
            dt.date(2020, 10, 26),
        ),
    ],
)
def test_a_day_still_to_come_does_not_move_an_undated_story_into_its_year(atlas, text, day):
    assert [c.date for c in extract(atlas, text, None)][-1] == day


@pytest.mark.parametrize(
    "text",
    [
        "Armenian forces took Shusha on 8 May 1992 and, ten days later, entered Lachin.",
        "Armenian forces took Shusha on 8 May 1992 and ten days later entered Lachin.",
        "Армянские силы взяли Шушу 8 мая 1992 года и через десять дней вошли в Лачин.",
    ],
)
def test_and_then_a_count_of_days_opens_a_second_event(atlas, text):
    got = [(c.date, c.places) for c in extract(atlas, text, None)]
    assert got == [(dt.date(1992, 5, 8), ("shusha",)), (dt.date(1992, 5, 18), ("lachin",))]


def test_a_year_less_day_moved_into_its_agreements_year_names_it_where_its_clause_says_it_was_made(atlas):
    text = (
        "Бои, начавшиеся 27 сентября 2020 года, прекратило трехстороннее заявление, которое лидеры России, "
        "Азербайджана и Армении подписали 10 ноября."
    )
    got = [(c.date, c.agreements) for c in extract(atlas, text, dt.date(2024, 12, 18))]
    assert got[-1] == (dt.date(2020, 11, 10), ("statement-2020-11-10",))


@pytest.mark.parametrize(
    "text",
    [
        "Under the trilateral statement of 10 November 2020 Armenia undertook to return Kalbajar by 15 November.",
        "По трехстороннему заявлению от 10 ноября 2020 года Армения обязалась вернуть Кельбаджар до 15 ноября.",
    ],
)
def test_a_deadline_an_agreement_sets_takes_its_year_without_a_comma_between(atlas, text):
    # Published in August 2021: the deadline is the statement's November, not the one still to come.
    assert extract(atlas, text, dt.date(2021, 8, 17))[-1].date == dt.date(2020, 11, 15)


@pytest.mark.parametrize(
    "text",
    [
        "The leaders met in Sochi on 31 October. At the Sochi meeting the two sides pledged not to use force.",
        "Лидеры встретились в Сочи 31 октября. На сочинской встрече стороны обязались не применять силу.",
    ],
)
def test_what_the_sides_pledged_at_a_meeting_is_what_it_provides(atlas, text):
    found = extract(atlas, text, dt.date(2022, 11, 28))
    assert [(c.date, c.agreements) for c in found] == [(dt.date(2022, 10, 31), ("sochi-2022-10-31",))] * 2


def test_a_month_with_its_day_before_talks_names_no_agreement_of_that_month(atlas):
    text = "Aliyev said he had proposed at his July 10 talks with Pashinyan in Abu Dhabi that the text be initialled."
    # No agreement was made on 10 July; the Brussels meeting of July 2023 is not these talks.
    assert only(extract(atlas, text, dt.date(2025, 7, 20))).agreements == ()


@pytest.mark.parametrize(
    "text",
    [
        "Peacekeepers took over the Lachin (Berdzor) corridor on 1 December 2020.",
        "Миротворцы взяли под контроль Лачинский (Бердзорский) коридор 1 декабря 2020 года.",
        "Движение по Лачинскому (Бердзорскому) коридору прекратилось 1 декабря 2020 года.",
    ],
)
def test_a_name_with_its_first_words_other_spelling_in_brackets_names_that_place_alone(atlas, text):
    # Not also the Lachin district or town its first word names.
    assert only(extract(atlas, text, dt.date(2020, 12, 2))).places == ("lachin-corridor",)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # The May of the takeover names no text, meeting or making: not the protocol-description of 15 May.
        (
            "A deal was struck in April, and border guards took over four Gazakh villages in May.",
            [("delimitation-2024-04-19",), ()],
        ),
        # A clause that is only its month dates the clause after it, which says what was agreed.
        (
            "In April, Armenia agreed to hand back four Gazakh villages, and in October it held a vote on the rules.",
            [("delimitation-2024-04-19",), ()],
        ),
    ],
)
def test_a_month_names_an_agreement_only_where_its_clause_speaks_of_one(atlas, text, told):
    assert [c.agreements for c in extract(atlas, text, dt.date(2024, 12, 18))] == told
