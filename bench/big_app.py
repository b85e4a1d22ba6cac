"""The atlas with BENCH_EVENTS synthetic located events (default 100,000) added to every session, as if imported.

The importer stops at 50,000 rows (geo.importer.MAX_ROWS), so bench/browser.py opens this page to time how long
the atlas takes to become usable with 100k events on the map. The events are made once per process.
"""

import os

import streamlit as st

st.set_page_config(page_title="Karabakh Atlas (100k events)", layout="wide")

from bench import synthetic  # noqa: E402
from geo import ui  # noqa: E402


@st.cache_resource(show_spinner=False)
def _events(count: int):
    return synthetic.synthetic_events(count, ui._atlas(ui._fingerprint(ui.DEFAULT_DATA_DIR), ui.DEFAULT_DATA_DIR))


atlas = ui._atlas(ui._fingerprint(ui.DEFAULT_DATA_DIR), ui.DEFAULT_DATA_DIR)
ui._start_session(atlas)  # the session's first run sets `imported`; the events go in after it
if not st.session_state.get("bench_events_added"):
    st.session_state.imported = _events(int(os.environ.get("BENCH_EVENTS", "100000")))
    st.session_state.bench_events_added = True
ui.main()
