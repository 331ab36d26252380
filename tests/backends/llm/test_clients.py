"""The instructor client's per-process pieces: the response-model wrapper and the
async-validator check instructor repeats on every request."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from instructor.v2.validation import async_validators
from pydantic import BaseModel

from visit_extract import extract_visit
from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients import (
    _estimate_tokens,
    get_client,
    response_schema,
)
from visit_extract.backends.llm.response import LLMAnswer
from visit_extract.backends.llm.retry import TransportPolicy
from visit_extract.config import Settings
from visit_extract.errors import ExtractionValidationError
from visit_extract.schema import Article

from .support import FAST_RETRY, SMOLLM2, make_vcr, recorded_article, recorded_cassettes


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


def _same_bytes(r1: Any, r2: Any) -> None:
    assert r1.body == r2.body, "request body differs from the recorded bytes"


@pytest.mark.parametrize("path", recorded_cassettes(), ids=lambda p: p.stem)
def test_requests_are_byte_for_byte_the_recorded_ones(tmp_path: Path, path: Path) -> None:
    """Every request, reasks included, is exactly the bytes the real server received.

    The cassettes' own matcher compares parsed JSON; this one also catches a change of
    key order or spacing, so a change to how the SDK is called (the tools once went in
    ``extra_body``) is proven not to change what is sent.
    """
    recorder = make_vcr("none")
    recorder.register_matcher("raw_body", _same_bytes)
    # A mismatch looks like a connection error to the client: fail it at once.
    fast = {**FAST_RETRY, "transport_attempts": 1}
    settings = Settings(cache_dir=tmp_path, use_cache=False, **SMOLLM2, **fast)  # type: ignore[arg-type]
    with (
        recorder.use_cassette(path.name, match_on=["method", "path", "raw_body"]) as cas,
        contextlib.suppress(ExtractionValidationError),  # the 135M model's poor answers
    ):
        extract_visit(recorded_article(path), settings=settings)
    assert cas.play_count >= 1 and cas.all_played
