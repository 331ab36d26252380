"""The built-in instructor client: provider, model, endpoint, key and mode from the
settings, with errors that say what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from visit_extract import Settings, extract_visit
from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients import DEFAULT_BASE_URLS, InstructorClient
from visit_extract.backends.llm.retry import TransportPolicy
from visit_extract.errors import ConfigError, MissingAPIKeyError


@pytest.mark.parametrize(
    ("model", "variable"),
    [
        ("openai/gpt-4o-mini", "OPENAI_API_KEY"),
        ("anthropic/claude-3-5-haiku-latest", "ANTHROPIC_API_KEY"),
    ],
)
def test_missing_api_key_names_the_variable(model: str, variable: str) -> None:
    settings = Settings.from_env({}, model=model)
    with pytest.raises(MissingAPIKeyError, match=variable):
        LLMBackend(settings)
    with pytest.raises(MissingAPIKeyError, match=variable):
        extract_visit("Bupati studi banding ke Banyuwangi.", settings=settings)


def test_api_key_from_environment_mapping_is_used(tmp_path: Path) -> None:
    settings = Settings.from_env({"OPENAI_API_KEY": "sk-test"}, model="openai/gpt-4o-mini")
    backend = LLMBackend(settings.replace(cache_dir=tmp_path))
    assert backend.client.provider == "openai" and backend.client.model == "gpt-4o-mini"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"model": "qwen2.5:7b"}, "provider/model"),
        ({"model": "ollama/qwen2.5:7b", "mode": "TELEPATHY"}, "unknown instructor mode"),
        # a prefix that looks like a provider and is none
        ({"model": "foo/bar"}, r"'foo' is no provider visit-extract knows \(anthropic, .*\)"),
    ],
)
def test_configuration_errors_say_what_to_do(
    tmp_path: Path, options: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        LLMBackend(Settings(cache_dir=tmp_path, **options))  # type: ignore[arg-type]


def test_ollama_needs_no_key_and_uses_its_local_endpoint(tmp_path: Path) -> None:
    backend = LLMBackend(Settings(model="ollama/qwen2.5:7b", cache_dir=tmp_path))
    assert backend.client.base_url == "http://localhost:11434/v1"
    assert backend.client.model == "qwen2.5:7b"


def test_a_bare_model_with_a_base_url_is_an_openai_compatible_server(tmp_path: Path) -> None:
    settings = Settings(model="my-model", base_url="http://127.0.0.1:9/v1", cache_dir=tmp_path)
    client = InstructorClient(settings, TransportPolicy(settings))
    assert client.provider == "openai-compatible" and client.model == "my-model"
    assert client.base_url == "http://127.0.0.1:9/v1" and client.api_key == "not-needed"


def test_a_provider_without_a_key_variable_uses_its_default_endpoint(tmp_path: Path) -> None:
    settings = Settings(model="vllm/qwen", cache_dir=tmp_path)
    client = InstructorClient(settings, TransportPolicy(settings))
    assert client.base_url == DEFAULT_BASE_URLS["vllm"] and client.mode.name == "TOOLS"
