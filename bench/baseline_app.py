"""The baseline: the smallest reasonable Streamlit app on the same CSV, to measure the dashboard against.

Reads the CSV with pandas (cached on the file's path and modification time, as any real app
would), offers the same two filters the bench changes in the dashboard (the "level" multiselect and
the "battery_only" checkbox, same keys), and draws one plotly bar chart of the amounts per source. No validation, no totals logic. The data path comes from $FUNDING_DATA
(default: data/funding.csv), like bench/dashboard_app.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
PATH = Path(os.environ.get("FUNDING_DATA") or ROOT / "data" / "funding.csv")


@st.cache_data(show_spinner=False)
def load(path: str, mtime_ns: int) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype={"amount_eur": "float64"})


st.set_page_config(page_title="Baseline", layout="wide")
frame = load(str(PATH), PATH.stat().st_mtime_ns)
levels = st.multiselect("Level", ["EU", "NL", "MS", "private"], key="level")
battery_only = st.checkbox("Battery-specific only", key="battery_only")
shown = frame[frame["level"].isin(levels)] if levels else frame
if battery_only:
    shown = shown[shown["battery_specific"] == "yes"]
sums = shown.groupby("source")["amount_eur"].sum().sort_values(ascending=False).reset_index()
st.plotly_chart(px.bar(sums, x="amount_eur", y="source", orientation="h"), width="stretch")
