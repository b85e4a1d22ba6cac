"""Candidates assembled from what the other rooms find in each sentence.

A candidate is one dated report. A sentence that continues the one before it ("The sides ...", "He said ...", a
sentence opening with a quotation mark) and carries no date of its own joins that sentence, because outlets name the
date once and the details after it; the report takes the continuing sentence's agreements and people, not its
places (the labels mark places only in the sentence that tells the event: dev places precision 0.89 -> 0.92, recall
unchanged). A sentence listing several dated events ("Aghdam on 20 November, Kalbajar on 25
November and Lachin on 1 December") gives one candidate per event: the sentence is cut at the last clause break
before each further date, and each event takes the places, agreements and people of its own clause, plus the
agreements and people named before the first date, which the whole list shares.

A date that only names an agreement ("Article 4 of the statement of November 10, 2020") is not the event's date
when the sentence has another date. When the sentence has no date of its own but names an agreement, the candidate
takes the agreement's date and says so in `date_note` and `low_confidence`.

A headline (a first line without closing punctuation) is never a candidate of its own. It lends the lead (the first
candidate drawn from a prose sentence) its places only when the lead names none ("officials discussed the situation
in the region" under "… withdrawal from Karabakh"): a reader marks what the report's own sentences name, and lending
the headline's places, agreements and people to every lead cost precision on each field of the dev split. Nor does it
lend a name that qualifies another word ("as Karabakh blockade drags on", "Минский процесс по Карабаху"), only one
where or whither the story happens, after "in", "to", "from", "в", "на", …: on the 134 dev articles, 7 places the
labels leave out, none they mark (places precision 0.922 → 0.935).
A dateline ("BAKU, Nov 27 (Reuters) -", "YEREVAN, NOVEMBER 15, ARMENPRESS.") is where and when the story was
filed, not what it reports: its date and place are skipped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from geo.dates import MONTH_NAMES, RU_MONTH_STEMS, in_year
from geo.extract.actors import People, find_actors
from geo.extract.agreements import (
    AGREEMENT_DATE_SLACK_DAYS,
    ANAPHOR,
    ANAPHOR_SENTENCES,
    CONJUNCTIONS,
    DEADLINE_REACH,
    DEADLINE_WORDS,
    MADE,
    MEETING_ANAPHOR_SENTENCES,
    OWN_CLAUSE,
    AgreementFinder,
    Reference,
    article_references,
    finder_of,
    follows_deadline_word,
    made_in_clause,
    name_before,
)
from geo.extract.dates import (
    BARE_YEAR,
    COLON,
    LIST_JOIN,
    LIST_YEAR_GAP,
    MOVED_LATER,
    OWN_VERB_AFTER_DAY,
    PAST_VERB,
    REPORTED_CLAUSE,
    RU_PAST_VERB,
    SPEECH_VERBS,
    SPOKEN,
    STORY_YEAR_DAYS,
    DateMention,
    came_apart,
    ends_a_span,
    find_dates,
    listed_together,
    offset_date,
    opens_its_clause,
)
from geo.extract.linking import Linker, Reason, made_another_day, resolve_to_article_agreement
from geo.extract.sentences import CONTINUATION, closed, split_sentences
from geo.gazetteer import (
    NOT_A_PLACE_AFTER,
    Gazetteer,
    PlaceMatch,
    Token,
    gazetteer_of,
    ru_boundary_of_others,
    token_matches,
    tokens,
)
from geo.model import Actor, Agreement, Place

# A sentence listing more dated events than this is not a list a reporter wrote but pasted data: it gives one
# candidate, which also keeps the cutting linear (each clause looks at every item of the sentence).
MAX_EVENTS_PER_SENTENCE = 12
# "In 2022 the leaders met …", "в 2022 году": a year written as when, not as part of a name ("the 1991 declaration").
# "in 2022", "In August 2022", "в августе 2022 года": a year the sentence's later days are in.
# "in autumn 2023", "in the summer of 2024", "осенью 2023 года": a season of the year.
_SEASON_OF = (
    r"\bin\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?|(?<![\w-])(?:весной|летом|осенью|зимой)\s+"
)
_IN_YEAR = re.compile(
    r"(?:(?<![\w-])(?:in|в)\s+(?:(?:"
    + "|".join(MONTH_NAMES)
    + "|"
    + "|".join(RU_MONTH_STEMS)
    + r")\w*\s+)?|"
    + _SEASON_OF
    + r")$",
    re.I,
)
IN_YEAR_REACH = 20
# A year on its own or with its season, not a month's ("came in spring 2022", "в 2022 году"; not "in October 2023").
_IN_YEAR_ALONE = re.compile(r"(?:(?<![\w-])(?:in|в)\s+|" + _SEASON_OF + r")$", re.I)
# The Russian date's own "в", which its span holds ("в августе 2022 года"), as "in" stands before the English one.
_RU_IN = re.compile(r"(?:в|во)\s", re.I)
# "the war of 2020, which began on September 27", "The 2020 war, which began on Sept. 27": a year naming a thing, and
# the clause that goes on about it.
_NAMING_YEAR_BEFORE = re.compile(r"(?<![\w-])(?:of|the)\s+$", re.I)
_YEAR_THEN_WHICH = re.compile(r"\d{4}(?:\s+[\w-]+){0,2},\s+(?:which|that|котор\w+)\s[^,;:]*$", re.I)
# How far after "in 2020" a year-less date of a dated text may stand and still be in that year's clause.
YEAR_CLAUSE_REACH = 200
_CLAUSE_MARK = re.compile(r"[,;:]")
# A comma that goes on about the same time: a phrase of time or a relative clause after it ("detained in 2023, after the
# offensive of 19 September, as a result of which … on 20 September"), not a clause of its own ("…, the ministry said").
_SAME_TIME_GOES_ON = re.compile(
    r"[,:]\s+(?:after|before|following|during|amid|which|when|where|после|до|в\s+ходе|по\s+итогам|когда|котор\w+|где)\b|"
    # "In 2024, on 15 May, …", "В 2024 году, 15 мая, …": the comma sets off the day the year opened; "The format
    # gathered pace in 2022: after the leaders met again on 6 April …": a colon opens what the year held.
    r"[,:]\s+(?:on\s+)?(?=\d|(?-i:[A-Z])[a-z]+\s+\d)",
    re.I,
)
# The days a sentence writes with their year are one story's time when they are this close: "by 15 November 2020 and
# by 1 December 2020" is; "the statements of 11 January and 26 November 2021" are not.
STORY_SPAN = dt.timedelta(days=STORY_YEAR_DAYS)
DATE_NOTE_AGREEMENT = "date of the agreement named; the event's own date is not given"
# Any year with a 29 February, to read a year-less day's month and day before its year is known.
LEAP_YEAR = 2000

# "BAKU, March 22 -", "YEREVAN/BAKU, April 24 (Reuters) -", "МОСКВА, 10 ноября. /ТАСС/.": place, then the date.
# "BAKU, ", "ДАВОС (Швейцария), ": a dateline's place, its country perhaps in brackets.
_DATELINE_PLACE = re.compile(r"^(?:[A-ZА-Я][\w'./-]*(?:\s+[A-ZА-Я][\w'./-]*)*(?:\s+\([^()]{1,30}\))?,\s+){1,2}")
# What ends it after the date: a bracket ("(Reuters)"), an agency between slashes as Russian-language wires write it
# ("БАКУ, 27 апреля /Trend/ –"), a comma and an agency, then a dash, colon or full stop. Possessive spaces: two
# optional runs of spaces side by side would split one long run every possible way.
_DATELINE_END = re.compile(
    r"^\s*+(?:\([^)]{0,60}\)\s*+)?(?:/[^/\s][^/\n]{0,30}/\s*+)?(?:,\s*+[A-ZА-Я][\w-]{1,30}\.?\s*+)?(?:[-—–:.]|$)"
)
# An agency's name opening the lede after a dateline on a line of its own: "Trend: The first families …".
_LEDE_TAG = re.compile(r"(?P<agency>[A-ZА-Я][\w.]{1,20}):\s+(?=\w+\s+\w+\s+\w)")
# The words a text is called by when the sentence says what it says ("the framework states", "the document notes").
_TEXT_WORD = r"(?:statement|document|declaration|agreement|text|treaty|protocol|framework)"
# A sentence without a date of its own is a candidate only when it says what a named agreement provides.
_PROVIDES = re.compile(
    r"\b(?:provides?|provided\s+for|foresees?|foresaw|stipulates?|obliges?|obliged|promises?(?!\s+of\b)|requires?|envisages?|"
    # "The document also confirms …", "Документ также подтверждает …": what it affirms is what it says.
    r"(?:re)?affirms?|confirms?|"
    r"guarantee[sd]?|commits?|committed|binds?|sets?\s+out|calls?\s+for|(?:is|are|was|were)\s+meant\s+to|shall)\b|"
    r"предусматрива\w*|предусмотр\w*|подтвержда\w*|обязыва\w*|обязал\w*|гласит|гарантир\w*|закрепл\w*|"
    # "Документ не налагает на стороны юридических обязательств", "The text imposes no obligations": what it lays down.
    r"налага\w*|\bimposes\b|"
    # "…, the statement says", "…, the statement said": what the text itself says.
    rf"(?:deal|{_TEXT_WORD})(?:\s+itself)?\s+(?:says|said|states|stated|reads)\b|"
    # "Michel's statement that night also said …", "The Brussels statement also offered EU help …": what it said too.
    rf"{_TEXT_WORD}(?:\s+[\w-]+){{0,2}}?\s+also\s+(?:says|said|states|stated|offers|offered|welcomes|welcomed)\b|"
    # "The document also notes …", "The joint statement also records …", "В заявлении отмечен …": what it records.
    rf"{_TEXT_WORD}\s+"
    r"(?:(?:issued|adopted|signed|published)\s+(?:[\w-]+\s+){0,3}?)?(?:also\s+)?(?:notes|records|mentions)\b|"
    # "В рамочном документе также подчеркивается …": with its adjectives too.
    r"(?<![\w-])в\s+(?:[а-яё]+\s+){0,2}(?:заявлении|документе|декларации)\s+(?:также\s+)?"
    r"(?:отмеч|зафиксирова|упомина|подчеркива)\w*|"
    # "That agreement put Russian peacekeepers in Nagorno-Karabakh", "The November statement also left the Lachin
    # corridor under the control of …", "The statement … dealt with Karabakh, the corridor and transport links", "The
    # corridor was created by the Russian-brokered truce", "deployed … under the deal", "The ceasefire also sent 2,000
    # peacekeepers", "The statement's sixth point asked the sides …", "That statement entrusted Russia's border guards
    # with …", "The Washington accords also launched the Trump Route": what the agreement did is what
    # it says ("the truce that ended the war" is only its name; "the document gave Baku more" a judgement of it).
    # "The Sochi statement refers to the UN Charter", "Сочинское заявление ссылается на …": what it cites is in it.
    rf"{_TEXT_WORD}\s+(?:also\s+)?"
    r"(?:refers|cites)\b|(?<![\w-])(?:заявлени|документ|деклараци|соглашени)\w*\s+(?:также\s+)?ссылается|"
    # "The framework gives a TRIPP company the right …", "The framework itself creates no obligations", "The
    # regulations make the declaration the basis …", "The statement's fourth point set the mission's term …": what the
    # text named at the head of the sentence gives, makes, creates or sets, it lays down.
    # "Article 7 of the initialled text bars …": what a numbered part of the text lays down, the text does; "That
    # treaty bars …" as well.
    r"^\W*(?:(?:article|point|paragraph|clause)\s+(?:\d+|[IVX]+)\s+of\s+)?"
    rf"(?:the|that|this)\s+(?:[\w-]+\s+){{0,2}}?(?:{_TEXT_WORD}|protocol-description|regulations|decision|deal)"
    r"(?:['’]s\s+(?:[\w-]+\s+)?(?:point|article|paragraph))?(?:\s+itself)?\s+(?:(?:also|merely|only)\s+)?"
    r"(?:gives?|grants?|hands?|sets?|makes?|made|bars?|bans?|allows?|lays?\s+down|leaves?|creates?|tasks?)\b|"
    # "The protocol-description fixed a 12.7-kilometre stretch": what a protocol fixed, it lays down.
    r"(?:statement|deal|truce|ceasefire|agreement|declaration|document|accord|armistice|protocol(?:-description)?)s?\b"
    r"[^.;]{0,40}?\b(?:puts?|place[sd]|create[sd]|establish(?:es|ed)|introduce[sd]|sets?\s+up|left|leaves|kept|keeps|"
    r"dealt\s+with|deals\s+with|fixe[sd]|define[sd]|sent|sends|asked|asks|entrust(?:s|ed)|launch(?:es|ed))\b|"
    r"\b(?:created|established|set\s+up|deployed|placed|introduced)\s+(?:[\w,-]+\s+){0,8}?(?:under|by|since)\s+the\s+"
    r"(?:[\w-]+\s+){0,3}?(?:statement|deal|truce|ceasefire|agreement|declaration|document|accord)\b|"
    # "In the same document Armenia withdrew its bid …", "В том же документе Азербайджан поддержал …": what it says.
    r"^\W*(?:in|under)\s+the\s+same\s+(?:document|statement|declaration|text|agreement|protocol)\b|"
    r"^\W*в\s+т(?:ом|ой)\s+же\s+(?:[а-яё]+\s+)?(?:документе|заявлении|декларации|соглашении|протоколе)(?![\w-])|"
    # "Under the document, Azerbaijan releases …", "Under Article I of the treaty, each party …", "Согласно протоколу,
    # … переходят": what the agreement says. "По условиям прекращения огня …": under its terms.
    r"^\W*(?:under|according\s+to|in\s+line\s+with|pursuant\s+to)\s+"
    r"(?:(?:article|point|paragraph|clause)\s+(?:\d+|[IVX]+)\s+of\s+)?(?:the|this|that|its)\b|^\W*согласно\b|"
    r"^\W*по\s+условиям(?![\w-])|"
    # "В рамках той же договоренности Азербайджан освободил …", "As part of the same deal, …": what it provided.
    r"^\W*(?:в\s+рамках\s+(?:т(?:ой|ого|ех)\s+же|эт\w+|данн\w+)|as\s+part\s+of\s+(?:the|this|that)(?:\s+same)?)\s|"
    # "По этому документу миротворцы должны …": "по" with the text (not "по заявлению министра", an official's).
    r"^\W*по\s+(?:(?:эт|данн|указанн|подписанн)\w*\s+)?(?:документу|соглашению|протоколу|договору)(?![\w-])|"
    # "По трехстороннему заявлению от 10 ноября 2020 года Армения обязалась …": a statement named as a text, by its
    # adjective or its day, not "по заявлению министра".
    r"^\W*по\s+(?:[а-яё]+(?:ому|ему)\s+){1,2}заявлению(?![\w-])|^\W*по\s+заявлению\s+от\s|"
    # "In the statement adopted after the meeting, the leaders agreed …", "…заявление, в котором стороны договорились
    # …", "В принятом там заявлении лидеры условились …": what the sides agreed in it is what it says.
    r"(?:^\W*in\s+(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?:statement|document|declaration|text|protocol)\b|"
    r"^\W*в\s+(?:[а-яё]+\s+){0,2}(?:заявлении|документе|декларации|протоколе)(?![\w-])|"
    r"\bin\s+which\s|(?<![\w-])в\s+котор\w+\s)[^.;]{0,80}?"
    r"(?<![\w-])(?:agreed|recogni[sz]ed|reaffirmed|confirmed|committed|pledged|undertook|договорились|условились|"
    r"согласились)"
    r"(?![\w-])|"
    # "At the Brussels talks the leaders also agreed …", "На брюссельской встрече лидеры … подтвердили …": what the
    # sides agreed or affirmed at a meeting the atlas holds as an agreement is what it says.
    # A possessive among its words: "At last year's Prague meeting", "At Monday's talks".
    r"^\W*(?:at|на)\s+(?:the\s+)?(?:[\w-]+(?:['’]s)?\s+){0,3}(?:meeting|talks|summit|встрече|переговорах|саммите)(?![\w-])"
    r"[^.;]{0,80}?(?<![\w-])(?:agreed|confirmed|reaffirmed|pledged|undertook|договорились|условились|подтвердили|"
    r"обязались)(?![\w-])|"
    # "…the third paragraph of the declaration, under which communications are to be opened", "…заявлением, по
    # которому в Карабах вошли миротворцы": a relative clause on what the text says.
    r",\s+(?:under|according\s+to)\s+which\b|,\s+(?:по|согласно)\s+котор(?:ому|ой|ым)(?![\w-])|"
    # "…ended with a Russian-brokered ceasefire under which Armenia gave up Kalbajar": no comma after the text's name.
    r"\b(?:statement|deal|truce|ceasefire|agreement|declaration|document|accord|protocol)\s+under\s+which\b|"
    # "…withdraw its troops as required by the Russian-brokered ceasefire": what the text asks for.
    r"\b(?:required|demanded|foreseen|envisaged|stipulated|provided\s+for)\s+(?:by|in|under)\s+the\b|"
    # "Тем же документом стороны подтвердили …": by that text, the sides did what it says.
    r"^\W*(?:тем\s+же|этим|данным|указанным)\s+(?:документом|заявлением|соглашением|протоколом)(?![\w-])",
    re.I,
)
# "postponed by ten days, to November 25", "перенесена на 25 ноября": a date that is the new day of something moved.
RESCHEDULED_REACH = 80
_RESCHEDULED = re.compile(
    rf"\b(?:{MOVED_LATER}|delay(?:ed|ing)?|rescheduled|extended|moved\s+back)\b[^.;:]{{0,60}}?"
    r"\b(?:to|until|till)\s+(?:the\s+)?$|(?:перенес\w*|отлож\w*|продлен\w*|продлил\w*)[^.;:]{0,60}?\s(?:на|до)\s+$",
    re.I,
)
# A dated line naming nothing, with no more words than this besides its dates, is a byline ("Press release, 17
# October 2022.", "Analysis, 12 June 2023."), not a report.
BYLINE_WORDS = 2
_WORD = re.compile(r"\w+")
_TWO_WORDS = re.compile(r"\w+\W+\w+")
# "…, a day after Baku installed its own checkpoint", "…, a day after meeting Pashinyan in Kazan", "…, через день после
# того, как стороны договорились": a counted clause that tells what someone did is an event of its own; "…, two days
# after the May meeting" (a name) and "…, a day before Azerbaijani units were due to enter it" (still to come) are not.
_ACT_IN_CLAUSE = re.compile(
    r"^\s+(?:meeting|signing|visiting|talking|holding|announcing)\b|^[^,.;:]*?(?<![\w-])(?:[a-z]{2,}ed|became|began|"
    r"met|set|took|won|left|came|gave|held|said|told|fought|broke|brought|sent|struck|shot|made|went)(?![\w-])",
)
# A sentence opening on a demonstrative ("That remark …") points back to what the sentence before told.
_POINTS_BACK = re.compile(r"\W*(?:that|this|those|these)\s", re.I)
_EXACT_COUNT = re.compile(r"exactly\s|ровно\s", re.I)
# Words that tell what is still to come: "would cease to exist on", "was to hand over Kalbajar by", "должна …".
_TO_COME_WORDS = (
    r"(?<![\w-])(?:due|would|will|was\s+to|were\s+to|is\s+to|are\s+to|должн\w*|буд(?:ет|ут)|предстоит)(?![\w-])"
)
_STILL_TO_COME = re.compile(rf"^[^,.;:]*?{_TO_COME_WORDS}", re.I)  # opening the clause after a count of days
_TO_COME = re.compile(_TO_COME_WORDS, re.I)  # anywhere in the clause that ends with a day
ACT_CLAUSE_REACH = 120
# Where one clause of a list of dated events ends and the next begins.
_CLAUSE_BREAK = re.compile(rf"[,;]\s|\s[—–]\s|\s(?:{CONJUNCTIONS})\s")
# Where an item of a list may begin: a break, or the colon that opens the list.
_ITEM_BREAK = re.compile(rf"[,;:]\s+(?:(?:{CONJUNCTIONS})\s+)?")
# A sentence opening on a clause of time ("After the statement … anchored …, the leaders …"), which ends at its comma.
_FRONTED_CLAUSE = re.compile(r"^\W*(?:after|once|when|после\s+того\s+как|когда)\s", re.I)
_COMMA = re.compile(r",\s")
# A comma and the word that opens a subordinate clause of another time: "…, after Azerbaijan took over …", "…, после
# того как …"; not "when", which tells more of the day before it ("on April 19, when the commissions agreed …").
_SUBORDINATE = re.compile(
    r",\s+(?:after|before|once|until|because|following|после(?:\s+того,?\s+как)?|до\s+того,?\s+как)\s",
    re.I,
)
_COMMA_WHICH = r",\s+(?:which|where|котор\w+|где)\s"
_COMMA_WHICH_RE = re.compile(_COMMA_WHICH, re.I)
_WHICH_BREAK = re.compile(
    # "…, which first met on 30 January", "…ended the 44-day war that had begun on September 27".
    rf"{_COMMA_WHICH}|\s+that\s+(?=(?:had|has|was|were|began|started|broke)\s)",
    re.I,
)
# "The working group was set up under the statement of 11 January 2021", "была создана по заявлению …", "Она создана по
# заявлению …": a finite passive of making, which tells what an agreement made wherever the clause names it (not the
# attributive "a working group set up by the statement", "созданная …", which only describes the group).
_MADE_BY = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:created|established|set\s+up|formed)\b|"
    r"(?<![\w-])(?:создан[аоы]?|учрежден[аоы]?|образован[аоы]?)(?![\w-])",
    re.I,
)
# How many words ("the Prague") may stand between a fronted clause's "After" and the agreement's name it opens on.
FRONTED_NAME_WORDS = 3


@dataclass(frozen=True)
class Span:
    """What matched, where in the candidate's `sentence`: kind is date, place, agreement or actor."""

    start: int
    end: int
    text: str
    kind: str

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class Candidate:
    """An event the article seems to report, for a person to confirm: what, when, where, and why we think so."""

    date: dt.date | None
    date_precision: str | None
    places: tuple[str, ...]
    agreements: tuple[str, ...]
    articles: tuple[tuple[str, str], ...]
    actors: tuple[Actor, ...]
    sentence: str
    date_note: str | None = None
    spans: tuple[Span, ...] = ()
    # Fields a reviewer should check first: "date" (year guessed, taken from an agreement, or unknown),
    # "agreements" (an alias several agreements share, settled without a date).
    low_confidence: tuple[str, ...] = ()
    # Ties no word of the sentence names, inferred from what the atlas knows (geo/extract/linking.py), and why: kept
    # apart from `agreements`, which the text names, for the reviewer to accept or not.
    inferred: tuple[Reason, ...] = ()

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "places": list(self.places),
            "agreements": list(self.agreements),
            "articles": [{"agreement": a, "article": n} for a, n in self.articles],
            "actors": [{"name": a.name, "role": a.role} for a in self.actors],
            "sentence": self.sentence,
            "spans": [s.as_json() for s in self.spans],
            "low_confidence": list(self.low_confidence),
            "inferred": [r.as_json() for r in self.inferred],
        }
        if self.date_note:
            out["date_note"] = self.date_note
        return out


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    dates: list[DateMention] = field(default_factory=list)
    refs: list[Reference] = field(default_factory=list)
    places: list[PlaceMatch] = field(default_factory=list)
    actors: list[tuple[int, int, Actor]] = field(default_factory=list)
    words: list[Token] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return closed(self.text)

    @property
    def own_dates(self) -> list[DateMention]:
        """Dates that are not just part of an agreement's name: a sentence with one tells its own story."""
        return [d for d in self.dates if not d.attached]


