import sys
from pathlib import Path

# Tests import the helpers in this folder (factory) and the package from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The browser fixtures (app_server, browser, page) for every test module: one Streamlit server and
# one chromium per session, however many modules use them (Playwright allows one sync instance).
pytest_plugins = ["browser_support"]
