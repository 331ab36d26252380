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
