"""Karabakh Atlas: the places of the Armenia-Azerbaijan(-Russia) agreements since 2020, their events, on a map."""

# The atlas's version, as cited ("cite this view"); pyproject.toml has the same (a test keeps them equal).
__version__ = "0.2.0"