@dataclass
class _Items:
    """What one candidate is made of, in article offsets."""

    dates: list[DateMention] = field(default_factory=list)  # offsets already absolute
    places: list[PlaceMatch] = field(default_factory=list)
    refs: list[Reference] = field(default_factory=list)
    actors: list[tuple[int, int, Actor]] = field(default_factory=list)

    def add(self, other: _Items) -> None:
        self.dates += other.dates
        self.places += other.places
        self.refs += other.refs
        self.actors += other.actors

    @property
    def empty(self) -> bool:
        return not (self.places or self.refs or self.actors)


def _shift(d: DateMention, by: int) -> DateMention:
    return replace(d, start=d.start + by, end=d.end + by)


# A headline's place where or whither the story happens: "… withdrawal from Karabakh", "В Карабахе прекращен огонь".
_HEADLINE_WHERE = re.compile(r"(?<![\w-])(?:in|into|to|from|at|on|near|в|во|на|из|у)\s+$", re.I)


def _items_of(s: _Sentence, lo: int = 0, hi: int | None = None, dates: bool = True) -> _Items:
    """The items of `s` that stand in [lo, hi) of the sentence, in article offsets."""
    hi = len(s.text) if hi is None else hi
    inside = lambda a: lo <= a < hi  # noqa: E731
    return _Items(
        [_shift(d, s.start) for d in s.dates if inside(d.start)] if dates else [],
        [PlaceMatch(p.start + s.start, p.end + s.start, p.text, p.place) for p in s.places if inside(p.start)],
        [replace(r, start=r.start + s.start, end=r.end + s.start) for r in s.refs if inside(r.start)],
        [(a + s.start, b + s.start, actor) for a, b, actor in s.actors if inside(a)],
    )


# An agreement that opens its clause (two words at most before its name), as what the clause tells of: "The
# trilateral statement of … gave", "…, where an April 2024 protocol returned …", "Протокол закрепил …"; not one in an
# aside ("peacekeepers, deployed under the statement of …, did not intervene").
# So does one its clause opens on through what it provides (five words at most after "under"): "Under point 6 of
# the trilateral statement of …, the corridor was to stay …", "По третьему пункту заявления от …".
OPEN_REACH = 60
_OPENS_CLAUSE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:where|when|while|and|but|где|когда|а|и|но)\s+)\W*"
    r"(?:(?:under|according\s+to|по|согласно)\s+(?:[\w-]+\s+){0,5}|(?:[\w-]+\s+){0,2})$",
    re.I,
)


# "the 2020 war", "the 2020 ceasefire statement", "the 1991 Almaty Declaration", "Алма-Атинской декларации 1991 года": a
# year written as part of a name. A sentence after it does not count "that year" from it; within its own sentence it
# may ("after the 2020 war, which ended … in November of that year", find_dates).
_NAMING_YEAR = re.compile(
    r"(?i:the )\d{4} (?:[a-z]|(?:[A-Z][\w-]+ ){1,2}(?:Declaration|Statement|Agreement|Treaty|Protocol|Accords?)\b)"
)
_NAMING_YEAR_AFTER = re.compile(r"(?<![\w-])(?:деклараци|заявлени|соглашени|договор|протокол)\w*\s+$", re.I)


