"""The side panel's text, as markdown: a place (names, shape, who held it, the agreement points tied to it) and its
events. Pure: no streamlit. Every text from data or from users goes through `markdown_text`, so it shows literally.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from urllib.parse import quote

from geo import dates, query
from geo.escaping import css_string, html_text
from geo.messages import message
from geo.model import Agreement, Atlas, Event, Place, Tie

# The panel shows this many characters of a summary (the longest shipped one has ~700); exports keep all of it.
PANEL_TEXT = 2000
# URL characters left as they are in links: RFC 3986 reserved ones and %; all else is percent-encoded.
LINK_SAFE = ":/?#[]@!$&'()*+,;=%~"
# Who held a place, by status: the words of the map's legend (geo/messages.py), in the panel's language.
CONTROL_LABELS = {status: f"control.{status}" for status in ("az", "arm", "partial")}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


# The map names the place it selects in this attribute of the page's <html> element ("" for none): the page shows
# that place's panel at once, before the click's run has answered (see panel_css).
SELECTED_ATTRIBUTE = "data-atlas-place"
# The panel's containers: every place's own (hidden but the one selected), inside one box, and the list of all events
# shown when no place is selected.
PLACE_PANELS_KEY = "place-panels"
# Marks the style element of panel_css. Until it is in the page (Streamlit loads the code of its first st.html while
# the panels are drawn), the page's constant styles (geo/browser/page.css) hide every place's panel.
PANEL_STYLE_ATTRIBUTE = "data-atlas-panels"
ALL_EVENTS_KEY = "events-panel"


def place_panel_key(place_id: str) -> str:
    return f"place-panel-{place_id}"


def container_class(key: str) -> str:
    """The class Streamlit's frontend gives a container made with `key`: `st-key-` and the key, trimmed, each
    character other than a letter, a digit, `-` or `_` made `-`."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def panel_css(place_ids: Iterable[str], selected: str | None) -> str:
    """Which of the panels the page holds shows: the place the map says it selected (SELECTED_ATTRIBUTE, set at the
    click), else, before the map has said anything, the run's own selection; the list of all events when none. A
    hidden panel leaves no gap: the box holding them has none of its own."""
    attribute = SELECTED_ATTRIBUTE
    hidden = [f'html[{attribute}]:not([{attribute}=""]) .{container_class(ALL_EVENTS_KEY)}']
    for place_id in place_ids:
        panel = container_class(place_panel_key(place_id))
        hidden.append(f"html[{attribute}]:not([{attribute}={css_string(place_id)}]) .{panel}")
        if place_id != selected:
            hidden.append(f"html:not([{attribute}]) .{panel}")
    return (
        f"<style {PANEL_STYLE_ATTRIBUTE}>.{container_class(PLACE_PANELS_KEY)}{{gap:0}}"
        f"{','.join(hidden)}{{display:none}}</style>"
    )


def markdown_text(value: str) -> str:
    """Data text for st.markdown: every markdown and HTML character escaped, so it shows literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", value)


def shortened(text: str) -> str:
    """`text`, cut at PANEL_TEXT characters: a panel of a few hundred events stays readable and quick to draw."""
    if len(text) <= PANEL_TEXT:
        return text
    return f"{text[:PANEL_TEXT]} … ({len(text) - PANEL_TEXT:,} more characters in the exports)"


def _tie_words(tie: Tie, lang: str) -> str:
    """Whether a tie is named in the agreement's text or inferred by the atlas (with why), in italics."""
    note = f": {markdown_text(tie.note)}" if tie.note and tie.kind == "inferred" else ""
    return f"*{message(f'tie.{tie.kind}', lang)}{note}*"


def _tie_kind(tie: Tie, lang: str = "en") -> str:
    return f" — {_tie_words(tie, lang)}" if tie.kind else ""


# How the panel links to an agreement's page: agreement id -> the address of that page (a permalink, opened in a
# new tab by Streamlit's markdown). None: the agreement is named without a link.
AgreementHref = Callable[[str], str] | None


def _agreement_name(agreement: Agreement, href: AgreementHref) -> str:
    """The agreement's label, a link to its page when `href` gives one."""
    label = markdown_text(agreement.label)
    if href is None:
        return label
    return f"[{label}](<{quote(href(agreement.id), safe=LINK_SAFE)}>)"


def _link(text: str, url: str | None) -> str:
    """`text` (markdown already) as a link to `url`, percent-encoded so that nothing in the address can end the
    markdown link and start new markup; `text` alone when there is no address."""
    return f"[{text}](<{quote(url, safe=LINK_SAFE)}>)" if url else text


ORIGIN_LABELS = {
    "community": "Community event: proposed by an editor, approved in the shared store",
    "session": "Added in this session (seen only by you)",
}


