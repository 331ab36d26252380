"""The LLM backend: prepared text, prompt files, an instructor client with validation
reasks and transport retries, a JSON disk cache, and code post-processing.

>>> from visit_extract import extract_visit
>>> extract_visit(text, model="openai/gpt-4o-mini")          # doctest: +SKIP
"""

from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable

from visit_extract.backends.llm import planning, pricing
from visit_extract.backends.llm.cache import ResultCache, cache_dir, cache_key
from visit_extract.backends.llm.clients import LLMClient, get_client
from visit_extract.backends.llm.grounding import Grounder
from visit_extract.backends.llm.postprocess import build_visits
from visit_extract.backends.llm.prompting import PromptSet
from visit_extract.backends.llm.response import LLMAnswer, grounding
from visit_extract.backends.llm.retry import RetryEvent, TokenMeter, TransportPolicy
from visit_extract.backends.llm.textprep import PreparedText, prepare_text
from visit_extract.config import Settings
from visit_extract.registry import BackendCapabilities
from visit_extract.schema import SCHEMA_VERSION, Article, Usage, VisitExtraction


@dataclass
class _Pending:
    """One article on its way to the model: what the request and the result need."""

    article: Article
    key: str
    prepared: PreparedText
    warnings: list[str]
    messages: list[Any]
    meter: TokenMeter
    grounder: Grounder
    started: float


