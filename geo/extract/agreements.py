"""Agreements an article refers to: by an alias from data/agreements.json ("the Prague statement", "Пражское
заявление"), by a date that names one ("the statement of 9 November", "met in Sochi on 26 November 2021"), by where
it was made ("as agreed in Prague"), and the article numbers cited of them ("Article 6 of …", "пункт 9", "Девятый
пункт заявления").

Nothing here knows an agreement id: every name comes from the data, and an alias several agreements share ("the
Brussels meeting", "the Sochi meeting") is settled by the dates of the sentence and the publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from geo import dates as calendar
from geo.extract.dates import BARE_YEAR, DateMention
from geo.gazetteer import KeptForSameObjects, NameIndex, Token, fold, tokens
from geo.model import Agreement

# Agreements signed near midnight are dated by either day: outlets give the first statement 9 or 10 November
# and the Brussels meeting 14 or 15 December. A date this many days either side still names the agreement.
AGREEMENT_DATE_SLACK_DAYS = 1
# How far from a part of a month ("at the end of August": the 25th) a text made then may be: "early", "mid" and "late"
# stand ten days apart.
APPROXIMATE_SLACK_DAYS = 7
# An alias may name an agreement this long before it was signed ("the draft peace treaty" in March 2025), not more:
# "a peace treaty" in 2022 is the idea, not the text initialled in 2025.
ALIAS_FUTURE_DAYS = 365
# How far either side of a date naming agreements an alias may stand and still be part of the same name.
ALIAS_NAME_REACH = 30
# How far either side of a shared alias ("the Brussels meeting") the dates and years that settle it may stand.
ALIAS_DATE_REACH = 300
# How far after "Article 4 of" the agreement's name may start and still be the one the article belongs to.
ARTICLE_TIE_WINDOW = 120

# Words for an agreement or the meeting that made it, in any outlet's wording: grammar, not names.
AGREEMENT_WORD = (
    r"(?:statements?|declarations?|agreements?|deal|accords?|meeting|summit|talks|rounds?|truce|ceasefire|protocol|"
    r"regulations|rules|treaty|framework|document|"
    # The nouns only: "встречались", "переговорили" are verbs ("В октябре министры встречались дважды").
    r"заявлени\w*|соглашени\w*|деклараци\w*|встреч(?:а|и|е|у|ей|ею|ам|ами|ах)?(?![\w-])|саммит\w*|"
    r"переговор(?:ы|ов|ам|ами|ах)(?![\w-])|протокол\w*|положени\w*|"
    r"договор\w*|документ\w*)"
)
# "statement of November 10, 2020", "заявления от 10 ноября": the date right after names the agreement.
_BEFORE_DATE = re.compile(
    rf"{AGREEMENT_WORD},?\s+(?:of|from|dated|signed\s+on|reached\s+on|adopted\s+on|agreed\s+on|on|от)\s+"
    r"(?:the\s+(?:night\s+of\s+)?)?$",
    re.I,
)
# "the November 9 statement", "10 November trilateral ceasefire agreement", "last October's Sochi meeting".
# The words between are a name or an adjective ("trilateral", "Sochi"), never a preposition, article or verb:
# "protested on April 5 against any deal" does not name the deal of April 6.
_NOT_A_NAME_WORD = (
    r"(?:and|or|и|a|an|the|any|no|this|that|these|those|which|who|with|without|against|after|before|for|to|of|in|on|"
    r"at|by|from|into|under|over|since|until|was|were|is|are|be|been|had|has|have|did|не|на|в|с|по|после|до|против|"
    # An English verb of making: "and on 30 August signed regulations on their joint work" tells the day of the signing.
    r"signed|adopted|agreed|initiall?ed|reached|issued|released|published|approved|ratified|concluded|"
    # A Russian verb in the past: "15 мая 2024 года комиссии подписали протокол-описание" tells the day of the signing.
    r"[а-яё]+(?:л|ла|ло|ли)(?:сь|ся)?)"
)
# "the trilateral statement signed by the leaders of Azerbaijan, Russia and Armenia on November 10": the signers
# between the name and its day, a list of them with its commas.
# "заявление лидеров России, Азербайджана и Армении от 9 ноября 2020 года": in Russian, the signers in the genitive.
_SIGNED_BY_BEFORE_DATE = re.compile(
    rf"{AGREEMENT_WORD},?\s+(?:(?:signed|adopted|agreed)\s+by\s+[^.;:()\d]{{1,90}}?\s+on\s+(?:the\s+)?|"
    r"(?:лидер|президент|глав|руководител)\w*\s+[^.;:()\d]{1,90}?\s+от\s+)$",
    re.I,
)
SIGNED_BY_REACH = 120


def name_before(text: str, at: int) -> int | None:
    """Where the agreement's name that a date at `at` completes begins ("the statement of 10 November", "the
    statement signed by the three leaders on 10 November"), or None."""
    for pattern, reach in ((_BEFORE_DATE, 60), (_SIGNED_BY_BEFORE_DATE, SIGNED_BY_REACH)):
        if name := pattern.search(text, max(0, at - reach), at):
            return name.start()
    return None


_AFTER_DATE = re.compile(rf"^(?:'s)?(?:\s+(?!{_NOT_A_NAME_WORD}\b)[\w-]+){{0,2}}?\s+{AGREEMENT_WORD}", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|и)\s+)?$")
# "the 2020 ceasefire", "the 2021 Sochi statement", "заявление 2020 года": a bare year names the one agreement of
# that year of the kind said.
_YEAR_BEFORE = re.compile(
    rf"(?<![\d-])(?P<year>(?:19|20)\d\d)(?![\d-])(?:\s+(?!{_NOT_A_NAME_WORD}\b)[\w-]+){{0,2}}?\s+(?P<kind>{AGREEMENT_WORD})",
    re.I,
)
_YEAR_AFTER = re.compile(rf"(?P<kind>{AGREEMENT_WORD})\s+(?:от\s+)?(?P<year>(?:19|20)\d\d)\s+г(?:ода|\.)", re.I)
# "the Washington declaration of 2025", "Пражское заявление 2022 года": the year an agreement's name is written with.
_YEAR_AFTER_NAME = re.compile(
    r"\s+(?P<said>of\s+(?P<year>(?:19|20)\d\d)(?![\w-])(?!\s*[-–/]\s*\d)|(?:от\s+)?(?P<ru>(?:19|20)\d\d)\s+г(?:ода|\.))"
)
# "the ceasefire that ended the 2020 war": the agreement of that kind that year, named by the war it ended.
_YEAR_OF_WAR = re.compile(
    rf"(?P<kind>{AGREEMENT_WORD}),?\s+(?:that|which)\s+(?:ended|halted|stopped)\s+the\s+(?P<year>(?:19|20)\d\d)\s+"
    r"(?:war|fighting|hostilities)\b",
    re.I,
)
# "the November statement", "the August declaration", "ноябрьского заявления", "августовские договоренности": a month
# named before a kind of text names the agreement of that kind made in the latest such month (or in the year written
# after it: "ноябрьских договоренностей 2020 года").
_MONTH_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<mon>"
    + "|".join(calendar.MONTH_NAMES)
    # Not a day of the month ("his July 10 talks" are no July agreement's): that date says which, or none.
    + r")(?:'s)?(?!\s+\d)|(?i:(?<![\w-])(?P<ru>"
    + "|".join(calendar.RU_MONTH_ADJECTIVES)
    + rf")\w*))(?:\s+(?!{_NOT_A_NAME_WORD}\b)[\w-]+){{0,2}}?\s+(?P<kind>{AGREEMENT_WORD})"
    r"(?:\s+(?P<year>(?:19|20)\d\d)(?![\d-]))?"
)
# A sentence that speaks of agreements at all: its dates that equal an agreement's date name it.
CONTEXT = re.compile(
    rf"{AGREEMENT_WORD}|\b(?:signed|agreed|adopted|hosted|met|initialled|initialed|brokered|settled)\b|подписа|согласова|"
    r"договорил|согласил(?:ся|ась|ись|и)\b|встретил|принял|принят",
    re.I,
)
_AGREEMENT_WORD = re.compile(AGREEMENT_WORD, re.I)
# Verbs that say an agreement was made on the day a date gives ("agreed the section on Friday"): such a date
# names it, and with the slack of a day.
# The verbs that make a text ("signed", "issued", "подписанный", "принят"); Russian verbs and their participles
# ("протокол, подписанный 19 апреля"): the stems, not one form.
TEXT_MADE = r"\b(?:signed|adopted|initiall?ed|released|issued|published)\b|подписа[лн]\w*|принят\w*|парафирова[лн]\w*"
MADE = re.compile(
    rf"{TEXT_MADE}|\b(?:hosted|agreed)\b|приняли|"
    # "договорились", "согласились" are the Russian "agreed": "Днем ранее комиссии договорились о прохождении
    # границы", "на следующий день карабахские власти согласились прекратить огонь".
    r"согласова[лн]\w*|договорил\w*|согласил(?:ся|ась|ись|и)\b|"
    # An agreement reached: "the truce reached the next day", "по договоренности, достигнутой на следующий день".
    r"\breached\b|достигнут\w*|достигл[иа]\b",
    re.I,
)
# "met", "встретились": leaders meeting, which makes an agreement of a meeting kind (_MEETING_KINDS) on that day.
_MET = re.compile(r"\bmet\b|(?<![\w-])встретил\w*", re.I)
_MEETING_KINDS = frozenset({"meetin", "summit", "talks", "встреч", "саммит", "перего"})
# What kind of text an agreement is, from its title and aliases: "the decision" stands for a decision only.
# "initialled" is a kind too: of the texts made on 8 August 2025, only the treaty was initialled (its title says so).
# A closing decision is a kind of its own: "the closure" after it is that decision, not any other text.
_CLOSING_WORD = r"clos(?:ure|ing)|dissolution|закрыти\w*|роспуск\w*"
_KIND_WORD = re.compile(rf"{AGREEMENT_WORD}|decisions?|решени\w*|initiall?ed|парафирова\w*|{_CLOSING_WORD}", re.I)
# The atlas holds no memorandum ("the Russian-Turkish memorandum of 11 November 2020", "Azerbaijan and Iran signed a
# memorandum in March 2022"), nor a state's own order or decree ("signed an order on building the airport in January",
# "Указом Ильхама Алиева, подписанным в июле 2023 года"): a day one was signed is not the day of an atlas agreement.
_OUTSIDE_TEXT = re.compile(
    r"(?<![\w-])(?:memorand|меморандум)\w*|\b(?:an?|the|his|its|this)\s+(?:executive\s+)?(?:order|decree)s?\b|"
    r"(?<![\w-])(?:указ(?:а|у|ом|е|ы)?|распоряжени\w*)(?![\w-])",
    re.I,
)
# How far before the day the name of such a text may stand: past a long description of it ("signed an order on the
# composition of the State Commission, headed by Shahin Mustafayev, on May 23").
OUTSIDE_TEXT_REACH = 120