def event_markdown(
    event: Event, atlas: Atlas, lang: str, origin: str | None = None, agreement_href: AgreementHref = None
) -> str:
    """One event: date and title, where it comes from when not the curated record, summary, deadline and date
    note, places, agreements (named or inferred), source."""
    places = ", ".join(markdown_text(atlas.places[p].display_name(lang)) for p in event.places)
    ties = "; ".join(
        _agreement_name(atlas.agreements[t.agreement], agreement_href)
        + (f" (art. {', '.join(t.articles)})" if t.articles else "")
        + _tie_kind(t, lang)
        for t in event.ties
    )
    # A source made from one line of text has that line as publisher and title: said once.
    cited = event.source.publisher
    if event.source.title != event.source.publisher:
        cited = f"{event.source.publisher}: {event.source.title}"
    source = _link(markdown_text(cited), event.source.url)
    lines = [f"**{markdown_text(event.date_label())} · {markdown_text(event.title)}**"]
    if origin in ORIGIN_LABELS:
        lines.append(f"*{ORIGIN_LABELS[origin]}*")
    elif lang != "en":
        # The atlas's own records are written in English and stay as written; the reader is told so.
        lines.append(f"*{message('written_in_english', lang)}*")
    lines.append(markdown_text(shortened(event.summary)))
    if event.deadline:
        lines.append(f"{message('deadline', lang)}: {dates.day_label(event.deadline)}")
    if event.date_note:
        lines.append(f"*{message('date', lang)}: {markdown_text(event.date_note)}*")
    if places:
        lines.append(f"{message('places', lang)}: {places}")
    if ties:
        lines.append(f"{message('agreements', lang)}: {ties}")
    lines.append(f"{message('source', lang)}: {source}")
    return "  \n".join(lines)


def _control_lines(place: Place, lang: str) -> list[str]:
    lines = []
    for period in place.control:
        until = f" {message('until', lang)} {dates.day_label(period.until)}" if period.until else ""
        since = dates.day_label(period.start) if period.precision == "day" else dates.month_label(period.start)
        approximate = "c. " if period.precision == "approximate" else ""
        note = f" — {markdown_text(period.note)}" if period.note else ""
        status = message(CONTROL_LABELS[period.status], lang)
        lines.append(f"- {message('from', lang)} {approximate}{since}{until}: **{status}**{note}")
    return lines


def _article_lines(agreement: Agreement, tie: Tie) -> list[str]:
    lines = []
    for article in tie.articles:
        line = f"- Art. {article}: {markdown_text(agreement.articles[article])}"
        if article in agreement.article_notes:
            line += f" *(Note: {markdown_text(agreement.article_notes[article])})*"
        lines.append(line)
        for variant in agreement.article_variants.get(article, ()):
            lines.append(f"    - {markdown_text(variant.label)}: {markdown_text(variant.text)}")
    return lines


def place_markdown(
    place: Place, atlas: Atlas, lang: str, asof: dt.date | None = None, agreement_href: AgreementHref = None
) -> str:
    """The place's name, other spellings, where its shape comes from, who held it on `asof` and when, and the
    agreement points tied to it (named in the text, or inferred)."""
    name = place.display_name(lang)
    others = [s for s in place.spellings() if s != name]
    source = atlas.sources[place.source]
    blocks = [
        f"### {markdown_text(name)}",
        f"*{markdown_text(' / '.join(others))}*" if others else "",
        f"{place.kind.capitalize()} · geometry {place.precision} · source: {markdown_text(source.publisher)}"
        + (f" ({markdown_text(source.licence)})" if source.licence else ""),
        f"*{markdown_text(place.note)}*" if place.note else "",
    ]
    if place.control:
        held = ""
        if asof:
            period = query.control_on(place, asof)
            status = message(CONTROL_LABELS[period.status] if period else "control.none", lang)
            held = f" — {message('on', lang)} {dates.day_label(asof)}: **{status}**"
        blocks.append(f"**{message('held', lang)}**{held}\n\n" + "\n".join(_control_lines(place, lang)))
    if asof:
        promised = [
            (c, change)
            for c in query.commitments_for(atlas, place=place.id)
            if (change := query.commitment_change_on(c, asof)) is not None
        ]
        if promised:
            lines = [
                f"- {markdown_text(atlas.agreements[c.agreement].label)}, art. {c.article}: {markdown_text(c.text)}"
                f" — **{change.status.replace('_', ' ')}** since {dates.day_label(change.date)}"
                for c, change in promised
            ]
            blocks.append(f"**{message('promised', lang)} {dates.day_label(asof)}**\n\n" + "\n".join(lines))
    for tie in place.ties:
        agreement = atlas.agreements[tie.agreement]
        blocks.append(f"**{_agreement_name(agreement, agreement_href)}**{_tie_kind(tie, lang)}")
        blocks.append("\n".join(_article_lines(agreement, tie)))
    return "\n\n".join(block for block in blocks if block)


