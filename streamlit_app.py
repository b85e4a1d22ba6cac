"""Karabakh Atlas: the places of the Armenia-Azerbaijan(-Russia) agreements since 2020 on a live map.

Run with `make run`, `streamlit run streamlit_app.py` or, installed, `karabakh-atlas serve`. The page is geo.ui.
"""

from geo import ui

ui.page(__file__)
