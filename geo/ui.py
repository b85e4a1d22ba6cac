"""The only module that imports streamlit: widgets, caching, st_folium, the side panel."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import hmac
import json
import threading
import time
from dataclasses import replace
from pathlib import Path
from secrets import token_bytes
from urllib.parse import urlencode, urlsplit, urlunsplit

import altair as alt
import pandas as pd
import streamlit as st
import streamlit_folium
from streamlit_folium import st_folium

import geo
from geo import assets, dates, export, extract, importer, mapping, panel, query, store
from geo.load import DEFAULT_DATA_DIR, FILES, load_atlas
from geo.messages import message
from geo.model import LANGUAGES, Atlas, Event, Place, Tie
from geo.view import WAR_START, View, date_span, parse_view, view_query

MAP_KEY = "map"
MAP_HEIGHT = 620
PAGE_SIZE = 20
# An approval on one app server shows on the others (one shared database) within about this many seconds: each
# page asks the store's version this often (one row read by its key, once per server per COMMUNITY_POLL_S
# whatever the number of pages) and reruns when it moved.
COMMUNITY_POLL_S = 2
# The same sign-in attempt again within this many seconds is one click reaching the server twice (see _sign_in).
SIGN_IN_REPEAT_S = 2 * COMMUNITY_POLL_S
# The table view sends at most this many rows to the browser (100k rows are megabytes); the CSV has them all.
TABLE_ROWS = 1000
# Above this many events the timeline counts by month instead of by day.
TIMELINE_POINTS = 1000
# Tableau 20: a distinct colour for each of twenty agreements (the list repeats past that).
TIMELINE_PALETTE = [
    "#1f77b4",
    "#aec7e8",
    "#ff7f0e",
    "#ffbb78",
    "#2ca02c",
    "#98df8a",
    "#d62728",
    "#ff9896",
    "#9467bd",
    "#c5b0d5",
    "#8c564b",
    "#c49c94",
    "#e377c2",
    "#f7b6d2",
    "#7f7f7f",
    "#c7c7c7",
    "#bcbd22",
    "#dbdb8d",
    "#17becf",
    "#9edae5",
]
LANGUAGE_NAMES = {"en": "English", "az": "Azərbaycanca", "hy": "Հայերեն", "ru": "Русский"}


def _fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in FILES.values():
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()


# Keyed on the data files' content: loaded once per process, reloaded only when a file really changes.
@st.cache_resource(show_spinner=False)
def _atlas(fingerprint: str, data_dir: Path) -> Atlas:
    return load_atlas(data_dir)


@st.cache_resource(show_spinner=False)
def _geometries(fingerprint: str, data_dir: Path) -> dict[str, dict]:
    return mapping.display_geometries(_atlas(fingerprint, data_dir).places.values())


@st.cache_resource(show_spinner=False)
def _base_map(fingerprint: str, online_tiles: bool, data_dir: Path):
    places = _atlas(fingerprint, data_dir).places.values()
    return mapping.base_map(data_dir, places, _geometries(fingerprint, data_dir), online_tiles)


@st.cache_resource(show_spinner=False)
def _shared_store(fingerprint: str, data_dir: Path) -> store.Store:
    """The shared event store (SQLite under var/ unless $ATLAS_DATABASE_URL names another), made or upgraded once."""
    shared = store.Store(_atlas(fingerprint, data_dir))
    shared.init()
    return shared


@st.cache_data(ttl=COMMUNITY_POLL_S, show_spinner=False)
def _store_version(fingerprint: str, data_dir: Path) -> int:
    return _shared_store(fingerprint, data_dir).version()


# Read once per version of the store: every page of this server shares them, and a change reads them anew.
@st.cache_resource(max_entries=2, show_spinner=False)
def _community(fingerprint: str, data_dir: Path, version: int) -> tuple[Event, ...]:
    return tuple(_shared_store(fingerprint, data_dir).approved_events())


@st.fragment(run_every=COMMUNITY_POLL_S)
def _community_watch(fingerprint: str, data_dir: Path) -> None:
    """Reruns the page when the store changed since it was drawn (an editor on any app server approved, edited or
    rejected something): the community layer follows without a reload. Draws nothing."""
    if _store_version(fingerprint, data_dir) != st.session_state.get("store_version"):
        st.rerun()


def _secrets() -> dict:
    """Streamlit's secrets as a dict; empty when no secrets file is set up."""
    try:
        return st.secrets.to_dict()
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return {}


# Keys the session's record of its last sign-in attempt, so that no password is kept, even as a plain hash.
_ATTEMPT_KEY = token_bytes(32)


def _sign_in(shared: store.Store, editors: dict[str, str]) -> None:
    name, password = st.session_state.get("editor-name", ""), st.session_state.get("editor-password", "")
    st.session_state["editor-password"] = ""  # never kept past the attempt
    # A click can reach the server twice (the store watch's run carries it before its own run: README, Shared
    # store); counted twice, one wrong password would bring the wait for the next attempt nearer.
    attempt = hmac.new(_ATTEMPT_KEY, f"{name}\0{password}".encode(), "sha256").digest()
    last = st.session_state.get("last_sign_in")
    if last and hmac.compare_digest(last[0], attempt) and time.monotonic() - last[1] < SIGN_IN_REPEAT_S:
        return  # the first delivery's answer stands
    st.session_state.last_sign_in = (attempt, time.monotonic())
    result = store.sign_in(shared, editors, name, password, st.context.ip_address or "unknown")
    st.session_state.editor = result.name if result.ok else None
    st.session_state.sign_in_message = "" if result.ok else result.message


def _editor_box(shared: store.Store) -> None:
    """Who may propose and review: editors sign in with the accounts in Streamlit's secrets (README › Shared store)."""
    box = st.sidebar.expander("Editors: propose and review", key="editor-box")
    box.caption(f"Shared store: {shared.where}")
    secrets, user = _secrets(), st.user.to_dict()
    if user.get("is_logged_in"):
        # Signed in through a provider: an editor exactly while secrets list their email, checked on every run.
        st.session_state.editor = store.oidc_editor(user, secrets)
        if not st.session_state.editor:
            box.caption(f"Signed in as {panel.markdown_text(str(user.get('email')))}: not an editor here.")
        else:
            box.markdown(f"Signed in as **{panel.markdown_text(st.session_state.editor)}**")
        if box.button("Sign out", key="sign-out"):
            st.logout()
        return
    editor = st.session_state.get("editor")
    if editor:
        box.markdown(f"Signed in as **{panel.markdown_text(editor)}**")
        box.button("Sign out", key="sign-out", on_click=lambda: st.session_state.update(editor=None, last_sign_in=None))
        return
    providers, editors = store.oidc_providers(secrets), store.editors_from(secrets)
    for provider, name in providers.items():
        if box.button(f"Sign in with {name}", key=f"sign-in-with-{provider or 'provider'}"):
            st.login(provider)
    if not editors:
        if not providers:
            box.caption("No editor accounts are set up here; anyone can still view the approved events.")
        return
    box.text_input("Editor name", key="editor-name")
    box.text_input("Password", type="password", key="editor-password")
    box.button("Sign in", key="sign-in", on_click=_sign_in, args=(shared, editors))
    if st.session_state.get("sign_in_message"):
        box.error(st.session_state.sign_in_message)


