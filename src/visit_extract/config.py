"""Settings: one frozen object holding every option, and the one place that reads the
environment (:meth:`Settings.from_env`)."""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visit_extract.errors import ConfigError

ENV_PREFIX = "VISIT_EXTRACT_"

#: Where each provider's API key is looked up when none is given. A provider missing
#: here (ollama, a local server) needs no key.
PROVIDER_KEY_ENV: dict[str, str] = {
    "openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "groq": "GROQ_API_KEY",
    "mistral": "MISTRAL_API_KEY",
    "google": "GOOGLE_API_KEY",
    "gemini": "GOOGLE_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "together": "TOGETHER_API_KEY",
    "openrouter": "OPENROUTER_API_KEY",
    "fireworks": "FIREWORKS_API_KEY",
    "cohere": "CO_API_KEY",
}


def split_model(model: str) -> tuple[str | None, str]:
    """Split ``provider/model`` into its parts.

    ``"openai/gpt-4o-mini"`` gives ``("openai", "gpt-4o-mini")``; a name without a
    known provider prefix (``"qwen2.5:7b"``, ``"meta-llama/Llama-3-8B"`` for a vLLM
    server) gives ``(None, name)``.
    """
    head, sep, tail = model.partition("/")
    if sep and head.lower() in KNOWN_PROVIDERS:
        return head.lower(), tail
    return None, model


#: The provider prefixes a model name may start with (``openai/...``, ``ollama/...``).
KNOWN_PROVIDERS = frozenset(PROVIDER_KEY_ENV) | {"ollama", "vllm", "llamacpp", "lmstudio"}


def _check_names(cls: type, names: Iterable[str]) -> None:
    """Refuse option names that are not fields of ``cls``, suggesting the closest one.

    Raises:
        ConfigError: "unknown setting 'temprature' (did you mean temperature?)".
    """
    fields = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(names) - set(fields))
    if not unknown:
        return
    parts, all_close = [], True
    for name in unknown:
        close = difflib.get_close_matches(name, fields, n=1)
        parts.append(f"{name!r} (did you mean {close[0]}?)" if close else repr(name))
        all_close = all_close and bool(close)
    listing = "" if all_close else f"; the settings are: {', '.join(sorted(fields))}"
    raise ConfigError(f"unknown setting {', '.join(parts)}{listing}")


