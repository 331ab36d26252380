"""Request shaping: what instructor is asked for, and what each SDK call then carries.

instructor turns one extraction into one or more SDK calls (one per reask); each call
goes through :func:`sdk_arguments`, which keeps the conversation from growing, checks
the token budget, marks the cacheable prefix for Anthropic, and moves what an SDK no
longer takes as a keyword into ``extra_body``.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel

from visit_extract.backends.llm.clients.schema import response_schema
from visit_extract.backends.llm.retry import TokenMeter
from visit_extract.config import Settings

M = TypeVar("M", bound=BaseModel)

#: Rough characters per token, used only to refuse requests the budget cannot cover.
CHARS_PER_TOKEN = 4
#: Sampling arguments the anthropic SDK (1.0 and later) no longer takes as keywords.
_ANTHROPIC_SAMPLING = ("temperature", "top_p", "top_k")


def instructor_arguments(
    settings: Settings, model: str, messages: list[dict[str, str]], response_model: type[M]
) -> dict[str, Any]:
    """The arguments of instructor's ``create`` for one extraction.

    Args:
        settings: the run's settings (reasks, output tokens, sampling).
        model: the model name as sent to the provider.
        messages: the chat messages.
        response_model: the pydantic model the answer must validate against.
    """
    request: dict[str, Any] = {
        "messages": messages,
        "model": model,
        "response_model": response_schema(response_model),
        "max_retries": settings.max_retries,
        "max_tokens": settings.max_output_tokens,
    }
    if settings.send_temperature:
        request["temperature"] = settings.temperature
    return request


class Conversation:
    """Keeps the prompt from growing with every reask.

    instructor appends the failed answer and its error to the messages on each reask;
    sent as is, attempt *n* repeats all *n-1* earlier failures. Only the original
    messages and the latest failure (with its error) are sent.
    """

    def __init__(self) -> None:
        self._base: int | None = None
        self._prev = 0

    def trim(self, messages: list[Any]) -> list[Any]:
        """The messages to send for this attempt (the first call's are kept whole)."""
        if self._base is None:
            self._base = self._prev = len(messages)
            return messages
        latest = messages[self._prev :]
        self._prev = len(messages)
        return messages[: self._base] + latest


def sdk_arguments(
    kwargs: dict[str, Any], conversation: Conversation, meter: TokenMeter, *, anthropic: bool
) -> dict[str, Any]:
    """The SDK arguments of one request: the trimmed conversation, checked against the
    token budget (for Anthropic, with the system prompt marked as a cacheable prefix and
    the sampling arguments in ``extra_body``).

    Raises:
        TokenBudgetExceeded: the request would not fit in what is left of the budget.
    """
    kwargs["messages"] = conversation.trim(kwargs["messages"])
    meter.check(estimate_tokens(kwargs))
    return sampling_as_extra_body(mark_cache_prefix(kwargs)) if anthropic else kwargs


#: Anthropic's marker for the end of a prefix to cache (the 5-minute cache).
CACHE_CONTROL = {"type": "ephemeral"}


def mark_cache_prefix(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Anthropic SDK arguments with the system prompt marked as a cacheable prefix.

    Every request repeats the same tool schema and system prompt (instructions and
    examples) before the article. Anthropic reads a prefix from its prompt cache, at a
    tenth of the input price, only when a ``cache_control`` block ends it; the prefix
    runs in the order tools, system, messages, so marking the last system block caches
    the tool schema too. OpenAI caches a repeated prefix without being asked, so its
    requests are left as they are. Live requests and batch jobs go through here alike.
    """
    system = kwargs.get("system")
    if isinstance(system, str) and system:
        blocks: list[Any] = [{"type": "text", "text": system}]
    elif isinstance(system, list) and system and isinstance(system[-1], dict):
        blocks = list(system)
    else:
        return kwargs
    if "cache_control" in blocks[-1]:
        return kwargs
    blocks[-1] = {**blocks[-1], "cache_control": dict(CACHE_CONTROL)}
    return {**kwargs, "system": blocks}


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


def estimate_tokens(kwargs: dict[str, Any]) -> int:
    """Roughly how many tokens the messages and tools of a request take."""
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


def sampling_as_extra_body(kwargs: dict[str, Any]) -> dict[str, Any]:
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


__all__ = [
    "CACHE_CONTROL",
    "CHARS_PER_TOKEN",
    "Conversation",
    "estimate_tokens",
    "instructor_arguments",
    "mark_cache_prefix",
    "sampling_as_extra_body",
    "sdk_arguments",
]
