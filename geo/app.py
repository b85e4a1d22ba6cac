"""The page `karabakh-atlas serve` runs once the package is installed (a checkout runs streamlit_app.py, the same)."""

from geo import ui

ui.page(__file__)
