"""What a dry run needs from the LLM backend, without a key and without a request.

A batch ``--dry-run`` asks, for each article the pre-filter lets through, how many
tokens its request would take, and prices them with the model's entry in
:mod:`~visit_extract.backends.llm.pricing`. The prompt side is measured on the very
messages and tool schema a live request would carry (at the client's 4 characters a
token); the answer side is an assumption, :data:`ASSUMED_ANSWER_TOKENS`, since no model
has been asked. Reasks are not counted: a dry run's figure is a floor, not a ceiling.
"""

from __future__ import annotations

import functools

from visit_extract.backends.llm import pricing
from visit_extract.backends.llm.clients.requests import estimate_tokens
from visit_extract.backends.llm.clients.schema import response_schema
from visit_extract.backends.llm.prompting import PromptSet
from visit_extract.backends.llm.response import LLMAnswer
from visit_extract.backends.llm.textprep import prepare_text
from visit_extract.config import Settings
from visit_extract.schema import Article, Usage

#: Output tokens assumed for one answer: a one-visit answer with its quotes.
ASSUMED_ANSWER_TOKENS = 600


@functools.lru_cache(maxsize=1)
def _prompts() -> PromptSet:
    return PromptSet.load()


@functools.lru_cache(maxsize=1)
def _tools() -> list[dict[str, object]]:
    schema = response_schema(LLMAnswer).openai_schema  # type: ignore[attr-defined]
    return [{"type": "function", "function": schema}]


def planned_usage(settings: Settings, article: Article) -> Usage:
    """The tokens one request for ``article`` would take under ``settings``.

    Args:
        settings: ``max_prompt_chars`` and ``max_output_tokens`` are read.
        article: the checked article.

    Returns:
        One request's estimated usage: the prompt as a live request would send it,
        and :data:`ASSUMED_ANSWER_TOKENS` (at most ``max_output_tokens``) for the answer.
    """
    prepared = prepare_text(article.text).truncate(settings.max_prompt_chars)
    messages = _prompts().messages(
        prepared.text, article.published, truncated=prepared.truncated_from is not None
    )
    prompt = estimate_tokens({"messages": messages, "tools": _tools()})
    answer = min(ASSUMED_ANSWER_TOKENS, settings.max_output_tokens)
    return Usage(
        prompt_tokens=prompt, completion_tokens=answer, total_tokens=prompt + answer, requests=1
    )


def price(settings: Settings, usage: Usage) -> float | None:
    """The USD price of ``usage`` on the settings' model (None when unknown or local)."""
    return pricing.estimate_cost(settings.model, usage)


__all__ = ["ASSUMED_ANSWER_TOKENS", "planned_usage", "price"]