class _Extractor:
    def __init__(
        self,
        text: str,
        places: Iterable[Place],
        agreements: Iterable[Agreement],
        published: dt.date | None,
        people: People,
        linker: Linker | None = None,
    ) -> None:
        self.text = text
        self.linker = linker
        self.gazetteer = gazetteer_of(places)
        self.finder = finder_of(agreements)
        self.published = published
        self.people = people
        # Where each written year stands: an undated text's year-less dates take the year last written before them.
        years = [(m.start(), int(m.group("year"))) for m in BARE_YEAR.finditer(text)]
        self._year_at = [at for at, _ in years]
        self._years = [y for _, y in years]
        # Of those, the ones that tell a time, worked out once: not a year that only names something ("the 2020 war",
        # "the 2020 ceasefire statement").
        told = [
            (at, y)
            for at, y in years
            if not _NAMING_YEAR.match(text, max(0, at - 4), at + 60)
            and not _NAMING_YEAR_AFTER.search(text, max(0, at - 30), at)
        ]
        self._told_year_at = [at for at, _ in told]
        self._told_years = [y for _, y in told]
        self._narrative_year: int | None = None
        self._narrative_at = 0  # where the day that set the story's year ends
        self._last_day: dt.date | None = None  # the day "the same day" in a later sentence counts from
        self._lede_day: dt.date | None = None  # the first day a dated report tells: the day of what it is about
        self._filed: DateMention | None = None  # the date of a dateline on a line of its own, for the lede after it
        self._story_day: dt.date | None = None  # the latest day the sentence before wrote with its year
        self._story_first: dt.date | None = None  # and the earliest
        self._in_story: set[int] = set()  # where the sentence's days moved into the story's year stand
        self._in_known: set[int] = set()  # where the sentence's days moved into a year the atlas knows stand
        self._named: dict[str, int] = {}  # each agreement the sentences so far named surely: where it was last
        self._sentences: list[_Sentence] = []  # the text's sentences, for the year the atlas knows its days in

    def infer_year(self, sentences: list[_Sentence]) -> None:
        """An undated text is dated, where it writes no year that tells a time, as a reader who knows the atlas would:
        by the year in which the atlas knows the most of the days it names (`Linker.likeliest_year`). Its year-less
        days then take that year, marked as guessed, as they would take a year the text wrote. Worked out when first
        needed (`_year_of_days`): most texts write a year before their first day."""
        if self.published is None and self.linker is not None:
            self._sentences = sentences

    @cached_property
    def _year_of_days(self) -> int | None:
        """The year the atlas knows the most of the text's days in (see infer_year); None when no year leads."""
        if not self._sentences or self.linker is None:
            return None
        days = [
            (d.date.month, d.date.day)
            for s in self._sentences
            for d in find_dates(s.text, None, lambda _at: LEAP_YEAR)
            if d.date is not None and d.precision == "day" and d.guessed_year
        ]
        return self.linker.likeliest_year(days)

    def _in_years_known(self, s: _Sentence, words: list, found_places: list[PlaceMatch]) -> list[DateMention]:
        """In a text without a publication date, a day written without a year is in the year the atlas knows an event
        of that day in a place the sentence names, or of an agreement it names (Linker.year_known), when there is one
        such year: the year written last may be another story's ("the November 2020 ceasefire statement" before "since
        12 December"). Not a day that follows one its own sentence wrote with a year (`_days_after_written_days`). The
        days after it follow it, as after any day the story tells."""
        assert self.linker is not None
        self._in_known = set()
        # By position: a pasted sentence may hold thousands of dates, each looked up once.
        year_less = {d.start for d in s.dates if d.guessed_year and not d.attached and d.precision == "day" and d.date}
        if not year_less:
            return s.dates
        places = {p.place for p in found_places}
        # Named by its date or by an alias ("the joint declaration signed at the White House on August 8").
        aliases = self.finder.alias_references(s.text, words, s.dates, None, None, list(s.refs))
        named = {r.agreement for r in [*s.refs, *aliases]}
        out = []
        in_written_years = _days_after_written_days(s.dates)
        for d in s.dates:
            if d.start in year_less and d.date is not None and d.start not in in_written_years:
                year = self.linker.year_known(d.date, places, named)
                if year is not None and (moved := in_year(d.date, year)) is not None:
                    d = replace(d, date=moved)
                    self._in_known.add(d.start)
            out.append(d)
        return out

    def _in_story_year(self, found: list[DateMention]) -> list[DateMention]:
        """ "The district was to be returned by November 15, 2020. … the army entered Kalbajar on November 25.": a
        year-less date just after a day the sentence before wrote with another year than the publication's is in
        that story's year, when it falls within STORY_YEAR_DAYS after that day, or between the days it wrote when they
        are a short span apart ("…by 15 November 2020 and Lachin by 1 December 2020. … moved to 25 November")."""
        before = self._story_day
        self._in_story = set()
        if before is None or self.published is None or before.year == self.published.year:
            return found
        first = self._story_first if self._story_first and self._story_first >= before - STORY_SPAN else before
        out = []
        for d in found:
            moved = in_year(d.date, before.year) if d.guessed_year and d.date is not None and not d.attached else None
            if moved is not None and first <= moved <= before + STORY_SPAN:
                d = replace(d, date=moved)
                self._in_story.add(d.start)
            out.append(d)
        return out

    def _in_narrative_order(self, found: list[DateMention], sentence_start: int) -> list[DateMention]:
        """ "The blockade began on 12 December 2022. … A checkpoint went up on 23 April.": in a text without a
        publication date, a year-less day read in the year of the last day told is in the next year when that is
        nearer (`_told_after`): a story told in order moves on."""
        last = self._last_day
        if self.published is not None or last is None:
            return found
        out = []
        # Years the day before moved by: a day counted from it ("on 19 January and … four days later") moves with it.
        moved_by = 0
        for d in found:
            year_less = d.guessed_year and not d.relative and not d.attached and d.precision == "day"
            # Read in the last day's year, or in the year before when an earlier day moved the story on.
            if year_less and d.date is not None and 0 <= last.year - d.date.year <= 1:
                told = _told_after(d.date, last)
                moved_by = told.year - d.date.year
                if told != d.date and self._year_said(sentence_start + d.start, sentence_start) is None:
                    d = replace(d, date=told)
                else:
                    moved_by = 0
            elif d.counted and d.date is not None and moved_by:
                d = replace(d, date=in_year(d.date, d.date.year + moved_by) or d.date)
            elif not d.counted:
                moved_by = 0
            if d.date is not None and not d.attached and d.precision in ("day", "range"):
                last = d.date
            out.append(d)
        return out

    def _year_said(self, at: int, sentence_start: int) -> tuple[int, int] | None:
        """The year an "in 2022" / "в 2022 году" before `at` in the sentence starting at `sentence_start` gives it,
        and where that year is written; not a year that names something ("the 1991 Alma-Ata Declaration", "until
        2025")."""
        return self._year_after_words(_IN_YEAR, at, sentence_start)

    def _year_after_words(self, words: re.Pattern[str], at: int, sentence_start: int) -> tuple[int, int] | None:
        """The last year written before `at` in the sentence starting at `sentence_start`, and where, when `words`
        stand right before it ("in", "of")."""
        i = bisect.bisect_right(self._year_at, at)
        if not i or self._year_at[i - 1] < sentence_start:
            return None
        where = self._year_at[i - 1]
        # Only the words right before the year: a search from the sentence's start would read an endless pasted
        # sentence once per date in it.
        said = words.search(self.text, max(sentence_start, where - IN_YEAR_REACH), where)
        return (self._years[i - 1], where) if said else None

    def _in_year_said_before(self, found: list[DateMention], sentence_start: int) -> list[DateMention]:
        """ "In 2020 Azerbaijan retook most of the districts in a war that ended with a ceasefire in November": a
        year-less date after "in 2020" in its clause is in that year, whatever the publication's year ("… after the
        war in 2020, the ministry reported on March 22" is not)."""
        out = []
        starts = [w.start for w in found]  # in order: the date the year was said in is found by bisection
        for d in found:
            at = sentence_start + d.start
            said = self._year_said(at, sentence_start) if d.guessed_year and not d.attached else None
            in_clause = (
                said is not None
                and at - said[1] <= YEAR_CLAUSE_REACH
                and all(
                    _SAME_TIME_GOES_ON.match(self.text, m.start())
                    for m in _CLAUSE_MARK.finditer(self.text, said[1], at)
                )
            )
            if said is None and d.guessed_year and not d.attached:
                # "The 44-day war of 2020, which began on September 27": a clause about what the year dated.
                said = self._year_named_before_which(at, sentence_start)
                in_clause = said is not None
            if said is not None and in_clause and d.date is not None and (moved := in_year(d.date, said[0])):
                # "after their meeting in Brussels in December 2021 and the videoconference in February": not to a
                # time before the month the year was said with.
                i = bisect.bisect_right(starts, said[1] - sentence_start) - 1
                with_month = found[i] if i >= 0 and said[1] - sentence_start < found[i].end else None
                if with_month is None or with_month.date is None or moved >= with_month.date:
                    d = replace(d, date=moved)
                    self._in_story.add(d.start)  # it moves the story's time as a day written with its year does
            out.append(d)
        return out

    def _year_named_before_which(self, at: int, sentence_start: int) -> tuple[int, int] | None:
        """The year of "the war of 2020" or "The 2020 war" when `at` stands in the ", which …" clause right after
        it, no break between."""
        said = self._year_after_words(_NAMING_YEAR_BEFORE, at, sentence_start)
        if said is None or at - said[1] > YEAR_CLAUSE_REACH:
            return None
        return said if _YEAR_THEN_WHICH.match(self.text, said[1], at) else None

    def anchor_year(self, at: int, sentence_start: int | None = None) -> int | None:
        """For a text without a publication date: a year written earlier in the same sentence ("in 2022 the leaders
        met again on 6 April and 22 May"), else the year of the last event dated with its year before `at` (the
        story's own time: "12 June 2024"), else the last year before `at` that tells a time, else the year the atlas
        knows the text's days in (infer_year), else the year last written ("the 2020 ceasefire", "until 2025")."""
        if self.published is not None:
            return None
        if not self._years:
            return self._year_of_days
        if sentence_start is not None and (said := self._year_said(at, sentence_start)) is not None:
            return said[0]
        if self._narrative_year is not None:
            # "The sharpest challenge came in spring 2022. On 24 March …": a year told after the story's last dated day
            # moves the story to it.
            i = bisect.bisect_left(self._told_year_at, at)
            where = self._told_year_at[i - 1] if i else -1
            if where >= self._narrative_at and _IN_YEAR_ALONE.search(self.text, max(0, where - IN_YEAR_REACH), where):
                return self._told_years[i - 1]
            return self._narrative_year
        # A year that tells a time before `at`; else the year the atlas knows the text's days in; else any year
        # written, one that names something ("the 1990 declaration") too.
        if (told := self._year_told_before(at)) is not None:
            return told
        if (known := self._year_of_days) is not None:
            return known
        i = bisect.bisect_right(self._year_at, at)
        return self._years[i - 1] if i else self._years[0]

    def _year_told_before(self, at: int) -> int | None:
        """The year "that year" at `at` counts from: the last written before it that tells a time of the story."""
        i = bisect.bisect_left(self._told_year_at, at)
        return self._told_years[i - 1] if i else None

    def analyse(self, s: _Sentence) -> None:
        text = s.text
        year_before = self._year_told_before(s.start)
        found = find_dates(
            text, self.published, lambda at: self.anchor_year(s.start + at, s.start), self._last_day, year_before
        )
        if not found:
            # "The visit came a day after Aliyev held talks with Erdogan": the visit, the news, the ruling is what the
            # report is about, told on its first day, and the clause's event came that many days before it; "That
            # remark came a day after …" points back to the day told last.
            after = self._last_day if _POINTS_BACK.match(text) else self._lede_day
            came = came_apart(text, after)
            found = [came] if came is not None else found
        dateline_end = 0
        place_m = _DATELINE_PLACE.match(text)
        if place_m and found and found[0].start == place_m.end():
            end_m = _DATELINE_END.match(text[found[0].end :])
            if end_m:
                dateline_end = found[0].end + end_m.end()
                if not text[dateline_end:].strip():
                    self._filed = found[0]  # a dateline on a line of its own dates the lede after it
                found = found[1:]
        elif self._filed is not None and not found and (tag := _LEDE_TAG.match(text)):
            # "ZANGILAN, Azerbaijan, July 19. Trend: The first families have returned …": an agency's lede with no
            # day of its own reports the day the story was filed (marked on the agency's name).
            found = [replace(self._filed, start=tag.start("agency"), end=tag.end("agency"), relative=True)]
        if _WORD.search(text, dateline_end):
            self._filed = None
        found = self._in_story_year(found)
        found = self._in_narrative_order(found, s.start)
        if self.published is not None:
            found = self._in_year_said_before(found, s.start)
        s.words = tokens(text)
        words = [w for w in s.words if w.start >= dateline_end]
        s.dates, s.refs = self.finder.date_references(text, found, words)
        if (moved := _in_year_of_day_before(text, found, s.dates, self.published is not None)) is not None:
            s.dates, s.refs = self.finder.date_references(text, moved, words)
        found_places = None  # the gazetteer's reading of the sentence, once
        if self.published is None and self.linker is not None:
            found_places = self.gazetteer.find(text, words)
            s.dates = self._in_years_known(s, words, found_places)
        if s.dates and all(d.attached for d in s.dates):
            # "The same day Aliyev said Baku expects Yerevan to fulfil the statement of 10 November 2020": a day
            # counted from the sentence before is the sentence's own when the only day it writes names an agreement.
            counted = offset_date(text, self._last_day)
            # "After their meeting on 22 May 2022, the commissions first sat two days later": a meeting dated in its
            # name before the count is the day the sentence tells, and the count is from it.
            if counted is not None:
                meetings = [
                    d for d in s.dates if d.end <= counted.start and d.precision == "day" and _meeting_named(text, d)
                ]
                if meetings:
                    counted = offset_date(text, meetings[-1].date)
            if counted is not None and not any(counted.start < d.end and d.start < counted.end for d in s.dates):
                s.dates = sorted([*s.dates, counted], key=lambda d: d.start)
        # "…met officials on Thursday, a day after the separatists agreed to a ceasefire": an agreement made the day
        # before is a report of its own, and so is what someone did ("…remained blocked on Tuesday, a day after
        # activists set up camp"); "…reopened on Sunday, two days after the storm" is background a reader keeps with
        # the day it is counted from; "…on Sunday, four days after the fighting stopped under the ceasefire of
        # September 20" names the agreement of that day by its date.
        made_on = {d.date for d in s.dates if d.attached and d.agreements}
        unnamed_apart: list[DateMention] = []
        kept: list[DateMention] = []
        for d in s.dates:
            background = d.apart and not d.agreements and d.date not in made_on and not _tells_an_act(text, d)
            (unnamed_apart if background else kept).append(d)
        # "The conference opened in Baku on 11 November and will continue until 22 November", "…открылась 11 ноября и
        # продлится до 22 ноября": the end of a span told as still going on is part of what the day before it began.
        ends = {
            d.start
            for d in kept
            if not d.attached and _GOES_ON_UNTIL.search(text, max(0, d.start - GOES_ON_REACH), d.start)
        }
        if ends and any(not d.attached and d.start not in ends for d in kept):
            kept = [d for d in kept if d.start not in ends]
        s.dates = kept
        # A day moved into the story's year moves the story on as one written with its year: "The fall of Shusha on 8
        # November decided the war. The statement … listed the districts: Kalbajar by 15 November, …".
        story_days = [
            d.date
            for d in s.dates
            if (d.has_year or d.start in self._in_story or d.start in self._in_known)
            and not d.attached
            and d.date
            and d.precision == "day"
        ]
        self._story_day = max(story_days, default=None)
        self._story_first = min(story_days, default=None)
        # "The documents agreed last Friday …, the aide said on Tuesday. … the same day": the day of what was
        # reported, not the day it was said.
        spoken = _spoken_days(s)
        for d in s.dates:
            # "The second meeting, on 6 April 2022, …. The next day …": a meeting dated in its name is the day the
            # sentence tells, as a day of its own is.
            told = not d.attached or _meeting_named(text, d)
            if (
                self.published is None
                and d.date is not None
                and self._last_day is not None
                and d.date.year > self._last_day.year
                and _told_as_to_come(text, d)
            ):
                # "…decreed that their republic would cease to exist on 1 January 2024. A fifth session was held on 30
                # November": a day still to come does not move the story into its year ("the truce was to begin on 26
                # October. That same day …" counts from it).
                continue
            # A year-less day the sentence's "in 2022" dated moves the story's time as a day written with it does.
            if (
                told
                and d.date is not None
                and (
                    d.has_year
                    or d.start in self._in_known
                    or d.guessed_year
                    and self._year_said(s.start + d.start, s.start) is not None
                )
                and (
                    d.precision in ("day", "range")
                    or self._last_day is None
                    # "…by 1 December 2020. … In early August 2022, Aliyev told Macron …; on 12 August he …": a month
                    # told as when, with a later year, moves the story on too ("could open by the end of 2028" not).
                    or d.has_year
                    and d.date > self._last_day
                    and _told_in(text, d)
                )
            ):
                self._narrative_year = d.date.year
                self._narrative_at = s.start + d.end
            if self.published is not None and self._lede_day is None and told and d.precision == "day":
                self._lede_day = d.date  # the day said too: "…, the office said on Monday" is the news's day
            if (
                told
                and d.precision in ("day", "range")
                and d.date is not None
                and d.start not in spoken
                and not self._span_still_to_end(text, d)
            ):
                self._last_day = d.date
        # "The Washington declaration of 8 August 2025 revived …. The framework published on 13 January …": in a text
        # without a publication date, a sentence dated only by the agreements it names moves the story's time to them;
        # forward only: one named after a later day was told is background ("The road has been closed since 12
        # December …. Point 6 of the November 2020 statement leaves the corridor …. On 22 February …").
        if self.published is None and s.dates and all(d.attached for d in s.dates):
            named_days = [d.date for d in s.dates if d.agreements and d.date and d.precision == "day"]
            if named_days and (self._last_day is None or max(named_days) > self._last_day):
                self._last_day = max(named_days)
                self._narrative_year = self._last_day.year
                self._narrative_at = s.end
        story_year = self.anchor_year(s.start)  # for a text without a publication date; None otherwise
        own = [d.date for d in s.dates if not d.attached and d.date is not None]
        # The month first: it narrows a name several agreements share ("Ноябрьское трехстороннее заявление").
        s.refs += self.finder.month_references(
            text, list(s.refs), max(own, default=self.published), story_year, self.published
        )
        s.refs += self.finder.alias_references(text, words, s.dates, self.published, story_year, list(s.refs))
        s.refs += self.finder.year_references(text, list(s.refs))
        s.refs += self.finder.closing_references(text, words, self.published, list(s.refs))
        s.refs += self.finder.alias_references(
            text, words, s.dates, self.published, None, list(s.refs), self._named, generic_words=True
        )
        s.refs += self.finder.described_references(text, words, s.dates, self.published, list(s.refs))
        s.refs += self.finder.made_at_venue(text, words, s.dates, self.published, list(s.refs))
        s.refs.sort(key=lambda r: (r.start, r.end))
        self._dated_as_named_agreements(s)
        counted_back = self._counted_back_to_named(unnamed_apart, s)
        s.dates = sorted([*s.dates, *counted_back, *self.finder.year_named_dates(text, s.refs)], key=lambda d: d.start)
        self._named.update((r.agreement, s.start) for r in s.refs if r.confident)
        # A place inside an agreement's name is named all the same ("the Tavush–Gazakh protocol").
        s.places = self.gazetteer.find(text, words) if found_places is None else found_places
        s.actors = find_actors(text, self.people)

    def _dated_as_named_agreements(self, s: _Sentence) -> None:
        """ "К тому времени бои уже прекратились: 20 сентября в 13:00 вступила в силу договоренность о прекращении огня",
        told in 2025: a year-less day that is the day of the one agreement the sentence names by name is in that
        agreement's year, and the story's time moves with it; a day that names an agreement the atlas dates a day later
        is that agreement's day."""
        named = [self.finder.by_id[i] for i in dict.fromkeys(r.agreement for r in s.refs if r.confident)]
        # "трехстороннего заявления 9 ноября 2020 года", "the ceasefire agreed … on 9 November": a day that names an
        # agreement the atlas dates a day later (the statement signed around midnight of 9-10 November 2020) is that
        # agreement's day, written with a year or not; a day after one is another event (its text published).
        naming: dict[tuple[int, int], set[str]] = {}
        for r in s.refs:
            naming.setdefault((r.start, r.end), set()).add(r.agreement)
        moved = []
        for d in s.dates:
            ids = naming.get((d.start, d.end), set())
            near = self.finder.by_id[next(iter(ids))] if len(ids) == 1 else None
            if near is not None and d.precision == "day" and d.date is not None and near.date != d.date:
                day = in_year(d.date, near.date.year) if d.guessed_year else d.date
                if day is not None and 0 < (near.date - day).days <= AGREEMENT_DATE_SLACK_DAYS:
                    if self._last_day == d.date:
                        self._last_day = near.date
                    d = replace(d, date=near.date, guessed_year=False)
            if d.guessed_year and not d.attached and d.precision == "day" and d.date is not None:
                same_day = [a for a in named if (a.date.month, a.date.day) == (d.date.month, d.date.day)]
                if len(same_day) == 1 and same_day[0].date != d.date:
                    if self._last_day == d.date:
                        self._last_day = same_day[0].date
                    if self._story_day == d.date:
                        self._story_day = same_day[0].date
                    d = replace(d, date=same_day[0].date, guessed_year=False)
                    if not d.agreements and made_in_clause(s.text, d):
                        # "…остановлены трехсторонним заявлением, которое лидеры России, Азербайджана и Армении
                        # подписали 10 ноября": moved into its year, the day its clause says it was made names it.
                        d = replace(d, agreements=(same_day[0].id,))
                        s.refs.append(Reference(d.start, d.end, same_day[0].id))
            moved.append(d)
        s.dates = moved

    def _span_still_to_end(self, text: str, d: DateMention) -> bool:
        """Whether `d` is the end of a span still to come ("The mission will now run until 19 February 2027", "до 19
        февраля 2027 года"): a day nothing happens on yet, which "the day before" in the next sentence does not count
        from."""
        ends_span = ends_a_span(text, d)
        return ends_span and self.published is not None and d.date is not None and d.date > self.published

    def _counted_back_to_named(self, apart: list[DateMention], s: _Sentence) -> list[DateMention]:
        """ "…on October 12, six days after the quadrilateral meeting in Prague": a clause counted back to a day,
        where a description (not a date) names an agreement made that very day, is that agreement's report."""
        # By bisection: a pasted sentence may hold thousands of counted clauses, dates and references.
        date_starts = sorted(o.start for o in s.dates)
        ref_starts = [r.start for r in s.refs]  # sorted
        out = []
        for d in apart:
            i = bisect.bisect_right(date_starts, d.start)
            end = date_starts[i] if i < len(date_starts) else len(s.text)
            clause = s.refs[bisect.bisect_left(ref_starts, d.end) : bisect.bisect_left(ref_starts, end)]
            ids = _unique(r.agreement for r in clause if self.finder.by_id[r.agreement].date == d.date)
            if ids:
                out.append(replace(d, agreements=ids))
        return out

    def candidates(self, group: list[_Sentence], extra: list[_Sentence], earlier: tuple[str, ...]) -> list[Candidate]:
        """The candidates of one group of sentences; `extra` is the headline for the lead, `earlier` the agreements
        of the report before, which "Its Article 4 ..." refers to."""
        head = group[0]
        _reported_deadlines(head)
        _reported_speech(head)
        _month_framing_days(head)
        own_dates = [d for d in head.dates if not d.attached]
        # "A third Brussels meeting on 22 May added principles …, and the commissions first sat together two days
        # later": a meeting dated in its name is an event of the sentence when the sentence tells another of its own.
        meetings = [d for d in head.dates if _meeting_named(head.text, d)] if own_dates else []
        # "…, first on 14 December 2021 and last on 15 July 2023, and on the Prague statement of 6 October 2022",
        # "заявлениях от 11 января и 26 ноября 2021 года": agreements listed by their dates are one report each.
        listed = _agreements_listed(head)
        meetings = sorted(
            {d.start: d for d in [*meetings, *listed, *self._agreement_lead(head), *_agreement_tail(head)]}.values(),
            key=lambda d: d.start,
        )
        events = sorted({d.start: d for d in [*own_dates, *meetings]}.values(), key=lambda d: d.start)
        meeting_ids = {a for d in meetings for a in d.agreements}
        meeting_at = {d.start + head.start for d in meetings}  # in article offsets, as the clauses' dates are
        shared = _Items()
        for s in group[1:]:
            # It lends the report its agreements and people, not its places: a reader marks the places of the
            # sentence that tells the event ("The sides agreed to keep the Lachin road open" is background).
            more = _items_of(s)
            more.places = []
            shared.add(more)
        for s in extra:
            headline = _items_of(s, dates=False)
            if head.places or shared.places:  # the lead names its own places
                headline.places = []
            # Not a name that qualifies another word ("as Karabakh blockade drags on", "процесс по Карабаху").
            headline.places = [p for p in headline.places if _HEADLINE_WHERE.search(self.text, 0, p.start)]
            headline.refs = []
            headline.actors = []
            shared.add(headline)
        if len(events) <= 1 or len(events) > MAX_EVENTS_PER_SENTENCE:
            # "That day the leaders signed a joint declaration, and their foreign ministers initialled a peace
            # treaty": two texts made that day, each its own report; so is one made on the day a clause of its own
            # points back to ("…sent the appeal on 8 August, the day their leaders signed a joint declaration").
            # "the Aug. 8 summit, where …": a day written only in a meeting's name is the sentence's one day too.
            told_days = events or [d for d in head.dates if d.precision == "day"]
            found = (_made_that_day(head), _second_made(head)) if len(told_days) == 1 else ()
            cuts = sorted({at for at in found if at is not None})
            if not cuts:
                items = _items_of(head)
                items.add(shared)
                return self._build(group, [items], earlier)
            clauses = [_items_of(head, lo, hi) for lo, hi in zip([0, *cuts], [*cuts, len(head.text)], strict=True)]
            # The day, in any clause, is every clause's and names every text; each clause keeps the one it names.
            day = _shift(told_days[0], head.start)
            for items in clauses:
                by_name = {r.agreement for r in items.refs if r.start != day.start}
                items.refs = [r for r in items.refs if r.start != day.start or r.agreement in by_name]
                if day not in items.dates:
                    items.dates.append(day)
            clauses[-1].add(shared)
            return self._build(group, clauses, earlier)
        # One clause per dated event: cut at the last clause break before each further date.
        cuts = [0]
        # "Tavush and Gazakh", "Jermuk, Goris and Sotk": a comma or "and" between two places is a list, not a clause.
        place_ends = {p.end for p in head.places}
        place_starts = {p.start for p in head.places}
        ordered_starts = sorted(place_starts)
        for before, after in zip(events, events[1:], strict=False):
            gap = [
                m
                for m in _CLAUSE_BREAK.finditer(head.text, before.end, after.start)
                if not (m.start() in place_ends and m.end() in place_starts)
            ]
            # "Агдамский район — 20 ноября — и Кельбаджарский — 25 ноября": a break right before the date only sets it
            # off from the place it dates; the clause begins at the break before.
            gap = [m for m in gap if m.end() < after.start] or gap
            # "…, были прекращены трехсторонним заявлением лидеров России, Азербайджана и Армении от 9 ноября": not
            # within the name an agreement's day completes.
            name_at = name_before(head.text, after.start) if after.attached else None
            gap = [m for m in gap if name_at is None or m.end() <= name_at] or gap
            # "Kalbajar was handed back in November 2020, while Khojavend, called Martuni by Armenians, came … in
            # September 2023": a clause of its own begins at its conjunction, not at the comma of an aside within it.
            # So does one opened by a subordinating word ("That new road opened on 30 August, after Azerbaijan took over
            # Lachin town, Zabukh and Sus on 26 August"): not at a comma of the list within it.
            gap = [
                m for m in gap if OWN_CLAUSE.match(head.text, m.start()) or _SUBORDINATE.match(head.text, m.start())
            ] or gap
            if not gap and after.date != before.date:
                # "announced on September 28 that it would dissolve … by January 1, 2024", "signed a decree on 28
                # September ordering the republic to dissolve by 1 January 2024": what was said or ordered, with a
                # day of its own, is a clause of its own even with no comma before it.
                gap = list(REPORTED_CLAUSE.finditer(head.text, before.end, after.start))
            if not gap and after.date != before.date and (verb := OWN_VERB_AFTER_DAY.match(head.text, before.end)):
                gap = [verb]  # "The offensive launched on 27 September 2020 ended on 9 November"
            # "Kalbajar, which Armenians call Karvachar, by 15 November, Aghdam, or Akna, by 20 November": an item that
            # opens on its place begins at the break before that place, not at an aside's comma within it.
            # The item's place is the first after the day before; a colon opens the list ("…listed the districts:
            # Kalbajar, which …, by 15 November").
            at = bisect.bisect_left(ordered_starts, before.end)
            first_place = ordered_starts[at] if at < len(ordered_starts) else None
            opening = [m for m in _ITEM_BREAK.finditer(head.text, before.end, after.start) if m.end() == first_place]
            gap = opening or gap
            if gap and (after.date != before.date or self._another_made_that_day(head, gap[-1].start(), after)):
                cuts.append(gap[-1].start())
        # "…on Sunday, a day after activists left, under the ceasefire of September 20": a counted clause ends at its
        # own break; what follows goes on with the clause it was counted from.
        resumes = set()
        for i, e in enumerate(events):
            # Up to the next event only: a pasted sentence may hold thousands of counted clauses and no break.
            next_start = events[i + 1].start if i + 1 < len(events) else len(head.text)
            m = _CLAUSE_BREAK.search(head.text, e.end, next_start) if e.apart else None
            # Not into a ", where …" clause of its own ("two days after the third round in Brussels, where …").
            if m and not _WHICH_CLAUSE.match(head.text, m.start()):
                resumes.add(m.start())
        cuts = sorted({*cuts, *resumes})
        cuts.append(len(head.text))
        lead_end = events[0].start
        lead = _items_of(head, 0, lead_end, dates=False)
        lead.places = []
        # "The commissions signed a protocol-description on 15 May, and border guards took over the villages on 24
        # May": an agreement the lead names, made on the first clause's day, is what that clause tells, not the frame
        # of the rest.
        made_first = {r.agreement for r in lead.refs if self.finder.by_id[r.agreement].date == events[0].date}
        parts: list[_Items] = []
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            items = _items_of(head, lo, hi)
            if parts and not items.places and _only_dates(head.text, lo, hi, items.dates, head.start):
                items.places = list(parts[-1].places)  # "to Aghali on October 26 and October 28": the same place
            elif parts and not parts[-1].places and _joins_two_days(head, parts[-1], items):
                # "the court's orders of 22 February and 6 July, which require free movement along the Lachin
                # corridor": what follows the second day is said of both.
                parts[-1].places = list(items.places)
            if lo > 0:
                # "approved the regulations on 25 October, a day after meeting Pashinyan in Kazan": a clause counted
                # from the lead's day tells of something else, not of the lead's agreement.
                if not items.refs and not any(d.apart for d in items.dates):
                    # "signed regulations … on August 30, after the first section was agreed in April": a clause
                    # naming an agreement of its own tells of that one, not of the lead's; a meeting dated in its
                    # name is its own clause's event, not the lead of the rest.
                    # Not one the lead names in a ", which …" clause ("after the 2020 war, which ended with a
                    # Russian-brokered ceasefire in November, and … an offensive in September 2023").
                    # A clause with no subject of its own goes on with the meeting's ("The fourth meeting, on 31 August
                    # 2022, tasked …, and scheduled the next session for November").
                    goes_on = bool(_SAME_SUBJECT_GOES_ON.match(head.text, lo)) or _after_named_aside(head, lead, lo)
                    # "…, а на следующий день ее текст опубликовал МИД", "…, and Aliyev approved them on 25 October".
                    # Looked for only when the lead names an agreement made on the first clause's day.
                    refers_back = bool(made_first) and bool(
                        _REFERS_BACK.search(head.text, lo, hi) or ANAPHOR.search(head.text, lo, hi)
                    )
                    items.refs += [
                        r
                        for r in lead.refs
                        if (r.agreement not in meeting_ids or goes_on)
                        and (r.agreement not in made_first or goes_on or refers_back)
                        and not _in_relative_clause(head.text, r.start - head.start)
                    ]
                    if goes_on and parts:
                        # "At the April 6 meeting, the leaders told … and agreed to convene …": the meeting named
                        # with its day in the first clause, not before it.
                        items.refs += [r for r in parts[0].refs if r.agreement in meeting_ids and r not in items.refs]
                items.actors += [a for a in lead.actors if a not in items.actors]
            if listed:
                # An item of the list names its agreement by its date: a description before the list ("the talks
                # held in Brussels, first on …") is the list's, not one item's guess.
                items.refs = [r for r in items.refs if r.confident]
            if (
                parts
                and not items.refs
                and any(not d.attached and not d.apart for d in items.dates)  # a report of its own, not a remnant
                and (word := ANAPHOR.search(head.text, lo, hi)) is not None
            ):
                # "The regulations were signed on August 30, and the government endorsed the document on September 5":
                # the word stands for the one agreement of its kind the clause before named.
                fits = _fitting(_unique(r.agreement for r in parts[-1].refs), word.group(), self.finder)
                if len(fits) == 1:
                    at = head.start + word.start()
                    items.refs.append(Reference(at, head.start + word.end(), fits[0], confident=False))
            if parts and not items.refs and parts[-1].refs and _sets_a_deadline(self.text, items.dates):
                # "…, the leaders agreed to convene a joint border commission by the end of April", "…, а процедуры
                # закрытия должны быть завершены к 1 декабря": a deadline is a term of what the clause before named.
                items.refs += parts[-1].refs
            if parts and not items.refs and _RATIFIED.search(head.text, lo, hi):
                # "…the regulations, signed on 30 August, were ratified by parliament on 23 October", "…, подписанное 30
                # августа, 23 октября ратифицировал парламент": a ratification is of the text the sentence named
                # before it, made no later than its own day.
                days = [d.date for d in items.dates if d.date is not None]
                named = next((part.refs for part in reversed(parts) if part.refs), [])
                if days and len(_unique(r.agreement for r in named)) == 1:
                    items.refs += [r for r in named if self.finder.by_id[r.agreement].date <= min(days)][:1]
            if parts and not items.places and _COMMA_WHICH_PLACE.match(head.text, lo, hi):
                # "…killed in the Kalbajar district, which Armenian forces had left in November": the place the
                # clause hangs from is what it tells of.
                items.places = _antecedent_places(head, parts[-1], lo)
            if len(parts) == 1 and not items.places:
                # "A joint centre in Aghdam, which had watched the truce since 30 January 2021, shut down on 26
                # April": the subject the sentence opens on is where its own verb, after the aside, happened too.
                items.places = _subject_before_aside(head, parts[0], lo)
            if parts and not items.places and _HAPPENED_THEN.match(head.text, lo, hi):
                # "…after a shootout on the border with Azerbaijan, which took place the day before", "…перестрелки на
                # границе с Азербайджаном, произошедшей накануне": the clause dates what was named after the day
                # before it, with its places, not the day told first.
                told = max((d.end for d in parts[-1].dates), default=None)
                if told is not None:
                    items.places = [p for p in parts[-1].places if p.start >= told]
                    parts[-1].places = [p for p in parts[-1].places if p.start < told]
            if parts and _RELATIVE_CLAUSE.match(head.text, lo, hi):
                # "signed regulations on their joint work, which parliament approved in late October": what the
                # clause before named is what this one tells of; not an agreement that is a report of its own ("The
                # Moscow statement of 11 January 2021 handed the details to a working group, which first met on …").
                items.refs += [r for r in parts[-1].refs if r not in items.refs and r.agreement not in meeting_ids]
            parts.append(items)
        _lead_list_places(head, events[0].start, parts)
        for lo, said, content in zip(cuts[1:], parts, parts[1:], strict=False):
            if _REPORTED_THAT.match(head.text, lo) and SPOKEN.search(head.text, max(0, lo - SAID_REACH), lo):
                # "Pashinyan told parliament on 12 November that construction in Syunik should begin in the second
                # half of 2026": the day of the words, a report of its own, is about what they name.
                said.places = said.places or list(content.places)
                said.refs = said.refs or list(content.refs)
        # A clause naming nothing of its own is part of the clause before ("on 20 November, two days late").
        merged: list[_Items] = []
        counted: list[bool] = []  # whether each merged part is a counted clause
        for lo, items in zip(cuts, parts, strict=False):
            own = any(not d.attached or d.start in meeting_at for d in items.dates)
            if merged and not own:
                at = len(merged) - 1
                if lo in resumes:
                    at = max((i for i, c in enumerate(counted) if not c), default=at)
                merged[at].add(items)
            else:
                merged.append(items)
                counted.append(any(d.apart for d in items.dates))
        merged[-1].add(shared)
        if len(merged) > 1:
            for items in merged[1:]:
                items.refs += [r for r in shared.refs if r not in items.refs]
            _spread_closing_agreement(head, events[-1].end, merged, self.finder)
        return self._build(group, merged, earlier)

    @staticmethod
    def _another_made_that_day(head: _Sentence, cut: int, day: DateMention) -> bool:
        """ "…signed the joint declaration at the White House on Aug. 8, and their foreign ministers initialled a peace
        treaty the same day": a day counted as the same one, in a clause naming an agreement the clause before did
        not, is another event of that day."""
        if not day.counted:
            return False
        named = _named_refs(head)
        before = {r.agreement for r in named if r.start < cut}
        told = {r.agreement for r in named if cut <= r.start < day.end}
        # "…, and Peskov confirmed it the same day": another's act in a clause of its own that tells on no agreement
        # the clause before named ("…, and Trump praised the declaration the same day" goes on with that report).
        return bool(told - before) or (_counted_in_own_clause(head.text, cut, day) and not told & before)

    def _agreement_lead(self, head: _Sentence) -> list[DateMention]:
        """ "The trilateral statement of 10 November 2020 gave Aghdam back, and troops entered the district on 20
        November", "…, where an April protocol returned the villages; guards took them over in May": a clause of its
        own before the sentence's first day, opening on an agreement the rest does not name, tells what that agreement
        did: a report of its own, dated by the agreement."""
        own = head.own_dates
        if not own:
            return []
        breaks = list(OWN_CLAUSE.finditer(head.text, 0, own[0].start))
        # "After the Prague statement of 6 October 2022 anchored delimitation in …, Putin brought the leaders back to
        # Sochi on 31 October": a fronted clause ends at its comma, and tells what the agreement did when it says more
        # than the name ("Following the Sochi statement, the leaders met …" does not).
        fronted = None if breaks else _FRONTED_CLAUSE.match(head.text)
        if fronted is not None:
            breaks = list(_COMMA.finditer(head.text, 0, own[0].start))[:1]
        # "The Moscow statement of 11 January 2021 handed the details to a working group, which first met on 30
        # January": a relative clause with a day of its own tells of something else, when the clause before says
        # more than the name.
        # Not what the agreement provides ("Документ предусматривает создание рабочей группы, которая проведет
        # первое заседание до 30 января"): that is one provision.
        relative = not breaks and not _PROVIDES.search(head.text, 0, own[0].start)
        if relative:
            breaks = list(_WHICH_BREAK.finditer(head.text, 0, own[0].start))
        # "Рабочая группа была создана по заявлению от 11 января 2021 года и впервые собралась 30 января": what the
        # agreement made, told in a clause of its own with no comma before the next.
        made = _MADE_BY.search(head.text, 0, own[0].start)
        if not breaks and made is not None:
            breaks = list(_CLAUSE_BREAK.finditer(head.text, made.end(), own[0].start))
        if not breaks:
            return []
        cut = breaks[-1]
        # Worked out once: a pasted sentence may hold thousands of names, dates and breaks.
        last_which = max((b.start() for b in breaks if _COMMA_WHICH_RE.match(head.text, b.start())), default=-1)
        attached_at = sorted(d.start for d in head.dates if d.attached)

        def opens(r: Reference) -> bool:
            """Whether the agreement is what its clause opens on, and (in a fronted or relative sentence) the clause
            says more than its name."""
            # "Для этого заявлением … была создана рабочая группа": made by it, however the clause opens.
            if made is not None and made.end() <= cut.start() and abs(r.start - made.start()) <= OPEN_REACH:
                return True
            # Windows of OPEN_REACH characters: a pasted sentence may hold thousands of names before its break.
            says_more = _TWO_WORDS.search(head.text, r.end, min(cut.start(), r.end + OPEN_REACH)) is not None
            if fronted is not None:
                if r.start - fronted.end() > OPEN_REACH:
                    return False
                return len(_WORD.findall(head.text, fronted.end(), r.start)) <= FRONTED_NAME_WORDS and says_more
            opening = bool(_OPENS_CLAUSE.search(head.text, max(0, r.start - OPEN_REACH), r.start))
            # "… under the ceasefire of Nov. 10 last year, which ended six weeks of fighting that had begun on Sept.
            # 27": an agreement written with its day, before a ", which" clause with a day of its own, is what its
            # clause tells of, wherever the clause names it.
            at = bisect.bisect_left(attached_at, r.start)
            dated = at < len(attached_at) and attached_at[at] < r.end
            if relative and dated and last_which >= r.end:
                return True
            return opening and (says_more or not relative)

        lead = [r for r in head.refs if r.end <= cut.start()]
        later = {r.agreement for r in head.refs if r.start >= cut.end()}
        fresh = [r for r in lead if r.agreement not in later and opens(r)]
        if not fresh:
            return []
        r = fresh[-1]
        day = self.finder.by_id[r.agreement].date
        return [DateMention(r.start, r.end, day, "day", True, False, agreements=(r.agreement,), attached=True)]

    def _byline(self, sentence: str, events: list[DateMention]) -> bool:
        """Whether a dated line is its dates and at most BYLINE_WORDS other words: "Press release, 17 October 2022.",
        or its dates alone: "Баку. 30 августа. REPORT.AZ/", a dateline its full stops cut, gives "30 августа."."""
        in_dates = sum(len(_WORD.findall(self.text[d.start : d.end])) for d in events)
        others = len(_WORD.findall(sentence)) - in_dates
        if not all(d.has_year for d in events):
            return others == 0  # a byline writes its date in full; "Baku confirmed the same day." is a report
        return others <= BYLINE_WORDS

    def _build(self, group: list[_Sentence], parts: list[_Items], earlier: tuple[str, ...]) -> list[Candidate]:
        start, end = group[0].start, group[-1].end
        sentence = self.text[start:end]
        out = []
        for items in parts:
            refs = sorted(items.refs, key=lambda r: (r.start, r.end))
            ref_starts = [r.start for r in refs]
            agreements = _unique(r.agreement for r in refs)
            # "Its Article 4 …", "Point 9, which …": an article number with no agreement named is the report's before.
            tie_to = agreements or earlier
            articles: list[tuple[str, str]] = []
            for s in group:
                # A report continued over many sentences holds all their references: take this sentence's by
                # bisection, or the group costs sentences × references.
                lo, hi = bisect.bisect_left(ref_starts, s.start), bisect.bisect_left(ref_starts, s.end)
                local = [Reference(r.start - s.start, r.end - s.start, r.agreement) for r in refs[lo:hi]]
                if agreements and len(parts) > 1:
                    # "point 9 of the November 2020 statement and the Moscow statement of 11 January 2021": a number
                    # goes with the name beside it, in whichever clause of the sentence, and stays with that clause.
                    found = article_references(s.text, s.refs, tie_to)
                    articles += [a for a in found if a[0] in agreements]
                    continue
                articles += article_references(s.text, local, tie_to)
            article_tuple = _unique(articles)
            agreements = _unique([*agreements, *(a for a, _ in article_tuple)])
            places = _unique(p.place for p in items.places)
            actors = _unique(a for _, _, a in items.actors)
            events = [d for d in items.dates if not d.attached]
            # A dated report is a candidate even when it names nothing the atlas knows ("gas supplies were cut on
            # Tuesday"); a line without closing punctuation and nothing named is a byline ("Press release, 23 May").
            if not (
                places or agreements or actors or (events and group[-1].closed and not self._byline(sentence, events))
            ):
                continue
            named = [d for d in items.dates if d.attached]
            low: list[str] = []
            note = None
            chosen = events[0] if events else named[0] if named else None
            spans = [Span(p.start - start, p.end - start, p.text, "place") for p in items.places]
            spans += [Span(r.start - start, r.end - start, self.text[r.start : r.end], "agreement") for r in refs]
            spans += [Span(a - start, b - start, self.text[a:b], "actor") for a, b, _ in items.actors]
            if chosen is not None:
                date, precision = chosen.date, chosen.precision
                spans.append(
                    Span(chosen.start - start, chosen.end - start, self.text[chosen.start : chosen.end], "date")
                )
                if not events:
                    note = DATE_NOTE_AGREEMENT
                if date is None or (chosen.guessed_year and self.published is None):
                    low.append("date")
                elif chosen.guessed_year and self.published is not None and date > self.published:
                    low.append("date")
            elif agreements and (
                article_tuple or any(r.by_venue for r in refs) or any(_PROVIDES.search(s.text) for s in group)
            ):
                first = self.finder.by_id[agreements[0]]
                date, precision, note = first.date, "day", DATE_NOTE_AGREEMENT
                low.append("date")
            elif by_month := next((r for r in refs if r.by_month), None):
                # "At our April meeting, the leaders asked …", "In the May protocol, the sides described …".
                date, precision = self.finder.month_named_date(by_month)
                note = DATE_NOTE_AGREEMENT
            else:
                continue
            if any(not r.confident for r in refs):
                low.append("agreements")
            out.append(
                Candidate(
                    date=date,
                    date_precision=precision,
                    places=places,
                    agreements=agreements,
                    articles=article_tuple,
                    actors=actors,
                    sentence=sentence,
                    date_note=note,
                    spans=tuple(
                        sorted(
                            (s for s in spans if 0 <= s.start < s.end <= len(sentence)), key=lambda s: (s.start, s.end)
                        )
                    ),
                    low_confidence=tuple(low),
                )
            )
        return out