def _repeated(shared: store.Store, action: tuple) -> bool:
    """Whether `action` is the one this session did last, with the store still as that left it: done again, it would
    change nothing and only replace what its first time said with an error or a "0 new". One click can reach the
    server twice (the store watch's run carries it before its own run: README, Shared store), as a double click does."""
    return st.session_state.get("last_store_action") == (action, shared.version())


def _did(shared: store.Store, action: tuple) -> None:
    st.session_state.last_store_action = (action, shared.version())


def _propose(shared: store.Store, name: str, data: bytes) -> None:
    action = ("propose", name, hashlib.sha256(data).hexdigest())
    if _repeated(shared, action):
        return
    proposal = shared.propose(name, data, st.session_state.editor)
    _did(shared, action)
    st.session_state.proposed_message = (
        f"{len(proposal.ids)} event(s) in the shared store as proposed ({proposal.added} new, {proposal.updated}"
        f" updated, {proposal.unchanged} unchanged); they show on the map once an editor approves them."
    )
    # This page's own change: read the new version now, or the watch below reruns the whole page for it within
    # seconds, and a click made meanwhile (say, on "Approve") is lost.
    _store_version.clear()


def _review(shared: store.Store, fingerprint: str, data_dir: Path) -> None:
    """Proposed community events for a signed-in editor: approve or reject (with a reason), each a new revision."""
    if not st.session_state.get("editor"):
        return
    proposed = shared.entries("proposed")
    with st.expander(f"Review proposed events ({len(proposed)})", key="review"):
        if st.session_state.get("review_message"):
            st.info(panel.markdown_text(st.session_state.review_message))  # may quote an edit: user text
        if not proposed:
            st.caption("Nothing waits for review.")
            return
        _table(
            proposed,
            lambda e: {
                "store id": str(e.id),
                "date": e.event.date.isoformat(),
                "title": e.event.title,
                "places": "; ".join(e.event.places),
                "proposed by": e.proposed_by,
                "proposed at": e.proposed_at.isoformat(timespec="minutes"),
            },
            "proposed events",
        )
        chosen = st.multiselect("Store ids (none chosen: all of them)", [e.id for e in proposed], key="review-ids")
        targets = chosen or [e.id for e in proposed]
        reason = st.text_input("Reason (needed to reject)", key="review-reason")
        approve, reject = st.columns(2)
        # What the reviewer saw: a proposal changed since (another editor's edit) refuses the whole batch.
        seen = {e.id: e.revision for e in proposed}
        which = f"{len(chosen)} chosen" if chosen else f"all {len(proposed)}"

        def decide(action: str) -> None:
            # The store's version stands for the revisions seen: any change to a proposal moves it.
            decision = ("review", action, tuple(targets), reason)
            if _repeated(shared, decision):
                return
            try:
                if action == "approve":
                    shared.approve(targets, st.session_state.editor, seen)
                else:
                    shared.reject(targets, st.session_state.editor, reason, seen)
                st.session_state.review_message = f"{len(targets)} event(s) {action}d."
            except store.StoreError as e:
                st.session_state.review_message = str(e)
            _did(shared, decision)
            _store_version.clear()

        approve.button(f"Approve {which}", key="approve", on_click=decide, args=("approve",))
        reject.button(f"Reject {which}", key="reject", on_click=decide, args=("reject",), disabled=not reason)


def _load_for_edit(shared: store.Store) -> None:
    """Remember the event and revision the editor starts from: a save names it, so that a change saved since by
    someone else is refused, not overwritten."""
    st.session_state.edit_message = None
    chosen = st.session_state.get("edit-id")
    try:
        entry = shared.entry(int(chosen)) if chosen else None
    except store.NotFound as e:
        st.session_state.edit_base, st.session_state.edit_message = None, ("error", str(e))
        return
    if entry is None:
        st.session_state.edit_base = None
    else:
        _start_edit(entry.id, entry.revision, shared.record(entry.id))


def _start_edit(event_id: int, revision: int, record: dict) -> None:
    """The form shows `record` at `revision`. Its boxes keep their keys (new keys per revision left the old boxes on
    the page, faded, until the run ended); what they hold is set here, in a callback, before they are drawn."""
    st.session_state.edit_base = (event_id, revision, record)
    for name, text in store.form.as_text(record).items():
        st.session_state[f"edit-{name}"] = text


def _save_edit(shared: store.Store) -> None:
    event_id, revision, record = st.session_state.edit_base
    boxes = {k: st.session_state[f"edit-{k}"] for k in store.form.FIELDS}
    changes = store.form.changes(record, boxes, set(shared.atlas.sources))
    try:
        saved = shared.edit(event_id, changes, st.session_state.editor, revision)
    except store.StaleEdit as e:
        st.session_state.edit_message = ("error", f"Not saved. {e}")
        return
    except store.StoreError as e:
        st.session_state.edit_message = ("error", f"Not saved: {e}")
        return
    _start_edit(saved.id, saved.revision, shared.record(saved.id))
    st.session_state.edit_message = ("success", f"Saved: event {saved.id} is at revision {saved.revision}.")
    _store_version.clear()


def _edit_box(shared: store.Store) -> None:
    """A signed-in editor changes a community event's fields (any status); every save is a new revision."""
    if not st.session_state.get("editor"):
        return
    with st.expander("Edit a community event", key="edit-event"):
        st.number_input(
            "Store id", min_value=1, step=1, value=None, key="edit-id", on_change=_load_for_edit, args=(shared,)
        )
        kind, message = st.session_state.get("edit_message") or (None, "")
        # Always one slot, so that the form below keeps its place whether a message shows or not (a form that
        # moved was drawn anew below the old one, both on the page until the run ended).
        slot = st.empty()
        if kind:
            getattr(slot, kind)(panel.markdown_text(message))  # quotes other editors' text: shown as text
        base = st.session_state.get("edit_base")
        if not base:
            return
        event_id, revision, _ = base
        st.caption(f"Event {event_id}, revision {revision}, as you loaded it.")
        labels = {
            "title": "Title",
            "summary": "Summary",
            "date": "Date (YYYY-MM-DD)",
            "date_precision": "Date precision",
            "places": "Places (ids or names, separated by ;)",
            "agreements": "Agreements (id:articles, separated by ;)",
            "source": "Source: an atlas source id, or the publisher",
            "source_title": "Source title",
            "source_url": "Source address (http…)",
        }
        with st.form(key="edit-form"):
            for name in store.form.FIELDS:
                key = f"edit-{name}"  # filled by _start_edit
                if name == "summary":
                    st.text_area(labels[name], key=key)
                elif name == "date_precision":
                    st.selectbox(labels[name], store.form.PRECISIONS, key=key)
                else:
                    st.text_input(labels[name], key=key)
            st.form_submit_button("Save as a new revision", on_click=_save_edit, args=(shared,))
        st.button("Load the latest revision", key="edit-reload", on_click=_load_for_edit, args=(shared,))


COMMITMENT_COLORS = {
    "not_initiated": "#bdbdbd",
    "minimal": "#fdd49e",
    "intermediate": "#fc8d59",
    "full": "#1a9850",
    "superseded": "#8c96c6",
    "disputed": "#b2182b",
}


