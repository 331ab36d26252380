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
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.jobs.http import JobHTTP, read_lines
from visit_extract.backends.llm.jobs.protocol import (
    JobLimits,
    JobStatus,
    RequestResult,
    SaveState,
)
from visit_extract.config import Settings
from visit_extract.errors import ProviderError

DEFAULT_BASE_URL = "https://api.anthropic.com"
ENDPOINT = "/v1/messages"
API_VERSION = "2023-06-01"
#: 100,000 requests and 256 MB per job (the documented limits).
LIMITS = JobLimits(max_requests=100_000, max_bytes=256 * 1000 * 1000)
CLOCK_SKEW_S = 600
#: Error types worth submitting again (the provider's side, not the request).
_RETRYABLE_ERRORS = frozenset(
    {"api_error", "overloaded_error", "rate_limit_error", "timeout_error"}
)


class AnthropicJobs:
    """Message Batches on Anthropic (or a gateway at ``base_url``, given without ``/v1``).

    Args:
        api_key: the key (``x-api-key``).
        base_url: the API root (None: Anthropic's).
        settings: timeouts and transport retries.
        limits: job size limits (default: Anthropic's).
    """

    provider = "anthropic"
    endpoint = ENDPOINT
    head = b'{"requests":[\n'
    sep = b",\n"
    tail = b"\n]}"

    def __init__(
        self,
        api_key: str,
        base_url: str | None,
        settings: Settings,
        *,
        limits: JobLimits | None = None,
    ):
        self.limits = limits or LIMITS
        root = (base_url or DEFAULT_BASE_URL).rstrip("/")
        if root.endswith("/v1"):
            root = root[:-3]
        self.http = JobHTTP(
            root, {"x-api-key": api_key, "anthropic-version": API_VERSION}, settings
        )

    def element(self, custom_id: str, body: bytes) -> bytes:
        """One request of the body; ``body`` is embedded byte for byte."""
        return b'{"custom_id":' + json.dumps(custom_id).encode() + b',"params":' + body + b"}"

    def submit(
        self,
        path: Path,
        *,
        name: str,
        requests: int,
        state: dict[str, Any],
        save: SaveState,
        claimed: frozenset[str],
    ) -> str:
        """Create the job with the file as its body (see :meth:`JobAPI.submit`)."""
        if state.get("batch_id"):
            return str(state["batch_id"])
        batch_id = None
        if state.get("create_started"):
            batch_id = self._find_batch(requests, float(state["create_started"]), claimed)
        if batch_id is None:
            state["create_started"] = time.time()
            save()
            created = self.http.json(
                "POST",
                "v1/messages/batches",
                content_path=path,
                headers={"content-type": "application/json"},
            )
            batch_id = str(created["id"])
        state["batch_id"] = batch_id
        save()
        return batch_id

    def _find_batch(self, requests: int, since: float, claimed: frozenset[str]) -> str | None:
        """A job of ``requests`` requests created since ``since`` that no job owns."""
        after: str | None = None
        for _ in range(50):
            params: dict[str, Any] = {"limit": 100}
            if after:
                params["after_id"] = after
            page = self.http.json("GET", "v1/messages/batches", params=params)
            data = page.get("data") or []
            for item in data:
                counts = item.get("request_counts") or {}
                total = sum(int(v or 0) for v in counts.values())
                created = _timestamp(item.get("created_at"))
                if (
                    total == requests
                    and created >= since - CLOCK_SKEW_S
                    and item.get("id") not in claimed
                ):
                    return str(item["id"])
            oldest = min((_timestamp(i.get("created_at")) for i in data), default=0.0)
            if not page.get("has_more") or not data or oldest < since - CLOCK_SKEW_S:
                return None
            after = str(page.get("last_id") or data[-1]["id"])
        return None

    def retrieve(self, batch_id: str) -> JobStatus:
        """The job's status (``GET /v1/messages/batches/{id}``)."""
        return self._status(self.http.json("GET", f"v1/messages/batches/{batch_id}"))

    def cancel(self, batch_id: str) -> JobStatus:
        """Cancel the job (``POST /v1/messages/batches/{id}/cancel``)."""
        return self._status(self.http.json("POST", f"v1/messages/batches/{batch_id}/cancel"))

    @staticmethod
    def _status(raw: dict[str, Any]) -> JobStatus:
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
        url = status.raw.get("results_url") or f"v1/messages/batches/{status.batch_id}/results"
        return [self.http.download(str(url), directory / "results.jsonl")]

    def results(self, paths: list[Path]) -> Iterator[RequestResult]:
        """One result per line of the results file."""
        for line in read_lines(paths):
            yield parse_line(line)

    def close(self) -> None:
        """Close the HTTP client."""
        self.http.close()


def parse_line(line: bytes) -> RequestResult:
    """One line of a results file as a :class:`RequestResult`.

    Raises:
        ProviderError: the line is not a batch result.
    """
    try:
        row = json.loads(line)
        custom_id = str(row["custom_id"])
        result = row["result"]
        kind = str(result["type"])
    except (ValueError, KeyError, TypeError):
        raise ProviderError(
            f"a line of the job's results is not a batch result: {line[:120]!r}"
        ) from None
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