def _dates_an_outside_text(text: str, d: DateMention) -> bool:
    """Whether the day `d` dates a text the atlas holds none of (a memorandum, an order, a decree): one named in its
    clause, or just before it across a list or a relative clause ("under a memorandum signed by the Russian and Turkish
    defence ministers on November 11", "a memorandum that Türkiye and Russia signed on November 11"); not for a clause
    counted from it ("…signed on November 11, two days after the leaders signed the statement")."""
    lo, hi = _clause_around(text, d.start, d.end)
    if not d.apart:
        lo = min(lo, max(0, d.start - OUTSIDE_TEXT_REACH))
    return bool(_OUTSIDE_TEXT.search(text, lo, hi))


# "since the November 2020 truce", "after the Brussels meeting of April 2022": a month that dates a period from it.
_SINCE = re.compile(r"\b(?:since|after|following|before|until|после|с|со|до)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
# "the document", "under the same document", "Согласно документу", "ратифицировал документ": an agreement named
# in a sentence shortly before, when this sentence names none of its own. "Ceasefire" and "truce" are left out: a
# report of fighting speaks of a new one as often as of the last one named; so is the Russian "заявление", which is
# as often an official's statement, unless adopted or pointed back to ("согласно тому же заявлению").
ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:new|same|whole|signed|initiall?ed|final|formal|official|administrative|\w+-\w+)\s+)?"
    r"(?:document|agreement|statement|declaration|deal|accord|protocol|text|treaty|framework|decision|regulations?|rules|closure)\b"
    r"(?!\s+(?:of|from|between|to)\b|\s+on\s+(?!(?:the\s+)?(?:\d|[A-Z][a-z]+day\b|[A-Z][a-z]+\.?\s+\d)))|"
    r"(?<![\w-])(?:документ|протокол)(?:а|у|ом|е|ы|ов)?(?![\w-])|(?<![\w-])деклараци(?:я|и|ю|ей)(?![\w-])|"
    # "Правительство одобрило положение 5 сентября", "Согласно положению, комиссии …": the regulations named before;
    # not "положение в регионе" (the situation) nor "положение о …" (a name of its own).
    r"(?<![\w-])(?:(?:одобрил|ратифицировал|утвердил|признал|представил|подписал)\w*\s+положение|согласно\s+положению)"
    r"(?![\w-])(?!\s+(?:в|на|о|об)\s)|"
    # "Положение также предусматривает …", "Положение стало третьим документом комиссий": opening the sentence, its
    # subject; not "Положение на границе …" (the situation there).
    r"^\W*положени[ея](?![\w-])(?!\s+(?:в|во|на|о|об|дел)\s)|"
    # Not "соглашение о сотрудничестве …": a text named by what it is about, as "the agreement on" is.
    r"(?<![\w-])(?:(?:это|данн|указанн|подписанн)\w*\s+)?соглашени(?:е|я|ю|ем|и)(?![\w-])(?!\s+(?:о|об)\s)|"
    r"(?<![\w-])(?:эт|данн|указанн|подписанн)\w*\s+договор(?:а|у|ом|е)?(?![\w-])|"
    # "В рамках той же договоренности …", "по этой договоренности": the arrangement named before, of any kind.
    r"(?<![\w-])(?:эт(?:ой|ою|а|у)|т(?:ой|ою|у|а)\s+же|данн\w*|указанн\w*)\s+договоренност(?:и|ь|ью)(?![\w-])|"
    r"\b(?:the|this|that)\s+pact\b|"
    # "At that meeting, the leaders confirmed …", "At the same meeting …": the meeting the sentence right before named
    # (MEETING_ANAPHOR_SENTENCES), not any meeting.
    r"(?P<meeting>\b(?:that|the\s+same)\s+(?:meeting|summit)\b|(?<![\w-])(?:этой|той\s+же)\s+встрече(?![\w-]))|"
    # "Заявление предусматривало …", "Согласно заявлению, …": the statement as what the text says, not an official's;
    # so is one adopted or signed ("По итогам встречи было принято совместное заявление", "В принятом там заявлении"):
    # an official makes his.
    r"^\W*(?:согласно\s+)?(?:(?:совместн|трехсторонн|итогов)\w*\s+)?заявлени(?:е|ю|ем)(?![\w-])|"
    # "Первоначально заявление предусматривало передачу Кельбаджара к 15 ноября": the statement as the subject of what a
    # text provides, whatever opens the sentence.
    r"(?<![\w-])заявление(?=\s+(?:также\s+)?(?:предусматрива|обязыва|закрепля|гарантир)\w*)|"
    r"(?<![\w-])(?:принят|подписан)\w*\s+(?:там\s+)?(?:(?:совместн|трехсторонн|итогов)\w*\s+)?заявлени\w*|"
    # "согласно тому же заявлению", "по этому заявлению": pointed back to, the statement named before.
    r"(?<![\w-])(?:(?:эт|данн|указанн)\w*|т(?:ого|ому|ом|ем|от)\s+же)\s+заявлени\w*|"
    # "Согласно этому решению, …", "по тому же решению": pointed back to, the decision named before ("решение" alone is
    # as often anyone's decision).
    r"(?<![\w-])(?:(?:эт|данн|указанн)\w*|т(?:ого|ому|ом|ем|о)\s+же)\s+решени\w*|"
    # "Согласно этому пункту, …", "Under that point, …": a point of the agreement named before.
    r"(?<![\w-])(?:(?:эт|данн|указанн)\w*|т(?:ого|ому|ом|ем|от)\s+же)\s+пункт\w*|"
    r"\b(?:this|that|the\s+same)\s+(?:point|article|clause|paragraph)\b|"
    # "The fourth paragraph commits Armenia …": a point of the text named before, counted.
    r"\bthe\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:point|article|clause|paragraph)\b"
    r"(?!\s+of\b)",
    re.I,
)
# "as agreed in Prague", "the statement adopted in Sochi", "принятом в Сочи": a text made at a place where the
# atlas's agreements were made (AgreementFinder.made_at_venue); a word or two may stand between ("agreed last year in").
_MADE_AT = re.compile(
    # Besides the verbs of making, those of a principle endorsed there: "a principle the leaders endorsed in Prague".
    rf"(?:{MADE.pattern}|\b(?:made|endorsed|confirmed|reaffirmed)\b|(?<![\w-])(?:подтвердил|одобрил)\w*)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:in|at|в|во)\s+(?:the\s+)?$",
    re.I,
)
# How far before the place its verb may stand, and how far after it a date still dates the making.
MADE_AT_REACH = 60
MADE_AT_DATE_REACH = 40
# "In Prague, …", "At Sochi, …", "В Сочи …": a sentence opening on where it happened (AgreementFinder.opening_venue).
_VENUE_OPENING = re.compile(r"^\W*(?:in|at|в|во)\s+(?=\w)", re.I)
# How many sentences back "that meeting" may find the meeting it stands for: the one just told, or a meeting the
# atlas does not know ("They met again in Granada") would be taken for the one named before it.
MEETING_ANAPHOR_SENTENCES = 1
# "signed", "подписанному": a text signed, which an agreement only initialled (its kind, `_INITIALLED_KIND`) is not.
_SIGNED = re.compile(r"\bsigned\b|(?<![\w-])подписа[лн]\w*", re.I)
# "signed on the night of 9-10 November", "подписали в ночь с 9 на 10 ноября": a text signed over two days is signed
# once, on the one day the atlas holds for it.
_SIGNED_OVER = re.compile(
    rf"(?:{_SIGNED.pattern})\s+(?:overnight\s+)?(?:on\s+)?(?:the\s+night\s+of\s+|в\s+ночь\s+(?:с\s+)?)?$", re.I
)
_INITIALLED_KIND = "initia"
# "the documents signed at the White House": all the texts of that day, the initialled one too.
_SEVERAL_TEXTS = re.compile(
    r"\b(?:documents|texts|agreements|deals)\b|(?<![\w-])документ(?:ы|ов|ами|ах)(?![\w-])", re.I
)
# Words for any kind of agreement (folded, first six letters, as of_kind compares them).
_GENERIC_KINDS = frozenset({"docume", "agreem", "deal", "text", "pact", "докуме", "соглаш"})
# A point of a text ("this point", "этому пункту") is of whatever kind the text is (prefixes: "пункту", "пункта").
_POINT_KINDS = ("point", "articl", "clause", "paragr", "пункт")


def _kind_key(word: str) -> str | None:
    """The kind a word names, as of_kind compares kinds (first six folded letters); None for "договоренности", which
    are agreements of any kind, not a "договор" (treaty): "вашингтонские договоренности" does not make the
    Washington declaration a treaty."""
    folded = fold(word)
    if folded.startswith("парафир"):
        return _INITIALLED_KIND  # "парафировали" is "initialled"
    if folded == "rules":
        return "regula"  # "the rules" of the commissions' work are their regulations
    if re.fullmatch(_CLOSING_WORD, folded):
        return "closur"  # "closing", "dissolution", "закрытие", "роспуск": one kind, a text that closes something
    return None if folded.startswith("договорен") else folded[:6]


