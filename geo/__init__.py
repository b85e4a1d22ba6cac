"""Karabakh Atlas: the places of the Armenia-Azerbaijan(-Russia) agreements since 2020, their events, on a map."""
