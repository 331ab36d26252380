"""Anthropic's Message Batches API.

A job is created by ``POST /v1/messages/batches`` with the body ``{"requests":
[{"custom_id", "params"}, ...]}``, where ``params`` is the live Messages API request
body. ``GET /v1/messages/batches/{id}`` reports ``processing_status`` (``in_progress``,
``canceling``, ``ended``) and ``request_counts``; once ended, its ``results_url``
streams one JSON line per request: ``{"custom_id", "result": {"type": "succeeded",
"message"}}``, or ``errored`` (with the error), ``canceled`` or ``expired``.
``POST /v1/messages/batches/{id}/cancel`` cancels. One job: at most 100,000 requests
and 256 MB.

The body is written to disk one request per line (valid JSON: whitespace between
elements) and streamed from there, so a 256 MB job never sits in memory. The API
keeps no tag of ours on a job, so a creation whose answer was lost is recognised by
its request count among the jobs created since the attempt began (and not owned by
another job of the run) before a second one is created.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.jobs.base import BatchJobs, result_row
from visit_extract.backends.llm.jobs.protocol import (
    JobLimits,
    JobStatus,
    RequestResult,
    Submission,
)
from visit_extract.errors import ProviderError

DEFAULT_BASE_URL = "https://api.anthropic.com"
ENDPOINT = "/v1/messages"
API_VERSION = "2023-06-01"
#: 100,000 requests and 256 MB per job (the documented limits).
LIMITS = JobLimits(max_requests=100_000, max_bytes=256 * 1000 * 1000)
#: Error types worth submitting again (the provider's side, not the request).
_RETRYABLE_ERRORS = frozenset(
    {"api_error", "overloaded_error", "rate_limit_error", "timeout_error"}
)


class AnthropicJobs(BatchJobs):
    """Message Batches on Anthropic (or a gateway at ``base_url``, given with or without
    ``/v1``); arguments as for :class:`~.base.BatchJobs` (the key goes in ``x-api-key``)."""

    provider = "anthropic"
    endpoint = ENDPOINT
    jobs_path = "v1/messages/batches"
    default_base_url = DEFAULT_BASE_URL
    default_limits = LIMITS
    head = b'{"requests":[\n'
    sep = b",\n"
    tail = b"\n]}"

    @staticmethod
    def api_root(base_url: str) -> str:
        return base_url.rstrip("/").removesuffix("/v1")

    @staticmethod
    def auth_headers(api_key: str) -> dict[str, str]:
        return {"x-api-key": api_key, "anthropic-version": API_VERSION}

    @staticmethod
    def parse(line: bytes) -> RequestResult:
        return parse_line(line)

    def element(self, custom_id: str, body: bytes) -> bytes:
        """One request of the body; ``body`` is embedded byte for byte."""
        return b'{"custom_id":' + json.dumps(custom_id).encode() + b',"params":' + body + b"}"

    def submit(self, job: Submission) -> str:
        """Create the job with the file as its body, at most once (see
        :meth:`JobAPI.submit`)."""

        def matches(item: dict[str, Any]) -> bool:
            counts = item.get("request_counts") or {}
            return sum(int(v or 0) for v in counts.values()) == job.requests

        return self.create_once(
            job,
            cursor="after_id",
            created=lambda item: _timestamp(item.get("created_at")),
            matches=matches,
            content_path=job.path,
            headers={"content-type": "application/json"},
        )

    @staticmethod
    def status_of(raw: dict[str, Any]) -> JobStatus:
        counts = {k: int(v or 0) for k, v in (raw.get("request_counts") or {}).items()}
        failed = counts.get("errored", 0) + counts.get("canceled", 0) + counts.get("expired", 0)
        status = str(raw.get("processing_status") or "unknown")
        return JobStatus(
            batch_id=str(raw["id"]),
            status=status,
            ended=status == "ended",
            total=sum(counts.values()),
            done=sum(counts.values()) - counts.get("processing", 0),
            failed=failed,
            raw=raw,
        )

    def download(self, status: JobStatus, directory: Path) -> list[Path]:
        """Stream the results (``results_url``) into ``directory``."""
        url = status.raw.get("results_url") or f"{self.jobs_path}/{status.batch_id}/results"
        return [self.http.download(str(url), directory / "results.jsonl")]


def parse_line(line: bytes) -> RequestResult:
    """One line of a results file as a :class:`RequestResult`.

    Raises:
        ProviderError: the line is not a batch result.
    """
    row, custom_id = result_row(line)
    result = row.get("result")
    if not isinstance(result, dict) or "type" not in result:
        raise ProviderError(f"a line of the job's results has no result: {line[:120]!r}")
    kind = str(result["type"])
    if kind == "succeeded" and isinstance(result.get("message"), dict):
        return RequestResult(
            custom_id,
            "succeeded",
            body=json.dumps(result["message"], ensure_ascii=False).encode(),
        )
    if kind == "expired":
        return RequestResult(custom_id, "expired", error="request expired", retryable=True)
    if kind == "canceled":
        return RequestResult(custom_id, "canceled", error="request canceled", retryable=True)
    outer: dict[str, Any] = result.get("error") or {}
    inner: dict[str, Any] = outer["error"] if isinstance(outer.get("error"), dict) else outer
    etype = str(inner.get("type") or "error")
    message = f"{etype}: {inner.get('message') or 'no answer'}"
    return RequestResult(custom_id, "errored", error=message, retryable=etype in _RETRYABLE_ERRORS)


def _timestamp(value: Any) -> float:
    """An RFC 3339 time (``2024-08-20T18:37:24.100435Z``) as a Unix time; 0 if absent."""
    if not value:
        return 0.0
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


__all__ = ["API_VERSION", "DEFAULT_BASE_URL", "ENDPOINT", "LIMITS", "AnthropicJobs", "parse_line"]
