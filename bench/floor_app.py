"""The floor of a Streamlit round trip: a button whose click writes a text (bench/browser.py clicks it)."""

import streamlit as st

st.session_state.setdefault("clicks", 0)
if st.button("Click", key="floor-button"):
    st.session_state.clicks += 1
st.markdown(f"Clicked {st.session_state.clicks} times")
