"""What each agreement promised and how far it was done on a day: the data, the questions, the CLI and the CSV."""

import csv
import dataclasses
import datetime as dt
import io
import json
import subprocess
import sys

import pytest

from geo import export, query
from geo.load import DEFAULT_DATA_DIR, load_atlas
from geo.model import COMMITMENT_STATUSES, Account, Commitment, StatusChange
from tests.conftest import FIXTURES, ROOT

D = dt.date


def _geo(*args, ok=True):
    result = subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def _commitment(ident, *changes, agreement="statement-2020-11-10"):
    history = tuple(StatusChange(D.fromisoformat(d), status, "ceasefire", "test-news") for d, status in changes)
    return Commitment(ident, agreement, "1", "Test stipulation.", "both", ("lachin",), history)


@pytest.fixture
def small():
    """The valid fixture with four commitments of one agreement: full, intermediate, superseded and disputed."""
    atlas = load_atlas(FIXTURES / "valid")
    commitments = [
        _commitment("done", ("2020-11-10", "not_initiated"), ("2020-11-20", "full")),
        _commitment("half", ("2020-11-10", "intermediate")),
        _commitment("overtaken", ("2020-11-10", "not_initiated"), ("2020-11-15", "superseded")),
        _commitment("contested", ("2020-11-10", "full"), ("2020-11-25", "disputed"), ("2020-11-30", "disputed")),
    ]
    return dataclasses.replace(atlas, commitments={c.id: c for c in commitments})


def test_the_file_and_the_records_agree_field_for_field(atlas):
    """Every field the schema documents is read: the records written back are the file."""
    raw = json.loads((DEFAULT_DATA_DIR / "commitments.json").read_text(encoding="utf-8"))["commitments"]
    assert {c["id"]: c for c in raw} == {c.id: c.as_json() for c in atlas.commitments.values()}


def test_the_shipped_commitments_cover_the_agreements_and_cite_known_events_and_sources(atlas):
    assert len(atlas.commitments) >= 60
    events = {e.id for e in atlas.events}
    for commitment in atlas.commitments.values():
        assert commitment.agreement in atlas.agreements and commitment.history
        assert commitment.history[0].date >= atlas.agreements[commitment.agreement].date
        for change in commitment.history:
            assert change.status in COMMITMENT_STATUSES
            assert change.event in events and change.source in atlas.sources
            if change.status == "disputed":
                assert len({a.side for a in change.accounts}) >= 2
    # The events the merge shipped under other ids are cited by their shipped ids.
    cited = {c.event for k in atlas.commitments.values() for c in k.history}
    assert "karabakh-ceasefire-2023-09-20" in cited and "ceasefire-2023-09-20" not in cited


def test_kalbajar_was_due_on_25_november_and_returned_that_day(atlas):
    kalbajar = atlas.commitments["s2020-art6-kalbajar-return"]
    assert kalbajar.deadline == D(2020, 11, 25) and "15 November" in kalbajar.deadline_note
    assert query.commitment_status_on(kalbajar, D(2020, 11, 9)) is None  # the statement was not yet made
    assert query.commitment_status_on(kalbajar, D(2020, 11, 20)) == "not_initiated"
    assert query.commitment_status_on(kalbajar, D(2020, 11, 26)) == "full"
    assert query.commitment_change_on(kalbajar, D(2020, 11, 26)).event == "kalbajar-handover-2020-11-25"
    assert kalbajar in query.commitments_for(atlas, place="kalbajar")


def test_of_two_changes_on_one_day_the_last_listed_holds(atlas):
    ceasefire = atlas.commitments["s2020-art1-ceasefire"]
    assert [c.status for c in ceasefire.history[:2]] == ["not_initiated", "full"]
    assert query.commitment_status_on(ceasefire, D(2020, 11, 10)) == "full"