class LLMBackend:
    """Extract study visits with a language model.

    Args:
        settings: model, provider, retries, budget and cache options.
        on_retry: called before each transport retry (e.g. to slow a batch down on 429).
        prompt_dir: a folder of prompt files to use instead of the shipped ones.
        client: a ready :class:`~visit_extract.backends.llm.clients.LLMClient` (else from
            the registry).

    Raises:
        ConfigError: no model, unknown mode, or a missing API key (named in the message).
    """

    name = "llm"
    #: Each call costs money or seconds: batch runs pre-filter for it, run as many
    #: articles at once as Settings.concurrency says, and hear about its retries.
    capabilities = BackendCapabilities(prefilter=True, concurrency=None, reports_retries=True)
    #: Dry runs (``batch --dry-run``) size and price an article without a key.
    planned_usage = staticmethod(planning.planned_usage)
    price = staticmethod(planning.price)

    def __init__(
        self,
        settings: Settings,
        *,
        on_retry: Callable[[RetryEvent], None] | None = None,
        prompt_dir: Traversable | Path | None = None,
        client: LLMClient | None = None,
    ):
        self.settings = settings
        self.prompts = PromptSet.load(prompt_dir)
        self.policy = TransportPolicy(settings, on_retry=on_retry)
        # A client passed in belongs to the caller; close()/aclose() leave it open.
        self._owns_client = client is None
        self.client = client if client is not None else get_client(settings, self.policy)
        self.cache = ResultCache(cache_dir(settings)) if settings.use_cache else None
        # Everything in the key except the article is fixed for this backend's lifetime.
        self._key_fields: dict[str, Any] = {
            "provider": self.client.provider,
            "base_url": self.client.base_url,
            "model": self.client.model,
            "prompt_version": self.prompts.version,
            "schema_version": SCHEMA_VERSION,
            "sampling": {
                # not sent: the provider's default, whatever the setting says
                "temperature": (
                    self.settings.temperature if self.settings.send_temperature else None
                ),
                "max_tokens": self.settings.max_output_tokens,
            },
        }

    @property
    def prompt_version(self) -> str:
        """The hash of the prompt files in use."""
        return self.prompts.version

    # -- steps shared by the sync and async paths ---------------------------------------

    def _prepare(self, article: Article) -> tuple[PreparedText, list[str]]:
        warnings: list[str] = []
        prepared = prepare_text(article.text).truncate(self.settings.max_prompt_chars)
        if prepared.truncated_from is not None:
            warnings.append(
                f"article truncated for the prompt: {len(prepared.text):,} of "
                f"{prepared.truncated_from:,} prepared characters sent "
                f"(Settings.max_prompt_chars={self.settings.max_prompt_chars:,}); "
                "visits reported only after the cut are missed"
            )
        return prepared, warnings

    def key(self, article: Article) -> str:
        """The cache key of an article under these settings and prompts."""
        return cache_key(text=article.text, published=article.published, **self._key_fields)

    def _from_cache(self, article: Article, key: str) -> VisitExtraction | None:
        """The stored answer, post-processed as on a miss; None on a miss.

        The cache holds the model's raw answer, not the public result, so a fix in
        post-processing (region names, dates, offsets) applies to cached answers too
        without a new key. A hit does only what the result needs: the answer's quotes
        were checked against this text before it was stored, so validation skips that
        check (post-processing still locates every quote and warns about any it cannot
        find), and the text is prepared only when there are visits to ground or the
        article may have been truncated.
        """
        if self.cache is None:
            return None
        entry = self.cache.get(key)
        if entry is None:
            return None
        started = time.perf_counter()
        try:
            with grounding(None):
                answer = LLMAnswer.model_validate(entry["answer"])
            usage = Usage.model_validate(entry.get("usage", {}))
        except (KeyError, TypeError, ValidationError):
            return None  # an entry this version cannot read: a miss, overwritten below
        # Preparation never lengthens a text, so a text within the prompt limit cannot
        # have been truncated.
        if answer.visits or len(article.text) > self.settings.max_prompt_chars:
            prepared, warnings = self._prepare(article)
        else:
            prepared, warnings = None, []
        return self._result(
            article,
            answer,
            prepared,
            warnings,
            usage=usage,
            latency_s=time.perf_counter() - started,
            cached=True,
        )

    def _result(
        self,
        article: Article,
        answer: LLMAnswer,
        prepared: PreparedText | None,
        warnings: list[str],
        *,
        usage: Usage,
        latency_s: float,
        cached: bool,
        grounder: Grounder | None = None,
    ) -> VisitExtraction:
        if answer.visits:
            if prepared is None:  # _from_cache leaves it out only for answers without visits
                prepared, _ = self._prepare(article)
            is_visit, visits, more = build_visits(
                answer, prepared, article.published, grounder=grounder
            )
        else:
            is_visit, visits, more = False, [], []
        return VisitExtraction(
            id=article.id,
            is_study_visit=is_visit,
            visits=visits,
            backend="llm",
            model=self.settings.model,
            prompt_version=self.prompts.version,
            usage=usage,
            latency_s=latency_s,
            cached=cached,
            warnings=warnings + more,
        )

    def _store(self, key: str, answer: LLMAnswer, usage: Usage) -> None:
        if self.cache is not None:
            self.cache.set(
                key,
                {
                    "answer": answer.model_dump(mode="json"),
                    "usage": usage.model_dump(mode="json"),
                    "model": self.settings.model,
                    "prompt_version": self.prompts.version,
                },
            )

    def _start(self, article: Article) -> tuple[PreparedText, list[str], list[Any]]:
        prepared, warnings = self._prepare(article)
        messages = self.prompts.messages(
            prepared.text, article.published, truncated=prepared.truncated_from is not None
        )
        return prepared, warnings, messages

    # -- the backend protocol -------------------------------------------------------------

    def extract(self, article: Article) -> VisitExtraction:
        """Extract the study visits of one checked article.

        A cache hit makes no request and returns ``cached=True`` (``usage`` is that of
        the call that produced the stored answer).

        Raises:
            ExtractionValidationError: still invalid after Settings.max_retries reasks.
            TokenBudgetExceeded: the article needed more than Settings.token_budget.
            AuthenticationError, RetriesExhausted, ProviderError: provider failures.
        """
        step = self._begin(article)
        if isinstance(step, VisitExtraction):
            return step
        with grounding(step.grounder):
            answer = self.client.complete(step.messages, LLMAnswer, step.meter)
        return self._finish(step, answer)

    async def aextract(self, article: Article) -> VisitExtraction:
        """:meth:`extract` on instructor's async client, for concurrent batches."""
        step = self._begin(article)
        if isinstance(step, VisitExtraction):
            return step
        # The context variable is task-local, so concurrent articles do not mix texts.
        with grounding(step.grounder):
            answer = await self.client.acomplete(step.messages, LLMAnswer, step.meter)
        return self._finish(step, answer)

    def _begin(self, article: Article) -> VisitExtraction | _Pending:
        """The cached result, or what a request for ``article`` needs."""
        key = self.key(article)
        hit = self._from_cache(article, key)
        if hit is not None:
            return hit
        started = time.perf_counter()
        prepared, warnings, messages = self._start(article)
        return _Pending(
            article=article,
            key=key,
            prepared=prepared,
            warnings=warnings,
            messages=messages,
            meter=TokenMeter(self.settings.token_budget),
            # one per article: it checks the answer's quotes and places the evidence
            grounder=Grounder(prepared.text),
            started=started,
        )

    def _finish(self, step: _Pending, answer: LLMAnswer) -> VisitExtraction:
        """Store the model's answer and build the public result."""
        self._store(step.key, answer, step.meter.usage)
        return self._result(
            step.article,
            answer,
            step.prepared,
            step.warnings,
            usage=step.meter.usage,
            latency_s=time.perf_counter() - step.started,
            cached=False,
            grounder=step.grounder,
        )

    def estimate_cost(self, usage: Usage) -> float | None:
        """The USD price of ``usage`` on this backend's model (None when unknown)."""
        return pricing.estimate_cost(self.settings.model, usage)

    # -- resources ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the synchronous HTTP client this backend opened, and the cache.

        Both reopen on the next call, so closing a backend that is used again is safe.
        A client passed to the constructor is left to its owner.
        """
        if self._owns_client:
            close = getattr(self.client, "close", None)
            if callable(close):
                close()
        if self.cache is not None:
            self.cache.close()

    async def aclose(self) -> None:
        """Close the HTTP clients (async and sync) this backend opened, and the cache.

        Call it in the event loop the backend was used in: async clients hold sockets
        of that loop (batch runs call it at the end of every run). Everything reopens
        on the next call.
        """
        if self._owns_client:
            aclose = getattr(self.client, "aclose", None)
            if aclose is not None and inspect.iscoroutinefunction(aclose):
                await aclose()
        self.close()


__all__ = ["LLMBackend", "RetryEvent"]
