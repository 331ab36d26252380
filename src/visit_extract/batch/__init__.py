"""Batch runs: many articles through one backend, one row per article, resumable.

- :func:`extract_many` / :func:`aextract_many` yield one :class:`BatchResult` per
  article, in completion order (:mod:`~visit_extract.batch.sync`,
  :mod:`~visit_extract.batch.engine`);
- :func:`run_batch` / :func:`arun_batch` write them to a JSONL file that a killed run
  resumes (:mod:`~visit_extract.batch.writer`);
- :func:`read_results` reads such a file back (:mod:`~visit_extract.batch.rows`, the one
  row format);
- :func:`run_parallel` (N local processes) and :func:`run_dask` (a Dask cluster) write
  the same rows, the input cut into parts (:mod:`~visit_extract.batch.scaleout`).
"""

from visit_extract.batch.engine import aextract_many, arun_batch
from visit_extract.batch.rows import BatchResult, ErrorInfo, read_results
from visit_extract.batch.scaleout import run_dask
from visit_extract.batch.stats import BatchStats
from visit_extract.batch.sync import extract_many, run_batch
from visit_extract.batch.workers import run_parallel
from visit_extract.batch.writer import ResultWriter
from visit_extract.registry import make_backend

__all__ = [
    "BatchResult",
    "BatchStats",
    "ErrorInfo",
    "ResultWriter",
    "aextract_many",
    "arun_batch",
    "extract_many",
    "make_backend",
    "read_results",
    "run_batch",
    "run_dask",
    "run_parallel",
]