def _commitments(atlas: Atlas, view: View) -> None:
    """What each agreement shown promised and whether it was done, on the map's date: the share fully done, a table,
    a timeline of each commitment (made, deadline, done), and what changed between the two dates of the filter."""
    asof = view.asof or dt.date.today()
    commitments = [
        c for c in atlas.commitments.values() if c.agreement in view.agreements and query.commitment_change_on(c, asof)
    ]
    with st.expander(f"Commitments: what the agreements shown promised, on {dates.day_label(asof)}", key="commitments"):
        if not commitments:
            st.caption("No commitment of the agreements shown had been made by this date.")
        else:
            shares = [
                {"agreement": atlas.agreements[a].label, "fully done": share}
                for a in dict.fromkeys(c.agreement for c in commitments)
                if (share := query.implementation_share(atlas, a, asof)) is not None
            ]
            st.markdown(
                "Status on the Peace Accords Matrix scale (not initiated, minimal, intermediate, full), or superseded"
                " by later events, or disputed between the parties (both accounts kept). Superseded commitments are"
                " left out of the share."
            )
            st.dataframe(
                pd.DataFrame(shares),
                hide_index=True,
                column_config={
                    "fully done": st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1)
                },
            )
            _table(commitments, lambda c: export.commitment_row(c, asof) or {}, "commitments")
            _chart(_commitment_timeline(commitments, atlas, asof))
            st.download_button(
                "Commitments CSV",
                export.commitments_csv(atlas, asof, commitments),
                f"karabakh-atlas-commitments-{asof.isoformat()}.csv",
                "text/csv",
                on_click="ignore",
            )
            labels = {c.id: f"{atlas.agreements[c.agreement].label} · art. {c.article}: {c.text}" for c in commitments}
            shown = st.selectbox(
                "Show a commitment's places on the map",
                [None, *labels],
                format_func=lambda c: "—" if c is None else labels[c],
                key="commitment-places",
            )
            if shown and atlas.commitments[shown].places:
                st.button(
                    "Select its first place",
                    key="select-commitment-place",
                    on_click=lambda: st.session_state.update(place=atlas.commitments[shown].places[0]),
                )
        changes = query.changes_between(atlas, view.start, view.end)
        st.markdown(f"**What changed from {dates.day_label(view.start)} to {dates.day_label(view.end)}**")
        rows = [
            {
                "date": c.date.isoformat(),
                "what": c.kind,
                "place or commitment": c.subject,
                "before": c.before or "",
                "after": c.after,
                "event": c.event or "",
                "source": c.source,
                "note": c.note or "",
            }
            for c in changes
        ]
        _table(rows, lambda row: row, "changes")
        st.download_button(
            "Changes CSV",
            pd.DataFrame([{k: export.defuse_cell(v) for k, v in r.items()} for r in rows]).to_csv(index=False),
            f"karabakh-atlas-changes-{view.start.isoformat()}-{view.end.isoformat()}.csv",
            "text/csv",
            on_click="ignore",
        )


def _commitment_timeline(commitments: list, atlas: Atlas, asof: dt.date) -> alt.Chart:
    """One bar per commitment from the day its agreement made it to the day it was fully done (or the map's
    date), coloured by its status then; a tick marks its deadline."""
    rows = []
    for c in commitments:
        change = query.commitment_change_on(c, asof)
        done = next((h.date for h in c.history if h.status == "full" and h.date <= asof), None)
        rows.append(
            {
                "commitment": f"{atlas.agreements[c.agreement].label} · {c.article}: {c.text[:60]}",
                "made": atlas.agreements[c.agreement].date.isoformat(),
                "until": (done or asof).isoformat(),
                "deadline": c.deadline.isoformat() if c.deadline else None,
                "status": change.status if change else "not_initiated",
            }
        )
    frame = pd.DataFrame(rows)
    scale = alt.Scale(domain=list(COMMITMENT_COLORS), range=list(COMMITMENT_COLORS.values()))
    base = alt.Chart(frame).encode(y=alt.Y("commitment:N", sort=None, title=None, axis=alt.Axis(labelLimit=420)))
    bars = base.mark_bar().encode(
        x=alt.X("made:T", title=None),
        x2="until:T",
        color=alt.Color("status:N", scale=scale, title="Status"),
        tooltip=["commitment", "made:T", "until:T", "deadline:T", "status"],
    )
    deadlines = base.mark_tick(color="black", thickness=2).encode(x="deadline:T")
    return (bars + deadlines).properties(height=max(120, 18 * len(rows)), title="Made → deadline (tick) → done")


def _agreement_key(agreement_id: str) -> str:
    return f"agreement:{agreement_id}"


def _start_session(atlas: Atlas) -> None:
    """On a session's first run, take the view from the URL (a permalink) into the widgets."""
    if "view_ready" in st.session_state:
        return
    view, notices = parse_view(st.query_params.to_dict(), atlas)
    st.session_state.update(
        {
            "view_ready": True,
            "notices": notices,
            "place": view.place,
            "lang": view.lang,
            "dates": (view.start, view.end),
            "last_click": None,
            "imported": [],
            "selection": {"place": view.place, "asof": view.asof or dt.date.today()},
            "map_date": view.asof or dt.date.today(),
            "date_drawn": view.asof or dt.date.today(),
            "date_box_numbers": {},
            "show-curated": True,
            "online_tiles": False,
            "show-community": True,
            "linked_event": view.event,
            "agreement": view.agreement,
            **{_agreement_key(a): a in view.agreements for a in atlas.agreements},
        }
    )


def _map_click(atlas: Atlas) -> tuple[tuple, str] | None:
    """The map's last click, as (what makes it a click of its own, the place clicked), from st_folium's value. The
    value comes from the browser, which anyone can forge: an id that is no place of the atlas is no click."""
    value = st.session_state.get(MAP_KEY)
    if not isinstance(value, dict):
        return None
    drawing = value.get("last_active_drawing")
    properties = drawing.get("properties") if isinstance(drawing, dict) else None
    clicked = properties.get("id") if isinstance(properties, dict) else None
    if not isinstance(clicked, str) or clicked not in atlas.places:
        return None
    # st_folium counts clicks: the count (and where) makes every click new, also a second click on the same
    # place; the position is there because the count restarts whenever the map is re-created.
    return (value.get("last_object_clicked_count"), str(value.get("last_object_clicked")), clicked), clicked


def _take_map_click(atlas: Atlas) -> bool:
    """Select the place clicked on the map, once per click (st_folium repeats its last value every rerun); True
    when this run comes from a new click."""
    found = _map_click(atlas)
    if found is None or found[0] == st.session_state.last_click:
        return False
    st.session_state.last_click, st.session_state.place = found
    return True


def _search(atlas: Atlas) -> None:
    text = st.session_state.search
    found = query.search_places(atlas.places.values(), text) if text else []
    st.session_state.search_miss = bool(text) and not found
    if found:
        st.session_state.place = found[0].id
        # A click the server has not taken yet came before the search (the reader clicked, then typed): one run can
        # bring both when the click's own run was cut short by the search's, and the later choice is the search.
        if (click := _map_click(atlas)) is not None:
            st.session_state.last_click = click[0]


