"""Provider batch jobs: the same requests as live ones, at half the price, answered
within 24 hours.

Modules: ``protocol`` (what a provider's job API offers), ``base`` (what both
providers' clients share), ``openai_jobs`` (the OpenAI Batch API, and OpenAI-compatible
servers that implement it), ``anthropic_jobs`` (Anthropic's Message Batches),
``capture`` (request bodies made by the live request path, and answers fed back
through it), ``http`` (streaming HTTP with the transport retry policy). The
orchestration (pre-filter, manifest, splitting, resuming, rows, cost report) is
:mod:`visit_extract.jobs.api`.
"""

from __future__ import annotations

from visit_extract.backends.llm.clients import InstructorClient
from visit_extract.backends.llm.jobs.anthropic_jobs import AnthropicJobs
from visit_extract.backends.llm.jobs.capture import (
    Exchange,
    Request,
    RequestBuilder,
    RequestMismatch,
    body_hash,
)
from visit_extract.backends.llm.jobs.openai_jobs import OpenAIJobs
from visit_extract.backends.llm.jobs.protocol import (
    JobAPI,
    JobLimits,
    JobStatus,
    RequestResult,
    Submission,
)
from visit_extract.config import Settings


def job_api(
    client: InstructorClient, settings: Settings, *, limits: JobLimits | None = None
) -> JobAPI:
    """The job API of the provider ``client`` talks to.

    Anthropic models get Message Batches; every other model the OpenAI Batch API at
    the client's endpoint (OpenAI's, or an OpenAI-compatible server's ``base_url``).

    Args:
        client: the instructor client requests are built with (its key and endpoint).
        settings: timeouts and transport retries of the job calls.
        limits: smaller job limits than the provider's (tests, cautious runs).
    """
    if client.provider == "anthropic":
        return AnthropicJobs(client.api_key, client.base_url, settings, limits=limits)
    return OpenAIJobs(client.api_key, client.base_url, settings, limits=limits)


__all__ = [
    "AnthropicJobs",
    "Exchange",
    "JobAPI",
    "JobLimits",
    "JobStatus",
    "OpenAIJobs",
    "Request",
    "RequestBuilder",
    "RequestMismatch",
    "RequestResult",
    "Submission",
    "body_hash",
    "job_api",
]
