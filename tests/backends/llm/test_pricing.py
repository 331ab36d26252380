"""Cost estimates from the price table."""

from __future__ import annotations

import pytest

from visit_extract.backends.llm.pricing import estimate_cost
from visit_extract.schema import Usage


def test_known_model_cost() -> None:
    usage = Usage(prompt_tokens=2_000_000, completion_tokens=1_000_000)
    assert estimate_cost("openai/gpt-4o-mini", usage) == pytest.approx(0.30 + 0.60)


@pytest.mark.parametrize("model", [None, "ollama/qwen2.5:7b", "openai/unknown-model", "smollm2"])
def test_unknown_or_local_models_have_no_cost(model: str | None) -> None:
    assert estimate_cost(model, Usage(prompt_tokens=1000)) is None


def test_cached_input_tokens_are_priced_at_the_cache_rate() -> None:
    # gpt-4o-mini: input 0.15 $/M, cached input half of it
    usage = Usage(prompt_tokens=1_000_000, cached_prompt_tokens=800_000)
    assert estimate_cost("openai/gpt-4o-mini", usage) == pytest.approx(0.2 * 0.15 + 0.8 * 0.075)
    # gpt-4.1 family: a quarter
    assert estimate_cost("openai/gpt-4.1-mini", usage) == pytest.approx(0.2 * 0.40 + 0.8 * 0.10)


def test_anthropic_cache_reads_and_writes() -> None:
    # claude-3-5-haiku: input 0.80 $/M; reads 10%, writes 125%
    usage = Usage(
        prompt_tokens=3_000_000, cached_prompt_tokens=1_000_000, cache_write_tokens=1_000_000
    )
    expected = 1.0 * 0.80 + 1.0 * 0.08 + 1.0 * 1.00
    assert estimate_cost("anthropic/claude-3-5-haiku-latest", usage) == pytest.approx(expected)


def test_batch_jobs_cost_half_of_every_token() -> None:
    usage = Usage(
        prompt_tokens=2_000_000,
        completion_tokens=1_000_000,
        cached_prompt_tokens=1_000_000,
    )
    live = estimate_cost("openai/gpt-4o-mini", usage)
    assert live is not None
    assert estimate_cost("openai/gpt-4o-mini", usage, batch=True) == pytest.approx(live / 2)
    # no known batch price for a provider without batch jobs
    assert estimate_cost("deepseek/deepseek-chat", usage, batch=True) is None


def test_old_usage_json_without_cache_fields_still_reads() -> None:
    usage = Usage.model_validate(
        {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7, "requests": 1}
    )
    assert usage.cached_prompt_tokens == 0 and usage.cache_write_tokens == 0
    assert (usage + usage).total_tokens == 14 and (usage - usage).requests == 0