def _current_view(atlas: Atlas) -> View:
    start, end = st.session_state.dates
    shown = tuple(a for a in atlas.agreements if st.session_state[_agreement_key(a)])
    return View(
        st.session_state.place,
        shown,
        start,
        end,
        st.session_state.lang,
        st.session_state.map_date,
        st.session_state.linked_event,
        st.session_state.get("agreement"),
    )


def _sidebar(atlas: Atlas) -> None:
    sidebar = st.sidebar
    lang = st.session_state.lang
    sidebar.text_input(
        message("search", lang), key="search", on_change=_search, args=(atlas,), placeholder="Shushi, Şuşa, Шуша…"
    )
    if st.session_state.get("search_miss"):
        sidebar.warning(f"No place is called “{panel.markdown_text(st.session_state.search)}”.")
    sidebar.selectbox(message("language", lang), list(LANGUAGES), format_func=LANGUAGE_NAMES.__getitem__, key="lang")
    sidebar.subheader(message("agreements", lang))
    _all_or_none(sidebar, "all", tuple(atlas.agreements))
    by_year: dict[int, list[str]] = {}
    for agreement in sorted(atlas.agreements.values(), key=lambda a: a.date):
        by_year.setdefault(agreement.date.year, []).append(agreement.id)
    for agreement_id in atlas.agreements:
        # Kept while its toggle is not drawn (its group closed): Streamlit drops a widget's value after a run
        # that did not draw the widget, unless the run sets it.
        st.session_state[_agreement_key(agreement_id)] = st.session_state[_agreement_key(agreement_id)]
    for year, ids in by_year.items():
        shown = sum(bool(st.session_state[_agreement_key(a)]) for a in ids)
        # Twenty toggles in one list are hard to use: a year each, saying how many of its agreements are shown. A
        # group's widgets are on the page only while it is open: the browser redraws every widget of the page
        # several times on each click on the map (README, "Where a click's time still goes").
        # Its label changes with its toggles, which makes it a new expander: the groups open are kept here.
        opened = st.session_state.setdefault("open_groups", set())
        group = sidebar.expander(
            f"{year} · {shown} of {len(ids)} shown",
            expanded=year in opened,
            key=f"agreements-{year}",
            on_change=_group_toggled,
            args=(year,),
        )
        if not group.open:
            continue
        with group:
            _all_or_none(st, str(year), tuple(ids))
            for agreement_id in ids:
                agreement = atlas.agreements[agreement_id]
                st.checkbox(agreement.label, key=_agreement_key(agreement_id), help=agreement.title)
                # Under its toggle, a quiet link-like button: the page opens above the map, in this session.
                st.button(
                    message("agreement.page", st.session_state.lang),
                    key=f"agreement-page:{agreement_id}",
                    help=message("agreement.open", st.session_state.lang),
                    type="tertiary",
                    on_click=lambda a=agreement_id: st.session_state.update(agreement=a),
                )
    sidebar.subheader(message("events", lang))
    curated, community = sidebar.columns(2)
    curated.checkbox(
        message("curated", lang), key="show-curated", help="The atlas's own reviewed record (data/events.json)"
    )
    community.checkbox(message("community", lang), key="show-community", help="Approved events from the shared store")
    first, last = date_span(atlas)
    sidebar.slider(message("dates", lang), min_value=first, max_value=last, key="dates", format="D MMM YYYY")
    sidebar.toggle(message("online_map", lang), key="online_tiles")


def _group_toggled(year: int) -> None:
    opened = st.session_state.open_groups
    (opened.add if st.session_state[f"agreements-{year}"] else opened.discard)(year)


def _show_agreements(ids: tuple[str, ...], shown: bool) -> None:
    st.session_state.update({_agreement_key(a): shown for a in ids})


def _all_or_none(container, group: str, ids: tuple[str, ...]) -> None:
    """Two buttons that show or hide every agreement of `ids` at once."""
    show, hide = container.columns(2)
    lang = st.session_state.lang
    show.button(message("all", lang), key=f"show-{group}", on_click=_show_agreements, args=(ids, True), width="stretch")
    hide.button(
        message("none", lang), key=f"hide-{group}", on_click=_show_agreements, args=(ids, False), width="stretch"
    )


def _agreement_href(view: View, atlas: Atlas):
    """The address of an agreement's page in this view: agreement id -> a permalink (the panel's links)."""
    return lambda agreement: "?" + urlencode(view_query(replace(view, agreement=agreement), atlas))


def _agreement_page(atlas: Atlas, view: View) -> None:
    """The open agreement's page, above the map, with a button that closes it."""
    if not view.agreement:
        return
    with st.container(key="agreement-page", border=True):
        st.markdown(panel.agreement_markdown(atlas.agreements[view.agreement], atlas, view.lang))
        st.button(
            message("agreement.close", view.lang),
            key="close-agreement",
            on_click=lambda: st.session_state.update(agreement=None),
        )


def _panel(atlas: Atlas, view: View, places: list[Place], events: list[Event]) -> None:
    """Every place on the map has its panel on the page, hidden but the selected one: a click on the map shows the
    place's panel at once, with no wait for the run it starts (the map names the place: panel.panel_css). A place's
    panel is written as it reads once that place is selected (its links keep it selected), so a click changes none of
    them; the run then writes what the selection alone has: the Clear button and the pages to turn."""
    # A few elements holding much text: each element costs the browser a redraw on every run (one markdown for
    # the place and one for its events took a click from 2.1x to 1.7x the floor).
    place_ids = [p.id for p in places]
    if view.place and view.place not in place_ids:
        place_ids.append(view.place)  # found by a search or a link while its agreement is off the map
    here: dict[str, list[Event]] = {place_id: [] for place_id in place_ids}
    for event in events:
        for place_id in event.places:
            if place_id in here:
                here[place_id].append(event)
    if st.session_state.get("paged_place", view.place) != view.place:
        st.session_state.pop("page", None)  # a new selection opens at its first page, as its waiting panel shows it
    st.session_state.paged_place = view.place
    st.html(panel.panel_css(place_ids, view.place))
    with st.container(key=panel.PLACE_PANELS_KEY):
        if not view.place:
            with st.container(key=panel.ALL_EVENTS_KEY):
                hint = message("click_hint", view.lang)
                _events(atlas, view, events, f"**{message('events_shown', view.lang)} ({len(events)})** — {hint}")
        for place_id in place_ids:
            selected = replace(view, place=place_id)
            with st.container(key=panel.place_panel_key(place_id)):
                st.markdown(
                    panel.place_markdown(
                        atlas.places[place_id], atlas, view.lang, view.asof, _agreement_href(selected, atlas)
                    )
                )
                if place_id == view.place:
                    st.button(message("clear", view.lang), on_click=lambda: st.session_state.update(place=None))
                heading = f"**{message('events_here', view.lang)} ({len(here[place_id])})**"
                _events(atlas, selected, here[place_id], heading, paged=place_id == view.place)