# "до конца апреля", "by 15 May": a date written as a deadline; "before the end of that month" too.
_OPENS_DEADLINE = re.compile(rf"(?:{DEADLINE_WORDS})\s", re.I)
_BEFORE_END = re.compile(r"\bbefore\s+$", re.I)


def _sets_a_deadline(text: str, dates: list[DateMention]) -> bool:
    """Whether the first own date of a clause (in article offsets in `text`) is a deadline set."""
    d = next((d for d in dates if not d.attached and not d.apart), None)
    if d is None:
        return False
    return bool(
        _OPENS_DEADLINE.match(text, d.start)
        or follows_deadline_word(text, d)
        or (text.startswith("the end", d.start) and _BEFORE_END.search(text, max(0, d.start - DEADLINE_REACH), d.start))
    )


def _lead_list_places(head: _Sentence, first_event: int, parts: list[_Items]) -> None:
    """ "… among them Jabrayil, Fuzuli and Zangilan, whose towns fell one after another: Jabrayil on 4 October, Fuzuli
    on 17 October …": a place the lead names before the first dated clause and a later clause names again is that
    clause's, not the first one's too."""
    # A colon opens the list: the lead ends there ("… travelled to the liberated lands: to Fuzuli, Jabrayil and Aghdam
    # in November 2020, …, to Fuzuli and Shusha in January": the first item's own places are not a lead).
    colon = head.text.rfind(": ", 0, first_event)
    breaks = [colon] if colon >= 0 else [m.start() for m in _CLAUSE_BREAK.finditer(head.text, 0, first_event)]
    if not breaks:
        return
    lead_end = head.start + breaks[-1]  # places are in article offsets, the sentence's breaks in its own
    # Named again, not stood for by a common noun ("…, and on 23 April a checkpoint went up at the Armenian end of the
    # road": "the road" is the lead's corridor, not a list item's own place).
    later = {p.place for items in parts[1:] for p in items.places if p.text[:1].isupper()}
    lead = {p.place for p in parts[0].places if p.end <= lead_end}
    if len(lead) < 2:
        return  # one place is where the first clause's event happened, not a list ("Наступление … в Карабахе, начатое …")
    if not any(p.start >= lead_end and p.place in lead for p in parts[0].places):
        # The first item names none of the lead's places ("told Armenians living in Berdzor, Aghavno and Sus to leave
        # by 25 August, and on 26 August troops entered Lachin …"): the places are the first clause's, not a list's.
        return
    parts[0].places = [p for p in parts[0].places if p.end > lead_end or p.place not in later]