def _specific_kind(word: str) -> str | None:
    """The kind the last word of `word` names, or None for a word any text is ("document", "text", "договоренности")
    or a point of one ("пункту")."""
    key = _kind_key(fold(word).split()[-1])
    return None if key is None or key in _GENERIC_KINDS or key.startswith(_POINT_KINDS) else key


# How many sentences back an anaphor may find the agreement it stands for. Measured on dev (agreements precision /
# recall): 1 sentence 0.90 / 0.81, 2: 0.91 / 0.83, 3 to 5: 0.91 / 0.85, 6 or the whole article: 0.90 / 0.85.
ANAPHOR_SENTENCES = 3
# "had been in force since …", "took effect on …", "установленное во вторник": a truce said to have begun or been made
# on a day of its sentence.
_BEGAN = re.compile(
    r"\b(?:took\s+effect|came\s+into\s+force|(?:been\s+)?in\s+force\s+since|reached|brokered)\b|"
    r"(?<![\w-])(?:установлен\w*|достигнут\w*|вступил\w*\s+в\s+силу|действует\s+с)(?![\w-])",
    re.I,
)
# Between a day and the generic word it names: "the June 24 ceasefire", "the ceasefire of 24 June", "перемирие от 5
# апреля".
_DAY_BEFORE_NAME = re.compile(r"(?:'s)?\s+")
_DAY_AFTER_NAME = re.compile(r"\s+(?:of|от)\s+", re.I)
# "agreed to a ceasefire", "ended in a truce brokered by Moscow", "under a 1997 friendship treaty": an indefinite
# generic word introduces a new one, which only a date can tie to one of the atlas's.
# Russian has no articles: "поручили подготовить договор" (to prepare, draft or conclude one) is a new one too.
_ARTICLE_BEFORE = r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$"
_INDEFINITE = re.compile(rf"{_ARTICLE_BEFORE}|(?<![\w-])(?:подготов|разработ|заключ)\w*\s+$", re.I)
# "a joint statement", "an agreement": an agreement's own name after the article is a new text of that name; not
# "under a … deal", which cites one.
_A_NEW_ONE = re.compile(rf"(?<!\bunder\s){_ARTICLE_BEFORE}", re.I)
# "brokered by Moscow", "при посредничестве Москвы": the place names who mediated, not where the text was made.
_MEDIATED_BY = re.compile(r"(?:\b(?:brokered|mediated)\s+by|(?<![\w-])посредничеств\w*)\s+(?:the\s+)?$", re.I)
MEDIATOR_REACH = 30
_LATER_ONE = re.compile(r"\b(?:second|third|fourth|fifth|another|further|new|next|latest)\s+$", re.I)
# "ended without a joint statement", "завершилась без совместного заявления": no text was made.
_NONE_MADE = re.compile(r"(?<![\w-])(?:without\s+(?:a|any)|no|без)\s+$", re.I)
# "the trilateral statement signed in Sochi on 26 November 2021", "трехстороннему заявлению, подписанному в Сочи 26
# ноября": the clause of its making, right after a shared alias, names the agreement by its day or place.
_MADE_RIGHT_AFTER = re.compile(
    r",?\s+(?:(?:that|which)\s+(?:was|were)\s+)?(?:signed|adopted|agreed|reached|issued|made|подписанн\w*|принят\w*|"
    r"достигнут\w*)(?![\w-])[^.;,]*$",
    re.I,
)
MADE_CLAUSE_REACH = 60
# "the joint ceasefire monitoring centre", "центр по контролю за прекращением огня", "a centre to monitor the
# ceasefire": a body named after what it watches, not the agreement; nor "26 ceasefire violations", "нарушений режима
# прекращения огня": incidents named after what they break; nor "the ceasefire regime", "соблюдение режима прекращения
# огня": the state kept or broken, not the text that made it.
_WATCHED_BY = re.compile(r"\s+(?:monitoring|observation|observer|control|violations?|breach(?:es)?|regime)\b", re.I)
_WATCHING = re.compile(
    r"(?<![\w-])(?:по\s+)?(?:контрол\w*|наблюдени\w*|мониторинг\w*)\s+(?:за\s+)?(?:режим\w*\s+)?$"
    r"|(?<![\w-])(?:нарушени|соблюдени)\w*\s+(?:режима\s+)?$|(?<![\w-])режим\w*\s+$"
    r"|\b(?:to\s+)?(?:monitor|observe|watch)(?:s|ing)?\s+(?:the\s+)?$",
    re.I,
)

# "the ruling Civil Contract party" («Гражданский договор»), "the Collective Security Treaty Organization": a generic
# word inside the proper name of something else, opened by a quote and a capital or followed by a capitalised word.
_NAME_OPENED = re.compile(r"[«\"“„]\s*[A-ZА-ЯЁ][\w-]*\s+$")
_NAME_GOES_ON = re.compile(r"\s+[A-ZА-ЯЁ]")


def _inside_other_name(text: str, start: int, end: int) -> bool:
    """Whether the generic word at text[start:end] is part of the proper name of something else."""
    if _NAME_OPENED.search(text, max(0, start - 40), start):
        return True
    return text[start].isupper() and start > 0 and _NAME_GOES_ON.match(text, end) is not None


# --- agreements described by their features ("the accord signed at the White House in August") ---
# A word for a kind of text or meeting, in the atlas's four languages (grammar, not names): what a description of an
# agreement is built on.
_DESCRIBED_KIND = re.compile(
    rf"(?<![\w-])(?:{AGREEMENT_WORD}|decisions?|решени\w*|bəyanat\w*|bəyannamə\w*|saziş\w*|müqavilə\w*|görüş\w*|"
    r"հայտարարությ\w*|հռչակագ\w*|համաձայնագ\w*|պայմանագ\w*|հանդիպ\w*)(?![\w-])",
    re.I,
)
# "trilateral", "трехсторонние", "üçtərəfli", "քառակողմ": how many parties the text says it has, against `parties`.
_PARTY_COUNT = re.compile(
    r"(?<![\w-])(?:(?P<p2>bilateral|two-way|двусторон\w*|ikitərəfli|երկկողմ\w*)|"
    r"(?P<p3>trilateral|tripartite|three-way|тр[её]хсторон\w*|üçtərəfli|եռակողմ\w*)|"
    r"(?P<p4>quadrilateral|quadripartite|four-way|четыр[её]хсторон\w*|dördtərəfli|քառակողմ\w*))(?![\w-])",
    re.I,
)
_ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)
# How far a description reaches around its kind word: "last October's Sochi meeting" before it, "signed at the White
# House in August" after it; no further than the clause ("…, which" goes on; ", held in Sochi" is still the name).
DESCRIPTION_BEFORE = 40
DESCRIPTION_AFTER = 80
# Between a word before the kind word and the kind word: at most two words of a name ("Sochi", "резиденции
# трехсторонние"), never a preposition, article or verb ("in Brussels for a third trilateral meeting").
_PREMODIFIER = re.compile(rf"(?:'s)?(?:\s+(?!{_NOT_A_NAME_WORD}\b)[\w-]+){{0,2}}\s+$", re.I)
# Participles that say a text was made or a meeting held (", signed at the White House", ", подписанный в июне"): a
# comma before one does not end the description.
_DESCRIBED_MADE = (
    r"(?:signed|held|reached|adopted|agreed|initiall?ed|brokered|hosted|taken|made|struck|concluded|finali[sz]ed|"
    r"подписанн\w*|принят\w*|достигнут\w*|состоявш\w*|заключенн\w*|согласованн\w*)"
)
_DESCRIPTION_STOP = re.compile(rf"[.;:!?()\[\]\n]|\s[—–]\s|,\s(?!{_DESCRIBED_MADE}(?![\w-]))", re.I)

_ARTICLE = re.compile(
    r"\b(?:articles?|paragraphs?|clauses?|points?|provisions?|paras?\.|arts?\.|пункт\w*|стать\w*|п\.)\s*(?:№\s*)?"
    r"(?P<nums>\d{1,2}(?!\d)(?:\s*(?:,|and|&|or|и)\s*\d{1,2}(?!\d))*)",
    re.I,
)
# "Article VII of the treaty", "Articles I and II": Roman numbers, written in capitals, only after "article" (I to
# XXXIX; "the points I raised" is no article).
_ROMAN = r"(?-i:X{0,3}(?:IX|IV|V?I{1,3}|V)|X{1,3})(?![\w-])"
_ROMAN_ARTICLE = re.compile(
    rf"\b(?:articles?|arts?\.)\s*(?P<nums>{_ROMAN}(?:\s*(?:,|and|&|or)\s*{_ROMAN})*)",
    re.I,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
# "Девятый пункт заявления", "шестого пункта": Russian ordinals before "пункт".
_RU_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9}
_RU_ORDINAL_ARTICLE = re.compile(r"(?i:\b(?P<ord>" + "|".join(_RU_ORDINALS) + r")\w{0,4}\s+пункт\w*)")
_ARTICLE_OF = re.compile(r"^\s*(?:of|in|under|from)\s", re.I)