def _events(atlas: Atlas, view: View, events: list[Event], heading: str, paged: bool = True) -> None:
    """The events of a panel, newest first (a linked event, event= in the link, first), a page of them: with pages
    to turn in the selection's panel, the first page in the others."""
    newest_first = sorted(events, key=lambda e: (e.id == view.event, e.date, e.id), reverse=True)
    pages = max(1, -(-len(newest_first) // PAGE_SIZE))
    page = st.number_input("Page", 1, pages, 1, key="page") if paged and pages > 1 else 1
    shown = newest_first[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    st.markdown(
        "\n\n".join(
            [
                heading,
                "\n\n---\n\n".join(
                    panel.event_markdown(
                        e, atlas, view.lang, st.session_state.origins.get(e.id), _agreement_href(view, atlas)
                    )
                    for e in shown
                ),
            ]
        )
    )


def _timeline(events: list[Event], atlas: Atlas, shown: tuple[str, ...]) -> None:
    if not events:
        st.info("No events in the agreements and dates chosen.")
        return
    untied = "(no agreement)"
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime([e.date for e in events]),
            "agreement": [atlas.agreements[e.ties[0].agreement].label if e.ties else untied for e in events],
            "event": [e.title for e in events],
        }
    )
    if len(events) > TIMELINE_POINTS:
        frame["date"] = frame["date"].dt.to_period("M").dt.to_timestamp()
    # One mark per day (or month) and agreement, sized by its number of events: the chart stays small at any size.
    marks = (
        frame.groupby(["date", "agreement"])
        .agg(events=("event", "size"), titles=("event", lambda t: " / ".join(t[:3]) + (" …" if len(t) > 3 else "")))
        .reset_index()
    )
    # One colour per agreement whatever is shown (a colour never moves to another agreement), a row per agreement
    # shown only.
    labels = [a.label for a in atlas.agreements.values()] + [untied]
    palette = TIMELINE_PALETTE * (len(labels) // len(TIMELINE_PALETTE) + 1)
    rows = [atlas.agreements[a].label for a in shown if a in atlas.agreements]
    rows += [untied] if untied in set(marks["agreement"]) else []
    chart = (
        alt.Chart(marks, title="Events by date and agreement (circle size: number of events)")
        .mark_circle()
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("agreement:N", title=None, sort=rows, scale=alt.Scale(domain=rows), axis=alt.Axis(labelLimit=260)),
            size=alt.Size("events:Q", title="Events", scale=alt.Scale(range=[80, 600])),
            color=alt.Color("agreement:N", legend=None, scale=alt.Scale(domain=labels, range=palette[: len(labels)])),
            tooltip=[alt.Tooltip("date:T", format="%d %b %Y"), "agreement:N", "events:Q", "titles:N"],
        )
        .properties(height=max(170, 22 * len(rows)))
    )
    _chart(chart)


def _chart(chart: alt.Chart | alt.LayerChart) -> None:
    """An Altair chart, full width, in a box as tall as the chart from the start. A chart's code loads after the run
    that sends it, and its box, ~40 px until then, would grow by hundreds of pixels under the reader's pointer: in a
    CI run a click on the "Bring your own events" title below the timeline landed on what had taken its place."""
    st.altair_chart(chart, width="stretch", height=chart.height)


def _tables(atlas: Atlas, places: list[Place], events: list[Event], lang: str) -> None:
    with st.expander("Table view: the places and events on the map"):
        st.dataframe(
            pd.DataFrame(
                [{"id": p.id, "name": p.display_name(lang), "kind": p.kind, "precision": p.precision} for p in places]
            ),
            hide_index=True,
            width="stretch",
        )
        _table(events, export.event_row, "events; the CSV export has them all")


def _table(items: list, to_row, what: str) -> None:
    """A table of at most TABLE_ROWS rows, saying when there are more. Its cells are defused like the Events CSV's:
    the table's own "Download as CSV" writes what it shows, and a spreadsheet would run a cell like `=HYPERLINK(…)`."""
    if len(items) > TABLE_ROWS:
        st.caption(f"The first {TABLE_ROWS:,} of {len(items):,} {what}.")
    rows = [{key: export.defuse_cell(value) for key, value in to_row(item).items()} for item in items[:TABLE_ROWS]]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _map_layers(view: dict, events: list[Event], atlas: Atlas) -> list:
    return mapping.view_layers(**view, events=events, places=atlas.places)


def _places_view(places: list[Place], selected: str | None, lang: str, asof: dt.date) -> dict:
    """A view of the places on the base map, as `mapping.view_layer` takes it."""
    return {"shown": [p.id for p in places], "selected": selected, "lang": lang, "asof": asof.isoformat()}


def _map_view(base: tuple, places: list[Place], view: View, from_click: bool) -> tuple[dict, dict | None]:
    """The view the map is given this run through st_folium's arguments, and a view to push to it through the page
    (a date change), or None.

    The map draws a click's selection itself, at once. When it already shows what this run wants (always so after a
    click), it is given exactly what it was given before: its arguments are then unchanged, and Streamlit sends the
    browser a reference to the copy it has instead of the whole map again. A change of the date alone keeps the
    arguments too, and pushes the new view (a few hundred bytes). Every new view carries a new number, so that the
    map redraws even when it is equal to one it was given before it drew a click, and takes the newest.

    A session's first view is numbered 0, so that sessions opening on the same view are handed the same map (see
    _made_elsewhere), and is pushed too, with a new number: the page may hold a newer view pushed by a session
    before (a reconnection), which the map would otherwise take."""
    wanted = _places_view(places, view.place, view.lang, view.asof or dt.date.today())
    given, shows = st.session_state.get("map_view", (None, None))
    if from_click and shows is not None and shows[0] == base:
        shows = (base, {**shows[1], "selected": view.place})
    pushed = None
    if given is None:
        given, pushed = {**wanted, "number": 0}, {**wanted, "number": _next_view_number()}
    elif shows[0] != base or {**shows[1], "asof": None} != {**wanted, "asof": None}:
        given = {**wanted, "number": _next_view_number()}
    elif shows[1] != wanted:
        pushed = {**wanted, "number": _next_view_number()}
    st.session_state.map_view = (given, (base, wanted))
    return given, pushed


def _next_view_number() -> int:
    """Larger than every number given before, in this session and in any earlier one the page held (the clock's
    microseconds): a map re-created in the page takes the newest of the views it was given and pushed."""
    number = max(st.session_state.get("map_view_number", 0) + 1, time.time_ns() // 1000)
    st.session_state.map_view_number = number
    return number


def _exports(
    fingerprint: str,
    data_dir: Path,
    atlas: Atlas,
    view: View,
    places: list[Place],
    events: list[Event],
    shown_origins: set[str],
) -> None:
    st.markdown(f"**{message('export.heading', view.lang)}**")
    origins = st.session_state.origins
    cols = st.columns(3)
    # A click on the map reruns only the map and the panel, not this: every file is made when asked for, with the
    # place selected then, which the panel keeps in `selection` (the maker runs on a thread of its own, without
    # st.session_state; the dict is the same object in every run of the session).
    selection = st.session_state.selection

    def shown() -> tuple[list[Event], dict]:
        """The events the panel lists now (the selected place's, or all shown) and the filters they follow."""
        place = selection["place"]
        chosen = [e for e in events if place in e.places] if place else events
        return chosen, export.view_filters(replace(view, place=place), atlas, shown_origins | {"session"})

    def csv_file() -> str:
        chosen, filters = shown()
        return export.events_csv(chosen, origins, filters, atlas.places, view.lang)

    def geojson_file() -> str:
        chosen, filters = shown()
        return export.events_geojson(chosen, atlas.places, filters, view.lang)

    # A download changes nothing on the page: without "ignore" each one reruns the whole page, and a second
    # download clicked during that rerun was lost (its button was being replaced).
    cols[0].download_button(
        message("export.csv", view.lang),
        csv_file,
        "karabakh-atlas-events.csv",
        "text/csv",
        on_click="ignore",
    )
    cols[1].download_button(
        message("export.geojson", view.lang),
        geojson_file,
        "karabakh-atlas-events.geojson",
        "application/geo+json",
        on_click="ignore",
    )
    cols[2].download_button(
        message("export.html", view.lang),
        lambda: mapping.standalone_html(
            data_dir,
            places,
            _geometries(fingerprint, data_dir),
            _map_layers(_places_view(places, selection["place"], view.lang, selection["asof"]), events, atlas),
            _export_title(atlas, replace(view, place=selection["place"], asof=selection["asof"])),
        ),
        "karabakh-atlas-map.html",
        "text/html",
        on_click="ignore",
    )


def _export_title(atlas: Atlas, view: View) -> str:
    """What an exported map shows, in words: the place selected, the map's date, the agreements shown."""
    what = atlas.places[view.place].display_name(view.lang) if view.place else message("export.all_places", view.lang)
    shown = f"{len(view.agreements)}/{len(atlas.agreements)}"
    asof = dates.day_label(view.asof or dt.date.today())
    return f"Karabakh Atlas · {what} · {asof} · {message('export.agreements_shown', view.lang)}: {shown}"


def _preview(result: importer.ImportResult) -> None:
    """What an import would add, and every problem, shown as text before anything is merged."""
    st.markdown(f"**{len(result.events)} of {result.rows} row(s) can be added.**")
    if result.events:
        _table(result.events, export.event_row, "rows that can be added")
    if result.problems:
        st.markdown(f"**{len(result.problems)} problem(s)** — these rows will not be added:")
        _table(result.problems, lambda p: {"row": p.record, "field": p.field, "problem": p.message}, "problems")


def _add_events(events: list[Event], atlas: Atlas) -> None:
    known = {e.id for e in st.session_state.imported}
    st.session_state.imported = [*st.session_state.imported, *(e for e in events if e.id not in known)]
    # A user looking at all dates keeps seeing all dates, also those the new events add.
    if tuple(st.session_state.dates) == date_span(atlas):
        st.session_state.dates = date_span(importer.merged(atlas, events))


def _checked(name: str, data: bytes, atlas: Atlas, key: str) -> importer.ImportResult:
    """The import of `data`, made once per file content and kept for its widget in this session only: every rerun
    (each click on the page) would otherwise check the whole file again."""
    # What the result depends on: the file, and the events already on the map (an id may clash with them).
    checked_against = (name, hashlib.sha256(data).hexdigest(), hash(tuple(e.id for e in atlas.events)))
    cached = st.session_state.get(f"checked:{key}")
    if cached is not None and cached[0] == checked_against:
        return cached[1]
    result = importer.import_events(name, data, atlas)
    st.session_state[f"checked:{key}"] = (checked_against, result)
    return result


def _check_and_offer(name: str, data: bytes, atlas: Atlas, key: str, what: str) -> None:
    """Preview what `data` would add, with its problems, and a button that adds the good rows to this session."""
    result = _checked(name, data, atlas, key)
    _preview(result)
    if result.events:
        label = f"Add {len(result.events)} {what} to the map"
        st.button(label, key=key, on_click=_add_events, args=(result.events, atlas))
        if st.session_state.get("editor"):
            label = f"Propose {len(result.events)} {what} to the shared store"
            st.button(label, key=f"propose-{key}", on_click=_propose, args=(st.session_state.shared, name, data))


def _upload(atlas: Atlas) -> None:
    upload = st.file_uploader("Events file (CSV, JSON or GeoJSON)", type=["csv", "json", "geojson"], key="upload")
    if upload is None:
        return
    _check_and_offer(upload.name, upload.getvalue(), atlas, key="add-upload", what="event(s)")


def _candidate_rows(candidates: list[extract.Candidate]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "add": True,
                "date": c.date,
                "date_precision": c.date_precision or "day",
                "title": c.sentence[: importer.TITLE_LENGTH],
                "places": "; ".join(c.places),
                "agreements": export.ties_cell(
                    Tie(a, tuple(n for agreement, n in c.articles if agreement == a)) for a in c.agreements
                ),
                "actors": export.actors_cell(c.actors),
                "sentence": c.sentence,
                # Ties no word of the sentence names, inferred from the atlas's own events: the reviewer's to judge.
                "inferred": "; ".join(f"{r.item}: {r.why}" for r in c.inferred),
            }
            for c in candidates
        ]
    )