def _provides_for_another(s: _Sentence, before: set[str]) -> bool:
    """Whether `s` says what an agreement the report before it does not name (`before`: those it names) provides, or
    that one was made ("The two foreign ministers initialled a peace treaty at the same meeting"): a report of its
    own; not a point of it being carried out ("По итогам встречи лидеры подписали заявление … по реализации пункта 9
    заявления от 10 ноября 2020 года" is the report before's)."""
    others = tuple(_unique(r.agreement for r in s.refs if r.agreement not in before))
    if not others:
        return False
    if _PROVIDES.search(s.text):
        return True
    return bool(_TOLD_MADE.search(s.text)) and not article_references(s.text, s.refs, others)


# "The two foreign ministers initialled a peace treaty at the same meeting", "Министры парафировали договор": a text told
# as made by those who made it; not one named by what was done to it ("the Statement signed by the three leaders",
# "the treaty initialled in Washington").
_TOLD_MADE = re.compile(
    r"\b(?:ministers|leaders|presidents|sides|parties|they|Aliyev|Pashinyan|Pashinian|министры|лидеры|президенты|"
    r"стороны|Алиев|Пашинян)\b[^.,;:]{0,25}?\s(?:initiall?ed|signed|adopted|issued|парафировал\w*|подписал\w*)\b",
    re.I,
)