# "was wound up", "stopped operating", "прекратила существование", "прекращена": told as closed, not as to be closed
# ("wants the group dissolved", "должна быть распущена").
_TOLD_CLOSED = re.compile(
    r"(?<![\w-])(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:closed|wound\s+up|dissolved|abolished|disbanded|shut\s+down)"
    r"|(?:stopped|ceased)\s+(?:operating|functioning|to\s+(?:exist|operate|function))"
    r"|(?<!быть\s)(?<!будет\s)(?:прекратил\w*\s+(?:существование|работу|деятельность)|"
    r"перестал\w*\s+(?:существовать|функционировать|работать)|"
    r"(?:прекращен|закрыт|распущен|упразднен|ликвидирован)[аоы]?))(?![\w-])",
    re.I,
)
# "the OSCE shut down the Minsk Process", "completed the closure of its Minsk Process", "прекратил работу Минский
# процесс": told as closed by words right before the name of what was closed (the end of the text before it); not
# "wants to shut down the Minsk Group".
_CLOSED_BEFORE = re.compile(
    r"(?<![\w-])(?<!to\s)(?<!will\s)(?<!would\s)(?<!should\s)(?<!must\s)"
    r"(?:(?:shut|wound|closed|dissolved|disbanded|abolished)(?:\s+(?:down|up))?"
    r"|(?:closure|dissolution|winding[-\s]up|wind-down|shutdown)\s+of"
    r"|прекратил\w*\s+(?:существование|работу|деятельность))"
    r"\s+(?:(?:the|its|their|OSCE|OSCE's)\s+){0,2}$",
    re.I,
)
CLOSED_BEFORE_REACH = 60
# How far after the name of what was closed the words that tell it may stand ("the Minsk Process, the Personal
# Representative … and the High-Level Planning Group stopped operating"), within its clause.
CLOSED_REACH = 160
_SENTENCE_PART_END = re.compile(r"[.;:!?\n]")


@dataclass(frozen=True)
class Reference:
    """Where a sentence refers to an agreement, and whether the reading is sure."""

    start: int
    end: int
    agreement: str
    confident: bool = True
    # The kind word, when named by the month it was made in ("At our April meeting", "на апрельской встрече", "the
    # May protocol"): what dates a sentence with no date of its own (AgreementFinder.month_named_date).
    by_month: str = ""
    # Named by where it was made, as the place a sentence opens on ("In Prague, the two countries confirmed …"): what
    # the sentence tells was done there, a report dated by the agreement (AgreementFinder.opening_venue).
    by_venue: bool = False