#: Counts that must be at least 1 (``max_retries`` at least 0).
_AT_LEAST_ONE = (
    "max_retries",
    "transport_attempts",
    "token_budget",
    "concurrency",
    "max_output_tokens",
    "max_article_chars",
    "max_prompt_chars",
)
#: Limits and rates that must be above 0 when set (a rate of None is no limit).
_ABOVE_ZERO = (
    "request_timeout_s",
    "transport_total_s",
    "article_timeout_s",
    "requests_per_minute",
    "tokens_per_minute",
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Every option of visit-extract. Frozen: derive variants with :meth:`replace`.

    Attributes:
        backend: ``"rules"``, ``"llm"`` or any registered backend; None picks ``llm``
            when a model is configured and ``rules`` otherwise.
        model: ``provider/model`` (``openai/gpt-4o-mini``, ``anthropic/claude-...``,
            ``ollama/qwen2.5:7b``) or a bare model name served at ``base_url``.
        base_url: an OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio).
        api_key: the provider's key; None looks it up in the provider's variable.
        mode: instructor mode name (``TOOLS``, ``JSON``, ``MD_JSON``, ...); None picks
            the provider's default.
        temperature: sampling temperature (part of the cache key).
        send_temperature: send ``temperature`` with each request; turn it off for
            models that refuse the parameter (the provider's default then applies).
        max_output_tokens: cap on each completion.
        max_retries: reasks after a validation failure (bad schema, ungrounded quote).
        transport_attempts: requests per call on 429/5xx/timeouts before giving up.
        transport_max_wait_s: longest single backoff wait, Retry-After included.
        transport_total_s: total time the transport retries may take.
        request_timeout_s: timeout of one HTTP request.
        token_budget: tokens one article may use across reasks and retries.
        max_article_chars: larger articles are refused (:class:`ArticleTooLargeError`).
        max_prompt_chars: article characters sent to the model in one request; longer
            prepared text is truncated, with a warning in the result.
        use_cache: read and write the disk cache.
        cache_dir: where the cache lives; None is the user cache directory.
        prefilter: in batch runs, let the recall-first pre-filter decide which
            articles reach an LLM backend.
        prefilter_threshold: pre-filter score below which an article is skipped.
        concurrency: requests in flight at once in batch runs.
        requests_per_minute: client-side request rate limit (None: unlimited).
        tokens_per_minute: client-side token rate limit (None: unlimited).
        article_timeout_s: wall-clock limit for one article in batch runs.
    """

    backend: str | None = None
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str | None = None
    temperature: float = 0.0
    send_temperature: bool = True
    max_output_tokens: int = 2048
    max_retries: int = 2
    transport_attempts: int = 5
    transport_max_wait_s: float = 60.0
    transport_total_s: float = 300.0
    request_timeout_s: float = 120.0
    token_budget: int = 40_000
    max_article_chars: int = 500_000
    max_prompt_chars: int = 24_000
    use_cache: bool = True
    cache_dir: Path | None = None
    prefilter: bool = True
    prefilter_threshold: float = 0.5
    concurrency: int = 8
    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    article_timeout_s: float = 300.0
    #: The provider keys found in the environment, so clients never read os.environ.
    env_api_keys: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __new__(cls, *args: Any, **kwargs: Any) -> Settings:
        # Runs before the generated __init__, so a misspelt option is a ConfigError that
        # names the closest one instead of a bare TypeError.
        _check_names(cls, kwargs)
        return super().__new__(cls)

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            if getattr(self, f.name) is None and "None" not in str(f.type):
                raise ConfigError(f"{f.name} cannot be None; leave it out to keep its value")
        if not self.temperature >= 0:  # "not >=" also refuses NaN
            raise ConfigError(f"temperature must be >= 0, got {self.temperature}")
        for name in _AT_LEAST_ONE:
            if getattr(self, name) < (0 if name == "max_retries" else 1):
                raise ConfigError(f"{name} must be positive, got {getattr(self, name)}")
        for name in _ABOVE_ZERO:
            value = getattr(self, name)
            if value is not None and not value > 0:
                raise ConfigError(f"{name} must be a number above 0, got {value}")
        if not self.transport_max_wait_s >= 0:
            raise ConfigError(f"transport_max_wait_s must be >= 0, got {self.transport_max_wait_s}")
        if not 0.0 <= self.prefilter_threshold <= 1.0:
            raise ConfigError(
                f"prefilter_threshold must be in [0, 1], got {self.prefilter_threshold}"
            )

    @property
    def resolved_backend(self) -> str:
        """The backend that will run: the explicit one, else ``llm`` if a model is set."""
        if self.backend:
            return self.backend
        return "llm" if self.model else "rules"

    @property
    def provider(self) -> str | None:
        """The provider prefix of ``model`` (``openai``, ``ollama``...), if any."""
        return split_model(self.model)[0] if self.model else None

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with some options changed.

        Every given option is set, None included (``replace(model=None)`` clears the
        model); an option that cannot be None is refused. A caller that means "not
        given" leaves the option out.

        Args:
            **changes: :class:`Settings` fields and their new values.

        Returns:
            The new settings (``self`` when nothing is given).

        Raises:
            ConfigError: an unknown option (naming the closest one), None for an option
                that needs a value, or an invalid value.
        """
        _check_names(type(self), changes)
        return dataclasses.replace(self, **changes) if changes else self

    def resolve_api_key(self) -> str | None:
        """The API key to use: the explicit one, else the provider's environment value."""
        if self.api_key:
            return self.api_key
        var = PROVIDER_KEY_ENV.get(self.provider or "")
        return self.env_api_keys.get(var) if var else None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from ``VISIT_EXTRACT_*`` variables, then apply overrides.

        This is the only place visit-extract reads the environment.

        Recognised variables: ``VISIT_EXTRACT_BACKEND``, ``VISIT_EXTRACT_MODEL``,
        ``VISIT_EXTRACT_BASE_URL``, ``VISIT_EXTRACT_API_KEY``, ``VISIT_EXTRACT_MODE``,
        ``VISIT_EXTRACT_CACHE_DIR``, ``VISIT_EXTRACT_NO_CACHE`` (any non-empty value),
        and the providers' own key variables (``OPENAI_API_KEY``...).

        Args:
            env: the environment to read; ``os.environ`` when None.
            **overrides: option values that win over the environment; None means "not
                given" here (command-line options that were left out).

        Returns:
            The frozen settings.
        """
        _check_names(cls, overrides)
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for name in ("backend", "model", "base_url", "api_key", "mode"):
            raw = env.get(ENV_PREFIX + name.upper())
            if raw:
                values[name] = raw
        if env.get(ENV_PREFIX + "CACHE_DIR"):
            values["cache_dir"] = Path(env[ENV_PREFIX + "CACHE_DIR"]).expanduser()
        if env.get(ENV_PREFIX + "NO_CACHE"):
            values["use_cache"] = False
        values["env_api_keys"] = {
            var: env[var] for var in set(PROVIDER_KEY_ENV.values()) if env.get(var)
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


__all__ = ["ENV_PREFIX", "KNOWN_PROVIDERS", "PROVIDER_KEY_ENV", "Settings", "split_model"]
