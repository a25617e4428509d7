"""The Streamlit side of the dashboard: widgets wired to `funding`, caching at the edge.

`dashboard.py` calls `app.main.main()`. Modules are named after what they hold: `loading`
(cached parsing of the shipped file and uploads), `url_state` (pure URL decisions) and
`widgets` (their Streamlit binding), `sidebar`, `picks` (chart clicks), `cached` (figures and
tables shared between sessions; `signed` makes every cache), `display` (how a chart is shown),
one module per view under
`views/`, `downloads` and `present` (presentation mode).
"""