def agreement_markdown(agreement: Agreement, atlas: Atlas, lang: str) -> str:
    """An agreement's page: its title, date, parties and published text; each point paraphrased, with its notes and
    published versions and the places it names (named in the text, or tied by the atlas's inference); and every
    event tied to it, newest first."""
    source = atlas.sources[agreement.source]
    facts = [dates.day_label(agreement.date), markdown_text(agreement.place)]
    facts.append(f"{message('agreement.parties', lang)}: {markdown_text(', '.join(agreement.parties))}")
    if agreement.mediator:
        facts.append(f"{message('agreement.mediator', lang)}: {markdown_text(agreement.mediator)}")
    cited = markdown_text(f"{source.publisher}: {source.title}" if source.title != source.publisher else source.title)
    blocks = [
        f"### {markdown_text(agreement.label)}",
        f"*{markdown_text(agreement.title)}*",
        " · ".join(facts),
        f"*{markdown_text(agreement.date_note)}*" if agreement.date_note else "",
        f"{message('agreement.text', lang)}: {_link(cited, source.url)}",
        f"**{message('agreement.points', lang)}**",
    ]
    ties = [(p, t) for p in atlas.places.values() for t in p.ties if t.agreement == agreement.id]
    for article, text in agreement.articles.items():
        lines = [f"**{markdown_text(article)}.** {markdown_text(text)}"]
        if article in agreement.article_notes:
            lines.append(f"*{message('note', lang)}: {markdown_text(agreement.article_notes[article])}*")
        for variant in agreement.article_variants.get(article, ()):
            lines.append(f"→ *{markdown_text(variant.label)}*: {markdown_text(variant.text)}")
        named = [
            markdown_text(p.display_name(lang)) + (f" ({_tie_words(t, lang)})" if t.kind else "")
            for p, t in ties
            if article in t.articles
        ]
        if named:
            lines.append(f"{message('agreement.places', lang)}: " + "; ".join(named))
        blocks.append("  \n".join(lines))
    events = sorted(
        (e for e in atlas.events if any(t.agreement == agreement.id for t in e.ties)),
        key=lambda e: (e.date, e.id),
        reverse=True,
    )
    blocks.append(f"**{message('agreement.events', lang)} ({len(events)})**")
    if not events:
        blocks.append(message("agreement.no_events", lang))
    for event in events:
        articles = next(t.articles for t in event.ties if t.agreement == agreement.id)
        where = f" (art. {', '.join(articles)})" if articles else ""
        blocks.append(f"- {markdown_text(event.date_label())} · {markdown_text(event.title)}{where}")
    return "\n\n".join(block for block in blocks if block)


def citation(link: str, data_version: str, accessed: dt.date, version: str) -> str:
    """How to cite what is on screen: the atlas's version, the data's version (a digest of the data files), the
    link that opens this very view, and the day it was seen."""
    return f"Karabakh Atlas {version} (data {data_version}), {link}, accessed {dates.day_label(accessed)}."


# A copy button for each box, by one listener installed once per page: a constant script, no data in it (the text
# to copy is read from the box the user sees). Streamlit's st.code would give the same box and button, but its
# syntax highlighter costs the browser ~0.2 s on the first page and a redraw on every click. The page holds this
# style and script once (ui.page); the share box, sent again on every click, is plain HTML.
SHARE_SCRIPT = """<style>
.atlas-share-label{font-size:.85rem;opacity:.7;margin:.4rem 0 .2rem}
.atlas-share-row{display:flex;gap:.5rem;align-items:flex-start}
.atlas-copy-text{flex:1;font-family:monospace;font-size:.8rem;background:rgba(128,128,128,.12);padding:.4rem .5rem;
border-radius:.4rem;word-break:break-all;user-select:all}
.atlas-copy{font-size:.8rem;padding:.3rem .6rem;border-radius:.4rem;border:1px solid rgba(128,128,128,.5);
background:transparent;color:inherit;cursor:pointer}
</style><script>
if (!window.atlasCopyInstalled) {
  window.atlasCopyInstalled = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".atlas-copy");
    if (!button) return;
    var text = button.parentElement.querySelector(".atlas-copy-text").textContent;
    var copied = function () { button.textContent = button.getAttribute("data-copied"); };
    var byHand = function () {
      var range = document.createRange();
      range.selectNodeContents(button.parentElement.querySelector(".atlas-copy-text"));
      var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
      if (document.execCommand("copy")) copied();
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(copied, byHand); else byHand();
  });
}
</script>"""


def share_box_html(link: str, citation_text: str, lang: str) -> str:
    """The link to the view and its citation, each as text to read with a button that copies it (by SHARE_SCRIPT,
    which the page holds)."""
    copy, copied = html_text(message("share.copy", lang)), html_text(message("share.copied", lang))
    rows = [
        f'<div class="atlas-share-label">{html_text(message(label, lang))}</div>'
        f'<div class="atlas-share-row"><div class="atlas-copy-text {kind}">{html_text(text)}</div>'
        f'<button type="button" class="atlas-copy" data-copied="{copied}">{copy}</button></div>'
        for label, kind, text in (
            ("share.link", "atlas-share-link", link),
            ("share.cite", "atlas-share-citation", citation_text),
        )
    ]
    return '<div class="atlas-share">' + "".join(rows) + "</div>"