class AgreementFinder:
    """The agreements of the atlas, ready to be found in sentences."""

    def __init__(self, agreements: Iterable[Agreement]) -> None:
        self.agreements = sorted(agreements, key=lambda a: (a.date, a.id))
        self.by_id = {a.id: a for a in self.agreements}
        self._aliases = NameIndex((alias, a.id) for a in self.agreements for alias in a.alias_list())
        # The generic words of each kind ("the truce", "перемирие"), shared by every agreement of that kind.
        self._generic = NameIndex(
            (name, a.id) for a in self.agreements for names in a.generic_names.values() for name in names
        )
        # The kinds of text each agreement is, from its title and aliases (first six folded letters, as of_kind
        # compares them), worked out once.
        self._kinds = {
            a.id: frozenset(
                key
                for w in _KIND_WORD.finditer(" ".join([a.title, a.short_title or "", *a.alias_list()]))
                if (key := _kind_key(w.group())) is not None
            )
            for a in self.agreements
        }
        self._venues = NameIndex(
            (name, a.id) for a in self.agreements for names in a.signed_at.values() for name in names
        )
        self._closed_things = NameIndex(
            (name, a.id) for a in self.agreements for names in a.closes.values() for name in names
        )

    def opening_venue(self, text: str, words: Sequence[Token]) -> list[Reference]:
        """The agreements made where a sentence opens by saying it happened ("In Prague, the two countries confirmed
        …", "В Сочи стороны подтвердили …"), unsure: which of them is meant, the sentences before say."""
        m = _VENUE_OPENING.match(text)
        if m is None:
            return []
        return [
            Reference(words[i].start, words[i + n - 1].end, a, confident=False, by_venue=True)
            for i, n, a in self._venues.find(words)
            if words[i].start == m.end()
        ]

    def made_at_venue(
        self,
        text: str,
        words: Sequence[Token],
        dates: list[DateMention],
        published: dt.date | None,
        taken: list[Reference],
    ) -> list[Reference]:
        """The agreement a sentence that names no other says was made where it was made ("as agreed in Prague",
        "the principles adopted in Sochi last year"): the one made there by the publication, of the sentence's day
        when it gives one, else of its year, unsure. None when several fit: "signed at the White House" is the
        declaration or the treaty initialled there the same day; nor when the sentence's day is none of them ("a
        humanitarian ceasefire agreed in Moscow on 10 October")."""
        if taken:
            return []
        venues: dict[tuple[int, int], list[str]] = {}
        for i, n, agreement_id in self._venues.find(words):
            venues.setdefault((i, n), []).append(agreement_id)
        slack = dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS)
        out = []
        for (i, n), ids in venues.items():
            start, end = words[i].start, words[i + n - 1].end
            verb = _MADE_AT.search(text, max(0, start - MADE_AT_REACH), start)
            if verb is None:
                continue
            # The dates of the making, next to its verb and venue ("agreed in Moscow on 10 October"), not of the rest
            # of the sentence ("met in Brussels last Thursday, as agreed in Prague").
            lo, hi = verb.start(), end + MADE_AT_DATE_REACH
            if clause_end := _CLAUSE_END.search(text, end, hi):
                hi = clause_end.start()
            told = [d for d in dates if d.date is not None and d.end > lo and d.start < hi]
            # A day tells which; a month or a part of one only the year ("should be in place before the end of the year"
            # is no day of the making).
            days = [d for d in told if d.precision in ("day", "range")]
            years = {int(y.group("year")) for y in BARE_YEAR.finditer(text, lo, hi)}
            years |= {d.date.year for d in told if d.date is not None}
            made = [a for a in map(self.by_id.__getitem__, ids) if published is None or a.date <= published + slack]
            if days:
                made = [a for a in made if any(self._fits_date(a, d) for d in days)]
            elif years:
                made = [a for a in made if a.date.year in years]
            if len(made) == 1:
                out.append(Reference(start, end, made[0].id, confident=False))
        return out

    # --- by date ---

    def named_by_date(
        self, d: DateMention, loose: bool, made: bool = False, at: frozenset[str] = frozenset()
    ) -> tuple[str, ...]:
        """Agreements a date names: same day (or the evening before) for a day or a range; the month for a month
        date, when that month had one agreement (or the date is part of its name). A loose date (not part of an
        agreement's name) is given the day's slack only when the sentence says an agreement was made (`made`):
        "visited Shusha on 27 November and met families" is not the Sochi statement of the 26th. Of those, the ones
        made where the date's clause says it happened (`at`) are the ones it names: "recommitted in Prague in October
        2022" is Prague's, not the Sochi statement of the same month; a month whose clause says it happened where none
        of them was made names none ("the second session will take place in Moscow in August" is no Brussels meeting
        of that August)."""
        if d.date is None:
            return ()
        exact = loose and not made and d.precision == "day"
        slack = dt.timedelta(days=0 if exact else AGREEMENT_DATE_SLACK_DAYS)
        out = []
        if d.precision in ("day", "range"):
            out = [a.id for a in self.agreements if a.date - slack <= d.date <= a.date + slack]
            if not out and not d.has_year and not loose and not d.coming:
                # "the November 9 statement", "the January 11 agreement": the day names it in any year; not a day
                # still to come ("the meeting planned for 5 October" is no earlier year's meeting of that day).
                near = [
                    a
                    for a in self.agreements
                    if any(
                        (n.month, n.day) == (d.date.month, d.date.day) for n in (a.date - slack, a.date, a.date + slack)
                    )
                ]
                out = [near[-1].id] if near else []
        elif d.precision in ("month", "approximate"):
            same = [a.id for a in self.agreements if (a.date.year, a.date.month) == (d.date.year, d.date.month)]
            there = [a for a in same if a in at]
            if d.precision == "approximate":
                # "last met at the end of August in Brussels": a part of a month names only what was made where the
                # clause says ("in early August the Armenian side agreed" is no meeting of that month), or, when the
                # sentence says a text was made, what was made near that part ("The regulations, signed at the end of
                # August": the 30th).
                close = [a for a in same if made and abs((self.by_id[a].date - d.date).days) <= APPROXIMATE_SLACK_DAYS]
                return tuple(there or close)
            # "the documents signed at the White House in August": all made there that month, which the kind of
            # text said may narrow (AgreementFinder._by_kind).
            out = there or (same if (not loose or len(same) == 1) else [])
        return tuple([a for a in out if a in at] or ([] if at and d.precision == "month" else out))

    def date_references(
        self, text: str, dates: list[DateMention], words: Sequence[Token] = ()
    ) -> tuple[list[DateMention], list[Reference]]:
        """The dates with the agreements they name marked, and those references. `words` are the sentence's words
        (its dateline left out), where the venues of agreements are looked for."""
        # A word that is part of another agreement's name ("deployed under the statement of 9 November 2020, …
        # killed on 20 September") does not make the sentence one about agreements for its other dates.
        pieces, at = [], 0
        for d in dates:
            name_at = name_before(text, d.start)
            after = _AFTER_DATE.match(text[d.end : d.end + 60])
            lo = max(at, d.start if name_at is None else name_at)
            hi = d.end + after.end() if after else d.end
            if (name_at is not None or after) and not d.relative and lo < hi:
                pieces += [text[at:lo], " "]
                at = hi
        # Nor does one named by its year ("The 2020 ceasefire statement …; Azerbaijan took control in September 2023").
        rest = "".join([*pieces, text[at:]])
        for pattern in (_YEAR_BEFORE, _YEAR_AFTER, _YEAR_OF_WAR):
            rest = pattern.sub(lambda m: " " if self._year_names_one(m) else m.group(0), rest)
        context = [m.group() for m in CONTEXT.finditer(rest)]
        has_context = bool(context)
        # "In May, Hajiyev floated signing the treaty", "в мае 2024 года … пунктов того заявления": with no verb of
        # making or meeting, only the kinds of text the sentence names say which agreement of a month it is.
        kinds_only = [w for w in context if _AGREEMENT_WORD.fullmatch(w) and not w.lower().startswith("договорил")]
        if len(kinds_only) < len(context) or not any(self._names_a_kind(w) for w in kinds_only):
            kinds_only = []
        made_anywhere = bool(MADE.search(text))
        met_anywhere = bool(_MET.search(text))
        # Where the atlas's agreements were made, as the sentence names them ("in Prague", "в Сочи"): found once, when
        # a date asks.
        venues: _Spans | None = None

        def held_at(d: DateMention) -> frozenset[str]:
            """The agreements made at a venue the date's own clause names (anywhere, in a sentence of one date): "to
            which both sides recommitted in Prague in October 2022", "Путин в понедельник принял в Сочи"."""
            nonlocal venues
            if venues is None:
                venues = _Spans((words[i].start, words[i + n - 1].end, a) for i, n, a in self._venues.find(words))
            lo, hi = _clause_around(text, d.start, d.end) if len(dates) > 1 else (0, len(text))
            # A kind word before the venue in its clause ("the accord signed at Marzik Lodge in March") makes it a
            # description, which described_references reads whole.
            return frozenset(
                a
                for a0, b, a in venues.within(lo, hi)
                if b <= hi and not _DESCRIBED_KIND.search(text, _clause_around(text, a0, b)[0], a0)
            )

        def clause_of(d: DateMention) -> tuple[int, int]:
            """The date's own clause (the whole sentence, in a sentence of one date). A clause counted from another
            day ("…, two days after the leaders of Azerbaijan, Armenia and Russia signed the statement") runs on to
            the next clause of its own, past the commas of a list."""
            if len(dates) < 2:
                return 0, len(text)
            if d.apart:
                return d.start, _own_clause_around(text, d, several=True)[1]
            return _clause_around(text, d.start, d.end)

        def said_of(d: DateMention, verb: re.Pattern[str]) -> bool:
            """Whether the verb stands in the date's own clause."""
            return bool(verb.search(text, *clause_of(d)))

        out: list[DateMention] = []
        refs: list[Reference] = []
        # The venues the last date of a list was read with, for the days listed after it ("in Brussels on 14 May and
        # 15 July 2023").
        listed_at: frozenset[str] = frozenset()
        for d in dates:
            name_at = name_before(text, d.start)
            after = _AFTER_DATE.match(text[d.end : d.end + 60])
            # "on Thursday that the statement …": a weekday or "yesterday" is never part of an agreement's name; a
            # month counted from publication is ("the joint statement of last December", "last month's Sochi meeting").
            attached = (name_at is not None or bool(after)) and (not d.relative or d.precision == "month")
            # "the statements of 9 November 2020, 11 January 2021 and 26 November 2021": a list runs on.
            if out and out[-1].attached and _LIST_GAP.match(text[out[-1].end : d.start]):
                attached = True
            # With several dates, the verb that says an agreement was made must be in the date's own clause: "Baku
            # launched an offensive on September 19 and the separatists agreed to a truce the next day".
            made = made_anywhere and said_of(d, MADE)
            # A relative date names an agreement only when the sentence says it was made then ("Today I hosted …").
            # "This afternoon I met President Aliyev and Prime Minister Pashinyan": a meeting the atlas holds as an
            # agreement is made on the day its leaders met (that day only: "met families the day after" is not it).
            # Only a relative day or a month may need the venue: a written day names the one made that day.
            asks = has_context and not attached and (d.relative or d.precision in ("month", "approximate"))
            venue_ids = held_at(d) if asks else frozenset()
            # Leaders received at a venue on the day ("Today I welcomed them to Brussels for our fifth meeting") met
            # there that day.
            met = not made and d.relative and met_anywhere and said_of(d, _MET)
            met_there = not made and not met and d.relative and bool(venue_ids)
            met = met or met_there
            # With no word for an agreement at all, a written day whose clause names where an agreement of that very
            # day was made names it: "the delimitation work that the two leaders endorsed in Prague on 6 October 2022
            # and in Brussels on 14 May and 15 July 2023".
            at_venue: frozenset[str] = frozenset()
            if not has_context and not attached and not d.relative and d.precision == "day":
                in_list = bool(out) and _LIST_GAP.match(text[out[-1].end : d.start]) is not None
                at_venue = held_at(d) or (listed_at if in_list else frozenset())
                listed_at = at_venue
            named_ok = (
                attached
                or bool(at_venue)
                or (
                    has_context
                    and (not d.relative or made or met)
                    and not _dates_an_operation(text, d)
                    and not follows_deadline_word(text, d)
                )
            )
            ids = self.named_by_date(d, loose=not attached, made=made, at=venue_ids | at_venue) if named_ok else ()
            if ids and not attached and _dates_an_outside_text(text, d):
                ids = ()  # "a memorandum signed on November 11": what was made that day is none of the atlas's
            if ids and not attached and d.precision == "month" and kinds_only:
                # With several dates, the kind word is in the date's own clause, as a verb of making must be: "The
                # commissions aimed to finalise the regulations by July 1, but the office said in August that …".
                kinds = [w.group() for w in _AGREEMENT_WORD.finditer(text, *clause_of(d)) if w.group() in kinds_only]
                ids = tuple(i for i in ids if i in venue_ids or any(self.of_kind(i, w) for w in kinds))
            if (
                ids
                and not attached
                and d.precision == "month"
                and not CONTEXT.search(text, *_told_clause(text, d, clause_of(d)))
            ):
                # "Under a deal struck last April, a section was delimited, and border guards took over four villages
                # in May": a month whose own clause names no text, meeting or making is no agreement's.
                ids = tuple(i for i in ids if i in venue_ids)
            if at_venue:
                ids = tuple(i for i in ids if i in at_venue)
            start = d.start if name_at is None else name_at
            end = d.end + after.end() if after else d.end
            if met:
                # A meeting's agreement, or one made at the venue the clause names that day ("WASHINGTON — Rubio and
                # Mirzoyan on Tuesday announced a framework": the framework made there, no meeting).
                ids = tuple(i for i in ids if self._kinds[i] & _MEETING_KINDS or i in venue_ids)
            if met_there:
                ids = tuple(i for i in ids if i in venue_ids)
            clause = text[slice(*_own_clause_around(text, d, len(dates) > 1))] if len(ids) > 1 else ""
            if len(ids) > 1 and attached:
                # "the Prague meeting of October 2022": the name around the date says which of the month's it is.
                ids = self._by_alias(ids, text[max(0, start - ALIAS_NAME_REACH) : end + ALIAS_NAME_REACH])
            elif len(ids) > 1:
                # "initialled the Agreement on the Establishment of Peace and Inter-State Relations on 8 August": of
                # the two agreements of that day, the one the words around the date name (its clause may be cut at
                # an "and" inside the name).
                ids = self._by_alias(ids, clause)
            if len(ids) > 1:
                ids = self._by_kind(ids, text, clause)
            if ids:
                refs += [Reference(start, end, a) for a in ids]
                date, precision = d.date, d.precision
                period = d.precision == "month" and _SINCE.search(text[max(0, start - 20) : start])
                # "two days after the leaders signed the statement": the signing the clause counts back to is the
                # agreement's own day, however the writer counted.
                counted_to_signing = d.apart and made and len(ids) == 1
                signed_over = (
                    d.precision == "range"
                    and len(ids) == 1
                    and _SIGNED_OVER.search(text[max(0, d.start - 40) : d.start])
                )
                if (
                    counted_to_signing
                    or signed_over
                    or (attached and (d.precision in ("day", "range") or (len(ids) == 1 and not period)))
                ):
                    # "November 9, 2020" names the statement dated 10 November, "the November 2020 agreement" the
                    # statement of 10 November: the agreement's own date. "Since the November 2020 truce" dates a
                    # period by its month, as written.
                    date, precision = self.by_id[ids[0]].date, "day"
                d = replace(d, date=date, precision=precision, agreements=ids, attached=attached)
            elif attached and d.precision == "month" and d.date is not None:
                d = replace(d, agreements=(), attached=True)
            out.append(d)
        return out, refs

    def _by_alias(self, ids: tuple[str, ...], window: str) -> tuple[str, ...]:
        """Of several agreements a date names, those an alias written in `window` stands for ("the Prague meeting of
        October 2022", "October 2022's Sochi summit"); all of them when no alias decides. The window is the name or
        the clause around the date, not the sentence: a sentence of pasted junk may hold thousands of such dates."""
        named = {agreement_id for _, _, agreement_id in self._aliases.find(tokens(window))}
        kept = tuple(i for i in ids if i in named)
        return kept or ids

    def _names_a_kind(self, word: str) -> bool:
        """Whether `word` names a kind of text some agreement of the atlas is ("treaty", "заявления"), not a meeting
        or a word for any text ("talks", "summit", "document")."""
        key = _specific_kind(word)
        return key is not None and key not in _MEETING_KINDS and any(key in kinds for kinds in self._kinds.values())

    def of_kind(self, agreement_id: str, word: str) -> bool:
        """Whether "the <word>" can stand for the agreement: a generic word ("document", "text", "deal") for any,
        a kind ("declaration", "protocol") for one whose title or aliases say so."""
        key = _specific_kind(word)
        return key is None or key in self._kinds[agreement_id]

    def _by_kind(self, ids: tuple[str, ...], text: str, clause: str) -> tuple[str, ...]:
        """Of several agreements made the same day, those whose kind of text the sentence names ("declaration",
        "treaty"), judged by the words of their aliases and titles; else, when the date's clause says a text was
        signed or the sentence names no kind of text, those that were not only initialled ("the document signed in
        Washington on 8 August" is not the treaty initialled there that day, but "the documents signed at the White
        House" are all of that day's); all of them when none of these decides."""
        said = {key for w in _KIND_WORD.finditer(text) if (key := _kind_key(w.group())) is not None}
        kept = [agreement_id for agreement_id in ids if said & self._kinds[agreement_id]]
        # A day named with no kind of text at all ("The decisive step came at the White House on 8 August 2025",
        # "договоренности, достигнутые 8 августа в Вашингтоне") is the meeting's own text: the labels of dev give
        # the declaration alone 16 times and both texts twice.
        made_that_day = bool(_SIGNED.search(clause)) or not said
        if not 0 < len(kept) < len(ids) and made_that_day and not _SEVERAL_TEXTS.search(clause):
            kept = [agreement_id for agreement_id in ids if _INITIALLED_KIND not in self._kinds[agreement_id]]
        return tuple(kept) if 0 < len(kept) < len(ids) else ids

    # --- by year ---

    def year_named_dates(self, text: str, refs: list[Reference]) -> list[DateMention]:
        """The years written right after an agreement's name, the year it was made in ("the Prague statement of
        2022"): dates in its name, as "the Sochi statement of October 2022" has, which give the sentence the
        agreement's day when it has none of its own."""
        out = []
        for r in refs:
            m = _YEAR_AFTER_NAME.match(text, r.end)
            made = self.by_id[r.agreement].date
            if m is not None and int(m.group("year") or m.group("ru")) == made.year:
                out.append(
                    DateMention(
                        m.start("said"),
                        m.end(),
                        made,
                        "day",
                        has_year=True,
                        relative=False,
                        agreements=(r.agreement,),
                        attached=True,
                    )
                )
        return out

    def _year_names_one(self, m: re.Match[str]) -> str | None:
        """The one agreement of its kind made in the year a bare-year name gives ("the 2020 ceasefire"), if one."""
        year = int(m.group("year"))
        kept = [a.id for a in self.agreements if a.date.year == year and self.of_kind(a.id, m.group("kind"))]
        return kept[0] if len(kept) == 1 else None

    def closing_references(
        self, text: str, words: Sequence[Token], published: dt.date | None, taken: list[Reference]
    ) -> list[Reference]:
        """ "The Minsk structures were formally wound up on 30 November", "Минская группа ОБСЕ … прекратила
        существование": a thing an agreement closed (`closes` in the data), told as closed later in its clause, refers
        to that agreement. A text published before the agreement tells of another ending (or none)."""
        out: list[Reference] = []
        names = _Spans((r.start, r.end, r) for r in taken)
        for i, n, agreement_id in self._closed_things.find(words):
            start, end = words[i].start, words[i + n - 1].end
            if names.overlapping(start, end):
                continue  # "the closure of the Minsk process": an alias said it
            if published is not None and published < self.by_id[agreement_id].date:
                continue
            told = _TOLD_CLOSED.search(text, end, end + CLOSED_REACH)
            told_after = told is not None and not _SENTENCE_PART_END.search(text, end, told.start())
            if told_after or _CLOSED_BEFORE.search(text, max(0, start - CLOSED_BEFORE_REACH), start):
                out.append(Reference(start, end, agreement_id))
                names.add(start, end, out[-1])
        return out

    def year_references(self, text: str, taken: list[Reference]) -> list[Reference]:
        """Agreements named by a bare year and a kind of text ("the 2020 ceasefire"), when that year had only one
        agreement of that kind."""
        out: list[Reference] = []
        names = _Spans((r.start, r.end, r) for r in taken)
        for pattern in (_YEAR_BEFORE, _YEAR_AFTER, _YEAR_OF_WAR):
            for m in pattern.finditer(text):
                if names.overlapping(m.start(), m.end()):
                    continue
                named = self._year_names_one(m)
                if named is not None:
                    out.append(Reference(m.start(), m.end(), named))
                    names.add(m.start(), m.end(), out[-1])
        return out

    def month_references(
        self,
        text: str,
        taken: list[Reference],
        before: dt.date | None,
        story_year: int | None = None,
        published: dt.date | None = None,
    ) -> list[Reference]:
        """Agreements named by a month and a kind of text ("the November statement"): of that kind, made in that
        month of the year written after it, else in the latest such month not after `before` (the sentence's day or
        the publication) or, when none was made by then, not after `published` ("Under the November statement, three
        districts were returned, while four were taken in the counter-offensive launched on September 27"), else, in
        a text without a publication date, in `story_year` (the year its year-less days take), else in any year; only
        when that month had one agreement of that kind."""
        out: list[Reference] = []
        names = _Spans((r.start, r.end, r) for r in taken)
        for m in _MONTH_BEFORE.finditer(text):
            if names.overlapping(m.start(), m.end()):
                continue
            month = calendar.month_number(m.group("mon") or m.group("ru"))
            fitting = [a for a in self.agreements if a.date.month == month and self.of_kind(a.id, m.group("kind"))]
            if m.group("year"):
                fitting = [a for a in fitting if a.date.year == int(m.group("year"))]
            elif before is not None:
                fitting = [a for a in fitting if a.date <= before] or [
                    a for a in fitting if published is not None and a.date <= published
                ]
                latest = max((a.date.year for a in fitting), default=None)
                fitting = [a for a in fitting if a.date.year == latest]
            elif story_year is not None:
                fitting = [a for a in fitting if a.date.year == story_year]
            # With no day to count from (a text without a publication date or a year), only a month that had one
            # agreement of that kind in any year names it ("the November ceasefire").
            if len(fitting) == 1:
                kind = m.group("kind")
                out.append(Reference(m.start(), m.end(), fitting[0].id, confident=False, by_month=kind))
                names.add(m.start(), m.end(), out[-1])
        return out

    def month_named_date(self, r: Reference) -> tuple[dt.date, str]:
        """The date of a sentence with no date of its own that names an agreement by its month: a meeting ("At our
        April meeting, the leaders asked …") dates what was done at it by that month, as written; a text ("In the May
        protocol, the sides described …") says what it provides, and takes its own day."""
        made = self.by_id[r.agreement].date
        if _kind_key(r.by_month) in _MEETING_KINDS:
            return made.replace(day=1), "month"
        return made, "day"

    # --- by what the text says of it ---

    def described_references(
        self,
        text: str,
        words: Sequence[Token],
        dates: list[DateMention],
        published: dt.date | None,
        taken: list[Reference],
    ) -> list[Reference]:
        """Agreements a text describes rather than names: a kind word ("accord", "переговоры", "decision") with
        what its clause says of it — where it was signed (`signed_at` in the data: "at the White House", "в
        сочинской резиденции"), how many parties ("trilateral"), when ("in August", "last October", "of 2020").
        Every agreement of the data is held against those features; the reference stands when they leave one (or
        several of one day), or, with a place alone, the latest there before the article (marked unsure). Its span
        runs over the words that described it ("the accord signed at the White House in August"); its dates stay
        the report's, as the labels read them (a sentence with a month of its own is dated by it)."""
        venues = _Spans((words[i].start, words[i + n - 1].end, a) for i, n, a in self._venues.find(words))
        by_date = _Spans((d.start, d.end, d) for d in dates)
        names = _Spans((r.start, r.end, r) for r in taken)
        # The latest the sentence's own days reach, once: a pasted sentence may hold thousands of them.
        sentence_until = max(
            (
                d.date if d.precision == "day" else calendar.month_end(d.date)
                for d in dates
                if not d.attached and d.date
            ),
            default=None,
        )
        if sentence_until is not None and sentence_until < dt.date.max - dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS):
            sentence_until += dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS)
        out: list[Reference] = []
        for m in _DESCRIBED_KIND.finditer(text):
            if names.overlapping(m.start(), m.end()):
                continue
            lo, hi = _description_window(text, m.start(), m.end())
            if _LATER_ONE.search(text, lo, m.start()) or _ORDINAL.search(text, lo, m.start()):
                continue  # "a third trilateral meeting" is a later one, not the one the place had before
            nxt = _DESCRIBED_KIND.search(text, m.end(), hi)
            # "the talks began after the Brussels meeting of April 2022": the next kind word has words of its own.
            describes = _Description(
                text, m.start(), m.end(), lo, nxt.start() if nxt else hi, names, bool(nxt)
            ).describes
            near_dates = [d for _, _, d in by_date.within(lo, hi)]
            # A date describes it only after the kind word: one before it is part of a name only as date_references
            # reads it ("the November 9 statement"), and "1 сентября примут решение" is an event of its own.
            after = [d for d in near_dates if d.start >= m.end()]
            if any(d.agreements and describes(d.start, d.end, named=True) for d in after):
                continue  # "встреча … прошла в Сочи в ноябре прошлого года": its date has named it already
            places = [
                (a, b, i)
                for a, b, i in venues.within(lo, hi)
                if describes(a, b) and not _MEDIATED_BY.search(text, max(0, a - MEDIATOR_REACH), a)
            ]
            # Not a deadline the text sets ("The Moscow statement obliged the group to submit a list by 1 March"): a
            # term of it, not the day it was made.
            told = [
                d
                for d in after
                if describes(d.start, d.end)
                and d.date is not None
                and (not d.relative or d.precision == "month")
                and not _dates_an_operation(text, d)
                and not follows_deadline_word(text, d)
            ]
            years = [
                y
                for y in BARE_YEAR.finditer(text, lo, hi)
                if y.start() >= m.end()
                and describes(y.start(), y.end())
                and not any(d.start <= y.start() < d.end for d in near_dates)
            ]
            if not (places or told or years):
                continue
            if not (told or years):
                if _INDEFINITE.search(text, max(0, m.start() - 30), m.start()):
                    continue  # "ended in a truce brokered by Moscow": a new one; the place alone cannot say which
                made_at: dict[tuple[int, int], set[str]] = {}
                for a, b, i in places:
                    made_at.setdefault((a, b), set()).add(i)
                if not set.intersection(*made_at.values()):
                    continue  # "held rounds in Moscow and Brussels": meetings in several places, none of them one text
            pool = list(self.agreements)
            if published is not None:
                pool = [a for a in pool if a.date <= published + dt.timedelta(days=ALIAS_FUTURE_DAYS)]
            if places:
                pool = [a for a in pool if a.id in {i for _, _, i in places}]
            count = _PARTY_COUNT.search(text, lo, hi)
            if count:
                parties = next(int(k[1]) for k, v in count.groupdict().items() if v)
                pool = [a for a in pool if len(a.parties) == parties]
            if told:
                # "The treaty text, agreed on 13 March 2025": a text is also described by the day its wording was
                # agreed, long before it was made.
                pool = [
                    a
                    for a in pool
                    if any(
                        self._fits_date(a, d, a.text_agreed if self.of_kind(a.id, m.group()) else None) for d in told
                    )
                ]
            elif years:
                pool = [a for a in pool if a.date.year in {int(y.group("year")) for y in years}]
            pool = [a for a in pool if self.of_kind(a.id, m.group())] or pool
            if not (told or years):
                # A place alone: the latest meeting there the reader of that day knows, and not one made after the
                # sentence's own time ("in July 2024, when Blinken met the ministers at the summit in Washington" is
                # not the Washington declaration of August 2025).
                until = [published] if published is not None else []
                if sentence_until is not None:
                    until.append(sentence_until)
                if until:
                    pool = [a for a in pool if a.date <= min(until)][-1:]
                # "held their first meeting in Moscow on Friday", "25 мая провели в Москве встречу": a day the clause
                # gives the meeting is its own; one made there on another day is another meeting.
                held_on = [
                    d
                    for d in near_dates
                    if d.date is not None and d.precision in ("day", "range") and not follows_deadline_word(text, d)
                ]
                if held_on:
                    pool = [a for a in pool if any(self._fits_date(a, d) for d in held_on)]
            if pool and all(a.date == pool[0].date for a in pool):
                features = [(m.start(), m.end()), *((a, b) for a, b, _ in places)]
                features += [(d.start, d.end) for d in told] + [y.span() for y in years]
                start, end = min(a for a, _ in features), max(b for _, b in features)
                out += [Reference(start, end, a.id, confident=bool(told or years)) for a in pool]
                names.add(start, end, out[-1])
        return out

    @staticmethod
    def _fits_date(a: Agreement, d: DateMention, also: dt.date | None = None) -> bool:
        """Whether date `d` can be the day `a` was made (or the day `also`): the same day or the next/previous one,
        or the same month."""
        assert d.date is not None
        days = [a.date] if also is None else [a.date, also]
        if d.precision == "month":
            return any((day.year, day.month) == (d.date.year, d.date.month) for day in days)
        return any(abs((day - d.date).days) <= AGREEMENT_DATE_SLACK_DAYS for day in days)

    # --- by alias ---

    def alias_references(
        self,
        text: str,
        words: Sequence[Token],
        dates: list[DateMention],
        published: dt.date | None,
        anchor_year: int | None,
        taken: list[Reference],
        recent: Mapping[str, int] | None = None,
        generic_words: bool = False,
    ) -> list[Reference]:
        """Agreements named by an alias; a shared alias goes to the agreement the sentence's dates point at. With
        `generic_words`, the generic words of the kinds instead ("the ceasefire", "the protocol"), read after the
        agreements' own names and the names by year or month ("апрельского протокола"), and only outside own names
        ("the Moscow-brokered truce" is the 2020 statement's own); `recent` are the agreements the article named
        before (each with where the sentence that last named it starts), which such a word may stand for when the
        dates do not decide."""
        matches: dict[tuple[int, int, bool], list[str]] = {}
        if generic_words:
            for i, n, agreement_id in self._generic.find(words):
                matches.setdefault((i, n, True), []).append(agreement_id)
            if not matches:
                return []  # most sentences: nothing more to look at
        for i, n, agreement_id in self._aliases.find(words):
            matches.setdefault((i, n, False), []).append(agreement_id)
        years = _Spans((m.start(), m.end(), int(m.group("year"))) for m in BARE_YEAR.finditer(text))
        by_date = _Spans((d.start, d.end, d) for d in dates)
        out = []
        names = _Spans((r.start, r.end, r) for r in taken)
        own = _Spans((words[i].start, words[i + n - 1].end, None) for i, n, generic in matches if not generic)
        # The agreements named already, each once: a pasted sentence may hold thousands of their names.
        taken_ids = {r.agreement for r in taken}
        # The latest day the sentence tells, worked out once (not per alias: a paste may hold thousands of both).
        latest_told = max((d.date for d in dates if d.date is not None), default=None)
        began = generic_words and _BEGAN.search(text) is not None
        for (i, n, generic), ids in matches.items():
            if generic != generic_words:
                continue
            start, end = words[i].start, words[i + n - 1].end
            if names.overlapping(start, end):
                continue  # "the Sochi statement of 26 November 2021": the date already decided
            if any(
                r.agreement not in ids and _MADE_RIGHT_AFTER.match(text[end : r.start])
                for _, _, r in names.within(end, end + MADE_CLAUSE_REACH)
            ):
                continue  # "the trilateral statement signed in Sochi on 26 November 2021": its making says which
            if generic and own.overlapping(start, end):
                continue  # "the Russian-brokered truce": the agreement's own name says which
            if _LATER_ONE.search(text[max(0, start - 20) : start]):
                continue  # "a second meeting in Brussels" is a later one
            if _NONE_MADE.search(text[max(0, start - 20) : start]):
                continue
            if generic and (_WATCHED_BY.match(text, end) or _WATCHING.search(text[max(0, start - 30) : start])):
                continue
            if generic and _inside_other_name(text, start, end):
                continue
            if generic and any(a not in ids and self.of_kind(a, text[start:end]) for a in taken_ids):
                continue  # "The treaty was initialled on 5 March 2027": the one its day named is of that kind too
            # The dates and years that settle a shared alias are the sentence's, within ALIAS_DATE_REACH of it: a
            # sentence of pasted junk may hold thousands of both, and each alias would look at all of them.
            lo, hi = start - ALIAS_DATE_REACH, end + ALIAS_DATE_REACH
            near = [d for _, _, d in by_date.within(lo, hi)]
            near_years = [y for _, _, y in years.within(lo, hi)]
            if generic:
                indefinite = bool(_INDEFINITE.search(text[max(0, start - 30) : start]))
                chosen, confident = self._choose_generic(
                    ids,
                    start,
                    near,
                    near_years,
                    published,
                    indefinite,
                    recent or {},
                    began or _named_by_day(text, start, end, near),
                )
            else:
                if _A_NEW_ONE.search(text, max(0, start - 30), start) and any(d.date is not None for d in near):
                    named = [self.by_id[i] for i in ids]
                    if _dated_by_sentence(named, near, start) is None and all(a.text_agreed is None for a in named):
                        continue  # "signed a joint statement on energy on Monday": a new text, not the one of that name
                chosen, confident = self._choose(ids, start, near, near_years, published, anchor_year, latest_told)
            if chosen is not None:
                out.append(Reference(start, end, chosen, confident))
        return out

    def _choose_generic(
        self,
        ids: list[str],
        at: int,
        dates: list[DateMention],
        years: list[int],
        published: dt.date | None,
        indefinite: bool,
        recent: Mapping[str, int],
        began: bool = False,
    ) -> tuple[str | None, bool]:
        """Which agreement of a kind a generic word means: the one the sentence's dates or years point at; else,
        for "a truce" (a new one, perhaps one the atlas does not have), none; else the last of the kind the article
        named, else the latest made by the day told nearest to the word (the one in force then: "had monitored the
        ceasefire since 30 January 2021, closed on 26 April" is the 2020 one) or the publication, marked unsure: dates
        could not decide."""
        found = [self.by_id[i] for i in ids]
        slack = dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS)
        if published is not None:
            found = [a for a in found if a.date <= published + slack]
        # Nor one made after all the sentence tells ("the truce of May 1994" is that year's, whatever the article
        # named before), unless its text was negotiated long before (`text_agreed`: "the draft treaty" of 2024).
        told_until = max((d.date for d in dates if d.date is not None), default=None)
        if told_until is not None:
            until = calendar.month_end(told_until) + slack
            found = [a for a in found if a.date <= until or a.text_agreed is not None]
        if not found:
            return None, False
        dated = _dated_by_sentence(found, dates, at)
        if dated is not None:
            return dated.id, True
        if indefinite:
            return None, False  # nor a year: "agreed a ceasefire …, the heaviest fighting since 2020"
        if dates and began:
            # "the truce had been in force since 20:00 on Wednesday", "Перемирие, установленное во вторник": one made
            # on a day of the sentence that is no agreement's day is a new one.
            return None, False
        for year in years:
            same = [a for a in found if a.date.year == year]
            if len(same) == 1:
                return same[0].id, True
        named = [i for i in ids if i in recent]
        if named:
            return max(named, key=recent.__getitem__), False
        told = [d for d in dates if d.date is not None]
        nearest = min(told, key=lambda d: abs(d.start - at), default=None)
        by = nearest.date if nearest is not None else published
        before = [a for a in found if by is None or a.date <= by + dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS)]
        return (before[-1].id, False) if before else (None, False)

    def _choose(
        self,
        ids: list[str],
        at: int,
        dates: list[DateMention],
        years: list[int],
        published: dt.date | None,
        anchor_year: int | None,
        latest_told: dt.date | None,
    ) -> tuple[str | None, bool]:
        found = [self.by_id[i] for i in ids]
        if published is not None:
            limit = published + dt.timedelta(days=ALIAS_FUTURE_DAYS)
            found = [a for a in found if a.date <= limit]
        # Nor that long after what the sentence tells: "in April 2022 they asked for a peace treaty" is the idea, not
        # the text initialled in 2025.
        if latest_told is not None:
            found = [a for a in found if a.date <= latest_told + dt.timedelta(days=ALIAS_FUTURE_DAYS)]
        if not found:
            return None, False
        if len(found) == 1:
            return found[0].id, True
        dated = _dated_by_sentence(found, dates, at)
        if dated is not None:
            return dated.id, True
        for year in years:
            same = [a for a in found if a.date.year == year]
            if len(same) == 1:
                return same[0].id, True
            if same:
                found = same
                break
        # Otherwise the latest one before the article: what a reader of that day would take it for.
        reference = published or (dt.date(anchor_year, 12, 31) if anchor_year else None)
        before = [a for a in found if reference is None or a.date <= reference]
        return (before or found)[-1].id, False


