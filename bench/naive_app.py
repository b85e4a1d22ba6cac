"""The naive page the atlas's first map is measured against: st_folium drawing data/regions.geojson as folium does
by default, with Leaflet served locally like the atlas (offline, a CDN would leave it blank)."""

import json

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.paths import data_dir

st.set_page_config(page_title="Naive map", layout="wide")
m = folium.Map(location=(39.75, 46.4), zoom_start=8, tiles=None)
m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
folium.GeoJson(json.loads((data_dir() / "regions.geojson").read_text(encoding="utf-8"))).add_to(m)
st_folium(m, height=620, use_container_width=True)
