"""Rough USD cost of a run from token usage: live, batch, and with prompt caching.

List prices per million tokens (input, output) as the providers published them around
**2025-06-01** (written from that list, not re-checked from this build machine, which
has no internet access). Prices change: treat results as estimates, and update the
table (and :data:`PRICES_AS_OF`) when they do. Local models (ollama, llama.cpp, vLLM, a bare
``base_url`` model) and unknown models give None rather than a guess.

Prompt caching changes the price of the input tokens it touches
(:class:`~visit_extract.schema.Usage` counts them): a token read from the cache costs
a fraction of the input price — OpenAI 50% (gpt-4o family) or 25% (gpt-4.1 family,
o4-mini), Anthropic 10% — and a token written to Anthropic's cache costs 125% (the
5-minute cache this project marks). Providers without a known cache price are charged
the full input price for cached tokens, which can only overstate the cost.

Batch jobs (OpenAI Batch API, Anthropic Message Batches) cost half the live price of
every token, cached and cache-write tokens included.
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

#: Price of a token read from / written to the prompt cache, as a share of the input
#: price, by model name prefix (the longest matching prefix wins).
CACHE_FACTORS: dict[str, tuple[float, float]] = {
    "gpt-4o": (0.50, 1.0),
    "gpt-4.1": (0.25, 1.0),
    "o4-mini": (0.25, 1.0),
    "claude": (0.10, 1.25),
}

#: Share of the live price a batch job costs, by provider.
BATCH_FACTOR: dict[str, float] = {"openai": 0.5, "anthropic": 0.5}

#: Providers that run locally: cost is not a per-token price.
LOCAL_PROVIDERS = frozenset({"ollama", "vllm", "llamacpp", "lmstudio"})


def _cache_factors(name: str) -> tuple[float, float]:
    best = ""
    for prefix in CACHE_FACTORS:
        if name.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return CACHE_FACTORS[best] if best else (1.0, 1.0)


def estimate_cost(model: str | None, usage: Usage, *, batch: bool = False) -> float | None:
    """Estimated USD cost of ``usage`` on ``model``.

    Args:
        model: ``provider/model`` (``openai/gpt-4o-mini``) or a bare model name.
        usage: the tokens spent (cached and cache-write tokens priced as such).
        batch: price them as a provider batch job (half price for OpenAI and Anthropic).

    Returns:
        The cost in USD, or None when the model is unknown or local, or ``batch`` is
        asked of a provider without a known batch price.

    Example:
        >>> estimate_cost("openai/gpt-4o-mini", Usage(prompt_tokens=1_000_000))
        0.15
        >>> estimate_cost("openai/gpt-4o-mini", Usage(prompt_tokens=1_000_000), batch=True)
        0.075
    """
    if not model:
        return None
    provider, name = split_model(model)
    if provider in LOCAL_PROVIDERS:
        return None
    prices = PRICES_PER_MTOK.get(name) or PRICES_PER_MTOK.get(name.lower())
    if prices is None:
        return None
    factor = 1.0
    if batch:
        found = BATCH_FACTOR.get(provider or "")
        if found is None:
            return None
        factor = found
    price_in, price_out = prices
    read_share, write_share = _cache_factors(name.lower())
    cached = min(usage.cached_prompt_tokens, usage.prompt_tokens)
    written = min(usage.cache_write_tokens, usage.prompt_tokens - cached)
    plain = usage.prompt_tokens - cached - written
    cost_in = (plain + cached * read_share + written * write_share) * price_in
    cost = (cost_in + usage.completion_tokens * price_out) * factor / 1_000_000
    return round(cost, 6)


__all__ = [
    "BATCH_FACTOR",
    "CACHE_FACTORS",
    "LOCAL_PROVIDERS",
    "PRICES_AS_OF",
    "PRICES_PER_MTOK",
    "estimate_cost",
]