# Words for a military operation, not for a text or meeting: a date in such a name ("the September 2023 offensive", "an
# offensive on Sept. 19-20", "наступление 19 сентября") dates the fighting, not the truce that ended it. Not "war",
# "fighting", "hostilities": "ended the war on 10 November", "cease hostilities on 20 September" date its end, which
# is the agreement's day.
_OPERATION = r"(?:offensives?|operations?|attacks?|assaults?|clashes|escalation|наступлени\w*|операци\w*|атак\w*)"
_OPERATION_AFTER_DATE = re.compile(
    rf"(?:'s)?(?:\s+(?!{_NOT_A_NAME_WORD}\b)[\w-]+){{0,2}}?\s+{_OPERATION}(?![\w-])", re.I
)
# "offensive on Sept. 19-20", "a one-day offensive in September 2023", "offensive in Karabakh of 19-20 September".
_OPERATION_BEFORE_DATE = re.compile(
    rf"(?<![\w-]){_OPERATION}(?:\s+(?:in|against|в|против)\s+[\w-]+)?,?\s+(?:(?:of|on|from|in|от|в)\s+)?$", re.I
)


# "…must agree the description by May 15", "к 15 мая": a deadline set, not a day something was made on.
DEADLINE_REACH = 20
# The words, for the date's own start too (candidates: "до конца апреля" is written as one date).
DEADLINE_WORDS = r"\bby|(?<![\w-])(?:к|до)|no\s+later\s+than|не\s+позднее"
DEADLINE_BEFORE = re.compile(rf"(?:{DEADLINE_WORDS})\s+$", re.I)


