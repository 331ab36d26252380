"""Model providers behind a small protocol, looked up in a registry.

A client turns chat messages and a response model into a validated answer. The
built-in :class:`InstructorClient` (instructor over the OpenAI or Anthropic SDK) is
registered under ``"instructor"`` with :func:`register_client`, exactly as a third
party registers its own; a client registered under a provider name (``"acme"``) is
used for models written ``acme/<model>``, and ``"instructor"`` serves the rest.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import logging
import threading
from collections.abc import Callable
from typing import Any, NoReturn, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

from visit_extract.backends.llm.retry import TokenMeter, TransportPolicy
from visit_extract.config import PROVIDER_KEY_ENV, Settings, split_model
from visit_extract.errors import (
    ConfigError,
    ExtractionValidationError,
    MissingAPIKeyError,
    ProviderError,
    UnknownBackendError,
    VisitExtractError,
)

M = TypeVar("M", bound=BaseModel)

#: OpenAI-compatible endpoints of providers reached through the OpenAI SDK.
DEFAULT_BASE_URLS: dict[str, str] = {
    "ollama": "http://localhost:11434/v1",
    "vllm": "http://localhost:8000/v1",
    "llamacpp": "http://localhost:8080/v1",
    "lmstudio": "http://localhost:1234/v1",
    "groq": "https://api.groq.com/openai/v1",
    "mistral": "https://api.mistral.ai/v1",
    "deepseek": "https://api.deepseek.com/v1",
    "together": "https://api.together.xyz/v1",
    "openrouter": "https://openrouter.ai/api/v1",
    "fireworks": "https://api.fireworks.ai/inference/v1",
    "google": "https://generativelanguage.googleapis.com/v1beta/openai/",
    "gemini": "https://generativelanguage.googleapis.com/v1beta/openai/",
    "cohere": "https://api.cohere.ai/compatibility/v1",
}
#: instructor mode used when Settings.mode is None. TOOLS is the one mode every
#: OpenAI-compatible server we know accepts (llama.cpp refuses JSON_SCHEMA, and small
#: models echo the schema in JSON/MD_JSON modes).
DEFAULT_MODES: dict[str, str] = {"anthropic": "ANTHROPIC_TOOLS"}
FALLBACK_MODE = "TOOLS"
# instructor logs every failed attempt at ERROR level; without a handler configured by
# the application those lines would reach stderr through logging's last resort, for
# failures this module already turns into proper exceptions.
logging.getLogger("instructor").addHandler(logging.NullHandler())

#: Rough characters per token, used only to refuse requests the budget cannot cover.
CHARS_PER_TOKEN = 4


@runtime_checkable
class LLMClient(Protocol):
    """What the LLM backend needs from a provider.

    Attributes:
        name: the client's registry name.
        provider: provider id, part of the cache key ("openai", "ollama", "acme").
        model: the model name as sent to the provider.
        base_url: the endpoint, part of the cache key (None: the SDK default).
    """

    name: str
    provider: str
    model: str
    base_url: str | None

    def complete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """Ask the model; return the validated answer (reasking on validation errors).

        Raises:
            ExtractionValidationError: still invalid after Settings.max_retries reasks.
            ProviderError: transport or provider failure (see
                :mod:`visit_extract.backends.llm.retry`).
        """
        ...

    async def acomplete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """:meth:`complete`, without blocking the event loop."""
        ...


ClientFactory = Callable[[Settings, TransportPolicy], LLMClient]

_CLIENTS: dict[str, ClientFactory | str] = {}
_LOCK = threading.Lock()


def register_client(name: str, factory: ClientFactory | str) -> None:
    """Register a client factory under a provider name (or ``"instructor"``).

    Args:
        name: the provider prefix it serves (``acme`` for ``acme/model``).
        factory: ``(Settings, TransportPolicy) -> LLMClient`` or ``"module:attr"``.
    """
    with _LOCK:
        _CLIENTS[name.lower()] = factory


def registered_clients() -> list[str]:
    """Names of every registered client."""
    return sorted(_CLIENTS)


def get_client(settings: Settings, policy: TransportPolicy) -> LLMClient:
    """The client for ``settings.model``: the one registered for its provider prefix,
    else ``"instructor"``.

    Raises:
        ConfigError: no model configured.
        UnknownBackendError: nothing registered for the model.
    """
    if not settings.model:
        raise ConfigError(
            "the llm backend needs a model: pass --model provider/model "
            "(openai/gpt-4o-mini, ollama/qwen2.5:7b) or set VISIT_EXTRACT_MODEL"
        )
    head = settings.model.partition("/")[0].lower() if "/" in settings.model else ""
    with _LOCK:
        factory = _CLIENTS.get(head) or _CLIENTS.get("instructor")
    if factory is None:
        raise UnknownBackendError(f"no LLM client registered for {settings.model!r}")
    if isinstance(factory, str):
        module, _, attr = factory.partition(":")
        factory = getattr(importlib.import_module(module), attr)
    assert not isinstance(factory, str)
    return factory(settings, policy)


# --- the built-in client -------------------------------------------------------------------

_WRAPPED: dict[type[BaseModel], type[BaseModel]] = {}
_WRAP_LOCK = threading.Lock()
#: Wrapped response models already checked for async validators (see below).
_CHECKED: set[type[BaseModel]] = set()


def response_schema(response_model: type[M]) -> type[M]:
    """instructor's tool-call wrapper of ``response_model``, made once per process.

    Given a plain pydantic model, instructor wraps it in a *new* class on every call;
    its JSON-schema cache is keyed by class, so the tool schema (~6 ms) and the wrapper
    (~1 ms) were rebuilt for every request. Passing the same wrapper each time makes
    both one-off costs. The request is unchanged: the wrapper has the model's name,
    docstring and fields.
    """
    wrapped = _WRAPPED.get(response_model)
    if wrapped is None:
        import instructor

        with _WRAP_LOCK:
            wrapped = _WRAPPED.get(response_model)
            if wrapped is None:
                if issubclass(response_model, instructor.OpenAISchema):
                    wrapped = response_model
                else:
                    wrapped = instructor.openai_schema(response_model)
                _check_once(wrapped)
                _WRAPPED[response_model] = wrapped
    return wrapped  # type: ignore[return-value]


def _check_once(wrapped: type[BaseModel]) -> None:
    """Run instructor's async-validator check on ``wrapped`` now, and not again.

    instructor re-checks the response model for async validators five or six times
    per request, walking every nested model's MRO each time. A class's answer never
    changes, so the check is made once here (raising as instructor would) and
    instructor's function is wrapped to skip the classes checked this way; every other
    model, and any instructor layout this does not recognise, is left exactly as it was.

    Kept because it is measured to matter: ``python benchmarks/bench_batch.py
    llm-throughput`` (instructor 1.17, median of 3 runs) gives 2.54 ms client CPU per
    article with it and 3.91 ms without, so it saves 35% of the client's CPU.
    """
    try:
        from instructor.v2.core import patch as patch_module
        from instructor.v2.validation import async_validators
    except ImportError:  # pragma: no cover - another instructor layout
        return
    current = async_validators.reject_async_validators
    original = getattr(current, "__wrapped_original__", current)
    original(wrapped)
    _CHECKED.add(wrapped)
    if current is not original:
        return  # already installed

    def reject_async_validators(response_model: Any) -> None:
        if isinstance(response_model, type) and response_model in _CHECKED:
            return
        reject_async_validators.__wrapped_original__(response_model)  # type: ignore[attr-defined]

    reject_async_validators.__wrapped_original__ = original  # type: ignore[attr-defined]
    reject_async_validators.__doc__ = original.__doc__
    async_validators.reject_async_validators = reject_async_validators
    if getattr(patch_module, "reject_async_validators", None) is original:
        # patch.py imported the function by name; every other caller imports it at
        # call time from the module.
        patch_module.reject_async_validators = reject_async_validators  # type: ignore[attr-defined]


class _Conversation:
    """Keeps the prompt from growing with every reask.

    instructor appends the failed answer and its error to the messages on each reask;
    sent as is, attempt *n* repeats all *n-1* earlier failures. Only the original
    messages and the latest failure (with its error) are sent.
    """

    def __init__(self) -> None:
        self._base: int | None = None
        self._prev = 0

    def trim(self, messages: list[Any]) -> list[Any]:
        if self._base is None:
            self._base = self._prev = len(messages)
            return messages
        latest = messages[self._prev :]
        self._prev = len(messages)
        return messages[: self._base] + latest


_TOOLS_CHARS: dict[str, int] = {}


def _messages_chars(messages: list[Any]) -> int:
    """The size of the messages as JSON, without encoding plain text messages."""
    size = 2
    for message in messages:
        if (
            isinstance(message, dict)
            and set(message) <= {"role", "content"}
            and isinstance(message.get("content"), str)
        ):
            # content and role plus the JSON punctuation around them
            size += len(message["content"]) + len(str(message.get("role"))) + 32
            continue
        size += len(json.dumps(message, ensure_ascii=False, default=str)) + 2
    return size


def _estimate_tokens(kwargs: dict[str, Any]) -> int:
    size = _messages_chars(kwargs.get("messages", []))
    tools = kwargs.get("tools")
    if tools:
        # The same tool schema goes with every request: measured once per tool name.
        names = ",".join(str(t.get("function", t).get("name", "")) for t in tools)
        chars = _TOOLS_CHARS.get(names)
        if chars is None:
            chars = _TOOLS_CHARS[names] = len(json.dumps(tools, ensure_ascii=False, default=str))
        size += chars
    return size // CHARS_PER_TOKEN


#: Sampling arguments the anthropic SDK (1.0 and later) no longer takes as keywords.
_ANTHROPIC_SAMPLING = ("temperature", "top_p", "top_k")


def _sampling_as_extra_body(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Anthropic SDK arguments with the sampling parameters moved into ``extra_body``.

    anthropic 1.0 removed ``temperature``, ``top_p`` and ``top_k`` from
    ``messages.create`` (a ``TypeError`` before any request); the Messages API still
    takes them, and the SDK's migration guide sends them through ``extra_body``, which
    is merged into the JSON body as it is. Earlier SDKs accept ``extra_body`` too, so
    every supported version sends the same request.
    """
    moved = {k: kwargs[k] for k in _ANTHROPIC_SAMPLING if k in kwargs}
    if not moved:
        return kwargs
    rest = {k: v for k, v in kwargs.items() if k not in moved}
    rest["extra_body"] = {**(rest.get("extra_body") or {}), **moved}
    return rest


