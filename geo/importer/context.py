"""What the rows of one file share: the file name, the atlas, the ad-hoc sources made so far, the places each
spelling resolves to, and how many "did you mean" searches the file has left."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import shapely

from geo.gazetteer import gazetteer_of
from geo.model import Atlas, Source
from geo.validate import Problem, check_ids

# "Did you mean" is a fuzzy search over every spelling, about 0.2 ms each: the first this many distinct unknown names
# (or source ids) of a file get one, enough to show a pattern of typos; the rest get a plain message, so that a
# file of 500,000 made-up names costs no more than a file of valid ones.
MAX_SUGGESTIONS = 100
# Hex digits of a file's SHA-256 in the ids generated for it: 8 make a clash between two files of one session about
# one in four billion.
FILE_KEY_LENGTH = 8
# One event naming thousands of unknown places is one mistake (a wrong column), not thousands: its field reports this
# many and then how many more, so that the report (and its memory) grows with the rows, not with the names in a cell.
MAX_PROBLEMS_PER_FIELD = 20
# Conflict exports repeat a few hundred location names thousands of times, so each distinct name is resolved once;
# past this many distinct names the rest are resolved each time (cheaply, with no suggestion), keeping memory bounded.
MAX_CACHED_NAMES = 10_000


@dataclass
class _Draft:
    """One row on its way to an Event: the raw event record built so far, or its problems."""

    label: str
    raw: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


class _Context:
    """What the rows of one file share: the file name, the atlas, and the ad-hoc sources made so far."""

    def __init__(self, name: str, atlas: Atlas, data: bytes = b""):
        self.name = name
        self.atlas = atlas
        # Generated ids carry this much of the file's hash: two files added in one session never make the same id,
        # and the same file added twice makes the same ids, so it adds nothing the second time.
        self.file_key = hashlib.sha256(data).hexdigest()[:FILE_KEY_LENGTH]
        # "acled" or "ucdp" when the CSV header is one of theirs: their ids and precision codes are read as theirs.
        self.dataset: str | None = None
        self.adhoc: dict[tuple, Source] = {}
        self._adhoc_ids: set[str] = set()
        self._resolved: dict[tuple[str, bool], tuple[str | None, str]] = {}
        self._suggestions = 0
        self._source_suggests: dict[str, bool] = {}  # whether each distinct unknown source id got a "did you mean"
        self.gazetteer = gazetteer_of(atlas.places.values())
        self._polygons: list | None = None
        self._tree: shapely.STRtree | None = None

    def nearest_place(self, location: list[float]) -> str:
        """' (nearest: <id>)' for a point outside every place, to help fix it; the tree is built once per file."""
        if self._polygons is None:
            self._polygons = [
                p for p in self.atlas.places.values() if p.geometry.geom_type in ("Polygon", "MultiPolygon")
            ]
            self._tree = shapely.STRtree([p.geometry for p in self._polygons])
        if not self._polygons or self._tree is None:
            return ""
        index = self._tree.nearest(shapely.Point(location))
        return f" (nearest: {self._polygons[int(index)].id})" if index is not None else ""

    def may_suggest(self) -> bool:
        """Whether a "did you mean" may still be searched for: True for the first MAX_SUGGESTIONS asks of a file."""
        self._suggestions += 1
        return self._suggestions <= MAX_SUGGESTIONS

    def source_problems(self, draft: _Draft) -> list[Problem]:
        """An unknown source id, told with a "did you mean" among the atlas's sources while the file has some left."""
        source = draft.raw["source"]
        if source in self.atlas.sources or source in self._adhoc_ids:
            return []
        suggest = self._source_suggests.get(source)
        if suggest is None:
            suggest = self.may_suggest()
            if len(self._source_suggests) < MAX_CACHED_NAMES:
                self._source_suggests[source] = suggest
        return check_ids([source], self.atlas.sources, "source", self.name, draft.label, "source", suggest)

    def problem(self, draft: _Draft, field_name: str, message: str) -> None:
        draft.problems.append(Problem(self.name, draft.label, field_name, message))

    def generated_id(self, *parts: object) -> str:
        """An id for something the file does not name: "import-<file key>-<parts>"."""
        return "-".join(map(str, ("import", self.file_key, *parts)))

    def source_id(self, publisher: str, title: str, date: str | None = None, url: str | None = None) -> str:
        """The id of an ad-hoc source with these details: the same details give the same "import-<key>-<n>"."""
        key = (publisher, title, date, url)
        if key not in self.adhoc:
            source_id = self.generated_id(len(self.adhoc) + 1)
            self.adhoc[key] = Source(source_id, title=title, publisher=publisher, date=date, url=url)
            self._adhoc_ids.add(source_id)
        return self.adhoc[key].id

    def resolve_place(self, text: str, hint: bool = True) -> tuple[str | None, str]:
        """The place id `text` names (id or any spelling, exact match first), or None and why not.

        `hint=False` skips the "did you mean" search, for callers that will not show the message.
        """
        if (text, hint) in self._resolved:
            return self._resolved[text, hint]
        found = self._resolve(text, hint)
        if len(self._resolved) < MAX_CACHED_NAMES:
            self._resolved[text, hint] = found
        return found

    def _resolve(self, text: str, hint: bool) -> tuple[str | None, str]:
        return self.gazetteer.resolve(text, lambda: hint and self.may_suggest())


def _too_many(name: str, rows: int, max_rows: int) -> Problem:
    message = f"{rows:,} rows or more; the limit is {max_rows:,} - split the file or filter it by date or country first"
    return Problem(name, "", "", message)


def _resolve_places(
    names: list[str], field_name: str, draft: _Draft, context: _Context, hint: bool = True
) -> list[str]:
    ids = []
    unknown = 0
    for text in (n.strip() for n in names):
        if not text:
            continue
        place, why = context.resolve_place(text, hint)
        if place is None:
            unknown += 1
            if unknown <= MAX_PROBLEMS_PER_FIELD:
                context.problem(draft, field_name, why)
        elif place not in ids:
            ids.append(place)
    if unknown > MAX_PROBLEMS_PER_FIELD:
        context.problem(draft, field_name, f"and {unknown - MAX_PROBLEMS_PER_FIELD:,} more names that are not places")
    return ids
