"""The built-in client: instructor over the OpenAI SDK (any OpenAI-compatible server)
or Anthropic's, with transport retries inside instructor's validation loop.

Request shaping lives in :mod:`~visit_extract.backends.llm.clients.requests`, the
mapping of failures onto the project's errors in
:mod:`~visit_extract.backends.llm.clients.errors`.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from visit_extract.backends.llm.clients.errors import reraise, translate
from visit_extract.backends.llm.clients.requests import (
    Conversation,
    instructor_arguments,
    sdk_arguments,
)
from visit_extract.backends.llm.retry import TokenMeter, TransportPolicy
from visit_extract.config import KNOWN_PROVIDERS, PROVIDER_KEY_ENV, Settings, split_model
from visit_extract.errors import ConfigError, MissingAPIKeyError

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


class InstructorClient:
    """instructor over the OpenAI SDK (any OpenAI-compatible server) or Anthropic's.

    The SDK's own retries are off (``max_retries=0``): transport retries belong to
    :class:`TransportPolicy`, which wraps each single request *inside* instructor's
    validation loop, so a 429 is retried with backoff and the same messages, while a
    validation error is sent back to the model (at most Settings.max_retries times).

    Args:
        settings: model, endpoint, key and request options.
        policy: the transport retry policy.
        http_transport: a transport of the SDK's HTTP library for the synchronous client;
            provider batch jobs pass one that records the request body the SDK would send
            and one that answers with a batch result (None: the network).
    """

    name = "instructor"

    def __init__(self, settings: Settings, policy: TransportPolicy, *, http_transport: Any = None):
        self.settings = settings
        self.policy = policy
        self.http_transport = http_transport
        provider, model = split_model(settings.model or "")
        head = (settings.model or "").partition("/")[0].lower()
        if provider is None and settings.base_url is None:
            if "/" in (settings.model or ""):
                known = ", ".join(sorted(KNOWN_PROVIDERS))
                problem = f"{head!r} is no provider visit-extract knows ({known})"
            else:
                problem = "it names no provider"
            raise ConfigError(
                f"model {settings.model!r}: {problem}; write it as provider/model "
                "(openai/gpt-4o-mini, anthropic/claude-3-5-haiku-latest, ollama/qwen2.5:7b) "
                f"or give --base-url for an OpenAI-compatible server that serves "
                f"{settings.model!r}"
            )
        self.provider = provider or (head if "/" in (settings.model or "") else "openai-compatible")
        if provider is None:
            model = settings.model or ""
        self.model = model
        self.base_url = settings.base_url or DEFAULT_BASE_URLS.get(self.provider)
        policy.endpoint = policy.endpoint or self.base_url
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
        sdk: Any
        if self._is_anthropic:
            try:
                sdk = importlib.import_module("anthropic")
            except ImportError:
                raise ConfigError(
                    "anthropic models need the anthropic SDK: "
                    "pip install 'visit-extract[anthropic]'"
                ) from None
            # base_url None: the SDK's default (ANTHROPIC_BASE_URL, else api.anthropic.com).
            # A configured one (a gateway or proxy) was ignored before, while the cache
            # key already counted it.
            cls = sdk.AsyncAnthropic if asynchronous else sdk.Anthropic
        else:
            import openai as sdk

            cls = sdk.AsyncOpenAI if asynchronous else sdk.OpenAI
        # Both SDKs take the same arguments; retries are the transport policy's, not theirs.
        return cls(
            api_key=self.api_key,
            base_url=self.base_url,
            max_retries=0,
            timeout=self.settings.request_timeout_s,
            **self._http_client(sdk, asynchronous),
        )

    def _http_client(self, sdk: Any, asynchronous: bool) -> dict[str, Any]:
        if self.http_transport is None or asynchronous:
            return {}
        return {"http_client": sdk.DefaultHttpxClient(transport=self.http_transport)}

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

    def complete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """See :meth:`LLMClient.complete`."""
        import instructor

        raw = self._raw_create(asynchronous=False)
        conversation = Conversation()

        def create(**kwargs: Any) -> Any:
            kwargs = sdk_arguments(kwargs, conversation, meter, anthropic=self._is_anthropic)
            response = self.policy.call(lambda: raw(**kwargs), meter)
            meter.record(response)
            return response

        patched = instructor.patch(create=create, mode=self.mode, provider=self._provider_enum())
        try:
            result: M = patched(
                **instructor_arguments(self.settings, self.model, messages, response_model)
            )
        except Exception as exc:
            reraise(translate(exc, meter), exc)
        return result

    async def acomplete(
        self, messages: list[dict[str, str]], response_model: type[M], meter: TokenMeter
    ) -> M:
        """See :meth:`LLMClient.acomplete`."""
        import instructor

        raw = self._raw_create(asynchronous=True)
        conversation = Conversation()

        async def create(**kwargs: Any) -> Any:
            kwargs = sdk_arguments(kwargs, conversation, meter, anthropic=self._is_anthropic)

            async def once() -> Any:
                # A coroutine function: tenacity would not await a plain function's
                # coroutine result.
                return await raw(**kwargs)

            response = await self.policy.acall(once, meter)
            meter.record(response)
            return response

        patched = instructor.patch(create=create, mode=self.mode, provider=self._provider_enum())
        try:
            result: M = await patched(
                **instructor_arguments(self.settings, self.model, messages, response_model)
            )
        except Exception as exc:
            reraise(translate(exc, meter), exc)
        return result


__all__ = ["DEFAULT_BASE_URLS", "InstructorClient"]
