"""The Streamlit dashboard. Run with `scripts/run` (or `python -m streamlit run dashboard.py`).

The page lives in the `app` package (one module per view, the URL state, the sidebar, the
downloads, presentation mode); every number comes from `funding`. The URL parameters are the
`funding.selecting.selection.Filters` field names plus `lang`, `view`, `chart_kind`, `color`, `top`, `rows`
and, in presentation mode, `slide` (see docs/url-parameters.md).
"""

from app.main import main

main()
