"""Provider batch jobs (OpenAI Batch API, Anthropic Message Batches, /v1/batches
servers): a dump through the LLM backend at half the price, into the rows of a live
batch run. It sits above both the batch layer (rows, writer, pre-filter) and the LLM
backend (the live request path builds and reads every request); see :mod:`.api`.
"""

from visit_extract.jobs.api import (
    JobOptions,
    JobReport,
    cancel_jobs,
    collect_jobs,
    default_manifest,
    job_status,
    run_jobs,
    submit_jobs,
)

__all__ = [
    "JobOptions",
    "JobReport",
    "cancel_jobs",
    "collect_jobs",
    "default_manifest",
    "job_status",
    "run_jobs",
    "submit_jobs",
]