def _reviewed_csv(rows: pd.DataFrame, source: str, url: str) -> bytes:
    """The accepted rows as an events CSV in the atlas's own columns, so the importer checks them like any file."""
    accepted = rows[rows["add"]].reset_index(drop=True)
    records = [
        {
            "id": f"article-{row.date}-{int(i) + 1}",  # type: ignore[call-overload]  # a RangeIndex label
            "date": row.date,
            "date_precision": row.date_precision,
            "title": row.title,
            "summary": row.sentence,
            "places": row.places,
            "agreements": row.agreements,
            "actors": row.actors,
            "source": source,
            "source_url": url,
        }
        for i, row in accepted.iterrows()
    ]
    return pd.DataFrame(records).to_csv(index=False).encode("utf-8") if records else b""


def _paste(atlas: Atlas) -> None:
    text = st.text_area("Article text", key="article", height=160)
    published = st.date_input("Published on", value=None, key="published")
    source = st.text_input("Source (publisher and title)", key="article-source", placeholder="AzerNews: Baku, Moscow …")
    url = st.text_input("Source link", key="article-url", placeholder="https://…")
    if st.button("Find candidate events", key="find-candidates") and text:
        try:
            linker = extract.Linker(atlas.events, atlas.agreements.values())
            candidates = extract.extract_candidates(
                text, atlas.places.values(), atlas.agreements.values(), published, linker=linker
            )
        except extract.ExtractError as e:
            st.error(str(e))
            candidates = []
        st.session_state.candidates = _candidate_rows(candidates)
    rows = st.session_state.get("candidates")
    if rows is None:
        return
    if rows.empty:
        st.info("No dated event was found in that text.")
        return
    st.markdown("Review the candidates: untick to drop, edit any cell, then add them.")
    edited = st.data_editor(rows, key="candidate-editor", hide_index=True, disabled=["sentence", "inferred"])
    data = _reviewed_csv(edited, source or "Pasted article", url)
    if data:
        _check_and_offer("reviewed-candidates.csv", data, atlas, key="add-candidates", what="candidate event(s)")


def _bring_your_own(atlas: Atlas) -> None:
    with st.expander("Bring your own events: upload a file or paste an article", expanded=False):
        if st.session_state.get("proposed_message"):
            st.success(st.session_state.proposed_message)
        if st.session_state.imported:
            st.markdown(
                f"{len(st.session_state.imported)} event(s) added in this session (the shipped data is unchanged)."
            )
            st.button("Remove added events", on_click=lambda: st.session_state.update(imported=[]))
        upload_column, paste_column = st.columns(2)
        with upload_column:
            _upload(atlas)
        with paste_column:
            _paste(atlas)


