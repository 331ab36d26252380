"""Backends used by the batch tests and benchmarks.

``ToolCallBackend`` (async, through the ``openai`` client) and ``UrllibToolBackend``
(sync, so batch runs it in its thread pool) talk to :mod:`fakeserver` over real HTTP
and behave like an LLM backend at the transport level: they retry 429 (honouring
Retry-After), 5xx and timeouts up to ``Settings.transport_attempts``, report each
retry to ``on_retry`` as a :class:`RetryEvent`, and re-ask up to
``Settings.max_retries`` times when the answer is malformed or breaks the schema. Both
declare ``reports_retries``, so batch runs hand their factory the ``on_retry`` hook.
They stand in for ``visit_extract.backends.llm.LLMBackend`` where a test must not depend on it.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

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


@dataclass(frozen=True)
class RetryEvent:
    """What ``on_retry`` receives (the fields batch reads)."""

    status_code: int | None
    wait_s: float
    attempt: int


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


def _retry_after(headers: Any) -> float | None:
    ms = headers.get("retry-after-ms") if headers is not None else None
    if ms:
        return float(ms) / 1000.0
    sec = headers.get("retry-after") if headers is not None else None
    return float(sec) if sec else None


class _Attempts:
    """Shared retry/reask bookkeeping of the two backends."""

    def __init__(self, settings: Settings, on_retry: Callable[[RetryEvent], None] | None):
        self.settings = settings
        self.on_retry = on_retry
        self.requests = 0
        self.transport_failures = 0
        self.invalid = 0
        self.usage = Usage()

    def transport_wait(self, status: int | None, retry_after: float | None) -> float:
        """Seconds to wait before the next try; raises when the attempts are used up."""
        self.transport_failures += 1
        if self.transport_failures >= self.settings.transport_attempts:
            raise RetriesExhausted(
                f"gave up after {self.requests} requests (last status {status})",
                attempts=self.requests,
                usage=self.usage,
            )
        wait = retry_after if retry_after is not None else 0.05 * 2 ** (self.transport_failures - 1)
        wait = min(wait, self.settings.transport_max_wait_s)
        if self.on_retry is not None:
            self.on_retry(RetryEvent(status, wait, self.requests))
        return wait

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
                    attempts=self.requests,
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

    def __init__(self, settings: Settings, *, on_retry: Callable[[Any], None] | None = None):
        import openai

        self.settings = settings
        self.on_retry = on_retry
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
        openai = self._openai
        state = _Attempts(self.settings, self.on_retry)
        body = _request_body(self.settings, article)
        while True:
            state.requests += 1
            try:
                completion = await self._client().chat.completions.create(**body)
                data = completion.model_dump()
            except openai.APIStatusError as exc:
                if exc.status_code != 429 and exc.status_code < 500:
                    raise
                wait = state.transport_wait(exc.status_code, _retry_after(exc.response.headers))
                await asyncio.sleep(wait)
                continue
            except (openai.APITimeoutError, openai.APIConnectionError):
                await asyncio.sleep(state.transport_wait(None, None))
                continue
            result = state.parse(data, article)
            if result is not None:
                return result


class UrllibToolBackend:
    """The same protocol with blocking ``urllib`` and no ``aextract`` (thread pool)."""

    name = "fakehttp-sync"
    capabilities = BackendCapabilities(reports_retries=True)

    def __init__(self, settings: Settings, *, on_retry: Callable[[Any], None] | None = None):
        self.settings = settings
        self.on_retry = on_retry

    def extract(self, article: Article) -> VisitExtraction:
        state = _Attempts(self.settings, self.on_retry)
        payload = json.dumps(_request_body(self.settings, article)).encode()
        url = f"{self.settings.base_url}/chat/completions"
        while True:
            state.requests += 1
            request = urllib.request.Request(
                url, payload, {"Content-Type": "application/json"}, method="POST"
            )
            try:
                with urllib.request.urlopen(request, timeout=self.settings.request_timeout_s) as r:
                    data = json.loads(r.read())
            except urllib.error.HTTPError as exc:
                if exc.code != 429 and exc.code < 500:
                    raise
                time.sleep(state.transport_wait(exc.code, _retry_after(exc.headers)))
                continue
            except (urllib.error.URLError, TimeoutError, ConnectionError):
                time.sleep(state.transport_wait(None, None))
                continue
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
