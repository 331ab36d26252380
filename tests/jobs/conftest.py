"""The job tests run the fake job server, which reuses the fake chat server of
tests/batch (its helpers are plain modules there, not a package)."""

from __future__ import annotations

import sys
from pathlib import Path

BATCH_TESTS = str(Path(__file__).resolve().parents[1] / "batch")
if BATCH_TESTS not in sys.path:
    sys.path.insert(0, BATCH_TESTS)
