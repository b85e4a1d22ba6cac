"""`python -m geo validate` accepts good data and names file, record and field for every kind of bad data."""

import json
import re
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.load import load_atlas, read_atlas
from geo.validate import DataError, Problem
from tests.conftest import FIXTURES, ROOT

BROKEN = {
    "unknown-place": (
        "events.json",
        '"lachin-handover"',
        "places",
        'unknown place id "lachn" (did you mean "lachin"?)',
    ),
    "unknown-agreement": (
        "events.json",
        '"lachin-handover"',
        "agreements",
        'unknown agreement id "statement-2020-11-01"',
    ),
    "unknown-article": ("events.json", '"lachin-handover"', "agreements", "statement-2020-11-10 has no article 12"),
    "bad-date": ("events.json", '"lachin-handover"', "date", "not a date in the form YYYY-MM-DD"),
    "impossible-date": ("events.json", '"lachin-handover"', "date", "not a real date"),
    "duplicate-id": ("events.json", "#2", "id", 'duplicate id "lachin-handover"'),
    "duplicate-id-agreement": ("agreements.json", "#2", "id", 'duplicate id "statement-2020-11-10"'),
    "unknown-agreement-kind": ("agreements.json", '"statement-2020-11-10"', "kind", 'unknown kind "ceasfire"'),
    "bad-text-agreed": ("agreements.json", '"statement-2020-11-10"', "text_agreed", "not a real date"),
    "missing-field": ("events.json", '"lachin-handover"', "title", "missing required field"),
    "unknown-source": ("events.json", '"lachin-handover"', "source", 'unknown source id "test-newz"'),
    "self-intersecting": ("regions.geojson", '"shusha"', "geometry", "Self-intersection"),
    "unknown-described-place": (
        "regions.geojson",
        '"shusha"',
        "described_by.with",
        'unknown place id "lachn" (did you mean "lachin"?)',
    ),
    "wrong-crs": ("regions.geojson", "", "crs", "must be WGS84 lon/lat"),
    "malformed-json": ("events.json", "", "", "malformed JSON at line"),
    "year-out-of-range": ("events.json", '"lachin-handover"', "date", "years the page can chart (1900 to 2100)"),
    "crs-not-object": ("regions.geojson", "", "crs", "must be an object"),
    "undrawable-geometry": ("regions.geojson", '"shusha"', "geometry", "the map cannot draw a MultiPoint"),
    "missing-source-file": ("sources.json", '"test-boundary"', "file", "is missing from data/sources"),
    "tie-without-kind": ("events.json", '"lachin-handover"', "agreements", "has no kind (named or inferred)"),
    "range-before-start": ("events.json", '"lachin-handover"', "end_date", "2020-11-30 is before the start 2020-12-01"),
    "control-overlap": ("regions.geojson", '"lachin"', "control[2]", "periods overlap or are out of order"),
    "commitment-unknown-event": (
        "commitments.json",
        '"lachin-return"',
        "history[1].event",
        'unknown event id "lachin-handovr" (did you mean "lachin-handover"?)',
    ),
    "commitment-unknown-agreement": ("commitments.json", '"lachin-return"', "agreement", "unknown agreement id"),
    "commitment-out-of-order": ("commitments.json", '"lachin-return"', "history[1]", "must be in date order"),
    "commitment-before-agreement": (
        "commitments.json",
        '"lachin-return"',
        "history[0]",
        "starts 2020-11-09, before the agreement was made (2020-11-10)",
    ),
    "commitment-one-sided-dispute": (
        "commitments.json",
        '"ceasefire-holds"',
        "history[1].accounts",
        "needs the accounts of at least two sides",
    ),
}


def _broken_dir(case, tmp_path):
    target = tmp_path / case
    shutil.copytree(FIXTURES / "valid", target)
    for broken_file in (FIXTURES / "broken" / case).iterdir():
        shutil.copy(broken_file, target / broken_file.name)
    return target


def _validate(data_dir):
    return subprocess.run(
        [sys.executable, "-m", "geo", "validate", str(data_dir)], cwd=ROOT, capture_output=True, text=True
    )


def test_shipped_data_validates():
    result = _validate(ROOT / "data")
    assert result.returncode == 0, result.stderr
    # The atlas to today (issue 10): at least ten agreements and eighty events, every place from the drafts that has
    # a cited coordinate or boundary.
    counts = re.search(r"OK - (\d+) places, (\d+) agreements, (\d+) events", result.stdout)
    places, agreements, events = map(int, counts.groups())
    assert places >= 30 and agreements >= 10 and events >= 80


def test_valid_fixture_validates():
    assert _validate(FIXTURES / "valid").returncode == 0


def test_every_fixture_case_is_tested():
    assert {p.name for p in (FIXTURES / "broken").iterdir()} == set(BROKEN)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_data_is_named_by_file_record_and_field(case, tmp_path):
    file, record, field, message = BROKEN[case]
    _, problems = read_atlas(_broken_dir(case, tmp_path))
    matching = [
        p for p in problems if p.file == file and p.record == record and p.field == field and message in p.message
    ]
    assert matching, [str(p) for p in problems]


@pytest.mark.parametrize("case", ["unknown-place", "self-intersecting", "malformed-json"])
def test_cli_exits_non_zero_and_prints_the_problem(case, tmp_path):
    result = _validate(_broken_dir(case, tmp_path))
    assert result.returncode == 1
    assert BROKEN[case][3] in result.stderr


def test_all_problems_are_reported_at_once(tmp_path):
    data_dir = _broken_dir("unknown-place", tmp_path)
    shutil.copy(FIXTURES / "broken" / "self-intersecting" / "regions.geojson", data_dir / "regions.geojson")
    with pytest.raises(DataError) as raised:
        load_atlas(data_dir)
    text = str(raised.value)
    assert "lachn" in text and "Self-intersection" in text


def test_a_bad_event_does_not_lose_the_good_ones(tmp_path):
    atlas, problems = read_atlas(_broken_dir("unknown-place", tmp_path))
    assert len(problems) == 1
    assert [e.id for e in atlas.events] == ["ceasefire"]


DATA_FILES = {"events.json", "agreements.json", "sources.json", "regions.geojson", "commitments.json"}
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(sorted(DATA_FILES)),
    content=st.binary(max_size=300)
    | _JSON_VALUES.map(lambda v: json.dumps(v).encode())
    | st.tuples(st.sampled_from(["events", "agreements", "sources", "features", "commitments"]), _JSON_VALUES).map(
        lambda kv: json.dumps({kv[0]: kv[1]}).encode()
    ),
)
def test_any_file_content_gives_named_problems_never_a_crash(tmp_path, name, content):
    data_dir = tmp_path / "fuzz"
    if not data_dir.exists():
        shutil.copytree(FIXTURES / "valid", data_dir)
    original = (FIXTURES / "valid" / name).read_bytes()
    (data_dir / name).write_bytes(content)
    try:
        _, problems = read_atlas(data_dir)
    finally:
        (data_dir / name).write_bytes(original)
    # A broken file may also leave references in the others unresolved: those are named under their own file.
    assert all(isinstance(p, Problem) and p.file in DATA_FILES for p in problems)


@pytest.mark.parametrize("content", ["null", "[]", "5", '{"events": 5}', '{"events": [5, null]}'])
def test_a_file_of_the_wrong_shape_is_a_named_problem(tmp_path, content):
    data_dir = tmp_path / "shape"
    shutil.copytree(FIXTURES / "valid", data_dir)
    (data_dir / "events.json").write_text(content)
    _, problems = read_atlas(data_dir)
    assert problems and all(p.file == "events.json" for p in problems)
