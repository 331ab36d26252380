"""Settings: the one frozen options object, and the one place the environment is read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from visit_extract.config import Settings, split_model
from visit_extract.errors import ConfigError, UnknownBackendError
from visit_extract.extract import extract_visit


def test_from_env_reads_the_prefixed_variables_and_overrides_win() -> None:
    env = {
        "VISIT_EXTRACT_MODEL": "openai/gpt-4o-mini",
        "VISIT_EXTRACT_BASE_URL": "http://127.0.0.1:9/v1",
        "VISIT_EXTRACT_MODE": "JSON",
        "VISIT_EXTRACT_CACHE_DIR": "~/ve-cache",
        "VISIT_EXTRACT_NO_CACHE": "1",
        "OPENAI_API_KEY": "sk-test",
        "UNRELATED": "x",
    }
    settings = Settings.from_env(env, model="ollama/qwen2.5:7b", temperature=None)
    assert settings.model == "ollama/qwen2.5:7b"  # the override
    assert settings.base_url == "http://127.0.0.1:9/v1"
    assert settings.mode == "JSON"
    assert settings.cache_dir == Path("~/ve-cache").expanduser()
    assert settings.use_cache is False
    assert settings.temperature == 0.0  # None overrides are ignored
    assert dict(settings.env_api_keys) == {"OPENAI_API_KEY": "sk-test"}


def test_from_env_with_an_empty_environment_gives_the_defaults() -> None:
    assert Settings.from_env({}) == Settings()


def test_unknown_override_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="temprature"):
        Settings.from_env({}, temprature=0.2)
    # even when it is None, which from_env otherwise reads as "not given"
    with pytest.raises(ConfigError, match="did you mean temperature"):
        Settings.from_env({}, temprature=None)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Settings(temprature=0.2),  # type: ignore[call-arg]
        lambda: Settings().replace(temprature=0.2),
        lambda: extract_visit("Bupati Lahat berkunjung.", backend="rules", temprature=0.2),
    ],
    ids=["construct", "replace", "extract_visit"],
)
def test_a_misspelt_option_names_the_closest_one(build: Callable[[], object]) -> None:
    with pytest.raises(ConfigError, match=r"'temprature' \(did you mean temperature\?\)"):
        build()


def test_an_option_without_a_close_match_lists_the_options() -> None:
    with pytest.raises(ConfigError, match=r"the settings are: .*temperature"):
        Settings().replace(xyzzy=1)


@pytest.mark.parametrize(
    "bad",
    [
        {"temperature": -0.1},
        {"concurrency": 0},
        {"token_budget": 0},
        {"prefilter_threshold": 1.5},
        {"requests_per_minute": -1.0},
        {"tokens_per_minute": 0.0},
        {"article_timeout_s": 0.0},
        {"request_timeout_s": -5.0},
        {"transport_total_s": 0.0},
        {"transport_max_wait_s": -1.0},
        {"max_output_tokens": 0},
        {"max_article_chars": 0},
        {"max_prompt_chars": -1},
        {"article_timeout_s": float("nan")},
    ],
)
def test_invalid_values_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ConfigError, match=next(iter(bad))):
        Settings(**bad)  # type: ignore[arg-type]


def test_settings_are_frozen() -> None:
    settings = Settings(model="openai/gpt-4o-mini")
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.model = "x"  # type: ignore[misc]
    assert settings.replace() is settings
    assert settings.replace(temperature=0.5).temperature == 0.5


def test_replace_sets_none_where_none_is_a_value() -> None:
    settings = Settings(backend="llm", model="openai/gpt-4o-mini")
    cleared = settings.replace(model=None, backend=None)
    assert (cleared.model, cleared.backend) == (None, None)
    assert cleared.resolved_backend == "rules"


def test_replace_refuses_none_where_a_value_is_needed() -> None:
    with pytest.raises(ConfigError, match="temperature cannot be None; leave it out"):
        Settings(temperature=0.3).replace(temperature=None)


def test_extract_visit_keeps_the_settings_backend_when_none_is_given() -> None:
    # extract_visit's backend=None means "not given": the backend of the settings stays.
    with pytest.raises(UnknownBackendError, match="no-such-backend"):
        extract_visit("Bupati Lahat berkunjung.", settings=Settings(backend="no-such-backend"))


@pytest.mark.parametrize(
    ("backend", "model", "expected"),
    [(None, None, "rules"), (None, "openai/gpt-4o-mini", "llm"), ("rules", "openai/x", "rules")],
)
def test_backend_defaults_to_llm_only_when_a_model_is_set(
    backend: str | None, model: str | None, expected: str
) -> None:
    assert Settings(backend=backend, model=model).resolved_backend == expected


def test_api_key_explicit_first_then_the_providers_variable() -> None:
    keys = {"OPENAI_API_KEY": "from-env", "ANTHROPIC_API_KEY": "anthropic-env"}
    assert Settings(model="openai/m", env_api_keys=keys).resolve_api_key() == "from-env"
    assert Settings(model="openai/m", api_key="given", env_api_keys=keys).resolve_api_key() == (
        "given"
    )
    assert Settings(model="anthropic/m", env_api_keys=keys).resolve_api_key() == "anthropic-env"
    assert Settings(model="ollama/qwen2.5:7b", env_api_keys=keys).resolve_api_key() is None


def test_api_key_is_not_shown_in_repr() -> None:
    assert "s3cret" not in repr(Settings(api_key="s3cret"))


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("openai/gpt-4o-mini", ("openai", "gpt-4o-mini")),
        ("Ollama/qwen2.5:7b", ("ollama", "qwen2.5:7b")),
        ("qwen2.5:7b", (None, "qwen2.5:7b")),
        ("meta-llama/Llama-3-8B", (None, "meta-llama/Llama-3-8B")),  # a vLLM model name
    ],
)
def test_split_model(model: str, expected: tuple[str | None, str]) -> None:
    assert split_model(model) == expected