def _share(view: View, atlas: Atlas, fingerprint: str) -> None:
    """The link to this view and a citation of it, each in a box with a copy button."""
    query = urlencode(view_query(view, atlas))
    page_url = urlsplit(st.context.url or "")
    # The address bar's form: "http://host/" with its slash, so a copied link is the very address the reader sees.
    base = urlunsplit((page_url.scheme, page_url.netloc, page_url.path or "/", "", "")) if page_url.netloc else ""
    link = f"{base}?{query}" if query else base
    citation = panel.citation(link, fingerprint[:12], dt.date.today(), geo.__version__)
    with st.expander(message("share", view.lang), key="share"):
        # Plain HTML: its style and copy script are in the page once (panel.SHARE_SCRIPT); sent with them on every
        # click, they cost the browser a script element's redraw each time.
        st.html(panel.share_box_html(link, citation, view.lang))


# The slider and the exact-date box, each in a container of that key (the page's slider follower finds the slider by
# it). A box is a widget of a key with a number of its own (_date_box_key), renewed whenever the box must show a date
# it was not moved to; its value is never set for it (see _take_date_change).
DATE_BOXES = ("asof", "asof_exact")


def _date_box_key(box: str) -> str:
    return f"{box}-{st.session_state.date_box_numbers.get(box, 0)}"


def _take_date_change() -> None:
    """The map's date from the date box the reader moved since the boxes were drawn (both show the map's date).

    The page's store watch (_community_watch, a timer in the browser) sends every widget's value as the browser has
    it, also while a date change's run is on its way: a box this run had to show the new date in would then bring
    back the date it had before, and Streamlit would take that as the reader's change (its callbacks did, and the map
    went back: the next move of the slider was lost). So the new date goes into a new widget, and what the browser
    still says about the one it replaces is the value of a widget no longer drawn, which Streamlit drops."""
    state = st.session_state
    for box in DATE_BOXES:
        value = state.get(_date_box_key(box))
        if value is not None and value != state.date_drawn:
            state.map_date = value
            return


def _date_control() -> None:
    """The map's date: a slider to scrub, a box for an exact day (the map's ▶ control plays the years)."""
    today = dt.date.today()
    state = st.session_state
    for box in DATE_BOXES:
        if state.get(_date_box_key(box), state.map_date) != state.map_date:
            state.date_box_numbers[box] = state.date_box_numbers.get(box, 0) + 1
    state.date_drawn = state.map_date
    scrub, exact = st.columns([4, 1])
    lang = st.session_state.lang
    scrub.container(key="asof").slider(
        message("map_date", lang),
        min_value=WAR_START,
        max_value=today,
        value=state.map_date,
        key=_date_box_key("asof"),
        format="D MMM YYYY",
    )
    exact.container(key="asof_exact").date_input(
        message("exact_date", lang),
        min_value=WAR_START,
        max_value=today,
        value=state.map_date,
        key=_date_box_key("asof_exact"),
        format="YYYY-MM-DD",
    )


# st_folium hands its arguments to streamlit_folium._component_func (streamlit-folium 0.27.x, pinned; its
# on_change closure holds only the keys, not the session). While a thread sets `_capture.args`, the call is
# recorded there instead of made: the arguments of a map and view are made once, then handed over as they are.
_capture = threading.local()


def _component_or_capture(component):
    def call(**kwargs):
        if getattr(_capture, "args", None) is not None:
            _capture.args.update(kwargs)
            return None
        return component(**kwargs)

    return call


streamlit_folium._component_func = _component_or_capture(streamlit_folium._component_func)


def _map(base: tuple[str, bool], data_dir: Path, map_view: dict, events: list[Event], atlas: Atlas):
    """The map, through st_folium. Its arguments are rendered once per base map, view and events (and shared by the
    sessions): a click or a new date (which keep the view's arguments, see _map_view) hands Streamlit the same ones
    again without st_folium copying and rendering the whole folium map anew (~20 ms a run)."""
    wanted = (base, json.dumps(map_view, sort_keys=True))
    made = st.session_state.get("map_args")
    if made is None or made[0] != wanted or not _same_items(made[1], events):
        made = _made_elsewhere(wanted, events) or _make_map_args(wanted, data_dir, map_view, events, atlas)
        st.session_state.map_args = made
    args = made[2]
    return streamlit_folium._component_func(**{**args, "default": copy.deepcopy(args["default"])})


# The map arguments made lately, shared by the sessions: a new session's first map is most often the one the last
# session opened with, and making it (a copy of the base map rendered by st_folium, ~60 ms) would hold up its
# sending. Each entry keeps its events, so that the objects compared by identity stay alive.
_MADE_KEPT = 8
_made: dict[tuple, tuple] = {}
_made_lock = threading.Lock()


def _made_elsewhere(wanted: tuple, events: list[Event]) -> tuple | None:
    with _made_lock:
        made = _made.get(wanted)
    return made if made is not None and _same_items(made[1], events) else None


def _make_map_args(wanted: tuple, data_dir: Path, map_view: dict, events: list[Event], atlas: Atlas) -> tuple:
    fingerprint, online_tiles = wanted[0]
    _capture.args = {}
    try:
        # st_folium adds the layers to the map it is given; a copy keeps the cached map, and so the map's
        # script, identical between reruns and sessions (a changed script re-creates the map, losing zoom).
        st_folium(
            copy.deepcopy(_base_map(fingerprint, online_tiles, data_dir)),
            key=MAP_KEY,
            height=MAP_HEIGHT,
            use_container_width=True,
            feature_group_to_add=_map_layers(map_view, events, atlas),
            returned_objects=list(mapping.CLICK_RETURNED),
        )
        made = (wanted, events, _capture.args)
    finally:
        _capture.args = None
    with _made_lock:
        _made.pop(wanted, None)
        _made[wanted] = made
        while len(_made) > _MADE_KEPT:
            del _made[next(iter(_made))]
    return made


def _same_items(old: list, new: list) -> bool:
    """The same objects in the same order (a full rerun makes a new list of the same events)."""
    return old is new or (len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True)))


