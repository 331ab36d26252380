"""What the OpenAI and Anthropic job clients share: the HTTP client and limits, reading
result files, finding recent items in a provider's newest-first lists, and creating a
job at most once."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from visit_extract.backends.llm.jobs.http import JobHTTP, read_lines
from visit_extract.backends.llm.jobs.protocol import (
    JobLimits,
    JobStatus,
    RequestResult,
    Submission,
)
from visit_extract.config import Settings
from visit_extract.errors import ProviderError

#: How far before a recorded start a provider's clock may put an item we created.
CLOCK_SKEW_S = 600
#: Pages of a list read at most when looking for an item (100 items a page).
MAX_PAGES = 50


def result_row(line: bytes) -> tuple[dict[str, Any], str]:
    """A line of a result file as JSON, and its custom id.

    Raises:
        ProviderError: the line is not a batch result.
    """
    try:
        row = json.loads(line)
        return row, str(row["custom_id"])
    except (ValueError, KeyError, TypeError):
        raise ProviderError(
            f"a line of the job's results is not a batch result: {line[:120]!r}"
        ) from None


class BatchJobs:
    """The shared half of a provider's job client; a provider's class sets the class
    attributes and the hooks :meth:`auth_headers` and :meth:`parse`.

    Args:
        api_key: the provider's key.
        base_url: the API root (None: the provider's, :attr:`default_base_url`).
        settings: timeouts and transport retries.
        limits: job size limits (None: the provider's, :attr:`default_limits`).
    """

    #: The path of the provider's job objects, below its API root.
    jobs_path = ""
    #: The provider's own API root.
    default_base_url = ""
    #: The provider's documented job size limits.
    default_limits: ClassVar[JobLimits]

    def __init__(
        self,
        api_key: str,
        base_url: str | None,
        settings: Settings,
        *,
        limits: JobLimits | None = None,
    ):
        root = self.api_root(base_url or self.default_base_url)
        self.http = JobHTTP(root, self.auth_headers(api_key), settings)
        self.limits = limits or self.default_limits

    @staticmethod
    def api_root(base_url: str) -> str:
        """The root the job paths are relative to, from a configured base URL."""
        return base_url

    @staticmethod
    def auth_headers(api_key: str) -> dict[str, str]:
        """The headers that authenticate a request (each provider its own)."""
        raise NotImplementedError

    @staticmethod
    def parse(line: bytes) -> RequestResult:
        """One line of the provider's result files (each provider its own)."""
        raise NotImplementedError

    @staticmethod
    def status_of(raw: dict[str, Any]) -> JobStatus:
        """The provider's job object as a :class:`JobStatus` (each provider its own)."""
        raise NotImplementedError

    def retrieve(self, batch_id: str) -> JobStatus:
        """The job's status (``GET <jobs>/{id}``)."""
        return self.status_of(self.http.json("GET", f"{self.jobs_path}/{batch_id}"))

    def cancel(self, batch_id: str) -> JobStatus:
        """Ask the provider to cancel the job (``POST <jobs>/{id}/cancel``)."""
        return self.status_of(self.http.json("POST", f"{self.jobs_path}/{batch_id}/cancel"))

    def results(self, paths: list[Path]) -> Iterator[RequestResult]:
        """One result per line of the downloaded files."""
        for line in read_lines(paths):
            yield self.parse(line)

    def close(self) -> None:
        """Close the HTTP client."""
        self.http.close()

    def recent(
        self,
        path: str,
        params: dict[str, Any],
        *,
        cursor: str,
        since: float,
        created: Callable[[dict[str, Any]], float],
    ) -> Iterator[dict[str, Any]]:
        """Items of a newest-first list created since ``since`` (less the clock skew).

        Args:
            path: the list endpoint.
            params: its query parameters.
            cursor: the parameter that asks for the page after an id.
            since: when the attempt that may have made the item began.
            created: an item's creation time (Unix seconds).
        """
        after: str | None = None
        floor = since - CLOCK_SKEW_S
        for _ in range(MAX_PAGES):
            page = self.http.json(
                "GET", path, params={**params, **({cursor: after} if after else {})}
            )
            data = page.get("data") or []
            for item in data:
                if created(item) >= floor:
                    yield item
            if not page.get("has_more") or not data or min(created(i) for i in data) < floor:
                return
            after = str(data[-1]["id"])

    def create_once(
        self,
        job: Submission,
        *,
        cursor: str,
        created: Callable[[dict[str, Any]], float],
        matches: Callable[[dict[str, Any]], bool],
        **request: Any,
    ) -> str:
        """The job's batch id: the job is created (``POST <jobs>`` with ``request``) at
        most once; an attempt that was started but never recorded is looked for first
        among the recent jobs (those ``matches`` accepts and no other job of the run
        claims).

        Args:
            job: the submission.
            cursor: the list's page parameter (see :meth:`recent`).
            created: a job object's creation time (Unix seconds).
            matches: whether a job object is the one this submission created.
            **request: the creation request's body arguments (``json=``,
                ``content_path=``, ``headers=``).
        """

        def find(since: float) -> str | None:
            jobs = self.recent(
                self.jobs_path, {"limit": 100}, cursor=cursor, since=since, created=created
            )
            for item in jobs:
                if matches(item) and item.get("id") not in job.claimed:
                    return str(item["id"])
            return None

        def create() -> str:
            return str(self.http.json("POST", self.jobs_path, **request)["id"])

        return self.once(job, "create_started", "batch_id", find, create)

    @staticmethod
    def once(
        job: Submission,
        started: str,
        key: str,
        find: Callable[[float], str | None],
        make: Callable[[], str],
    ) -> str:
        """``job.state[key]``, made by ``make`` unless an attempt that was started
        (``job.state[started]``) but never recorded is found by ``find(started_at)``.

        The start is saved before ``make`` is called and the result after, so a
        process killed in between looks before making the item again.
        """
        state = job.state
        if state.get(key):
            return str(state[key])
        found = find(float(state[started])) if state.get(started) else None
        if found is None:
            state[started] = time.time()
            job.save()
            found = make()
        state[key] = found
        job.save()
        return found


__all__ = ["CLOCK_SKEW_S", "MAX_PAGES", "BatchJobs", "result_row"]