def test_a_dispute_records_both_sides_and_the_atlas_does_not_rule(atlas):
    corridor = atlas.commitments["s2020-art6-corridor-free-movement"]
    change = query.commitment_change_on(corridor, D(2023, 1, 1))
    assert change.status == "disputed"
    assert {a.side for a in change.accounts} == {"Azerbaijan", "Armenia"}


def test_commitments_for_filters_by_agreement_and_place_in_agreement_order(atlas):
    ceasefire = query.commitments_for(atlas, agreement="ceasefire-2023-09-20")
    assert ceasefire and {c.agreement for c in ceasefire} == {"ceasefire-2023-09-20"}
    lachin = query.commitments_for(atlas, agreement="statement-2020-11-10", place="lachin")
    assert lachin and all("lachin" in c.places for c in lachin)
    dates = [atlas.agreements[c.agreement].date for c in query.commitments_for(atlas)]
    assert dates == sorted(dates)
    assert query.commitments_for(atlas, place="no-such-place") == []


def test_the_share_leaves_superseded_commitments_out_and_counts_disputed_ones_as_not_full(small):
    # 20 Nov: done full, half intermediate, overtaken superseded (not counted), contested full -> 2 of 3.
    assert query.implementation_share(small, "statement-2020-11-10", D(2020, 11, 20)) == pytest.approx(2 / 3)
    # 26 Nov: contested is disputed -> 1 of 3.
    assert query.implementation_share(small, "statement-2020-11-10", D(2020, 11, 26)) == pytest.approx(1 / 3)
    assert query.implementation_share(small, "statement-2020-11-10", D(2020, 11, 9)) is None
    assert query.implementation_share(small, "no-such-agreement", D(2020, 11, 20)) is None


def test_the_share_is_none_when_every_commitment_was_superseded(small):
    only = _commitment("gone", ("2020-11-10", "superseded"))
    atlas = dataclasses.replace(small, commitments={"gone": only})
    assert query.implementation_share(atlas, "statement-2020-11-10", D(2020, 12, 1)) is None


def test_changes_between_lists_control_and_commitment_changes_with_their_evidence(atlas):
    changes = query.changes_between(atlas, D(2020, 11, 21), D(2020, 11, 25))
    control = [(c.subject, c.before, c.after) for c in changes if c.kind == "control"]
    assert ("kalbajar", "arm", "az") in control
    kalbajar = next(c for c in changes if c.subject == "s2020-art6-kalbajar-return")
    assert (kalbajar.date, kalbajar.before, kalbajar.after) == (D(2020, 11, 25), "not_initiated", "full")
    assert kalbajar.event == "kalbajar-handover-2020-11-25" and kalbajar.source in atlas.sources
    assert all(D(2020, 11, 21) <= c.date <= D(2020, 11, 25) for c in changes)
    assert [c.date for c in changes] == sorted(c.date for c in changes)
    # Aghdam (20 Nov) and Lachin (1 Dec) fall outside the range.
    assert not {"aghdam", "lachin"} & {c.subject for c in changes}


def test_a_repeated_status_is_evidence_not_a_change_and_a_first_status_is_one(small):
    changes = query.changes_between(small, D(2020, 11, 1), D(2020, 12, 31))
    contested = [(c.before, c.after) for c in changes if c.subject == "contested"]
    assert contested == [(None, "full"), ("full", "disputed")]


def test_cli_commitments_json_has_the_fields_and_the_status_of_the_day(atlas):
    rows = json.loads(_geo("commitments", "--place", "kalbajar", "--asof", "2020-11-26", "--json").stdout)
    row = next(r for r in rows if r["id"] == "s2020-art6-kalbajar-return")
    assert row == {
        **row,
        "agreement": "statement-2020-11-10",
        "article": "6",
        "party": "Armenia",
        "deadline": "2020-11-25",
        "status": "full",
        "evidence": [
            "trilateral-statement-2020-11-10",
            "kalbajar-deadline-extended-2020-11-15",
            "kalbajar-handover-2020-11-25",
        ],
    }
    assert "kalbajar" in row["places"]
    earlier = json.loads(_geo("commitments", "--place", "kalbajar", "--asof", "2020-11-20", "--json").stdout)
    assert next(r for r in earlier if r["id"] == row["id"])["status"] == "not_initiated"