def _raw_answer(completion: Any) -> str | None:
    """The answer text of a raw completion (tool arguments or content)."""
    if completion is None:
        return None
    try:
        message = completion.choices[0].message
        if message.tool_calls:
            return str(message.tool_calls[0].function.arguments)
        return str(message.content) if message.content is not None else None
    except (AttributeError, IndexError, TypeError):
        pass
    content = getattr(completion, "content", None)  # Anthropic
    if isinstance(content, list):
        for block in content:
            if getattr(block, "type", None) == "tool_use":
                return json.dumps(getattr(block, "input", None), ensure_ascii=False)
            if getattr(block, "type", None) == "text":
                return str(getattr(block, "text", ""))
    return None


def _error_lines(exc: BaseException) -> list[str]:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            return [
                f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                for e in errors()
            ]
        except Exception:
            pass
    return [str(exc).splitlines()[0]] if str(exc) else [type(exc).__name__]


def _reraise(error: BaseException, caught: BaseException) -> NoReturn:
    """Raise ``error`` for ``caught`` without making a cycle of causes.

    When ``error`` is one of our own exceptions that instructor wrapped, it already has
    its real cause (the SDK error); chaining it to the wrapper, whose cause it is,
    would loop.
    """
    if error is caught:
        raise error
    inner = caught.__cause__
    while inner is not None and inner is not error:
        inner = inner.__cause__
    if inner is error:
        raise error from error.__cause__
    raise error from caught


