"""What instructor and the SDKs raise, mapped onto the project's errors."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from instructor.core.exceptions import (
    FailedAttempt,
    IncompleteOutputException,
    InstructorRetryException,
)
from pydantic import ValidationError

from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients import InstructorClient
from visit_extract.backends.llm.clients.errors import error_lines, raw_answer, reraise, translate
from visit_extract.backends.llm.response import LLMAnswer
from visit_extract.backends.llm.retry import TokenMeter
from visit_extract.config import Settings
from visit_extract.errors import (
    ExtractionValidationError,
    ProviderError,
    RetriesExhausted,
)
from visit_extract.io import to_article

from ..support import AUTHORED, FAST_RETRY, SCRIPTED_ARTICLE


def _tool_call(arguments: str) -> Any:
    """An OpenAI-shaped completion whose answer is a tool call."""
    call = SimpleNamespace(function=SimpleNamespace(arguments=arguments))
    message = SimpleNamespace(tool_calls=[call], content=None)
    return SimpleNamespace(choices=[SimpleNamespace(message=message)])


def _invalid() -> ValidationError:
    try:
        LLMAnswer.model_validate({"is_study_visit": "perhaps"})
    except ValidationError as exc:
        return exc
    raise AssertionError("the answer was valid")


def test_still_invalid_after_the_reasks_keeps_the_last_answer_and_its_errors() -> None:
    failed = [
        FailedAttempt(1, _invalid(), _tool_call('{"first": 1}')),
        FailedAttempt(2, _invalid(), _tool_call('{"is_study_visit": "perhaps"}')),
    ]
    exc = InstructorRetryException(n_attempts=2, total_usage=0, failed_attempts=failed)
    error = translate(exc, TokenMeter(1000))
    assert isinstance(error, ExtractionValidationError)
    assert error.attempts == 2 and "after 2 attempt(s)" in str(error)
    assert error.last_attempt == '{"is_study_visit": "perhaps"}'
    assert any(line.startswith("is_study_visit:") for line in error.errors)


def test_a_programming_error_is_a_provider_error_not_an_invalid_answer() -> None:
    bug = TypeError("create() got an unexpected keyword argument 'top_k'")
    exc = InstructorRetryException(
        n_attempts=1, total_usage=0, failed_attempts=[FailedAttempt(1, bug)]
    )
    error = translate(exc, TokenMeter(1000))
    assert isinstance(error, ProviderError) and not isinstance(error, ExtractionValidationError)
    assert "TypeError" in str(error) and "top_k" in str(error)


def test_our_own_error_wrapped_by_instructor_comes_back_unwrapped() -> None:
    ours = RetriesExhausted("the provider kept failing; try again later", attempts=3)
    wrapper = InstructorRetryException(n_attempts=1, total_usage=0)
    wrapper.__cause__ = ours
    assert translate(wrapper, TokenMeter(1000)) is ours


def test_an_answer_cut_off_names_the_setting_to_raise() -> None:
    exc = IncompleteOutputException(last_completion=_tool_call('{"is_study_'))
    error = translate(exc, TokenMeter(1000))
    assert isinstance(error, ExtractionValidationError)
    assert "max_output_tokens" in str(error) and error.last_attempt == '{"is_study_'


def test_anything_else_is_left_as_it_is() -> None:
    exc = KeyboardInterrupt()
    assert translate(exc, TokenMeter(1000)) is exc


def test_reraise_does_not_chain_an_error_to_the_wrapper_it_caused() -> None:
    sdk = ConnectionError("reset by peer")
    ours = RetriesExhausted("the provider kept failing", attempts=3)
    ours.__cause__ = sdk
    wrapper = RuntimeError("instructor gave up")
    wrapper.__cause__ = ours
    with pytest.raises(RetriesExhausted) as caught:
        reraise(ours, wrapper)
    assert caught.value.__cause__ is sdk  # not the wrapper: that would be a cycle
    fresh = ProviderError("mapped")
    with pytest.raises(ProviderError) as caught_fresh:
        reraise(fresh, wrapper)
    assert caught_fresh.value.__cause__ is wrapper


def test_raw_answer_reads_openai_and_anthropic_shapes() -> None:
    assert raw_answer(_tool_call('{"a": 1}')) == '{"a": 1}'
    plain = SimpleNamespace(message=SimpleNamespace(tool_calls=[], content="tidak ada"))
    assert raw_answer(SimpleNamespace(choices=[plain])) == "tidak ada"
    tool_use = SimpleNamespace(type="tool_use", input={"is_study_visit": False})
    assert json.loads(raw_answer(SimpleNamespace(content=[tool_use])) or "") == {
        "is_study_visit": False
    }
    assert raw_answer(None) is None


def test_error_lines_give_one_line_per_validation_error() -> None:
    lines = error_lines(_invalid())
    assert lines and all(": " in line for line in lines)
    assert error_lines(ValueError("first line\nsecond")) == ["first line"]
    assert error_lines(ValueError()) == ["ValueError"]


def test_a_programming_error_in_the_request_is_not_called_an_invalid_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_sdk(self: Any, asynchronous: bool) -> Any:
        def create(**kwargs: Any) -> Any:
            raise TypeError("create() got an unexpected keyword argument 'temperature'")

        return create

    monkeypatch.setattr(InstructorClient, "_raw_create", broken_sdk)
    settings = Settings(cache_dir=tmp_path, use_cache=False, **{**AUTHORED, **FAST_RETRY})
    with pytest.raises(ProviderError) as err:
        LLMBackend(settings).extract(to_article(SCRIPTED_ARTICLE, max_chars=100_000))
    assert not isinstance(err.value, ExtractionValidationError)
    assert "TypeError" in str(err.value) and "temperature" in str(err.value)
    assert "SDK" in str(err.value)
