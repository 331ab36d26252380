"""What the batch orchestration needs from a provider's batch-job API.

A provider module knows the shape of one request inside a job file, how to hand the
file over (OpenAI: upload, then create; Anthropic: create with the requests in the
body), how to read a job's status, and how to read its results. Everything it learns
while submitting goes into the job's ``state`` record, saved before and after each
step, so that a process killed in the middle resumes without creating a job twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

Outcome = Literal["succeeded", "errored", "expired", "canceled"]

#: Saves a job's state record (atomically) before returning.
SaveState = Callable[[], None]


@dataclass(frozen=True)
class JobLimits:
    """How large one job may be.

    Attributes:
        max_requests: requests per job.
        max_bytes: bytes of the job file (OpenAI) or request body (Anthropic).
    """

    max_requests: int
    max_bytes: int


@dataclass(frozen=True)
class Submission:
    """A job file to hand over, with its saved state.

    Attributes:
        path: the complete job file.
        name: the job's name, unique within the run (used as file name and tag).
        requests: how many requests the file holds.
        state: the job's saved record; read to resume, written at each step.
        save: persists ``state``.
        claimed: job ids other jobs of the run already own (never adopted).
    """

    path: Path
    name: str
    requests: int
    state: dict[str, Any]
    save: SaveState
    claimed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class JobStatus:
    """A job as the provider reports it.

    Attributes:
        batch_id: the provider's id of the job.
        status: the provider's own word (``in_progress``, ``completed``, ``ended``...).
        ended: no request of the job will change any more; results can be read.
        total: requests in the job.
        done: requests finished so far (as far as the provider tells).
        failed: requests that failed, expired or were cancelled so far.
        message: why the whole job failed, when it did.
        raw: the provider's job object, kept in the manifest.
    """

    batch_id: str
    status: str
    ended: bool
    total: int
    done: int
    failed: int = 0
    message: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RequestResult:
    """The result of one request of a job.

    Attributes:
        custom_id: the id the request was submitted under.
        outcome: ``succeeded``, ``errored``, ``expired`` or ``canceled``.
        body: for a success, the provider's response body as the live endpoint would
            have sent it (a chat completion, or a Messages API message).
        error: the provider's message for a request without an answer.
        retryable: whether submitting the same request again may succeed (expired,
            cancelled, server errors), as opposed to a request the provider refused.
    """

    custom_id: str
    outcome: Outcome
    body: bytes | None = None
    error: str | None = None
    retryable: bool = False


class JobAPI(Protocol):
    """A provider's batch-job API.

    Attributes:
        provider: ``openai`` or ``anthropic`` (also the pricing key).
        endpoint: the live endpoint every request of a job goes to.
        limits: the provider's size limits of one job.
        head, sep, tail: how elements are joined into the job file: ``head`` +
            elements separated by ``sep`` + ``tail``.
    """

    provider: str
    endpoint: str
    limits: JobLimits
    head: bytes
    sep: bytes
    tail: bytes

    def element(self, custom_id: str, body: bytes) -> bytes:
        """One request of the job file, wrapping ``body`` (the live request body) as is."""
        ...

    def submit(self, job: Submission) -> str:
        """Hand the job file over and return the provider's job id.

        Raises:
            ProviderError: the provider refused the file or the job.
        """
        ...

    def retrieve(self, batch_id: str) -> JobStatus:
        """The job's current status."""
        ...

    def cancel(self, batch_id: str) -> JobStatus:
        """Ask the provider to cancel the job; its finished requests keep their results."""
        ...

    def download(self, status: JobStatus, directory: Path) -> list[Path]:
        """Stream the results of an ended job into ``directory``; the files written."""
        ...

    def results(self, paths: list[Path]) -> Iterator[RequestResult]:
        """The results in downloaded files, one per request found."""
        ...

    def close(self) -> None:
        """Release the HTTP connections."""
        ...


__all__ = [
    "JobAPI",
    "JobLimits",
    "JobStatus",
    "Outcome",
    "RequestResult",
    "SaveState",
    "Submission",
]
