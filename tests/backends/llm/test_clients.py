"""The instructor client's per-process pieces: the response-model wrapper and the
async-validator check instructor repeats on every request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from instructor.v2.validation import async_validators
from pydantic import BaseModel

from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients import (
    _estimate_tokens,
    _tools_as_extra_body,
    get_client,
    response_schema,
)
from visit_extract.backends.llm.response import LLMAnswer
from visit_extract.backends.llm.retry import TransportPolicy
from visit_extract.config import Settings
from visit_extract.schema import Article


def test_the_wrapper_is_made_once_and_keeps_the_models_schema() -> None:
    wrapped = response_schema(LLMAnswer)
    assert response_schema(LLMAnswer) is wrapped
    assert issubclass(wrapped, LLMAnswer) and wrapped.__name__ == "LLMAnswer"
    assert wrapped.model_json_schema() == LLMAnswer.model_json_schema()


class _WithAsyncValidator(BaseModel):
    name: str

    @async_validators.async_field_validator("name")
    async def _check(self, value: str) -> str:
        return value


def test_models_with_async_validators_are_still_refused() -> None:
    response_schema(LLMAnswer)  # installs the shortcut for checked models
    with pytest.raises(ValueError, match="async validators"):
        async_validators.reject_async_validators(_WithAsyncValidator)
    # and the one-off check at wrap time refuses it the way instructor would
    with pytest.raises(ValueError, match="async validators"):
        response_schema(_WithAsyncValidator)


def test_checked_models_skip_the_walk() -> None:
    wrapped = response_schema(LLMAnswer)
    original: Any = async_validators.reject_async_validators.__wrapped_original__  # type: ignore[attr-defined]
    calls: list[Any] = []

    def spy(model: Any) -> None:
        calls.append(model)
        original(model)

    async_validators.reject_async_validators.__wrapped_original__ = spy  # type: ignore[attr-defined]
    try:
        async_validators.reject_async_validators(wrapped)
        assert calls == []
        async_validators.reject_async_validators(LLMAnswer)  # not wrapped by us: walked
        assert calls == [LLMAnswer]
    finally:
        async_validators.reject_async_validators.__wrapped_original__ = original  # type: ignore[attr-defined]


def test_tools_move_to_extra_body_unchanged() -> None:
    tools = [{"type": "function", "function": {"name": "LLMAnswer", "parameters": {}}}]
    kwargs = {"model": "m", "messages": [], "tools": tools, "extra_body": {"seed": 1}}
    moved = _tools_as_extra_body(kwargs)
    assert "tools" not in moved and moved["extra_body"] == {"seed": 1, "tools": tools}
    assert kwargs["tools"] is tools  # the caller's arguments are not modified
    assert _tools_as_extra_body({"model": "m"}) == {"model": "m"}


def test_budget_estimate_is_close_to_the_json_size() -> None:
    messages = [
        {"role": "system", "content": "Aturan.\n" * 200},
        {"role": "user", "content": "Rombongan \u201cPemkab A\u201d tiba. " * 100},
    ]
    tools = [{"type": "function", "function": {"name": "T", "parameters": {"x": 1}}}]
    exact = len(json.dumps(messages, ensure_ascii=False)) + len(json.dumps(tools))
    estimate = _estimate_tokens({"messages": messages, "tools": tools}) * 4
    assert abs(estimate - exact) <= 0.1 * exact


def test_temperature_can_be_left_out_for_models_that_refuse_it(tmp_path: Path) -> None:
    messages = [{"role": "user", "content": "x"}]
    sent = Settings(model="ollama/qwen2.5:7b", temperature=0.3, cache_dir=tmp_path)
    quiet = sent.replace(send_temperature=False)
    assert (
        get_client(sent, TransportPolicy(sent))._request(messages, LLMAnswer)["temperature"] == 0.3
    )
    assert "temperature" not in get_client(quiet, TransportPolicy(quiet))._request(
        messages, LLMAnswer
    )
    # what is sent changes the answer, so it changes the cache key
    article = Article(id="a", text="Rombongan Pemkab Sigi tiba di Banyuwangi.")
    assert LLMBackend(sent).key(article) != LLMBackend(quiet).key(article)