@pytest.mark.parametrize("day", ["2020-11-26", "2022-12-31", "2024-06-01"])
def test_the_cli_and_the_query_give_the_same_answers(atlas, day):
    """One source of truth: the CLI's status, evidence and share are the query functions' on that day."""
    date = D.fromisoformat(day)
    rows = json.loads(_geo("commitments", "--asof", day, "--json").stdout)
    expected = [c for c in query.commitments_for(atlas) if query.commitment_status_on(c, date)]
    assert [r["id"] for r in rows] == [c.id for c in expected]
    for row, commitment in zip(rows, expected, strict=True):
        assert row["status"] == query.commitment_status_on(commitment, date)
        assert row["evidence"] == query.commitment_evidence(commitment, date)
    share = query.implementation_share(atlas, "statement-2020-11-10", date)
    assert f"statement-2020-11-10  ({share:.0%} fully implemented" in _geo("commitments", "--asof", day).stdout


def test_cli_commitments_before_an_agreement_lists_none_of_its_commitments():
    rows = json.loads(
        _geo("commitments", "--agreement", "ceasefire-2023-09-20", "--asof", "2023-01-01", "--json").stdout
    )
    assert rows == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agreement", "statement-2020-11-1"], 'did you mean "statement-2020-11-10"?'),
        (["--place", "kalbajr"], 'did you mean "kalbajar"?'),
    ],
)
def test_cli_commitments_names_an_unknown_id_and_the_closest_one(args, message):
    result = _geo("commitments", *args, ok=False)
    assert result.returncode != 0 and message in result.stderr


def test_cli_changes_lists_the_kalbajar_handover_on_both_counts():
    changes = json.loads(_geo("changes", "--from", "2020-11-25", "--to", "2020-11-25", "--json").stdout)
    assert {"date": "2020-11-25", "kind": "control", "place": "kalbajar", "before": "arm", "after": "az"}.items() <= (
        next(c for c in changes if c.get("place") == "kalbajar").items()
    )
    assert any(c.get("commitment") == "s2020-art6-kalbajar-return" and c["after"] == "full" for c in changes)
    text = _geo("changes", "--from", "2020-11-25", "--to", "2020-11-25").stdout
    assert "kalbajar" in text and "arm -> az" in text


def test_cli_changes_refuses_a_range_that_ends_before_it_starts():
    result = _geo("changes", "--from", "2021-01-01", "--to", "2020-01-01", ok=False)
    assert result.returncode != 0 and "before --from" in result.stderr


def test_commitments_csv_carries_the_status_of_the_day_and_defuses_formulas(atlas, small):
    rows = list(csv.DictReader(io.StringIO(export.commitments_csv(atlas, D(2020, 11, 26)))))
    kalbajar = next(r for r in rows if r["id"] == "s2020-art6-kalbajar-return")
    assert (kalbajar["status"], kalbajar["since"], kalbajar["deadline"]) == ("full", "2020-11-25", "2020-11-25")
    assert kalbajar["evidence"].split("; ")[-1] == "kalbajar-handover-2020-11-25"
    assert len(rows) == len([c for c in atlas.commitments.values() if query.commitment_status_on(c, D(2020, 11, 26))])
    hostile = dataclasses.replace(
        small.commitments["done"], text='=HYPERLINK("http://evil")', party="+1", places=("@lachin",)
    )
    hostile = dataclasses.replace(
        hostile,
        history=(dataclasses.replace(hostile.history[0], accounts=(Account("-x", "=1+1"),)),),
    )
    out = export.commitments_csv(dataclasses.replace(small, commitments={"done": hostile}), D(2020, 12, 1))
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["text"].startswith("'=") and row["party"].startswith("'+") and row["places"].startswith("'@")