def follows_deadline_word(text: str, d: DateMention) -> bool:
    """Whether a deadline word stands right before date `d` ("by 1 March", "до 1 марта"): a term set, not a day."""
    return DEADLINE_BEFORE.search(text, max(0, d.start - DEADLINE_REACH), d.start) is not None


def _dates_an_operation(text: str, d: DateMention) -> bool:
    """Whether date `d` is part of the name of an operation ("the September 2023 offensive", "offensive on Sept. 19-20")."""
    return bool(
        _OPERATION_AFTER_DATE.match(text, d.end, d.end + 60)
        or _OPERATION_BEFORE_DATE.search(text, max(0, d.start - 40), d.start)
    )


# The conjunctions that join one clause to the next.
CONJUNCTIONS = r"and|while|whereas|but|then|а|и|но|затем"
# A break that opens a clause of its own: a semicolon, or a comma and a conjunction.
OWN_CLAUSE = re.compile(rf";\s|,\s+(?:{CONJUNCTIONS}|тогда\s+как|в\s+то\s+время\s+как|однако)\s")
# Where a clause ends, to find the verb of a date's own clause (looked for within CLAUSE_REACH either side).
_CLAUSE_END = re.compile(r"[,;]\s|\s[—–]\s|\s(?:and|while|whereas|but|а|и|но)\s")
CLAUSE_REACH = 200


