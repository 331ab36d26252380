"""The OpenAI Batch API (and any OpenAI-compatible server that implements it).

A job is a JSONL file uploaded with ``purpose=batch`` (``POST /files``), one request per
line: ``{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}``, where
``body`` is the live request body. ``POST /batches`` creates the job from the file,
``GET /batches/{id}`` reports its status (``validating``, ``in_progress``,
``finalizing``, then ``completed``, ``failed``, ``expired`` or ``cancelled``) and
``POST /batches/{id}/cancel`` cancels it. When it ends, ``output_file_id`` holds the
answers and ``error_file_id`` the failures (a non-200 ``response``, or ``error.code``
``batch_expired`` / ``batch_cancelled`` for requests never run), both read with
``GET /files/{id}/content``. One job: at most 50,000 requests and 200 MB.

Creating a job twice is avoided by looking before doing: a file upload or a job
creation that was started but not recorded (the process died waiting for the answer)
is found again by its file name and size, or by its input file, among the items
created since the attempt began, before anything is sent a second time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.jobs.base import BatchJobs, result_row
from visit_extract.backends.llm.jobs.protocol import (
    JobLimits,
    JobStatus,
    RequestResult,
    Submission,
)

DEFAULT_BASE_URL = "https://api.openai.com/v1"
ENDPOINT = "/v1/chat/completions"
#: 50,000 requests and 200 MB per job (the documented limits).
LIMITS = JobLimits(max_requests=50_000, max_bytes=200 * 1000 * 1000)
#: Terminal job states.
ENDED = frozenset({"completed", "failed", "expired", "cancelled"})
_RETRYABLE_CODES = frozenset({"batch_expired", "batch_cancelled", "request_timeout"})


def _created(item: dict[str, Any]) -> float:
    return float(item.get("created_at") or 0)


class OpenAIJobs(BatchJobs):
    """Batch jobs on OpenAI or an OpenAI-compatible server (``base_url`` with its
    ``/v1``); arguments as for :class:`~.base.BatchJobs` (the key goes in
    ``Authorization: Bearer``)."""

    provider = "openai"
    endpoint = ENDPOINT
    jobs_path = "batches"
    default_base_url = DEFAULT_BASE_URL
    default_limits = LIMITS
    head = b""
    sep = b""
    tail = b""

    @staticmethod
    def auth_headers(api_key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {api_key}"}

    @staticmethod
    def parse(line: bytes) -> RequestResult:
        return parse_line(line)

    def element(self, custom_id: str, body: bytes) -> bytes:
        """One JSONL line; ``body`` is embedded byte for byte."""
        head = json.dumps(
            {"custom_id": custom_id, "method": "POST", "url": ENDPOINT}, separators=(",", ":")
        )
        return head[:-1].encode() + b',"body":' + body + b"}\n"

    def submit(self, job: Submission) -> str:
        """Upload the file, then create the job, each at most once (see
        :meth:`JobAPI.submit`)."""
        file_name = f"{job.name}.jsonl"
        size = job.path.stat().st_size

        def find_file(since: float) -> str | None:
            files = self.recent(
                "files",
                {"purpose": "batch", "limit": 100, "order": "desc"},
                cursor="after",
                since=since,
                created=_created,
            )
            for item in files:
                if (
                    item.get("filename") == file_name
                    and int(item.get("bytes") or -1) == size
                    and item.get("status") != "error"
                ):
                    return str(item["id"])
            return None

        def upload() -> str:
            uploaded = self.http.json(
                "POST",
                "files",
                data={"purpose": "batch"},
                file_field=("file", file_name, job.path, "application/jsonl"),
            )
            return str(uploaded["id"])

        file_id = self.once(job, "upload_started", "file_id", find_file, upload)

        return self.create_once(
            job,
            cursor="after",
            created=_created,
            matches=lambda item: item.get("input_file_id") == file_id,
            json={
                "input_file_id": file_id,
                "endpoint": ENDPOINT,
                "completion_window": "24h",
                "metadata": {"visit_extract_job": job.name},
            },
        )

    @staticmethod
    def status_of(raw: dict[str, Any]) -> JobStatus:
        counts = raw.get("request_counts") or {}
        status = str(raw.get("status") or "unknown")
        message = None
        errors = (raw.get("errors") or {}).get("data") or []
        if errors:
            message = "; ".join(
                f"line {e.get('line')}: {e.get('message')}"
                if e.get("line")
                else str(e.get("message"))
                for e in errors[:5]
            )
        total = int(counts.get("total") or 0)
        failed = int(counts.get("failed") or 0)
        return JobStatus(
            batch_id=str(raw["id"]),
            status=status,
            ended=status in ENDED,
            total=total,
            done=int(counts.get("completed") or 0) + failed,
            failed=failed,
            message=message,
            raw=raw,
        )

    def download(self, status: JobStatus, directory: Path) -> list[Path]:
        """Stream the output and error files into ``directory``."""
        paths = []
        for key, local in (("output_file_id", "output.jsonl"), ("error_file_id", "errors.jsonl")):
            file_id = status.raw.get(key)
            if file_id:
                paths.append(self.http.download(f"files/{file_id}/content", directory / local))
        return paths


def parse_line(line: bytes) -> RequestResult:
    """One line of an output or error file as a :class:`RequestResult`.

    Raises:
        ProviderError: the line is not a batch result.
    """
    row, custom_id = result_row(line)
    response = row.get("response") or {}
    error = row.get("error") or {}
    status = int(response.get("status_code") or 0)
    body = response.get("body")
    if status == 200 and isinstance(body, dict) and not error:
        return RequestResult(
            custom_id, "succeeded", body=json.dumps(body, ensure_ascii=False).encode()
        )
    code = str(error.get("code") or "")
    if code == "batch_expired":
        return RequestResult(custom_id, "expired", error=_message(error, code), retryable=True)
    if code == "batch_cancelled":
        return RequestResult(custom_id, "canceled", error=_message(error, code), retryable=True)
    if status:
        detail = body.get("error") if isinstance(body, dict) else None
        message = f"HTTP {status}: " + _message(detail if isinstance(detail, dict) else {}, "")
        return RequestResult(
            custom_id, "errored", error=message, retryable=status == 429 or status >= 500
        )
    return RequestResult(
        custom_id, "errored", error=_message(error, code), retryable=code in _RETRYABLE_CODES
    )


def _message(error: dict[str, Any], code: str) -> str:
    text = str(error.get("message") or "").strip()
    return f"{code}: {text}" if code and text else text or code or "no answer"


__all__ = ["DEFAULT_BASE_URL", "ENDPOINT", "LIMITS", "OpenAIJobs", "parse_line"]
