"""Rough USD cost of a run from token usage.

List prices per million tokens (input, output) as the providers published them around
**2025-06-01** (written from that list, not re-checked from this build machine, which
has no internet access). Prices change: treat results as estimates, and update the
table (and :data:`PRICES_AS_OF`) when they do. Local models (ollama, llama.cpp, vLLM, a bare
``base_url`` model) and unknown models give None rather than a guess.
"""

from __future__ import annotations

from visit_extract.config import split_model
from visit_extract.schema import Usage

PRICES_AS_OF = "2025-06-01"

#: USD per 1M tokens: (input, output). Keys are model names without provider prefix.
PRICES_PER_MTOK: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "o4-mini": (1.10, 4.40),
    "claude-3-5-haiku-latest": (0.80, 4.00),
    "claude-3-5-haiku-20241022": (0.80, 4.00),
    "claude-3-5-sonnet-latest": (3.00, 15.00),
    "claude-sonnet-4-20250514": (3.00, 15.00),
    "claude-3-haiku-20240307": (0.25, 1.25),
    "gemini-2.0-flash": (0.10, 0.40),
    "gemini-1.5-flash": (0.075, 0.30),
    "deepseek-chat": (0.27, 1.10),
    "mistral-small-latest": (0.10, 0.30),
    "llama-3.1-8b-instant": (0.05, 0.08),
}

#: Providers that run locally: cost is not a per-token price.
LOCAL_PROVIDERS = frozenset({"ollama", "vllm", "llamacpp", "lmstudio"})


def estimate_cost(model: str | None, usage: Usage) -> float | None:
    """Estimated USD cost of ``usage`` on ``model``.

    Args:
        model: ``provider/model`` (``openai/gpt-4o-mini``) or a bare model name.
        usage: the tokens spent.

    Returns:
        The cost in USD, or None when the model is unknown or local.

    Example:
        >>> estimate_cost("openai/gpt-4o-mini", Usage(prompt_tokens=1_000_000))
        0.15
    """
    if not model:
        return None
    provider, name = split_model(model)
    if provider in LOCAL_PROVIDERS:
        return None
    prices = PRICES_PER_MTOK.get(name) or PRICES_PER_MTOK.get(name.lower())
    if prices is None:
        return None
    price_in, price_out = prices
    cost = (usage.prompt_tokens * price_in + usage.completion_tokens * price_out) / 1_000_000
    return round(cost, 6)


__all__ = ["LOCAL_PROVIDERS", "PRICES_AS_OF", "PRICES_PER_MTOK", "estimate_cost"]