def _own_clause_around(text: str, d: DateMention, several: bool) -> tuple[int, int]:
    """Where the words around a date that may name its agreement lie: CLAUSE_REACH either side, and, in a sentence
    of several dates, not past a clause of its own (", and their foreign ministers initialled a peace treaty the same
    day" names nothing of the day before it); an "and" inside a name ("Peace and Inter-State Relations") does not
    end it."""
    lo, hi = max(0, d.start - CLAUSE_REACH), d.end + CLAUSE_REACH
    if several:
        before = list(OWN_CLAUSE.finditer(text, lo, d.start))
        after = OWN_CLAUSE.search(text, d.end, hi)
        lo = before[-1].end() if before else lo
        hi = after.start() if after else hi
    return lo, hi


# A clause that is only its date ("In April, Armenia agreed …", "В апреле, …"): what it dates is the clause after it.
_ONLY_WHEN = re.compile(r"\W*(?:in|on|by|since|from|until|в|во|с|со|к|до)?\W*", re.I)


def _told_clause(text: str, d: DateMention, clause: tuple[int, int]) -> tuple[int, int]:
    """`clause`, the clause of `d`, or with the clause after it when it says nothing but the date."""
    lo, hi = clause
    if hi < len(text) and _ONLY_WHEN.fullmatch(text[lo : d.start] + text[d.end : hi]):
        return lo, _clause_around(text, hi + 1, hi + 1)[1]
    return clause


def made_in_clause(text: str, d: DateMention) -> bool:
    """Whether the clause of `d` says something was made then ("…, которое лидеры … подписали 10 ноября")."""
    return MADE.search(text, *_clause_around(text, d.start, d.end)) is not None


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding text[start:end] begins and ends."""
    lo = max(0, start - CLAUSE_REACH)
    breaks = list(_CLAUSE_END.finditer(text, lo, start))
    after = _CLAUSE_END.search(text, end, end + CLAUSE_REACH)
    return (breaks[-1].end() if breaks else lo), (after.start() if after else min(len(text), end + CLAUSE_REACH))


class _Spans:
    """Spans (start, end, value) of one sentence, sorted, to find those near a position without walking them all:
    a sentence of pasted junk may hold thousands of kind words and dates."""

    # No span looked up here is longer than this (a name, a date, a date with its agreement word).
    LONGEST = 200

    def __init__(self, spans: Iterable[tuple[int, int, Any]]) -> None:
        self.spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]

    def within(self, lo: int, hi: int) -> list[tuple[int, int, Any]]:
        """The spans that start in [lo, hi)."""
        return self.spans[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def add(self, start: int, end: int, value: Any) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.spans.insert(at, (start, end, value))

    def overlapping(self, lo: int, hi: int) -> bool:
        return any(a < hi and lo < b for a, b, _ in self.within(lo - self.LONGEST, hi))


@dataclass(frozen=True)
class _Description:
    """The words around a kind word (text[start:end]) that may describe the agreement it stands for: in
    [lo, hi), not part of another agreement's name (`names`)."""

    text: str
    start: int
    end: int
    lo: int
    hi: int
    names: _Spans
    next_kind: bool  # hi is where the next kind word starts

    def describes(self, a: int, b: int, named: bool = False) -> bool:
        """Whether text[a:b] is part of this description: after the kind word in its clause (and not a name of the
        next kind word's), or before it as part of its name ("last October's Sochi meeting"); not part of another
        agreement's name unless `named` (whether it names one is asked)."""
        if not named and self.names.overlapping(a, b):
            return False
        if b <= self.start:
            return self.lo <= a and bool(_PREMODIFIER.match(self.text, b, self.start))
        if not self.end <= a < self.hi:  # starts in the clause ("last October." may take its full stop)
            return False
        return not (self.next_kind and _PREMODIFIER.match(self.text, b, self.hi))


def _description_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the description of the kind word at text[start:end] may lie: its clause, at most DESCRIPTION_BEFORE
    before and DESCRIPTION_AFTER after."""
    lo = max(0, start - DESCRIPTION_BEFORE)
    stops = list(_DESCRIPTION_STOP.finditer(text, lo, start))
    after = _DESCRIPTION_STOP.search(text, end, end + DESCRIPTION_AFTER)
    return (stops[-1].end() if stops else lo), (after.start() if after else min(len(text), end + DESCRIPTION_AFTER))


def article_references(text: str, refs: Sequence[Reference], report: Sequence[str]) -> list[tuple[str, str]]:
    """(agreement, number) for "Article 4 of …": the agreement named right after, else the one before, else the
    only agreement of the report (`report`)."""
    out = []
    for start, end, numbers in _article_mentions(text):
        after = [r for r in refs if end <= r.start <= end + ARTICLE_TIE_WINDOW]
        before = [r for r in refs if r.end <= start]
        tail = text[end:]
        if after and (_ARTICLE_OF.match(tail) or not before):
            agreement = after[0].agreement
        elif before and not _ARTICLE_OF.match(tail):
            agreement = before[-1].agreement
        elif len(report) == 1 and not _ARTICLE_OF.match(tail):
            agreement = report[0]
        elif after and len(tail) - len(tail.lstrip()) <= 1 and tail.lstrip()[:1].isalpha():
            agreement = after[0].agreement  # "пункта заявления", "Девятый пункт заявления"
        else:
            continue  # "Article 5 of the Constitution": not one of ours
        out += [(agreement, n) for n in numbers]
    return out


def _article_mentions(text: str) -> list[tuple[int, int, list[str]]]:
    """Where article numbers are cited in `text`, each with its numbers as written in digits ("VII" → "7")."""
    spans = [(m.start(), m.end(), re.findall(r"\d+", m.group("nums"))) for m in _ARTICLE.finditer(text)]
    spans += [
        (m.start(), m.end(), [str(_roman_value(n)) for n in re.findall(r"[IVX]+", m.group("nums"))])
        for m in _ROMAN_ARTICLE.finditer(text)
    ]
    spans += [
        (m.start(), m.end(), [str(_RU_ORDINALS[m.group("ord").lower()])]) for m in _RU_ORDINAL_ARTICLE.finditer(text)
    ]
    return sorted(spans)


def _roman_value(numeral: str) -> int:
    """The value of a Roman numeral of I, V and X: a letter before a larger one is taken away ("IX" is 9)."""
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _named_by_day(text: str, start: int, end: int, dates: list[DateMention]) -> bool:
    """Whether the generic word at text[start:end] is named by a day: "the June 24 ceasefire", "the truce of 5 April"."""
    return any(
        d.precision == "day"
        and (_DAY_BEFORE_NAME.fullmatch(text, d.end, start) or _DAY_AFTER_NAME.fullmatch(text, end, d.start))
        for d in dates
    )


def _dated_by_sentence(found: list[Agreement], dates: list[DateMention], at: int) -> Agreement | None:
    """The one agreement of `found` made near a date of the sentence, the dates nearest to `at` (where the reference
    stands) tried first: "the Brussels meeting of April 2022"."""
    for d in sorted(dates, key=lambda d: abs(d.start - at)):
        if d.date is None:
            continue
        slack = dt.timedelta(days=AGREEMENT_DATE_SLACK_DAYS if d.precision in ("day", "range") else 31)
        near = [a for a in found if abs(a.date - d.date) <= slack]
        if len(near) == 1:
            return near[0]
    return None


# The agreement finder of a catalogue of agreements, built once while the catalogue stays the same.
finder_of: KeptForSameObjects[AgreementFinder] = KeptForSameObjects(AgreementFinder)