# "…, and agreed to convene a commission by the end of April", "…, и поручили министрам …": a clause opened by "and"
# and a verb in the past, whose subject is the clause's before it.
_SAME_SUBJECT_GOES_ON = re.compile(
    # A verb in lower case: not a name ("and Red Cross lorries …").
    r"[\s,;]*(?i:and|и)\s+(?i:also\s+|также\s+)?(?:[a-z]+ed|set|told|made|gave|took|[а-яё]+(?:ли|лись))(?![\w-])|"
    # "The regulations, signed on August 30, were ratified on October 23": the subject's own verb, after a clause
    # that described it.
    r"[\s,;]*(?:was|were|(?:has|have|had)\s+been)\s+(?:also\s+|later\s+|then\s+)?[a-z]+(?:ed|en)(?![\w-])|"
    r"[\s,;]*(?:был[аио]?|были)\s+(?:также\s+|затем\s+)?[а-яё]+(?:н|т)[аоы]?(?![\w-])"
)


# A pronoun or a word for closing that stands for what an earlier clause named.
_REFERS_BACK = re.compile(r"\b(?:it|its|them)\b|(?<![\w-])(?:е[её]|он|она|оно|его|их|ним|закрыти\w*)(?![\w-])", re.I)


# "Положение …, подписанное 30 августа 2024 года, парламент ратифицировал 23 октября": the participle that dates a text
# named at the head of the sentence, set off by commas; the clause after it tells what was done to that text (its
# object, put first). English says it in the passive (_SAME_SUBJECT_GOES_ON).
_DATING_ASIDE = re.compile(r",\s+(?:подписанн|парафированн|принят|согласованн|утвержденн)\w*[^,;]{0,60}$", re.I)
NAMED_ASIDE_REACH = 100


def _after_named_aside(head: _Sentence, lead: _Items, lo: int) -> bool:
    """Whether the clause at `lo` follows a dating aside that comes right after a text the sentence opens on."""
    m = _DATING_ASIDE.search(head.text, max(0, lo - NAMED_ASIDE_REACH), lo)
    return m is not None and any(r.end - head.start == m.start() for r in lead.refs)


# A clause that opens on a relative pronoun goes on about what the clause before it named.
_RELATIVE_CLAUSE = re.compile(
    r"[\s,;]*(?:which|that|котор\w+|(?:in|under|by|with|on|в|по|с|на)\s+(?:which|котор\w+))\b", re.I
)


# The verbs of ratifying or approving a text already made.
_RATIFIED = re.compile(r"\b(?:ratif\w+|approved|endorsed)\b|(?<![\w-])(?:ратифицир|утверди|одобри)\w*", re.I)


# A span told as still going on up to a day: "will continue until", "is to run until", "продлится до".
_GOES_ON_UNTIL = re.compile(
    r"\b(?:will|would|is\s+to|are\s+to)\s+(?:continue|run|last|stay|remain|go\s+on)\s+(?:[\w-]+\s+){0,3}?until\s+$|"
    r"(?<![\w-])продл(?:ится|ятся)\s+до\s+$",
    re.I,
)
GOES_ON_REACH = 60


# A clause that tells when the thing named right before it happened.
_HAPPENED_THEN = re.compile(
    r"[\s,]*(?:(?:which|that)\s+(?:took\s+place|happened|occurred)|(?:произошедш|случивш|состоявш)\w*)\b", re.I
)


# What is left of a clause that is only a further date of a list: "and October 28", ", и 25 ноября".
# "…on June 21 and again the following day", "…23 июня и снова 24-го": "again" says the same act once more.
# A part of the day may be told with each: "on March 31, on the evening of April 8 and again late on April 9", "утром
# 8 апреля и поздно вечером 9 апреля".
_DATE_LIST_REST = re.compile(
    r"^[\s,;]*(?:(?:and|or|и|или)\s+)?(?:(?:again|once\s+more|снова|вновь|еще\s+раз)\s+)?(?:(?:early|late)\s+)?"
    r"(?:(?:on|in|by|to|на|в|к)\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    r"(?:(?:поздно\s+)?(?:утром|дн[её]м|вечером|ночью)\s+)?[\s.]*$",
    re.I,
)


# ", which" after a place: not "where", a place where something else happened ("protests in Tavush that moved on to
# Yerevan, where on 9 May …").
_COMMA_WHICH_PLACE = re.compile(r",\s+(?:which|котор\w+)\s", re.I)
# What may stand between a place's name and ", which" hanging from it: the kind of place it is, or the bracket that
# closes its other name ("the capture of Kalbajar (Karvachar), which drew Resolution 822 on 30 April").
_PLACE_KIND_AFTER = re.compile(r"(?:\s+(?:district|region|province|town|city|village|район\w*|област\w*))?\)?")


def _antecedent_places(head: _Sentence, before: _Items, which: int) -> list[PlaceMatch]:
    """The place of `before` whose name ends right before the ", which" at `which` (in the sentence), with its other
    spellings in an aside between ("the Kalbajar district, known to Armenians as Karvachar, which …")."""
    last = next(
        (
            p
            for p in reversed(before.places)
            if _PLACE_KIND_AFTER.fullmatch(head.text, p.end - head.start, which) is not None
        ),
        None,
    )
    return [] if last is None else [p for p in before.places if p.place == last.place]


# An aside right after the subject a sentence opens on: a relative clause or a participle ("…, which had watched",
# "…, opened on", "…, работавший с").
_SUBJECT_ASIDE = re.compile(
    r",\s+(?:which|who|[a-z]+ed|set\s+up|котор[а-яё]+|[а-яё]+(?:вш|ющ|ящ)[а-яё]+|[а-яё]+(?:нн|т)(?:ый|ая|ое|ые))\s"
)
# The subject's own verb after the aside closes: "…, shut down on 26 April", "…, закрылся 26 апреля".
_VERB_AFTER_ASIDE = re.compile(rf",\s+(?:is|are|has|had|have|came|{PAST_VERB}|{RU_PAST_VERB})(?![\w-])")


def _subject_before_aside(head: _Sentence, first: _Items, lo: int) -> list[PlaceMatch]:
    """The places of the subject `head` opens on, when the clause at `lo` is that subject's own verb and `first`, the
    clause before, is the subject and a dated aside describing it (all of `first`'s dates in the aside)."""
    if not _VERB_AFTER_ASIDE.match(head.text, lo):
        return []
    aside = _SUBJECT_ASIDE.search(head.text, 0, lo)
    if aside is None or "," in head.text[: aside.start()]:
        return []
    subject_end = head.start + aside.start()
    if any(d.start < subject_end for d in first.dates):
        return []
    return [p for p in first.places if p.start < subject_end]


# A clause of reported words right after the clause that says who said them, and when.
_REPORTED_THAT = re.compile(r",?\s+(?:that|что)\s", re.I)
SAID_REACH = 80


# Two days joined by "and" alone, no word of when repeated: "of 22 February and 6 July", "от 22 февраля и 6 июля".
_DAYS_JOINED = re.compile(r"\s+(?:and|и)\s+$", re.I)


def _joins_two_days(head: _Sentence, before: _Items, after: _Items) -> bool:
    """Whether the clause `before` ends on a day that `after` opens with the next of, joined by "and" alone."""
    if not before.dates or not after.dates:
        return False
    last, first = max(before.dates, key=lambda d: d.start), min(after.dates, key=lambda d: d.start)
    return bool(_DAYS_JOINED.match(head.text, last.end - head.start, first.start - head.start))


def _only_dates(text: str, lo: int, hi: int, dates: list[DateMention], base: int) -> bool:
    """Whether text[lo:hi] says nothing but its dates (at article offsets, the text starting at `base`) and the
    words that list them."""
    rest, at = [], lo
    for d in sorted(dates, key=lambda d: d.start):
        rest.append(text[at : d.start - base])
        at = max(at, d.end - base)
    # What follows the last day after a comma is said of the whole list ("…and late on April 9, allegations Yerevan
    # dismissed"), not a clause of that day's own.
    aside = text.find(", ", at, hi)
    rest.append(text[at : aside if aside >= 0 else hi])
    return bool(dates) and bool(_DATE_LIST_REST.match("".join(rest)))


_MEETING_BEFORE = re.compile(r"(?:\b(?:meeting|summit|talks|round)|встреч\w*|саммит\w*),?\s+(?:on|of|от)\s+$", re.I)


# "At the April 6 meeting", "the 6 April Brussels talks": the day written before the meeting's word.
_MEETING_AFTER = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w-]*)?\s+(?:meeting|summit|talks|round)\b", re.I)


def _meeting_named(text: str, d: DateMention) -> bool:
    """Whether `d` is the day in a meeting's name: "the Brussels meeting on 22 May", "The fourth round, on 31
    August", "At the April 6 meeting"."""
    return (
        d.attached
        and bool(d.agreements)
        and bool(_MEETING_BEFORE.search(text[max(0, d.start - 40) : d.start]) or _MEETING_AFTER.match(text, d.end))
    )


# What an agreement's own day saw, told in the clause that names it: its making (signed, agreed, accepted), or the
# fighting it ended.
_ITS_DAY_TOLD = re.compile(
    r"\b(?:signed|agreed|accepted|reached|ended|stopped|halted|put\s+an\s+end)\b|"
    r"(?<![\w-])(?:подписа[лн]\w*|согласил\w*|договорил\w*|достигнут\w*|остановил\w*|остановлен\w*|прекратил\w*|"
    r"прекращен\w*|положил\w*\s+конец)",
    re.I,
)
TAIL_ACT_REACH = 120  # characters either side of the agreement's name in which its clause tells what that day saw


def _agreement_tail(s: _Sentence) -> list[DateMention]:
    """ "Most of the servicemen were detained in December 2020, weeks after the trilateral statement of November 10 had
    ended the war", "The war, which began on September 27, ended with the trilateral statement signed on November 10":
    an agreement named by its day in a clause after the sentence's first day of its own, a clause that tells of that
    day (the text signed or agreed, the fighting ended), is a report of its own, dated by the agreement. Named only as
    what an act broke or followed ("…, calling it a violation of the statement of November 9") it stays with that act."""
    own = s.own_dates
    if not own:
        return []
    named = [d for d in s.dates if d.attached and len(d.agreements) == 1 and d.start > own[0].end]
    if not named:
        return []
    # By bisection: a pasted sentence may hold thousands of dates and breaks.
    own_ends, own_starts = [o.end for o in own], [o.start for o in own]
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(s.text)]
    break_ends = [end for _, end in breaks]
    out = []
    for d in named:
        before = own_ends[bisect.bisect_right(own_ends, d.start) - 1]
        # From where the name begins: the commas of "заявлением лидеров России, Азербайджана и Армении от 9 ноября"
        # are a list inside the name, not breaks between clauses.
        name_at = name_before(s.text, d.start)
        begins = d.start if name_at is None else max(name_at, before)
        at = bisect.bisect_right(break_ends, begins) - 1
        if at < 0 or breaks[at][0] < before:
            continue  # the day the sentence tells and the agreement's name are in one clause
        after = bisect.bisect_left(own_starts, d.end)
        lo = max(break_ends[at], d.start - TAIL_ACT_REACH)
        hi = min(own_starts[after] if after < len(own_starts) else len(s.text), d.end + TAIL_ACT_REACH)
        # Not the verb of the name itself ("the declaration signed by Baku, Yerevan and Moscow on November 10").
        name_start = d.start if name_at is None else max(name_at, lo)
        if _ITS_DAY_TOLD.search(s.text, lo, name_start) or _ITS_DAY_TOLD.search(s.text, d.end, hi):
            out.append(d)
    return out


def _agreements_listed(s: _Sentence) -> list[DateMention]:
    """The dates of `s` that each name one agreement, when they name two or more and the sentence has no day of its
    own besides them: a list of agreements by their dates, each one report ("заявлениях от 11 января и 26 ноября
    2021 года, а также о встрече в Сочи 31 октября 2022 года"). A day of its own ("Yesterday the leaders discussed
    the statements of 9 November 2020 and 11 January 2021") or another agreement the sentence names, by name or as
    "the document" ("the document confirms the commitments taken under the statements of …"), makes the list what
    that one is about."""
    if any(not d.agreements for d in s.own_dates):
        return []
    named = [d for d in s.dates if len(d.agreements) == 1]
    ids = {d.agreements[0] for d in named}
    if len(ids) < 2 or any(r.agreement not in ids for r in s.refs):
        return []
    other = ANAPHOR.search(s.text)
    if other is not None and not any(r.start <= other.start() < r.end for r in s.refs):
        return []
    # Only a list: each item joined to the next ("and", "и", a comma); and only where a date in a name is among them
    # (dates of the sentence's own are its events already).
    joined = all(listed_together(s.text, a, b) for a, b in zip(named, named[1:], strict=False))
    return named if joined and any(d.attached for d in named) else []


def _names_another_by_date(s: _Sentence, before: set[str]) -> bool:
    """ "Both leaders repeated that the trilateral statement of 9/10 November 2020 …", "The document builds on the
    Washington declaration of 2025, …", "The trilateral statement signed the day before …": the one agreement a
    continuing sentence names, named by its date (written or counted) and not by the report before (`before`: the
    agreements it names), is a report of its own."""
    named = {r.agreement for r in s.refs}
    by_date = {a for d in s.dates if d.attached or d.counted for a in d.agreements}
    if len(by_date) != 1 or not named <= by_date or named & before:
        return False
    # "По итогам встречи лидеры подписали заявление … по реализации пункта 9 заявления от 10 ноября 2020 года": a
    # point of it being carried out is what the report did, not a report of its own.
    return not article_references(s.text, s.refs, tuple(by_date))


def _says_what_it_provides(s: _Sentence) -> bool:
    """ "The document also provides for …", "The joint statement issued that day also records …" after the report that
    named the agreement: what the agreement says, with no day of the sentence's own but the one counted, is a
    candidate of its own (the labelling rule), not a detail of the report before."""
    return all(d.counted for d in s.own_dates) and bool(s.refs) and bool(_PROVIDES.search(s.text))


def _reported_deadlines(s: _Sentence) -> None:
    """ "The handover has been postponed to November 25, the administration said on Sunday": the new date is what was
    announced, not an event of its own; the report is the announcement, dated by the day it was made. Marked as part
    of the event (like a date in an agreement's name) when the sentence gives that other day."""
    own = s.own_dates
    if len(own) < 2:
        return
    kept = []
    for d in s.dates:
        if not d.attached and _RESCHEDULED.search(s.text[max(0, d.start - RESCHEDULED_REACH) : d.start]):
            d = replace(d, agreements=(), attached=True)
        kept.append(d)
    if any(not d.attached for d in kept):
        s.dates = kept


# "…, the head of Aghavno village told NEWS.am on Friday", "сообщили в среду": the day a report was given.
SPEECH_REACH = 50
# A day that opens its sentence ("On Monday", "Еще в понедельник,"), and the speaking verb after it, before the
# next date ("… he told parliament that", "…, выступая в парламенте, он напомнил, что").
_OPENS_ON = re.compile(r"^\W*(?:(?:on|ещ[её](?:\s+в)?|в|во)\s+)?$", re.I)
_SPOKEN_AFTER = re.compile(rf"[^.;:]{{0,80}}?\b(?:{SPEECH_VERBS}|напомнил\w*|reminded|recalled)\b", re.I)
_SPEECH = re.compile(rf"\b{SPEECH_VERBS}\b(?:[^.;:,]|\.(?=\w)){{0,40}}$", re.I)


