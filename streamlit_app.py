"""Karabakh Atlas: the places of the 2020-2022 Armenia-Azerbaijan-Russia statements on a live map.

Run with `make run`. The page itself is built in geo.ui.
"""

import streamlit as st

st.set_page_config(page_title="Karabakh Atlas", page_icon="🗺️", layout="wide")

from geo import ui  # noqa: E402  (set_page_config must come first)

ui.main()
