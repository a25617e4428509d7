"""`python -m funding ...`: see funding.cli."""

import sys

from funding.cli import main

sys.exit(main())