def _in_year_of_day_before(
    text: str, found: list[DateMention], read: list[DateMention], dated: bool
) -> list[DateMention] | None:
    """ "The treaty text, agreed on 13 March 2025, was initialled at the White House on 8 August": in a text without a
    publication date, a year-less date after a day the sentence wrote with its year, not as part of an agreement's
    name (`read`: the same dates as `found`, read for agreements), is in that year. In a dated text only the next
    day of a list, near it in that year (`_near_in_list`): "… on December 1, 2020, while Shusha had been taken on
    November 8" — after an agreement's day too, where the sentence says what the agreement provides. The dates with
    those moved, or None when none moves."""
    out, moved = [], False
    written: tuple[dt.date, int] | None = None  # the day written with its year, where it ends
    by_agreement = False  # whether that day is an agreement's whose provisions the sentence tells
    # Looked for once, and only where it can matter: a pasted sentence may hold thousands of dates.
    provides = dated and any(r.attached for r in read) and _PROVIDES.search(text) is not None
    for d, r in zip(found, read, strict=True):
        # "At the second meeting, on 6 April 2022, … by the end of April": a meeting dated in its name is a day told.
        # In a dated text, an agreement's day written with its year is one too where the sentence says what the
        # agreement provides: its deadlines ("Under point 6 of the statement signed on 10 November 2020, Armenia was to
        # return Kalbajar by 15 November"); not a later event ("citing the statement of 10 November 2020, the sides met
        # again on 6 October"), nor its month, read as its day ("the November 2020 ceasefire").
        named_day = r.attached and d.precision == "day" and provides
        if (
            r.has_year
            and (not r.attached or _meeting_named(text, r) or named_day)
            and r.date is not None
            and r.precision in ("day", "range")
        ):
            written = (r.date, r.end)
            # Its deadline need not be listed with it: "По трехстороннему заявлению от 10 ноября 2020 года Армения
            # обязалась вернуть район до 15 ноября".
            by_agreement = named_day
        elif written is not None and d.guessed_year and not r.attached and d.date is not None:
            told = (
                _near_in_list(text, written, d.date, d, listed=not by_agreement)
                if dated
                else _told_after(d.date, written[0])
            )
            if told != d.date:
                d, moved = replace(d, date=told), True
        out.append(d)
    return out if moved else None


# How near the day written with its year a year-less day of the same list must fall to share that year.
LIST_CARRY_DAYS = 60


def _near_in_list(
    text: str, written: tuple[dt.date, int], day: dt.date, d: DateMention, listed: bool = True
) -> dt.date:
    """The year-less `day` (of `d`) in the year of the day `written` before it in a list of the sentence (the day
    and where it ends; `listed`: joined to it as a list is), when it falls within LIST_CARRY_DAYS of it there; else as
    read."""
    if d.precision != "day" or d.start - written[1] > LIST_YEAR_GAP:
        return day  # measured before the gap is cut: a pasted list may hold thousands of days after one year
    gap = text[written[1] : d.start]
    # "The offensive launched on September 27, 2020 ended on November 9": the subject's own verb goes on with its story.
    if (listed and not (LIST_JOIN.search(gap) or OWN_VERB_AFTER_DAY.match(text, written[1]))) or ";" in gap:
        return day
    carried = in_year(day, written[0].year)
    return carried if carried is not None and abs((carried - written[0]).days) <= LIST_CARRY_DAYS else day


def _told_as_to_come(text: str, d: DateMention) -> bool:
    """Whether the clause that ends with `d` says it is still to come."""
    lo = max(0, d.start - ACT_CLAUSE_REACH)
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, d.start)]
    return bool(_TO_COME.search(text, starts[-1] if starts else lo, d.start))


def _tells_an_act(text: str, d: DateMention) -> bool:
    """Whether the clause a count of days opens ("a day after …") tells what someone did, not a name or what was still
    to come."""
    if _EXACT_COUNT.match(text, d.start):
        return True  # "exactly two years after its first patrol": an anniversary dates that earlier event
    clause = text[d.end : d.end + ACT_CLAUSE_REACH]
    if _STILL_TO_COME.match(clause):
        return False
    # "через день после того, как …": a Russian count of days (its words are the only ones not in ASCII) opens a
    # clause with its verb.
    return not text[d.start].isascii() or bool(_ACT_IN_CLAUSE.match(clause))


def _told_after(day: dt.date, last: dt.date) -> dt.date:
    """A year-less `day` told after `last` in a text without a publication date: in `last`'s year, or in the next
    when that is nearer ("set up on 12 December 2022, was replaced on 23 April" is April 2023; "had warned on 3
    December" stays in 2022)."""
    same, next_year = in_year(day, last.year), in_year(day, last.year + 1)
    if same is None or next_year is None:
        return day
    return next_year if same < last and next_year - last < last - same else same


def _told_in(text: str, d: DateMention) -> bool:
    """Whether `d` is written as when something happened: "In early August 2022", "в августе 2022 года" (the Russian
    date's span holds its "в")."""
    before = _IN_YEAR_ALONE.search(text, max(0, d.start - IN_YEAR_REACH), d.start)
    return before is not None or _RU_IN.match(text, d.start) is not None


def _days_after_written_days(dates: list[DateMention]) -> set[int]:
    """Where the year-less days stand that fall within STORY_SPAN after the day the sentence wrote with its year just
    before them, one that dates an event rather than an agreement's name: "the Bishkek Protocol, signed on 5 May 1994,
    and a ceasefire that took hold a week later, on 12 May" is 1994's, whatever the atlas knows of a 12 May. One pass:
    a pasted sentence may hold thousands of dates."""
    out: set[int] = set()
    written: DateMention | None = None  # the last day written with its year, read so far
    for d in dates:  # in order
        if written is not None and written.end <= d.start and written.date is not None and d.date is not None:
            if written.date <= d.date <= written.date + STORY_SPAN:
                out.add(d.start)
        if d.date is not None and d.has_year and not d.guessed_year and not d.attached:
            written = d if d.precision in ("day", "range") else None
    return out


def _counted_in_own_clause(text: str, after: int, d: DateMention) -> bool:
    """Whether a day counted as the one before ("the same day", "в тот же день") tells another event: its clause opens,
    after `after`, on a conjunction or a semicolon ("…, and Peskov confirmed it the same day") or on the count itself
    ("…, в тот же день Песков ответил …"), not on a bare comma ("…, the ministry said the same day")."""
    if not d.counted:
        return False
    return opens_its_clause(text, d.start, after) or OWN_CLAUSE.search(text, after, d.start) is not None


def _named_refs(s: _Sentence) -> list[Reference]:
    """The agreements `s` names by name, in order, not by a day: "on 8 August 2025", "the Aug. 8 summit" name every
    text made that day."""
    dates = sorted(s.dates, key=lambda d: d.start)
    starts = [d.start for d in dates]

    def holds_a_day(r: Reference) -> bool:
        # Dates do not overlap: only the first starting inside the reference can end inside it (one bisection, not a
        # scan: a pasted sentence may hold thousands of both).
        i = bisect.bisect_left(starts, r.start)
        return i < len(dates) and dates[i].end <= r.end

    return sorted((r for r in s.refs if not holds_a_day(r)), key=lambda r: r.start)


# "…signed a joint declaration and their foreign ministers initialled a treaty": a clause with a subject of its own,
# as one after a comma and "а" always opens ("…подписали декларацию, а министры … парафировали текст").
_SUBJECT_AFTER_AND = re.compile(
    r",?\s+(?:and|и|а)\s+(?=(?:their|its|his|her|the|их|[A-ZА-ЯЁ])\w*\s)|,\s+а\s+(?=\w+\s)|,\s+while\s+(?=\w+\s)"
)


def _second_made(s: _Sentence) -> int | None:
    """Where a second act of making an agreement begins, in a sentence of one day: "That day the two leaders signed
    a joint declaration, and their foreign ministers initialled the peace treaty", each clause with its own subject,
    its own verb of making and its own agreement, the second one the first clause did not name. None when there is
    no such clause."""
    refs = _named_refs(s)
    if len({r.agreement for r in refs}) < 2:
        return None
    for m in _SUBJECT_AFTER_AND.finditer(s.text, refs[0].end):
        before = {r.agreement for r in refs if r.start < m.start()}
        after = [r for r in refs if r.start >= m.end()]
        if not after or after[0].agreement in before:
            continue
        made_before = MADE.search(s.text, 0, refs[0].start) or MADE.search(s.text, refs[0].end, m.start())
        if made_before and MADE.search(s.text, m.end(), after[0].start):
            return m.start()
        return None
    return None


# ", the day their leaders signed …", ", the day on which …", ", в день подписания …", ", в тот же день, когда …".
_THE_DAY = re.compile(
    r",\s+(?:on\s+)?the\s+(?:same\s+)?day\s+(?:on\s+which\s+|when\s+|that\s+)?|,\s+в\s+(?:тот\s+(?:же\s+)?)?день,?\s+(?:когда\s+)?",
    re.I,
)
_MADE_NOUN = re.compile(r"(?<![\w-])(?:подписани|парафировани|приняти)\w*", re.I)


def _made_that_day(s: _Sentence) -> int | None:
    """Where a clause begins that points back to the sentence's one day as the day an agreement was made ("…sent the
    appeal on 8 August, the day their leaders signed a joint declaration", "…8 августа, в день подписания Вашингтонской
    декларации"): a report of its own, when it names an agreement the sentence did not name before it. None when
    there is no such clause."""
    own = s.own_dates
    if len(own) != 1:
        return None
    m = _THE_DAY.match(s.text, own[0].end)
    if m is None:
        return None
    named = _named_refs(s)
    before = {r.agreement for r in named if r.start < m.start()}
    after = [r for r in named if r.start >= m.end() and r.agreement not in before]
    if not after:
        return None
    made = MADE.search(s.text, m.end(), after[0].end) or _MADE_NOUN.search(s.text, m.end(), after[0].end)
    return m.start() if made else None


def _spoken_days(s: _Sentence) -> frozenset[int]:
    """ "…, the village head told NEWS.am on Friday": where the days stand that `s` gives as when words were said,
    when it also dates what they report (a lone speaking day is the report's date). Positions, not the dates: a
    pasted sentence may hold thousands, each looked up once."""
    own = s.own_dates
    if len(own) < 2:
        return frozenset()
    # Not a day counted in a clause of its own ("…announced on April 17, and Peskov confirmed it the same day").
    ends = [0, *(d.end for d in own)]
    spoken = [
        d
        for i, (d, prev_end) in enumerate(zip(own, ends, strict=False))
        if d.relative
        and (
            _SPEECH.search(s.text[max(0, d.start - SPEECH_REACH) : d.start])
            # "On Monday he told parliament that …", "В понедельник, выступая в парламенте, он напомнил, что …": the
            # day that opens the sentence, its speaking verb after it.
            or (i == 0 and _OPENS_ON.match(s.text, 0, d.start) and _SPOKEN_AFTER.match(s.text, d.end, own[1].start))
        )
        and not (d.counted and _counted_in_own_clause(s.text, prev_end, d))
    ]
    # "…announced last Thursday that the centre in Aghdam, which began operating in January 2021, would close": a day
    # in a relative clause is not what the words report.
    said_at = frozenset(d.start for d in spoken)
    # Nor a clause counted from the speaking day ("…said on Monday that …, a day after Baku installed a checkpoint"),
    # nor a day counted in a clause of its own ("…told a reporter on Thursday that …, and the following morning Baku
    # accused him"): another event, not what the words report.
    # A weekday in a clause of its own likewise ("On Monday the mayor said …, and on Tuesday the police began …").
    reported = any(
        d.start not in said_at
        and not d.apart
        and not _in_relative_clause(s.text, d.start)
        and not (d.counted and _counted_in_own_clause(s.text, prev_end, d))
        and not (d.weekday and OWN_CLAUSE.search(s.text, prev_end, d.start))
        for d, prev_end in zip(own, ends, strict=False)
    )
    return said_at if reported else frozenset()


RELATIVE_CLAUSE_REACH = 60
_WHICH_CLAUSE = re.compile(_COMMA_WHICH, re.I)


def _in_relative_clause(text: str, at: int) -> bool:
    """Whether `at` stands in a ", which …" clause begun within RELATIVE_CLAUSE_REACH before it, no comma between."""
    opened = [m.end() for m in _WHICH_CLAUSE.finditer(text, max(0, at - RELATIVE_CLAUSE_REACH), at)]
    return bool(opened) and "," not in text[opened[-1] : at]


_OPENING_IN = re.compile(r"^\W*(?:in|в)\s+$", re.I)


def _month_framing_days(s: _Sentence) -> None:
    """ "In August 2022 the route changed: Berdzor … passed under Azerbaijani control on August 26, and from the
    evening of August 30 traffic moved …": a month that opens the sentence and holds its later days frames them; the
    days are the reports, not the month."""
    own = s.own_dates
    if len(own) < 2 or own[0].precision != "month" or own[0].date is None or own[0].agreements:
        return
    month = own[0].date
    # "Last month the road was cut outright: soldiers closed it on August 25": a month opening the sentence frames
    # the days after its colon too.
    framed = _OPENING_IN.match(s.text, 0, own[0].start) or (
        not s.text[: own[0].start].strip() and COLON.search(s.text, own[0].end, own[1].start)
    )
    if not framed:
        return
    if any(d.precision == "day" and d.date is not None and d.date.replace(day=1) == month for d in own[1:]):
        s.dates = [replace(d, attached=True) if d is own[0] else d for d in s.dates]


def _reported_speech(s: _Sentence) -> None:
    """ "Residents have been given until August 25 to leave, the village head told NEWS.am on Friday": the day the
    words were said is not an event of its own when the sentence dates what they report (the labelling rule: the
    reported event is the candidate); a lone speaking day stays the report's date."""
    spoken = _spoken_days(s)
    if spoken:
        s.dates = [replace(d, agreements=(), attached=True) if d.start in spoken else d for d in s.dates]


# "…, а Лачинский — 1 декабря, согласно трехстороннему заявлению", "…and Lachin on December 1, as the statement of 9
# November provided": what stands between the list's last day and the agreement that closes the sentence.
_CLOSING_UNDER = re.compile(
    r"[\s,]*(?:согласно|в\s+соответствии\s+с|как\s+(?:и\s+)?предусматрива\w*|under|as|in\s+line\s+with|"
    r"according\s+to|pursuant\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}",
    re.I,
)
CLOSING_UNDER_REACH = 80


def _spread_closing_agreement(head: _Sentence, last_day_end: int, parts: list[_Items], finder: AgreementFinder) -> None:
    """An agreement that closes a list of dated events, right after its last day ("Kalbajar on 25 November, Aghdam on
    20 November and Lachin on 1 December, under the statement of 10 November"), is what each item dated from its day
    on followed, not only the last ("occupied in April 1993, was returned … under the statement" did not); items
    naming an agreement of their own keep it. (The parts' references stand at article offsets.)"""
    closing = [
        r
        for r in parts[-1].refs
        if 0 <= (at := r.start - head.start) - last_day_end <= CLOSING_UNDER_REACH
        and _CLOSING_UNDER.fullmatch(head.text, last_day_end, at)
    ]
    for items in parts[:-1] if closing else []:
        days = [d.date for d in items.dates if not d.attached and d.date is not None]
        if not items.refs and days:
            items.refs += [r for r in closing if min(days) >= finder.by_id[r.agreement].date]


