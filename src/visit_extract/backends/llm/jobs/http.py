"""HTTP for the job APIs: the SDK's own HTTP library, retried by the project's policy.

The job endpoints (files, batches, results) are called directly rather than through
the SDK resources, so that a 200 MB job file is streamed from disk and results are
streamed to disk instead of being held in memory. Transient failures (429, 5xx,
timeouts) are retried with the same :class:`~visit_extract.backends.llm.retry.
TransportPolicy` as live requests; each attempt starts the request afresh.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from visit_extract.backends.llm.retry import TokenMeter, TransportPolicy
from visit_extract.config import Settings

#: Large enough that the policy's token meter never refuses a job call.
_NO_BUDGET = 1 << 62


def http_module() -> Any:
    """The HTTP library the installed OpenAI SDK is built on (``httpx`` or a fork).

    Transports and clients must come from the library the SDK uses, whatever its
    import name.
    """
    import openai

    base = openai.DefaultHttpxClient.__mro__[1]
    return sys.modules[base.__module__.partition(".")[0]]


class JobHTTP:
    """One HTTP client for a provider's job endpoints.

    Args:
        base_url: the provider's API root (``https://api.openai.com/v1``).
        headers: authentication and version headers sent with every request.
        settings: request timeout and transport retry options.
    """

    def __init__(self, base_url: str, headers: dict[str, str], settings: Settings):
        http = http_module()
        self.base_url = base_url.rstrip("/")
        self._policy = TransportPolicy(settings)
        self._client = http.Client(
            headers=headers,
            timeout=http.Timeout(settings.request_timeout_s, connect=30.0),
            follow_redirects=True,
        )

    def url(self, path: str) -> str:
        """``path`` under the API root; an absolute URL is kept as it is."""
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    def _call(self, once: Callable[[], Any]) -> Any:
        return self._policy.call(once, TokenMeter(_NO_BUDGET))

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send a request (retried on transient failures) and return its JSON body.

        ``content_path`` (a file) is sent as the body, opened afresh for each attempt.

        Raises:
            AuthenticationError, ProviderError, RetriesExhausted: as for live requests.
        """
        content_path: Path | None = kwargs.pop("content_path", None)
        files_path: tuple[str, str, Path, str] | None = kwargs.pop("file_field", None)

        def once() -> Any:
            if content_path is not None:
                with content_path.open("rb") as body:
                    response = self._client.request(method, self.url(path), content=body, **kwargs)
            elif files_path is not None:
                field_name, file_name, local, mime = files_path
                with local.open("rb") as fh:
                    response = self._client.request(
                        method, self.url(path), files={field_name: (file_name, fh, mime)}, **kwargs
                    )
            else:
                response = self._client.request(method, self.url(path), **kwargs)
            return _check(response).json()

        return self._call(once)

    def download(self, path: str, dest: Path, **kwargs: Any) -> Path:
        """Stream a response body into ``dest`` (through ``dest.part``, renamed when whole).

        A process killed mid-download leaves only the ``.part`` file; the next attempt
        starts it again.
        """
        part = dest.with_name(dest.name + ".part")

        def once() -> Path:
            with self._client.stream("GET", self.url(path), **kwargs) as response:
                _check(response)
                with part.open("wb") as fh:
                    for chunk in response.iter_bytes(1 << 20):
                        fh.write(chunk)
                    fh.flush()
                    os.fsync(fh.fileno())
            os.replace(part, dest)
            return dest

        result: Path = self._call(once)
        return result

    def close(self) -> None:
        """Close the connections."""
        self._client.close()


def read_lines(paths: list[Path]) -> Iterator[bytes]:
    """The non-blank lines of ``paths`` in turn, read in binary as they are needed."""
    for path in paths:
        with path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    yield line


class JobHTTPError(Exception):
    """A job endpoint answered with an error status.

    Carries ``status_code`` and ``response`` the way SDK errors do, so the transport
    policy retries it (429, 5xx) or maps it to the project's errors (401, 400...).
    """

    def __init__(self, response: Any):
        self.response = response
        self.status_code = int(response.status_code)
        try:
            body = response.json()
            error = body.get("error") if isinstance(body, dict) else None
            message = error.get("message") if isinstance(error, dict) else None
        except Exception:
            message = None
        detail = message or (response.text[:300] if response.text else "")
        super().__init__(f"{response.request.method} {response.request.url.path}: {detail}")


def _check(response: Any) -> Any:
    if response.status_code >= 400:
        response.read()
        raise JobHTTPError(response)
    return response


__all__ = ["JobHTTP", "JobHTTPError", "http_module", "read_lines"]
