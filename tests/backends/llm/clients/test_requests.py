"""Request shaping: instructor's arguments, the per-call SDK arguments (trimmed
conversation, token budget, Anthropic's sampling in extra_body), and the bytes sent."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest

from visit_extract import extract_visit
from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients.requests import (
    Conversation,
    estimate_tokens,
    instructor_arguments,
    sampling_as_extra_body,
    sdk_arguments,
)
from visit_extract.backends.llm.response import LLMAnswer
from visit_extract.backends.llm.retry import TokenMeter
from visit_extract.config import Settings
from visit_extract.errors import ExtractionValidationError, TokenBudgetExceeded
from visit_extract.schema import Article

from ..support import FAST_RETRY, SMOLLM2, make_vcr, recorded_article, recorded_cassettes


def test_temperature_can_be_left_out_for_models_that_refuse_it(tmp_path: Path) -> None:
    messages = [{"role": "user", "content": "x"}]
    sent = Settings(model="ollama/qwen2.5:7b", temperature=0.3, cache_dir=tmp_path)
    quiet = sent.replace(send_temperature=False)
    assert instructor_arguments(sent, "m", messages, LLMAnswer)["temperature"] == 0.3
    assert "temperature" not in instructor_arguments(quiet, "m", messages, LLMAnswer)
    # what is sent changes the answer, so it changes the cache key
    article = Article(id="a", text="Rombongan Pemkab Sigi tiba di Banyuwangi.")
    assert LLMBackend(sent).key(article) != LLMBackend(quiet).key(article)


def test_a_reask_sends_the_original_messages_and_only_the_latest_failure() -> None:
    conversation = Conversation()
    base = [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]
    first_failure = [{"role": "assistant", "content": "a1"}, {"role": "tool", "content": "e1"}]
    second_failure = [{"role": "assistant", "content": "a2"}, {"role": "tool", "content": "e2"}]
    assert conversation.trim(base) == base
    assert conversation.trim(base + first_failure) == base + first_failure
    # instructor sends everything so far; only the newest failure goes with the base
    assert conversation.trim(base + first_failure + second_failure) == base + second_failure


def test_sdk_arguments_refuse_a_request_over_the_budget() -> None:
    kwargs = {"model": "m", "messages": [{"role": "user", "content": "kata " * 400}]}
    sdk_arguments(dict(kwargs), Conversation(), TokenMeter(budget=10_000), anthropic=False)
    with pytest.raises(TokenBudgetExceeded, match="token budget"):
        sdk_arguments(dict(kwargs), Conversation(), TokenMeter(budget=100), anthropic=False)


def test_sdk_arguments_move_sampling_only_for_anthropic() -> None:
    kwargs = {"model": "m", "messages": [], "temperature": 0.0}
    openai = sdk_arguments(dict(kwargs), Conversation(), TokenMeter(1000), anthropic=False)
    assert openai["temperature"] == 0.0 and "extra_body" not in openai
    anthropic = sdk_arguments(dict(kwargs), Conversation(), TokenMeter(1000), anthropic=True)
    assert "temperature" not in anthropic and anthropic["extra_body"] == {"temperature": 0.0}


def test_sampling_options_move_into_extra_body() -> None:
    kwargs = {"model": "m", "temperature": 0.0, "top_p": 0.9, "extra_body": {"x": 1}}
    moved = sampling_as_extra_body(kwargs)
    assert moved == {"model": "m", "extra_body": {"x": 1, "temperature": 0.0, "top_p": 0.9}}
    assert kwargs["temperature"] == 0.0  # the caller's arguments are left alone
    assert sampling_as_extra_body({"model": "m"}) == {"model": "m"}


def test_budget_estimate_is_close_to_the_json_size() -> None:
    messages = [
        {"role": "system", "content": "Aturan.\n" * 200},
        {"role": "user", "content": "Rombongan \u201cPemkab A\u201d tiba. " * 100},
    ]
    tools = [{"type": "function", "function": {"name": "T", "parameters": {"x": 1}}}]
    exact = len(json.dumps(messages, ensure_ascii=False)) + len(json.dumps(tools))
    estimate = estimate_tokens({"messages": messages, "tools": tools}) * 4
    assert abs(estimate - exact) <= 0.1 * exact


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
    settings = Settings(cache_dir=tmp_path, use_cache=False, **SMOLLM2, **fast)
    with (
        recorder.use_cassette(path.name, match_on=["method", "path", "raw_body"]) as cas,
        contextlib.suppress(ExtractionValidationError),  # the 135M model's poor answers
    ):
        extract_visit(recorded_article(path), settings=settings)
    assert cas.play_count >= 1 and cas.all_played


def test_the_anthropic_prefix_is_marked_once_and_openai_is_left_alone() -> None:
    from visit_extract.backends.llm.clients.requests import mark_cache_prefix

    kwargs = {"system": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}
    marked = mark_cache_prefix(kwargs)
    assert marked["system"][-1] == {
        "type": "text",
        "text": "b",
        "cache_control": {"type": "ephemeral"},
    }
    assert "cache_control" not in kwargs["system"][-1]  # the caller's list is not changed
    assert mark_cache_prefix(marked) is marked  # a reask keeps the one marker
    assert mark_cache_prefix({"system": "plain"})["system"] == [
        {"type": "text", "text": "plain", "cache_control": {"type": "ephemeral"}}
    ]
    assert mark_cache_prefix({"messages": []}) == {"messages": []}
