"""instructor's tool schema of the response model, made once, and the async-validator
check instructor would repeat on every request."""

from __future__ import annotations

from typing import Any

import pytest
from instructor.v2.validation import async_validators
from pydantic import BaseModel

from visit_extract.backends.llm.clients.schema import response_schema
from visit_extract.backends.llm.response import LLMAnswer


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
