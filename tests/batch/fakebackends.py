"""Backends used by the batch tests and benchmarks.

``ToolCallBackend`` (async, through the ``openai`` client) and ``UrllibToolBackend``
(sync, so batch runs it in its thread pool) talk to :mod:`fakeserver` over real HTTP
and behave like an LLM backend at the transport level because they use its transport
policy itself (:class:`~visit_extract.backends.llm.retry.TransportPolicy`: 429 honouring
Retry-After, 5xx and timeouts, bounded by ``Settings.transport_attempts`` and
``transport_total_s``, each retry reported to ``on_retry``); only the request and the
re-asks (up to ``Settings.max_retries`` when the answer is malformed or breaks the
schema) are theirs. They stand in for ``LLMBackend`` where a test must not depend on
its prompts and clients. Both declare ``reports_retries``, so batch runs hand their
factory the ``on_retry`` hook.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from typing import Any

from pydantic import ValidationError

from visit_extract.backends.llm.retry import RetryEvent, TokenMeter, TransportPolicy
from visit_extract.config import Settings
from visit_extract.errors import ExtractionValidationError, RetriesExhausted
from visit_extract.registry import BackendCapabilities
from visit_extract.schema import Article, Usage, VisitExtraction

SCHEMA = VisitExtraction.model_json_schema()
TOOLS = [
    {
        "type": "function",
        "function": {"name": "VisitExtraction", "description": "x", "parameters": SCHEMA},
    }
]


def _request_body(settings: Settings, article: Article) -> dict[str, Any]:
    return {
        "model": settings.model or "fake",
        "messages": [
            {"role": "system", "content": "Extract study visits."},
            {"role": "user", "content": article.text[: settings.max_prompt_chars]},
        ],
        "tools": TOOLS,
        "tool_choice": {"type": "function", "function": {"name": "VisitExtraction"}},
        "temperature": settings.temperature,
    }


class HTTPStatusFailure(Exception):
    """A urllib HTTP error in the shape of the SDKs' errors, which the transport policy
    reads: ``status_code`` and ``response.headers`` (Retry-After)."""

    class _Response:
        def __init__(self, status_code: int, headers: Message) -> None:
            self.status_code = status_code
            self.headers = headers
            self.text: str | None = None

    def __init__(self, exc: urllib.error.HTTPError) -> None:
        super().__init__(f"HTTP {exc.code}")
        self.status_code = exc.code
        self.response = self._Response(exc.code, exc.headers)


class _Attempts:
    """Re-ask bookkeeping of one article (transport retries are the policy's)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.meter = TokenMeter(settings.token_budget)
        self.invalid = 0
        self.usage = Usage()

    def parse(self, body: dict[str, Any], article: Article) -> VisitExtraction | None:
        """The extraction, or None when the answer must be re-asked."""
        usage = body.get("usage") or {}
        self.usage = self.usage + Usage(
            prompt_tokens=usage.get("prompt_tokens", 0),
            completion_tokens=usage.get("completion_tokens", 0),
            total_tokens=usage.get("total_tokens", 0),
            requests=1,
        )
        try:
            args = body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
            result = VisitExtraction.model_validate(json.loads(args))
        except (ValueError, KeyError, IndexError, TypeError, ValidationError) as exc:
            self.invalid += 1
            if self.invalid > self.settings.max_retries:
                raise ExtractionValidationError(
                    f"answer still invalid after {self.invalid} tries: {exc}",
                    attempts=self.invalid,
                    usage=self.usage,
                ) from None
            return None
        return result.model_copy(
            update={
                "id": article.id,
                "backend": "fakehttp",
                "model": self.settings.model,
                "usage": self.usage,
            }
        )


class ToolCallBackend:
    """Async backend over ``openai.AsyncOpenAI`` (batch awaits its ``aextract``)."""

    name = "fakehttp"
    capabilities = BackendCapabilities(reports_retries=True)

    def __init__(self, settings: Settings, *, on_retry: Callable[[RetryEvent], None] | None = None):
        import openai

        self.settings = settings
        self.policy = TransportPolicy(settings, on_retry)
        self._openai = openai
        self._clients: dict[int, Any] = {}

    def _client(self) -> Any:
        # One client per event loop: httpx connection pools are bound to their loop.
        loop_id = id(asyncio.get_running_loop())
        client = self._clients.get(loop_id)
        if client is None:
            client = self._openai.AsyncOpenAI(
                base_url=self.settings.base_url,
                api_key="test-key",
                max_retries=0,
                timeout=self.settings.request_timeout_s,
            )
            self._clients[loop_id] = client
        return client

    def extract(self, article: Article) -> VisitExtraction:
        return asyncio.run(self.aextract(article))

    async def aclose(self) -> None:
        """Close the client of the running loop (batch calls this at the end of a run)."""
        client = self._clients.pop(id(asyncio.get_running_loop()), None)
        if client is not None:
            await client.close()

    async def aextract(self, article: Article) -> VisitExtraction:
        state = _Attempts(self.settings)
        body = _request_body(self.settings, article)

        async def once() -> Any:
            # a coroutine function: tenacity awaits it (not a lambda's coroutine result)
            return await self._client().chat.completions.create(**body)

        while True:
            completion = await self.policy.acall(once, state.meter)
            result = state.parse(completion.model_dump(), article)
            if result is not None:
                return result


class UrllibToolBackend:
    """The same protocol with blocking ``urllib`` and no ``aextract`` (thread pool)."""

    name = "fakehttp-sync"
    capabilities = BackendCapabilities(reports_retries=True)

    def __init__(self, settings: Settings, *, on_retry: Callable[[RetryEvent], None] | None = None):
        self.settings = settings
        self.policy = TransportPolicy(settings, on_retry)

    def _post(self, payload: bytes) -> dict[str, Any]:
        """One request; failures raised in the shapes the transport policy classifies."""
        request = urllib.request.Request(
            f"{self.settings.base_url}/chat/completions",
            payload,
            {"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.settings.request_timeout_s) as r:
                data: dict[str, Any] = json.loads(r.read())
                return data
        except urllib.error.HTTPError as exc:
            raise HTTPStatusFailure(exc) from None
        except urllib.error.URLError as exc:  # refused, reset, timed out
            raise ConnectionError(str(exc.reason)) from None

    def extract(self, article: Article) -> VisitExtraction:
        state = _Attempts(self.settings)
        payload = json.dumps(_request_body(self.settings, article)).encode()
        while True:
            data = self.policy.call(lambda: self._post(payload), state.meter)
            result = state.parse(data, article)
            if result is not None:
                return result


class ScriptedBackend:
    """No network: sleeps ``delay_s``, then answers, or raises for ids in ``fail``.

    Ids in ``hang`` sleep for an hour (to exercise the per-article timeout).
    """

    name = "scripted"

    def __init__(
        self,
        settings: Settings,
        *,
        delay_s: float = 0.0,
        fail: frozenset[str] = frozenset(),
        hang: frozenset[str] = frozenset(),
        study: frozenset[str] = frozenset(),
        use_async: bool = True,
    ) -> None:
        self.settings = settings
        self.delay_s = delay_s
        self.fail = fail
        self.hang = hang
        self.study = study
        self.calls: list[str] = []
        if not use_async:
            self.aextract = None  # type: ignore[assignment]

    def _answer(self, article: Article) -> VisitExtraction:
        self.calls.append(article.id)
        if article.id in self.fail:
            raise RetriesExhausted(f"scripted failure for {article.id}", attempts=3)
        if article.id in self.study:
            from visit_extract.schema import Party, Visit

            visit = Visit(
                visitor=Party(region="Kabupaten Lahat"), host=Party(region="Kabupaten Banyuwangi")
            )
            return VisitExtraction(is_study_visit=True, visits=[visit], backend="scripted")
        return VisitExtraction(
            is_study_visit=False,
            backend="scripted",
            usage=Usage(prompt_tokens=10, completion_tokens=2, total_tokens=12, requests=1),
        )

    def extract(self, article: Article) -> VisitExtraction:
        time.sleep(3600 if article.id in self.hang else self.delay_s)
        return self._answer(article)

    async def aextract(self, article: Article) -> VisitExtraction:
        await asyncio.sleep(3600 if article.id in self.hang else self.delay_s)
        return self._answer(article)