@st.fragment
def _map_and_panel(fingerprint: str, data_dir: Path, atlas: Atlas, places: list[Place], events: list[Event]) -> None:
    """The map and the side panel. A click on the map or a new date reruns only this part of the page; anything that
    changes `places` or `events` (agreements, dates, added events) reruns the whole page, which calls this anew."""
    complete = st.session_state.get("page_complete", False)
    if not complete and _map_reported():
        st.rerun(scope="app")  # the map has drawn: now the rest of the page (see _page_complete)
    from_click = _take_map_click(atlas)
    _take_date_change()
    view = _current_view(atlas)
    base = (fingerprint, st.session_state.online_tiles)
    map_view, pushed = _map_view(base, places, view, from_click)
    first_push = False
    if not complete:  # a first run writes no st.html (see page): its view is pushed with the rest of the page
        if pushed:
            st.session_state.held_push, pushed = pushed, None
    elif (held := st.session_state.pop("held_push", None)) and not pushed:
        pushed, first_push = held, True
    # Elements go to the browser in the order they are written, and each costs it a redraw: what this run changes
    # is written first. A new date reaches the map at once (a hidden script, always in the same place so that the
    # widgets after it keep theirs); a click (which the map drew itself) changes the panel; on a page's first run
    # the map, the slowest to appear (its frame loads Leaflet), goes before the panel. The date control, the same
    # after a click or a date change, is filled in last, into its place above the map; on a first run it waits for
    # the rest of the page (its slider's code would hold up the map's first paint), in a box that keeps its room.
    with st.container(key="map-date"):  # hidden (page.css): it only carries the script
        if pushed:
            st.html(mapping.view_push_script(**pushed, first=first_push), unsafe_allow_javascript=True)
    date_box = st.container(key="date-box")  # its room is kept while it waits (see geo/browser/page.css)
    map_column, panel_column = st.columns([3, 2], gap="medium")

    def draw_map() -> None:
        with map_column:
            _map(base, data_dir, map_view, events, atlas)

    # The panel scrolls in a box as tall as the map, so that the timeline, tables, exports and imports below stay
    # within a short scroll however many events a place has (on a phone it grows instead: see page.css).
    panel_box = panel_column.container(height=MAP_HEIGHT, border=False, key="panel-box")

    def draw_panel() -> None:
        with panel_box:
            _panel(atlas, view, places, events)

    if not complete:  # a session's first run: the map and, where the panel goes, what is coming
        draw_map()
        with panel_box:
            st.caption(message("page.loading", view.lang))
        with date_box:
            st.empty()  # an empty box is not drawn at all: this keeps it there, with its room
    else:
        for draw in (draw_panel, draw_map) if from_click else (draw_map, draw_panel):
            draw()
        with date_box:
            _date_control()
        with panel_column:
            _share(view, atlas, fingerprint)
    st.session_state.selection.update(place=view.place, asof=st.session_state.map_date)
    wanted = view_query(view, atlas)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


# Served by Streamlit from the `static/` folder beside the page's script (server.enableStaticServing).
@st.cache_resource(show_spinner=False)
def _provision_served(static_dir: Path) -> None:
    assets.ensure_served(static_dir)


def page(script: str, data_dir: Path = DEFAULT_DATA_DIR) -> None:
    """The whole page, for the script at `script`: what the map loads (Leaflet, the atlas's own code) provisioned
    beside it, then `main`."""
    st.set_page_config(page_title="Karabakh Atlas", page_icon="🗺️", layout="wide")
    _provision_served(Path(script).resolve().parent / "static")
    # The page's styles, the slider follower and the share box's copy buttons: a hidden box (page.css), empty on a
    # session's first run. Each st.html makes the browser fetch and run code of its own (a sanitiser) before it gets
    # to the map's frame, so the first run writes none: the map's frame puts the page's styles in before it draws
    # (atlas.dressPage), and the slider and the share box come only with the rest of the page. Later runs write the
    # styles too, for a map whose script never ran.
    page_scripts = st.container(key="page-scripts")
    main(data_dir)
    if st.session_state.get("page_complete"):
        with page_scripts:
            st.html(f"<style>{assets.atlas_text('page.css')}</style>")  # our own constant CSS, no data in it
            st.html(mapping.FOLLOW_DATE_SCRIPT, unsafe_allow_javascript=True)
            st.html(panel.SHARE_SCRIPT, unsafe_allow_javascript=True)


def _heading(lang: str) -> None:
    """The title and a one-line introduction above the map, at every size (on a phone the sidebar starts closed); their
    size is set by the page's styles (page.css)."""
    with st.container(key="atlas-heading"):
        st.title("Karabakh Atlas", anchor=False)
        st.caption(message("intro", lang))


def main(data_dir: Path = DEFAULT_DATA_DIR) -> None:
    """Draw the page for one rerun."""
    fingerprint = _fingerprint(data_dir)
    atlas = _atlas(fingerprint, data_dir)
    _start_session(atlas)
    _take_date_change()
    shared = st.session_state.shared = _shared_store(fingerprint, data_dir)
    st.session_state.store_version = _store_version(fingerprint, data_dir)
    community = _community(fingerprint, data_dir, st.session_state.store_version)
    origins = {e.id: "community" for e in community} | {e.id: "session" for e in st.session_state.imported}
    if community or st.session_state.imported:
        atlas = importer.merged(atlas, [*community, *st.session_state.imported])
    view = _current_view(atlas)
    _heading(view.lang)
    for notice in st.session_state.notices:
        st.warning(panel.markdown_text(notice))  # notices quote the link, which anyone can write

    places = query.places_for_agreements(atlas, view.agreements)
    events = query.filter_events(atlas.events, agreements=view.agreements, since=view.start, until=view.end)
    shown_origins = {
        o for o, on in (("curated", "show-curated"), ("community", "show-community")) if st.session_state[on]
    }
    events = [e for e in events if origins.get(e.id, "curated") in shown_origins | {"session"}]
    st.session_state.origins = origins
    _agreement_page(atlas, view)
    complete = _page_complete()
    _map_and_panel(fingerprint, data_dir, atlas, places, events)
    if not complete:
        # The sidebar's room is taken at once: coming later, it would narrow the map under the reader's eyes.
        st.sidebar.caption(message("page.loading_sidebar", view.lang))
        st.session_state.fallback_armed = False  # armed by the call below; only the fragment's own timer fires it
        _rest_of_page_fallback()
        return
    # The sidebar after the map: the widgets' values are in the session already, and the map, the slowest thing to
    # appear, is sent to the browser first.
    _sidebar(atlas)
    _editor_box(shared)
    with st.container(key=REST_OF_PAGE_KEY):
        _exports(fingerprint, data_dir, atlas, view, places, events, shown_origins)
        _timeline(events, atlas, view.agreements)
        _tables(atlas, places, events, view.lang)
        _commitments(atlas, view)
        _bring_your_own(atlas)
        _review(shared, fingerprint, data_dir)
        _edit_box(shared)
        _community_watch(fingerprint, data_dir)


# Everything but the heading, the date control and the map (the panel, the share box, the sidebar, and below the map
# the exports, timeline, tables, commitments, imports and review) costs the browser more than the map itself: each
# kind of element loads and runs code of its own, charts and tables most. On a session's first run it waits until
# the map has drawn, so that the map appears first. the map says when its places are painted (mapping.DRAWN_KEY);
# that value (or, if it never comes, the timer below) reruns the page with everything, about 0.3 s later.
REST_OF_PAGE_KEY = "page-rest"
REST_OF_PAGE_FALLBACK_S = 3.0


def _map_reported() -> bool:
    value = st.session_state.get(MAP_KEY)
    return isinstance(value, dict) and value.get(mapping.DRAWN_KEY) is True


def _page_complete() -> bool:
    """Whether this run draws the part below the map: from the first run after the map has reported, on."""
    if _map_reported():
        st.session_state.page_complete = True
    return st.session_state.get("page_complete", False)


@st.fragment(run_every=REST_OF_PAGE_FALLBACK_S)
def _rest_of_page_fallback() -> None:
    """For a map that never reports (its script failed, or a browser without JavaScript in the frame)."""
    if st.session_state.fallback_armed and not st.session_state.get("page_complete"):
        st.session_state.page_complete = True
        st.rerun(scope="app")
    st.session_state.fallback_armed = True
