"""An empty Streamlit script: the floor of a rerun's server time (bench/payload.py runs it next to the atlas)."""
