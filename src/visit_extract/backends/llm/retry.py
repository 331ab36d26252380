"""Transport retries (tenacity) and the per-article token meter.

The only transport retry policy in the stack: the SDK's own retries are switched off
(``max_retries=0``) and instructor's loop is left to validation reasks. Rate limits
(429), server errors (5xx, 408), timeouts and connection errors are retried with
exponential backoff and jitter, honouring ``Retry-After``/``retry-after-ms``, bounded
by attempts and total time. The conversation is never touched by a transport retry:
the same request is sent again. Authentication failures and other request errors are
not retried.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
)

from visit_extract.config import PROVIDER_KEY_ENV, Settings
from visit_extract.errors import (
    AuthenticationError,
    ProviderError,
    ProviderUnreachableError,
    RetriesExhausted,
    TokenBudgetExceeded,
)
from visit_extract.schema import Usage

T = TypeVar("T")

#: First backoff step in seconds (doubled each attempt, capped by transport_max_wait_s).
BASE_WAIT_S = 1.0
_RETRY_STATUS = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RetryEvent:
    """One transport retry about to happen (passed to ``on_retry``).

    Attributes:
        attempt: the attempt that failed (1-based).
        status_code: its HTTP status, or None for a timeout or connection error.
        wait_s: the pause before the next attempt.
        retry_after_s: the server's own hint, if it sent one.
        error: a one-line description of the failure.
    """

    attempt: int
    status_code: int | None
    wait_s: float
    retry_after_s: float | None
    error: str


# --- classifying failures -----------------------------------------------------------------


def status_of(exc: BaseException) -> int | None:
    """The HTTP status carried by an SDK exception, if any."""
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        return status
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


def _is_network(exc: BaseException) -> bool:
    if isinstance(exc, (TimeoutError, ConnectionError)):
        return True
    # SDK exceptions (openai, anthropic, httpx) name their classes consistently; matching
    # names keeps this module free of any one SDK.
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(
        names
        & {
            "APITimeoutError",
            "APIConnectionError",
            "TimeoutException",
            "ConnectError",
            "ReadError",
            "RemoteProtocolError",
            "NetworkError",
        }
    )


#: Failures to connect at all, by class name across SDKs (timeouts are not among them:
#: a server that accepted the connection but answered late exists).
_NO_CONNECTION = {"APIConnectionError", "ConnectError", "ConnectionError"}
_TIMEOUTS = {"APITimeoutError", "TimeoutException", "TimeoutError", "ReadTimeout"}


def is_unreachable(exc: BaseException) -> bool:
    """Whether ``exc`` says no connection could be made (refused, no route, no host)."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & _NO_CONNECTION) and not names & _TIMEOUTS


def is_transient(exc: BaseException) -> bool:
    """Whether retrying the same request may succeed."""
    if isinstance(exc, ProviderError):  # our own verdicts are final
        return False
    status = status_of(exc)
    if status is not None:
        return status in _RETRY_STATUS or status >= 500
    return _is_network(exc)


