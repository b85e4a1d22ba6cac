# One task runner: CI calls the same targets a person does.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
LEAFLET := static/leaflet/leaflet.js
PORT ?= 8501

.PHONY: run test lint typecheck data validate bench bench-load bench-store lock clean

# The page copies Leaflet into static/ itself (geo.ui.page), so `streamlit run streamlit_app.py` works as well.
run: $(INSTALLED)
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT) --browser.gatherUsageStats false

# Cheapest first: style and types fail in seconds, before the data check and the (minutes-long) tests.
test: lint typecheck validate
	$(BIN)/pytest -q

LINTED := geo tests bench streamlit_app.py
lint: $(INSTALLED)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

# Settings in pyproject.toml [tool.mypy].
typecheck: $(INSTALLED)
	$(BIN)/mypy geo

# Rebuild data/regions.geojson and data/context.geojson from data/sources, data/places.json and data/waypoints.json
# (same bytes every run).
data: $(INSTALLED)
	$(BIN)/python -m geo build-regions
	$(BIN)/python -m geo build-context

validate: $(INSTALLED)
	$(BIN)/python -m geo validate

# About 30 minutes: the browser figures, extraction on hostile text, and server memory over 100 upload sessions.
bench: $(INSTALLED) $(LEAFLET)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.profile_rerun
	$(BIN)/python -m bench.hostile_text
	$(BIN)/python -m bench.sessions_rss

# 20 Chromium sessions clicking places for 60 s against a local server (bounded in time and count).
bench-load: $(INSTALLED) $(LEAFLET)
	$(BIN)/python -m bench.load_test

# The event store: 50,000 rows proposed, listed and approved, then the map with 100,000 approved events (Chromium),
# on SQLite and on a throwaway PostGIS. BENCH_BROWSER_LOCK=FILE makes the browser part wait its turn on FILE.
bench-store: $(INSTALLED) $(LEAFLET)
	$(BIN)/python -m bench.store
	$(BIN)/python -m bench.store_map

$(INSTALLED): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# Leaflet comes from a pinned wheel and is served by the app itself: the map never needs a CDN.
$(LEAFLET): $(INSTALLED)
	$(BIN)/python -m geo.assets static
	touch $@

# Re-pin every dependency after a change to pyproject.toml.
lock: $(INSTALLED)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) static .pytest_cache
