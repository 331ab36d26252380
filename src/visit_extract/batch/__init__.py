"""Batch runs: many articles through one backend, one row per article, resumable."""

from visit_extract.batch.engine import *  # noqa: F403
from visit_extract.batch.engine import __all__  # noqa: F401