def retry_after_s(exc: BaseException) -> float | None:
    """The server's ``retry-after-ms`` or ``Retry-After`` (seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    headers: Mapping[str, str] | None = getattr(response, "headers", None)
    if not headers:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    parsed = email.utils.parsedate_to_datetime(raw) if raw else None
    if parsed is None:
        return None
    return max(0.0, parsed.timestamp() - time.time())


def response_body(exc: BaseException) -> str | None:
    """The raw body of the response an SDK exception carries, if any."""
    response = getattr(exc, "response", None)
    try:
        text = getattr(response, "text", None)
    except Exception:  # a streamed or closed body cannot be read again
        return None
    return text if isinstance(text, str) else None


def describe(exc: BaseException) -> str:
    """A one-line description of a failure for messages and events."""
    status = status_of(exc)
    head = f"HTTP {status}" if status is not None else type(exc).__name__
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{head}: {detail}" if detail else head


def _too_long(message: str) -> bool:
    """Whether a provider's 400 says the prompt exceeds the model's context window.

    OpenAI-style servers say "context length"; Anthropic says "prompt is too long".
    """
    return ("context" in message and "length" in message) or "prompt is too long" in message


def final_error(exc: BaseException, settings: Settings) -> ProviderError | None:
    """The error to raise for a failure that must not be retried, or None if transient."""
    if is_transient(exc) or isinstance(exc, ProviderError):
        return None
    status = status_of(exc)
    if status in (401, 403):
        var = PROVIDER_KEY_ENV.get(settings.provider or "")
        where = f"set {var} or pass api_key" if var else "pass the server's key as api_key"
        return AuthenticationError(
            f"the provider rejected the credentials ({describe(exc)}); {where} "
            "(--api-key on the command line) with a valid key that may use this model"
        )
    if status is not None:
        if status == 404:
            hint = "check the model name and --base-url"
        elif _too_long(str(exc).lower()):
            hint = "the prompt is too long for this model: lower Settings.max_prompt_chars"
        else:
            hint = "check the options"
        return ProviderError(f"the provider rejected the request ({describe(exc)}); {hint}")
    return None


# --- the token meter ------------------------------------------------------------------


def _field(obj: Any, name: str) -> Any:
    """``obj.name`` of an SDK object, or ``obj[name]`` of the same response as JSON."""
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def usage_of(response: Any) -> Usage:
    """Token usage reported in one response (OpenAI or Anthropic shape, as an SDK object
    or as the parsed JSON body), with the tokens read from and written to the provider's
    prompt cache.

    Anthropic's ``input_tokens`` leaves out the cached prefix (``cache_read_input_tokens``
    and ``cache_creation_input_tokens``); they are added back so that ``prompt_tokens``
    means every input token for both providers.
    """
    raw = _field(response, "usage")
    if raw is None:
        return Usage(requests=1)
    prompt = _field(raw, "prompt_tokens")
    read = write = 0
    if prompt is None:  # Anthropic
        read = int(_field(raw, "cache_read_input_tokens") or 0)
        write = int(_field(raw, "cache_creation_input_tokens") or 0)
        prompt = int(_field(raw, "input_tokens") or 0) + read + write
    else:
        details = _field(raw, "prompt_tokens_details")
        read = int((_field(details, "cached_tokens") if details is not None else 0) or 0)
    completion = _field(raw, "completion_tokens")
    if completion is None:
        completion = _field(raw, "output_tokens") or 0
    total = _field(raw, "total_tokens") or prompt + completion
    return Usage(
        prompt_tokens=int(prompt),
        completion_tokens=int(completion),
        total_tokens=int(total),
        requests=1,
        cached_prompt_tokens=read,
        cache_write_tokens=write,
    )


class TokenMeter:
    """Counts tokens and requests of one article across reasks and transport retries,
    and refuses to start a request that the budget cannot cover."""

    def __init__(self, budget: int):
        self.budget = budget
        self.usage = Usage()
        self.last_response: str | None = None

    def check(self, estimated_prompt_tokens: int = 0) -> None:
        """Raise :class:`TokenBudgetExceeded` if the next request would not fit.

        Args:
            estimated_prompt_tokens: a rough size of the request about to be sent.
        """
        projected = self.usage.total_tokens + estimated_prompt_tokens
        if projected > self.budget:
            raise TokenBudgetExceeded(
                f"token budget of {self.budget:,} per article exhausted "
                f"({self.usage.total_tokens:,} used over {self.usage.requests} requests, "
                f"next request ~{estimated_prompt_tokens:,}); raise Settings.token_budget, "
                "lower max_prompt_chars, or fix the prompt that keeps failing validation",
                usage=self.usage,
                budget=self.budget,
            )

    def record(self, response: Any) -> None:
        """Add a successful response's usage."""
        self.usage = self.usage + usage_of(response)

    def record_failure(self, exc: BaseException) -> None:
        """Count a failed request (no tokens known) and keep its body."""
        self.usage = self.usage + Usage(requests=1)
        body = response_body(exc)
        if body is not None:
            self.last_response = body


# --- the policy ------------------------------------------------------------------------

#: Requests refused with a Retry-After may use this many times ``transport_attempts``.
SCHEDULED_FACTOR = 4


def _scheduled(exc: BaseException) -> bool:
    """A 429 with a positive Retry-After: the provider saying when, not a failure.

    Counting these as failed attempts made articles of a batch running at a provider's
    rate limit end as errors while the provider was only queueing them.
    """
    if status_of(exc) != 429:
        return False
    hint = retry_after_s(exc)
    return hint is not None and hint > 0