class InstructorClient:
    """instructor over the OpenAI SDK (any OpenAI-compatible server) or Anthropic's.

    The SDK's own retries are off (``max_retries=0``): transport retries belong to
    :class:`TransportPolicy`, which wraps each single request *inside* instructor's
    validation loop, so a 429 is retried with backoff and the same messages, while a
    validation error is sent back to the model (at most Settings.max_retries times).
    """

    name = "instructor"

    def __init__(self, settings: Settings, policy: TransportPolicy):
        self.settings = settings
        self.policy = policy
        provider, model = split_model(settings.model or "")
        head = (settings.model or "").partition("/")[0].lower()
        if provider is None and settings.base_url is None:
            raise ConfigError(
                f"model {settings.model!r} names no provider: write it as provider/model "
                "(openai/gpt-4o-mini, anthropic/claude-3-5-haiku-latest, ollama/qwen2.5:7b) "
                "or give --base-url for an OpenAI-compatible server"
            )
        self.provider = provider or (head if "/" in (settings.model or "") else "openai-compatible")
        if provider is None:
            model = settings.model or ""
        self.model = model
        self.base_url = settings.base_url or DEFAULT_BASE_URLS.get(self.provider)
        self.api_key = self._api_key(provider)
        self.mode = self._mode()
        self._sync: Any = None
        # The async SDK client's connection pool belongs to the event loop it was first
        # used in; a client is kept per loop and replaced when a new loop asks.
        self._async: Any = None
        self._async_loop: asyncio.AbstractEventLoop | None = None
        self._sdk_lock = threading.Lock()

    def _api_key(self, provider: str | None) -> str:
        key = self.settings.resolve_api_key()
        if key:
            return key
        var = PROVIDER_KEY_ENV.get(provider or "")
        if var and self.settings.base_url is None:
            raise MissingAPIKeyError(
                f"no API key for {provider}: set {var} (or VISIT_EXTRACT_API_KEY), "
                "or pass api_key=... (--api-key on the command line)"
            )
        return "not-needed"  # local servers ignore the key, but the SDK requires one

    def _mode(self) -> Any:
        import instructor

        name = self.settings.mode or DEFAULT_MODES.get(self.provider, FALLBACK_MODE)
        for mode in instructor.Mode:
            if name.upper() == mode.name or name.lower() == str(mode.value).lower():
                return self._core_mode(mode)
        choices = ", ".join(m.name for m in instructor.Mode)
        raise ConfigError(f"unknown instructor mode {name!r}; choose one of: {choices}")

    def _core_mode(self, mode: Any) -> Any:
        """``ANTHROPIC_TOOLS`` and its kin as instructor 1.17 wants them for Anthropic.

        instructor 1.17 deprecates the provider-prefixed modes (a DeprecationWarning on
        every client) and maps them to the core mode itself (``ANTHROPIC_TOOLS`` is
        ``TOOLS`` with the Anthropic provider); mapping here sends the same request
        without the warning. The names stay accepted, and the default.
        """
        if not self._is_anthropic or not mode.name.startswith("ANTHROPIC_"):
            return mode
        try:
            from instructor.v2.core.mode import DEPRECATED_TO_CORE
        except ImportError:  # pragma: no cover - an instructor without the v2 layout
            return mode
        return DEPRECATED_TO_CORE.get(mode, mode)

    @property
    def _is_anthropic(self) -> bool:
        return self.provider == "anthropic"

    def _sdk(self, asynchronous: bool) -> Any:
        timeout = self.settings.request_timeout_s
        if self._is_anthropic:
            try:
                anthropic = importlib.import_module("anthropic")
            except ImportError:
                raise ConfigError(
                    "anthropic models need the anthropic SDK: "
                    "pip install 'visit-extract[anthropic]'"
                ) from None
            cls = anthropic.AsyncAnthropic if asynchronous else anthropic.Anthropic
            # base_url None: the SDK's default (ANTHROPIC_BASE_URL, else api.anthropic.com).
            # A configured one (a gateway or proxy) was ignored before, while the cache
            # key already counted it.
            return cls(api_key=self.api_key, base_url=self.base_url, max_retries=0, timeout=timeout)
        import openai

        ocls = openai.AsyncOpenAI if asynchronous else openai.OpenAI
        return ocls(api_key=self.api_key, base_url=self.base_url, max_retries=0, timeout=timeout)

    def _raw_create(self, asynchronous: bool) -> Callable[..., Any]:
        # Threads (eval) and tasks share one client; the lock makes sure only one SDK
        # client (and connection pool) is ever opened per kind.
        with self._sdk_lock:
            if asynchronous:
                loop = asyncio.get_running_loop()
                if self._async is None or self._async_loop is not loop:
                    # A client left from a finished loop cannot be closed from here
                    # (its sockets belong to that loop); the new loop gets its own.
                    self._async = self._sdk(True)
                    self._async_loop = loop
                sdk = self._async
            else:
                if self._sync is None:
                    self._sync = self._sdk(False)
                sdk = self._sync
        return sdk.messages.create if self._is_anthropic else sdk.chat.completions.create  # type: ignore[no-any-return]

    def close(self) -> None:
        """Close the synchronous SDK client, if one was opened (a later call reopens it).

        An async client cannot be closed without its event loop; use :meth:`aclose`
        from inside that loop.
        """
        with self._sdk_lock:
            sdk, self._sync = self._sync, None
        if sdk is not None:
            sdk.close()

    async def aclose(self) -> None:
        """Close the SDK clients opened so far (a later call reopens them).

        Call it from the event loop the async client was used in (batch runs do this
        at the end of a run); closing it elsewhere would touch sockets of another loop.
        """
        with self._sdk_lock:
            sdk, self._async = self._async, None
            loop, self._async_loop = self._async_loop, None
        if sdk is not None and (loop is None or loop is asyncio.get_running_loop()):
            result = sdk.close()
            if inspect.isawaitable(result):
                await result
        self.close()

    def _provider_enum(self) -> Any:
        import instructor

        return instructor.Provider.ANTHROPIC if self._is_anthropic else instructor.Provider.OPENAI

    def _request(self, messages: list[dict[str, str]], response_model: type[M]) -> dict[str, Any]:
        request: dict[str, Any] = {
            "messages": messages,
            "model": self.model,
            "response_model": response_schema(response_model),
            "max_retries": self.settings.max_retries,
            "max_tokens": self.settings.max_output_tokens,
        }
        if self.settings.send_temperature:
            request["temperature"] = self.settings.temperature
        return request

    def _outgoing(
        self, kwargs: dict[str, Any], conversation: _Conversation, meter: TokenMeter
    ) -> dict[str, Any]:
        """The SDK arguments of one request: the trimmed conversation, checked against
        the token budget (for Anthropic, with the sampling arguments in ``extra_body``)."""
        kwargs["messages"] = conversation.trim(kwargs["messages"])
        meter.check(_estimate_tokens(kwargs))
        if self._is_anthropic:
            return _sampling_as_extra_body(kwargs)
        return kwargs

    def complete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """See :meth:`LLMClient.complete`."""
        import instructor

        raw = self._raw_create(asynchronous=False)
        conversation = _Conversation()

        def create(**kwargs: Any) -> Any:
            kwargs = self._outgoing(kwargs, conversation, meter)
            response = self.policy.call(lambda: raw(**kwargs), meter)
            meter.record(response)
            return response

        patched = instructor.patch(create=create, mode=self.mode, provider=self._provider_enum())
        try:
            result: M = patched(**self._request(messages, response_model))
        except Exception as exc:
            _reraise(self._translate(exc, meter), exc)
        return result

    async def acomplete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """See :meth:`LLMClient.acomplete`."""
        import instructor

        raw = self._raw_create(asynchronous=True)
        conversation = _Conversation()

        async def create(**kwargs: Any) -> Any:
            kwargs = self._outgoing(kwargs, conversation, meter)

            async def once() -> Any:
                # A coroutine function: tenacity would not await a plain function's
                # coroutine result.
                return await raw(**kwargs)

            response = await self.policy.acall(once, meter)
            meter.record(response)
            return response

        patched = instructor.patch(create=create, mode=self.mode, provider=self._provider_enum())
        try:
            result: M = await patched(**self._request(messages, response_model))
        except Exception as exc:
            _reraise(self._translate(exc, meter), exc)
        return result

    def _translate(self, exc: BaseException, meter: TokenMeter) -> BaseException:
        """Map what instructor raises onto the project's error tree."""
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        cause: BaseException | None = exc
        while cause is not None:  # our own errors come back wrapped by instructor
            if isinstance(cause, VisitExtractError):
                return cause
            cause = cause.__cause__
        if isinstance(exc, InstructorRetryException):
            failed = list(getattr(exc, "failed_attempts", None) or [])
            last = failed[-1] if failed else None
            # instructor retries whatever a request raises; a programming error (an
            # SDK that no longer takes an argument...) is no invalid answer
            bug = last.exception if last is not None else exc.__cause__
            if isinstance(bug, _PROGRAMMING_ERRORS):
                return ProviderError(
                    f"the request could not be made ({type(bug).__name__}: {bug}); this is "
                    "not the model's answer but a bug or an unsupported SDK version: check "
                    "the provider SDK against visit-extract's supported range, or report it",
                    usage=meter.usage,
                )
            errors = _error_lines(last.exception) if last is not None else _error_lines(exc)
            attempts = int(getattr(exc, "n_attempts", 0) or len(failed))
            return ExtractionValidationError(
                f"the model's answer was still invalid after {attempts} attempt(s) "
                f"({errors[0] if errors else 'validation failed'}); try a stronger model, "
                "or raise Settings.max_retries",
                last_attempt=_raw_answer(last.completion if last else None),
                errors=errors,
                attempts=attempts,
                usage=meter.usage,
            )
        if isinstance(exc, IncompleteOutputException):
            return ExtractionValidationError(
                "the model's answer was cut off at max_output_tokens; raise "
                "Settings.max_output_tokens",
                last_attempt=_raw_answer(getattr(exc, "last_completion", None)),
                errors=["incomplete output"],
                attempts=meter.usage.requests,
                usage=meter.usage,
            )
        return exc


#: Errors that mean the request was never made properly, not that the answer was bad.
_PROGRAMMING_ERRORS = (TypeError, AttributeError, NameError, ImportError, LookupError)

register_client("instructor", InstructorClient)


__all__ = [
    "DEFAULT_BASE_URLS",
    "ClientFactory",
    "InstructorClient",
    "LLMClient",
    "get_client",
    "register_client",
    "registered_clients",
]
