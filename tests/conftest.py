import sys
from pathlib import Path

# Tests import the helpers in this folder (factory) and the package from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