class TransportPolicy:
    """Runs one request with bounded, backed-off retries on transient failures."""

    def __init__(
        self,
        settings: Settings,
        on_retry: Callable[[RetryEvent], None] | None = None,
    ):
        self.settings = settings
        self.on_retry = on_retry
        #: The URL requests go to, for messages; the client sets it once it knows.
        self.endpoint: str | None = settings.base_url

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        cap = self.settings.transport_max_wait_s
        hint = retry_after_s(exc) if exc is not None else None
        if hint is not None:
            # Never sooner than the server asked, but spread a little: requests refused
            # with the same Retry-After otherwise all return at one instant and are
            # refused together again.
            wait = min(hint + random.uniform(0, min(0.25 * hint, 1.0)), cap)
        else:
            step = min(cap, BASE_WAIT_S * 2 ** (state.attempt_number - 1))
            wait = step / 2 + random.uniform(0, step / 2)  # "equal jitter"
        remaining = self.settings.transport_total_s - (time.monotonic() - state.start_time)
        return max(0.0, min(wait, remaining))

    def _before_sleep(self, state: RetryCallState) -> None:
        if self.on_retry is None or state.outcome is None:
            return
        exc = state.outcome.exception()
        if exc is None:
            return
        wait = state.next_action.sleep if state.next_action else 0.0
        self.on_retry(
            RetryEvent(
                attempt=state.attempt_number,
                status_code=status_of(exc),
                wait_s=float(wait),
                retry_after_s=retry_after_s(exc),
                error=describe(exc),
            )
        )

    def _kwargs(self, meter: TokenMeter) -> dict[str, Any]:
        attempts = self.settings.transport_attempts
        failures = 0

        def retry(exc: BaseException) -> bool:
            nonlocal failures
            meter.record_failure(exc)
            if not is_transient(exc):
                return False
            if not _scheduled(exc):
                failures += 1
            return True

        def stop(state: RetryCallState) -> bool:
            # transport_attempts bounds failures; a 429 that says when to come back is
            # the provider scheduling us, bounded by the total time (and, should a
            # server keep asking forever, by SCHEDULED_FACTOR times the attempts).
            return (
                failures >= attempts
                or state.attempt_number >= attempts * SCHEDULED_FACTOR
                or (state.seconds_since_start or 0.0) >= self.settings.transport_total_s
            )

        return {
            "stop": stop,
            "wait": self._wait,
            "retry": retry_if_exception(retry),
            "before_sleep": self._before_sleep,
            "reraise": True,
        }

    def _exhausted(self, exc: BaseException, attempts: int, meter: TokenMeter) -> BaseException:
        """The error to raise once the policy has given up on ``exc``."""
        if isinstance(exc, ProviderError):
            return exc
        final = final_error(exc, self.settings)
        if final is not None:
            return final
        if not is_transient(exc):
            return exc  # not a transport failure (a bug, a parse error): surface as is
        if is_unreachable(exc):
            where = self.endpoint or f"{self.settings.provider or 'the provider'}'s API"
            return ProviderUnreachableError(
                f"cannot reach {where} ({describe(exc)}, {attempts} attempt(s)): is the "
                "server running, and are --base-url and the network right?",
                attempts=attempts,
                last_response=meter.last_response,
                usage=meter.usage,
            )
        return RetriesExhausted(
            f"the provider kept failing ({describe(exc)}) after {attempts} attempt(s); "
            "try again later, lower the concurrency, or raise Settings.transport_attempts",
            attempts=attempts,
            last_response=meter.last_response,
            usage=meter.usage,
        )

    def call(self, fn: Callable[[], T], meter: TokenMeter) -> T:
        """Run ``fn`` (one request) under the policy.

        Raises:
            AuthenticationError: 401/403.
            ProviderError: another request error (400, 404...).
            RetriesExhausted: transient failures outlasted the attempts or total time.
        """
        retrying = Retrying(**self._kwargs(meter))
        try:
            return retrying(fn)
        except Exception as exc:
            error = self._exhausted(exc, retrying.statistics.get("attempt_number", 1), meter)
            if error is exc:
                raise
            raise error from exc

    async def acall(self, fn: Callable[[], Awaitable[T]], meter: TokenMeter) -> T:
        """:meth:`call` for a coroutine function."""
        retrying = AsyncRetrying(**self._kwargs(meter))
        try:
            return await retrying(fn)
        except Exception as exc:
            error = self._exhausted(exc, retrying.statistics.get("attempt_number", 1), meter)
            if error is exc:
                raise
            raise error from exc


__all__ = [
    "RetryEvent",
    "TokenMeter",
    "TransportPolicy",
    "describe",
    "final_error",
    "is_transient",
    "is_unreachable",
    "retry_after_s",
    "status_of",
    "usage_of",
]