def _unique(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _fitting(agreements: Iterable[str], word: str, finder: AgreementFinder) -> list[str]:
    """Of `agreements`, those the anaphor `word` can stand for ("the declaration" a declaration, "the document" any)."""
    return [a for a in agreements if finder.of_kind(a, word)]


def _resolve_anaphors(sentences: list[_Sentence], finder: AgreementFinder, published: dt.date | None) -> None:
    """ "The document", "Согласно документу", "Декларация предусматривает", "Under the decision": in a sentence naming
    no agreement, the agreement named last within the ANAPHOR_SENTENCES before it that the word can stand for (a
    declaration for "the declaration", a decision for "the decision", any for "the document"; where a sentence named
    several that the word fits, the reader chooses), marked unsure. An agreement so found is named for the anaphors
    after it: "Under the deal …", "…, the statement says", "Point 9 of the document …" go on about one agreement."""
    named: list[tuple[tuple[str, ...], int]] = []  # (the agreements a sentence named, its index)
    for i, s in enumerate(sentences):
        if s.refs:
            named.append((_unique(r.agreement for r in s.refs), i))
            continue
        if _resolve_venue(s, i, named, finder, published):
            continue
        # A sentence that continues the one before ("The document also …") joins that report, which is not
        # necessarily about the agreement named earlier; unless it says what the agreement the sentence right
        # before named provides ("The document also provides for …").
        reach = ANAPHOR_SENTENCES
        if CONTINUATION.match(s.text) and not s.own_dates:
            if not _PROVIDES.search(s.text):
                continue
            reach = 1
        m = ANAPHOR.search(s.text)
        if m is None:
            continue
        if m.group("meeting"):
            reach = MEETING_ANAPHOR_SENTENCES
        for ids, at in reversed(named):
            if i - at > reach:
                break
            fits = _fitting(ids, m.group(), finder)
            if len(fits) == 1 and not made_another_day(s, m.end(), fits[0], finder):
                s.refs.append(Reference(m.start(), m.end(), fits[0], confident=False))
                named.append(((fits[0],), i))
            if fits:
                break  # one it fits, or several: the reader chooses


def _resolve_venue(
    s: _Sentence, i: int, named: list[tuple[tuple[str, ...], int]], finder: AgreementFinder, published: dt.date | None
) -> bool:
    """ "In Prague, the two countries confirmed …": an undated sentence opening on where it happened tells of the
    agreement made there that the sentence right before named (MEETING_ANAPHOR_SENTENCES), or, when the sentence says
    the sides agreed or confirmed something there, of the latest agreement made there by the publication; marked unsure.
    Whether it did."""
    if s.own_dates:
        return False
    at_venue = finder.opening_venue(s.text, s.words)
    made_there = []
    if named and i - named[-1][1] <= MEETING_ANAPHOR_SENTENCES:
        made_there = [r for r in at_venue if r.agreement in named[-1][0]]
    if not made_there and _AGREED_THERE.search(s.text):
        # The latest made there by the publication, as a reader of that day takes it (none when two were made there
        # that day: at the White House, the declaration or the treaty); in an undated text, the only one.
        def made_on(r: Reference) -> dt.date:
            return finder.by_id[r.agreement].date

        made_there = [r for r in at_venue if published is None or made_on(r) <= published]
        if published is not None and made_there:
            latest = max(map(made_on, made_there))
            made_there = [r for r in made_there if made_on(r) == latest]
    if len(made_there) != 1:
        return False
    s.refs += made_there
    return True


# What the sides did at a meeting that made an agreement: "In Prague, the leaders confirmed …", "В Сочи стороны
# договорились …".
_AGREED_THERE = re.compile(
    r"\b(?:agreed|confirmed|reaffirmed|pledged|committed)\b|(?<![\w-])(?:договорил|подтвердил|согласил|обязал)\w*",
    re.I,
)


# How many sentences back "the corridor" may find the place it stands for: a report about one corridor goes on
# calling it "the corridor" for paragraphs (3 missed it seven sentences on).
HEAD_NOUN_SENTENCES = 8
# "the corridor", "this corridor" (English needs the article; Russian has none: "по коридору").
_DEFINITE = re.compile(r"\b(?:the|this)\s+$", re.I)


_ROUTE_ENDS_AFTER = re.compile(r"\s+(?:from|to|between|through)\s+[A-Z]")


def _resolve_place_heads(sentences: list[_Sentence], gazetteer: Gazetteer) -> None:
    """ "The corridor", "по коридору": a place's head noun, not part of a name the gazetteer found, stands for the
    place with that head named last, in this sentence before it or within HEAD_NOUN_SENTENCES before."""
    heads = gazetteer.head_nouns()
    cyrillic_heads = [(h, pids) for h, pids in heads.items() if not h.isascii()]
    named: dict[str, tuple[str, int]] = {}  # place id -> (place, index of the sentence that named it last)
    # "the Lachin road … on the road": the head of a name as the text wrote it stands for that place too.
    written_heads: dict[str, str] = {}

    def name(p: PlaceMatch, i: int) -> None:
        named[p.place] = (p.place, i)
        last = p.text.split()[-1] if len(p.text.split()) > 1 else ""
        if last.isascii() and last.isalpha() and last.islower():
            written_heads[last] = p.place

    for i, s in enumerate(sentences):
        found: list[PlaceMatch] = []
        events = sorted(s.places, key=lambda p: p.start)
        k = 0  # the places of the sentence are walked once, beside its words: linear in the sentence
        for j, w in enumerate(s.words):
            while k < len(events) and events[k].end <= w.start:
                name(events[k], i)
                k += 1
            if k < len(events) and events[k].start <= w.start:
                continue  # part of a name found already ("Lachin corridor")
            cyrillic = not w.key.isascii()
            pids = heads.get(w.key)
            if pids is None and cyrillic:  # a Russian case form: "по коридору"
                pids = next((p for h, p in cyrillic_heads if token_matches(h, w.key)), None)
            if w.key in written_heads and not _ROUTE_ENDS_AFTER.match(s.text, w.end):
                pids = (*(pids or ()), written_heads[w.key])  # not "the road from Aghdam": another road
            if not pids or (j + 1 < len(s.words) and s.words[j + 1].key in NOT_A_PLACE_AFTER):
                continue  # "the border village of Kornidzor", "the border commission": a kind of thing, not the place
            if ru_boundary_of_others(s.text, s.words, j):
                continue  # "участок границы между Тавушем и Газахом": the sides written decide
            if cyrillic and s.text[w.start].isupper():
                continue  # "Коридор" opening a sentence may be a name of its own
            if not cyrillic and not _DEFINITE.search(s.text[max(0, w.start - 6) : w.start]):
                continue
            # "the border with Iran": the sides written after it are not the place's.
            pids = tuple(p for p in pids if not gazetteer.other_sides(s.text, s.words, j + 1, p))
            recent = [(named[p][1], p) for p in pids if p in named and i - named[p][1] <= HEAD_NOUN_SENTENCES]
            if recent:
                place = max(recent)[1]
                found.append(PlaceMatch(w.start, w.end, s.text[w.start : w.end], place))
                named[place] = (place, i)  # "the corridor" again two sentences on is still the same corridor
        for p in events[k:]:
            name(p, i)
        s.places = sorted([*s.places, *found], key=lambda p: p.start)


# "the village of Zabukh in the Lachin district", "Aghali village of Zangilan district", "село Агали Зангиланского
# района": a name the atlas does not know, introduced as a settlement of a place it knows. (Not "Zangilan's Aghali":
# "Karabakh's Armenians" would make every "Armenians" a place.)
_LOCAL_BEFORE_PLACE = re.compile(
    r"(?:\b(?i:village|town|settlement|city)\s+of\s+(?P<en>[A-Z][\w'-]+)\s+(?i:in|of)\s+(?:the\s+)?|"
    # Not after an article: "the Azerbaijani town of Aghdam" describes the town.
    r"(?<![Tt]he\s)(?<!\b[Aa]\s)(?<!\b[Aa]n\s)\b(?P<en2>[A-Z][\w'-]+)\s+(?i:village|town|settlement)\s+(?i:in|of)\s+(?:the\s+)?|"
    r"(?<![\w-])(?i:сел[оаеу]м?|деревн[яиеюй]|посел\w+)\s+(?P<ru>[А-ЯЁ][\w-]+)\s+)$"
)
# How far before a place's name the settlement that introduces a local name may start.
LOCAL_NAME_REACH = 60


# "a route through Armenia's Syunik province linking the western regions to Nakhchivan", "маршрут через Сюник".
_ROUTE_WORD = re.compile(r"(?<![\w-])(?:route|маршрут\w*)(?![\w-])", re.I)


def _resolve_described_routes(sentences: list[_Sentence], gazetteer: Gazetteer) -> None:
    """ "Under that declaration, the parties agreed to open a route through Armenia's Syunik province linking the
    western regions to Nakhchivan": a route described, not named, in a sentence naming the one agreement that first
    named a route of the atlas (`Gazetteer.routes_made_by`), is that route."""
    made_by = gazetteer.routes_made_by()
    for s in sentences:
        routes = {made_by[r.agreement] for r in s.refs if r.agreement in made_by}
        if len(routes) != 1:
            continue
        route = routes.pop()
        m = _ROUTE_WORD.search(s.text)
        if m is None or any(p.place == route or p.start <= m.start() < p.end for p in s.places):
            continue  # no route written, or the route already named ("the Trump Route")
        s.places = sorted([*s.places, PlaceMatch(m.start(), m.end(), m.group(), route)], key=lambda p: p.start)


def _resolve_segments(sentences: list[_Sentence], gazetteer: Gazetteer) -> None:
    """ "The commissions agreed the first sections between Tavush and Gazakh", "между Тавушской областью и Газахским
    районом": a sentence naming both sides of a boundary segment (`Gazetteer.segments_by_sides`) names the segment,
    at the side named second; so does one naming the villages of one side ("four villages of the Gazakh district")."""
    segments = gazetteer.segments_by_sides()
    for s in sentences:
        first: dict[str, PlaceMatch] = {}  # place id -> where the sentence first names it
        for p in sorted(s.places, key=lambda p: p.start):
            first.setdefault(p.place, p)
        found = []
        for sides, segment in segments.items():
            if all(side in first for side in sides):
                second = max((first[side] for side in sides), key=lambda p: p.start)
                # Named already where its sides are, or only later in the sentence ("…between Tavush and Gazakh
                # villages on 15 May, and border guards took over Baghanis Ayrum …": a clause of its own).
                if segment not in first or first[segment].start > second.end:
                    found.append(PlaceMatch(second.start, second.end, second.text, segment))
                # "…between Tavush and Gazakh on 19 April, and border guards took over the four Gazakh villages on 24
                # May": the villages of a side named again later, in a clause of their own, name it there too.
                again = next(
                    (p for p in s.places if p.place in sides and p.start > second.end and _villages_of(s.text, p)), None
                )
                if again is not None:
                    found.append(PlaceMatch(again.start, again.end, again.text, segment))
                continue
            if segment in first:
                continue
            # "four villages of the Gazakh district", "the Tavush villages", "четырех сел Газахского района": the
            # villages of one side are the segment's.
            villages = [first[side] for side in sides if side in first and _villages_of(s.text, first[side])]
            if villages:
                found.append(PlaceMatch(villages[0].start, villages[0].end, villages[0].text, segment))
        s.places = sorted([*s.places, *found], key=lambda p: p.start)


# "villages of (its) Gazakh district", "villages in Azerbaijan's Gazakh district", "четырех сел Газахского района",
# "четыре села в Газахском районе" before a side's name (not "сел в Тавуше", "какого-либо села": any village there);
# "Tavush villages" after it.
_VILLAGES_BEFORE = re.compile(
    r"(?<![\w-])(?:villages\s+(?:of|in)\s+(?:the\s+|its\s+|(?:Azerbaijan|Armenia)['’]s\s+)?|сел\s+|"
    r"(?:дв|тр|четыр)\w*\s+сел[аоё]?\s+(?:в\s+)?)$",
    re.I,
)
_VILLAGES_AFTER = re.compile(r"\s+villages\b", re.I)
VILLAGES_REACH = 30


def _villages_of(text: str, p: PlaceMatch) -> bool:
    """Whether the sentence names villages of the place `p` names."""
    return bool(
        _VILLAGES_BEFORE.search(text, max(0, p.start - VILLAGES_REACH), p.start) or _VILLAGES_AFTER.match(text, p.end)
    )


def _resolve_local_names(sentences: list[_Sentence]) -> None:
    """A settlement the atlas does not know, introduced as lying in a place it knows ("Aghali village of Zangilan
    district"), stands for that place where the article names it again ("families will be taken to Aghali on 26
    October"): readers mark the district for the village."""
    local: dict[str, str] = {}  # the settlement's name -> the place it lies in
    for s in sentences:
        found = []
        known = sorted(s.places, key=lambda p: p.start)
        k = 0  # the sentence's places are walked once, beside its words: linear in the sentence
        for w in s.words:
            while k < len(known) and known[k].end <= w.start:
                k += 1
            name = s.text[w.start : w.end]
            if name in local and not (k < len(known) and known[k].start < w.end):
                found.append(PlaceMatch(w.start, w.end, name, local[name]))
        names = {q.text for q in s.places}
        for p in s.places:
            before = _LOCAL_BEFORE_PLACE.search(s.text[max(0, p.start - LOCAL_NAME_REACH) : p.start])
            for group in ("en", "en2", "ru"):
                settlement = before.group(group) if before else None
                if settlement and settlement not in local and settlement not in names:
                    local[settlement] = p.place
        s.places = sorted([*s.places, *found], key=lambda p: p.start)


def assemble(
    text: str,
    places: Iterable[Place],
    agreements: Iterable[Agreement],
    published: dt.date | None,
    people: People,
    linker: Linker | None = None,
) -> list[Candidate]:
    """Candidate events in `text`, in the order the article tells them (input already checked)."""
    ex = _Extractor(text, places, agreements, published, people, linker)
    sentences = [_Sentence(a, b, text[a:b]) for a, b in split_sentences(text)]
    ex.infer_year(sentences)
    for s in sentences:
        ex.analyse(s)
    _resolve_anaphors(sentences, ex.finder, ex.published)
    resolve_to_article_agreement(sentences, ex.finder, linker)
    _resolve_place_heads(sentences, ex.gazetteer)
    _resolve_described_routes(sentences, ex.gazetteer)
    for s in sentences:
        s.places = ex.gazetteer.described(s.text, s.places)
    _resolve_local_names(sentences)
    _resolve_segments(sentences, ex.gazetteer)
    headline = sentences[0] if sentences and not sentences[0].closed and len(sentences) > 1 else None
    groups: list[list[_Sentence]] = []
    named: set[str] = set()  # the agreements the last group names, kept as it grows (a paste may be one long group)
    days: set[dt.date | None] = set()  # the days the last group's sentences give as their own, kept likewise
    for s in sentences:
        if s is headline:
            continue
        # "The two leaders arrived earlier in the day": a day counted from the report's own continues that report.
        # Not one counted to another day ("He promised to come back in ten days"): that is a report of its own.
        continues = (
            groups
            and CONTINUATION.match(s.text)
            and all(d.counted and d.date in days for d in s.own_dates)
            and groups[-1][-1].closed
        )
        if continues and (
            _provides_for_another(s, named) or _says_what_it_provides(s) or _names_another_by_date(s, named)
        ):
            continues = False  # "The declaration states that …, provided for in Article 9 of the statement of …"
        if continues:
            groups[-1].append(s)
        else:
            groups.append([s])
            named, days = set(), set()
        named.update(r.agreement for r in s.refs)
        days.update(d.date for d in s.own_dates)
    out: list[Candidate] = []
    earlier: tuple[str, ...] = ()
    for g in groups:
        found = ex.candidates(g, [], earlier)
        if found and headline is not None:
            # The first report that stands on its own is the lead the headline sums up.
            found = ex.candidates(g, [headline], earlier)
            headline = None
        out += found
        earlier = _unique(r.agreement for s in g for r in s.refs) or earlier
    return out
