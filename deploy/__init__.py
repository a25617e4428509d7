"""Serving the dashboard from several Streamlit processes behind nginx (`scripts/serve`).

Streamlit runs every session's script in one Python process, so one server uses one core; more
cores need more processes, and a session must stay on the process that holds its state.
"""
