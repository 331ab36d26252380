"""Batch requests made by the live request path itself, and batch answers fed back
through it.

A batch job must carry, for each article, exactly the body a live request would have
sent. Rather than rebuild that body beside the live path, the live path is run: the
LLM backend prepares the text, renders the prompt, asks instructor for the request
(tool schema, tool choice), the request shaping adds what it adds, and the SDK
serialises it; an HTTP transport at the very end records the bytes the SDK hands it
and stops the call there (:meth:`RequestBuilder.build`). The body is byte for byte the
live one because it *is* the live one.

Collecting runs the same path again for each answered request, with the transport
answering in the provider's place with the body the job returned
(:meth:`RequestBuilder.answer`): the SDK parses it, instructor validates it, quotes are
grounded, the answer is post-processed and stored in the answer cache exactly as a
live answer is. The request rebuilt on the way must hash to the one submitted, or the
article is refused (the prompt or the settings changed between submit and collect).
An answer that fails validation is asked again by instructor; that request goes to the
network (a live reask, within the article's token budget) or, when a second batch
round is wanted, is recorded instead like the first one.

The transport stops a call by raising a ``BaseException``: the SDK turns any
``Exception`` from a transport into a connection error, which the retry policy would
retry; an exception outside that family passes every layer unchanged.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable

from visit_extract.backends.llm.backend import LLMBackend
from visit_extract.backends.llm.clients import InstructorClient
from visit_extract.backends.llm.jobs.http import http_module
from visit_extract.backends.llm.retry import TransportPolicy
from visit_extract.config import Settings
from visit_extract.errors import VisitExtractError
from visit_extract.schema import Article, VisitExtraction


def body_hash(body: bytes) -> str:
    """The SHA-256 of a request body (hex), as the manifest records it."""
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class Request:
    """A request the live path would send.

    Attributes:
        path: the URL path (``/v1/chat/completions``, ``/v1/messages``).
        body: the JSON body, exactly as the SDK serialised it.
    """

    path: str
    body: bytes

    @property
    def sha256(self) -> str:
        """The body's hash."""
        return body_hash(self.body)


@dataclass(frozen=True)
class Exchange:
    """A request an article sent in a batch job and the provider's answer to it.

    Attributes:
        sha256: the hash of the request body that was submitted.
        response: the provider's response body (a chat completion or a message).
    """

    sha256: str
    response: bytes


class RequestMismatch(VisitExtractError):
    """The request rebuilt at collect time is not the one that was submitted."""


class _Captured(BaseException):
    def __init__(self, request: Request):
        super().__init__(request.path)
        self.request = request


class _Mismatch(BaseException):
    def __init__(self, expected: str, got: str):
        super().__init__(f"{expected} != {got}")
        self.expected = expected
        self.got = got


@dataclass
class _Slot:
    """What the transport does with the requests of the article being processed."""

    replies: list[Exchange]
    capture: bool
    used: int = 0


_SLOT: ContextVar[_Slot | None] = ContextVar("visit_extract_job_slot", default=None)


class JobTransport:
    """An HTTP transport for the SDK's synchronous client (duck-typed like the library's
    ``BaseTransport``): inside :meth:`RequestBuilder.build` and :meth:`RequestBuilder.
    answer` it records or answers requests; anywhere else it is the network."""

    def __init__(self) -> None:
        self._network: Any = None
        self._lock = threading.Lock()

    def handle_request(self, request: Any) -> Any:
        slot = _SLOT.get()
        if slot is None:
            return self._live(request)
        body = bytes(request.read())
        if slot.used < len(slot.replies):
            reply = slot.replies[slot.used]
            slot.used += 1
            got = body_hash(body)
            if got != reply.sha256:
                raise _Mismatch(reply.sha256, got)
            http = http_module()
            return http.Response(
                200,
                headers={"content-type": "application/json"},
                content=reply.response,
                request=request,
            )
        if slot.capture:
            raise _Captured(Request(path=str(request.url.path), body=body))
        return self._live(request)

    def _live(self, request: Any) -> Any:
        with self._lock:
            if self._network is None:
                self._network = http_module().HTTPTransport()
            network = self._network
        return network.handle_request(request)

    def close(self) -> None:
        with self._lock:
            network, self._network = self._network, None
        if network is not None:
            network.close()

    def __enter__(self) -> JobTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RequestBuilder:
    """The LLM backend with a :class:`JobTransport`: builds job requests, reads answers.

    Args:
        settings: the run's settings (model, endpoint, sampling, cache...).
        prompt_dir: prompt files other than the shipped ones.

    Raises:
        ConfigError: no model, unknown mode, or a missing API key.
    """

    def __init__(self, settings: Settings, *, prompt_dir: Traversable | Path | None = None):
        self.settings = settings
        self.transport = JobTransport()
        self.client = InstructorClient(
            settings, TransportPolicy(settings), http_transport=self.transport
        )
        self.backend = LLMBackend(settings, client=self.client, prompt_dir=prompt_dir)

    @property
    def prompt_version(self) -> str:
        """The hash of the prompt files in use."""
        return self.backend.prompt_version

    def build(self, article: Article) -> VisitExtraction | Request:
        """The cached result of ``article``, or the request the live path would send.

        Raises:
            VisitExtractError: what the live path raises before any request (an article
                too large for the token budget...).
        """
        token = _SLOT.set(_Slot([], capture=True))
        try:
            return self.backend.extract(article)
        except _Captured as captured:
            return captured.request
        finally:
            _SLOT.reset(token)

    def answer(
        self, article: Article, replies: Sequence[Exchange], *, capture_next: bool = False
    ) -> VisitExtraction | Request:
        """Run the live path with its first requests answered by ``replies``.

        Args:
            article: the article the replies belong to.
            replies: the requests it sent in batch jobs, in order, with their answers.
            capture_next: return the next request (a reask) instead of sending it.

        Returns:
            The validated, post-processed result (also stored in the answer cache), or
            with ``capture_next`` the reask request an invalid answer led to.

        Raises:
            RequestMismatch: a rebuilt request differs from the one submitted.
            VisitExtractError: as the live path (an answer still invalid after the
                reasks, the token budget, a failed live reask).
        """
        token = _SLOT.set(_Slot(list(replies), capture=capture_next))
        try:
            return self.backend.extract(article)
        except _Captured as captured:
            return captured.request
        except _Mismatch as mismatch:
            raise RequestMismatch(
                f"article {article.id!r}: the request rebuilt for it (sha256 "
                f"{mismatch.got[:12]}) is not the one submitted ({mismatch.expected[:12]}); "
                "the prompt files or the settings changed since the job was submitted: "
                "collect with the ones it was submitted with"
            ) from None
        finally:
            _SLOT.reset(token)

    def close(self) -> None:
        """Close the backend's clients and cache, and the transport."""
        self.backend.close()
        self.transport.close()


__all__ = ["Exchange", "JobTransport", "Request", "RequestBuilder", "RequestMismatch", "body_hash"]
