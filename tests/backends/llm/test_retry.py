"""Transport policy: what is retried, how long it waits, what it raises."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx2
import openai
import pytest

from visit_extract.backends.llm.retry import (
    SCHEDULED_FACTOR,
    RetryEvent,
    TokenMeter,
    TransportPolicy,
    is_transient,
    retry_after_s,
    usage_of,
)
from visit_extract.config import Settings
from visit_extract.errors import (
    AuthenticationError,
    ConfigError,
    ProviderError,
    ProviderUnreachableError,
    RetriesExhausted,
    TokenBudgetExceeded,
)

FAST = Settings(model="openai/gpt-4o-mini", transport_max_wait_s=0.01, transport_total_s=5.0)


def status_error(status: int, headers: dict[str, str] | None = None, body: str = "{}") -> Exception:
    request = httpx2.Request("POST", "https://api.example.invalid/v1/chat/completions")
    response = httpx2.Response(status, headers=headers or {}, text=body, request=request)
    cls = {401: openai.AuthenticationError, 429: openai.RateLimitError}.get(
        status, openai.InternalServerError if status >= 500 else openai.BadRequestError
    )
    return cls(f"HTTP {status}", response=response, body=None)


class Flaky:
    """Fails with the given errors, then returns 'ok'."""

    def __init__(self, *errors: Exception):
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (status_error(429), True),
        (status_error(500), True),
        (status_error(503), True),
        (status_error(401), False),
        (status_error(400), False),
        (openai.APITimeoutError(httpx2.Request("POST", "https://x.invalid")), True),
        (TimeoutError(), True),
        (ConnectionResetError(), True),
        (ValueError("bug"), False),
    ],
)
def test_is_transient(exc: Exception, transient: bool) -> None:
    assert is_transient(exc) is transient


def test_retry_after_forms() -> None:
    assert retry_after_s(status_error(429, {"retry-after-ms": "250"})) == pytest.approx(0.25)
    assert retry_after_s(status_error(429, {"retry-after": "3"})) == pytest.approx(3.0)
    assert retry_after_s(status_error(429)) is None
    dated = retry_after_s(status_error(429, {"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}))
    assert dated == 0.0  # a date in the past: retry now


def test_transient_errors_are_retried_and_reported() -> None:
    events: list[RetryEvent] = []
    fn = Flaky(status_error(429, {"retry-after": "5"}), status_error(502))
    meter = TokenMeter(10_000)
    assert TransportPolicy(FAST, on_retry=events.append).call(fn, meter) == "ok"
    assert fn.calls == 3
    assert [(e.status_code, e.attempt) for e in events] == [(429, 1), (502, 2)]
    assert events[0].retry_after_s == 5.0 and events[0].wait_s == pytest.approx(0.01)
    assert meter.usage.requests == 2  # the two failures; the success is recorded by the caller


def test_auth_error_is_not_retried_and_names_the_variable() -> None:
    fn = Flaky(status_error(401))
    with pytest.raises(AuthenticationError, match="OPENAI_API_KEY"):
        TransportPolicy(FAST).call(fn, TokenMeter(10_000))
    assert fn.calls == 1


def test_request_error_is_not_retried() -> None:
    fn = Flaky(status_error(400, body='{"error": "context length exceeded"}'))
    with pytest.raises(ProviderError) as err:
        TransportPolicy(FAST).call(fn, TokenMeter(10_000))
    assert fn.calls == 1 and not isinstance(err.value, RetriesExhausted)


def test_exhaustion_carries_attempts_body_and_usage() -> None:
    settings = FAST.replace(transport_attempts=3)
    fn = Flaky(*[status_error(503, body='{"error": "overloaded"}')] * 5)
    with pytest.raises(RetriesExhausted) as err:
        TransportPolicy(settings).call(fn, TokenMeter(10_000))
    assert fn.calls == 3 and err.value.attempts == 3
    assert err.value.last_response == '{"error": "overloaded"}'
    assert err.value.usage.requests == 3


def test_total_time_bounds_the_retries() -> None:
    settings = FAST.replace(transport_attempts=1000, transport_total_s=0.05)
    fn = Flaky(*[status_error(500)] * 1000)
    with pytest.raises(RetriesExhausted):
        TransportPolicy(settings).call(fn, TokenMeter(10_000))
    assert fn.calls < 1000


def test_bugs_are_not_disguised_as_transport_failures() -> None:
    with pytest.raises(KeyError):
        TransportPolicy(FAST).call(Flaky(KeyError("x")), TokenMeter(10_000))


def test_async_policy() -> None:
    calls = 0

    async def fn() -> str:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise status_error(429)
        return "ok"

    assert asyncio.run(TransportPolicy(FAST).acall(fn, TokenMeter(10_000))) == "ok"
    assert calls == 2


def test_token_meter() -> None:
    class Raw:
        class usage:
            prompt_tokens = 700
            completion_tokens = 100
            total_tokens = 800

    meter = TokenMeter(1000)
    meter.check(900)
    meter.record(Raw())
    assert meter.usage.total_tokens == 800 and meter.usage.requests == 1
    with pytest.raises(TokenBudgetExceeded) as err:
        meter.check(300)
    assert err.value.usage.total_tokens == 800 and err.value.budget == 1000


def test_usage_of_anthropic_shape() -> None:
    class Raw:
        class usage:
            input_tokens = 10
            output_tokens = 5

    got: Any = usage_of(Raw())
    assert (got.prompt_tokens, got.completion_tokens, got.total_tokens) == (10, 5, 15)


def test_usage_of_counts_cached_tokens_of_both_providers() -> None:
    openai_body = {
        "usage": {
            "prompt_tokens": 2006,
            "completion_tokens": 300,
            "total_tokens": 2306,
            "prompt_tokens_details": {"cached_tokens": 1920},
        }
    }
    got = usage_of(openai_body)
    assert (got.prompt_tokens, got.cached_prompt_tokens, got.cache_write_tokens) == (2006, 1920, 0)
    # Anthropic's input_tokens leaves the cached prefix out: it is added back
    anthropic_body = {
        "usage": {
            "input_tokens": 50,
            "output_tokens": 20,
            "cache_read_input_tokens": 4000,
            "cache_creation_input_tokens": 0,
        }
    }
    got = usage_of(anthropic_body)
    assert (got.prompt_tokens, got.cached_prompt_tokens, got.total_tokens) == (4050, 4000, 4070)
    written = usage_of(
        {"usage": {"input_tokens": 50, "output_tokens": 1, "cache_creation_input_tokens": 4000}}
    )
    assert (written.prompt_tokens, written.cache_write_tokens) == (4050, 4000)


def test_hinted_waits_are_spread_but_never_shorter_than_the_hint() -> None:
    events: list[RetryEvent] = []
    policy = TransportPolicy(
        Settings(model="openai/gpt-4o-mini", transport_max_wait_s=60.0),
        on_retry=events.append,
    )
    for _ in range(20):
        fn = Flaky(status_error(429, {"retry-after-ms": "20"}))
        assert policy.call(fn, TokenMeter(10_000)) == "ok"
    waits = [e.wait_s for e in events]
    assert len(waits) == 20
    assert min(waits) >= 0.020 and max(waits) <= 0.025
    # clients all told "20 ms" must not all come back at the same instant
    assert len(set(waits)) > 15


def test_a_scheduled_429_is_not_a_failed_attempt() -> None:
    settings = Settings(model="openai/gpt-4o-mini", transport_attempts=3, transport_max_wait_s=0.01)
    # six "come back in 1 ms" answers, then success: the provider was queueing us
    fn = Flaky(*[status_error(429, {"retry-after-ms": "1"}) for _ in range(6)])
    meter = TokenMeter(10_000)
    assert TransportPolicy(settings).call(fn, meter) == "ok"
    assert fn.calls == 7 and meter.usage.requests == 6


def test_failures_still_count_between_scheduled_429s() -> None:
    settings = Settings(model="openai/gpt-4o-mini", transport_attempts=3, transport_max_wait_s=0.01)
    hinted = [status_error(429, {"retry-after-ms": "1"}) for _ in range(4)]
    failures = [status_error(502), status_error(429), status_error(503)]  # 429 without a hint
    fn = Flaky(*hinted, *failures, *hinted)
    with pytest.raises(RetriesExhausted) as err:
        TransportPolicy(settings).call(fn, TokenMeter(10_000))
    assert fn.calls == 7 and err.value.attempts == 7


def test_a_server_that_always_schedules_is_bounded() -> None:
    settings = Settings(model="openai/gpt-4o-mini", transport_attempts=2, transport_max_wait_s=0.01)
    fn = Flaky(*[status_error(429, {"retry-after-ms": "1"}) for _ in range(50)])
    with pytest.raises(RetriesExhausted):
        TransportPolicy(settings).call(fn, TokenMeter(10_000))
    assert fn.calls == 2 * SCHEDULED_FACTOR


def connection_error() -> Exception:
    request = httpx2.Request("POST", "http://127.0.0.1:1/v1/chat/completions")
    return openai.APIConnectionError(request=request)


def timeout_error() -> Exception:
    request = httpx2.Request("POST", "http://127.0.0.1:1/v1/chat/completions")
    return openai.APITimeoutError(request=request)


def test_a_server_that_never_answers_the_connection_is_named_with_its_likely_cause() -> None:
    policy = TransportPolicy(FAST.replace(transport_attempts=3))
    policy.endpoint = "http://127.0.0.1:1/v1"
    with pytest.raises(ProviderUnreachableError) as caught:
        policy.call(Flaky(*[connection_error()] * 5), TokenMeter(10_000))
    message = str(caught.value)
    assert "cannot reach http://127.0.0.1:1/v1" in message and "--base-url" in message
    assert "concurrency" not in message and caught.value.attempts == 3
    assert isinstance(caught.value, ConfigError)  # the same for every article: runs stop


def test_timeouts_and_server_errors_stay_retries_exhausted() -> None:
    for errors in ([timeout_error()] * 5, [status_error(503)] * 5):
        with pytest.raises(RetriesExhausted) as caught:
            TransportPolicy(FAST.replace(transport_attempts=2)).call(
                Flaky(*errors), TokenMeter(10_000)
            )
        assert not isinstance(caught.value, ProviderUnreachableError)
