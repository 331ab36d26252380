"""The Anthropic provider path (``model="anthropic/<model>"``), offline.

The ``authored_anthropic_*`` cassettes are AUTHORED FIXTURES, not recordings of a
Claude model: tests/backends/llm/make_authored_cassettes.py ran the real anthropic SDK against a
scripted loopback server that answers in the Messages API's shapes (``tool_use``
blocks, ``input_tokens``/``output_tokens``, Anthropic error bodies). The requests in
them are the SDK's real requests, replayed here with body matching; they prove the
plumbing (request format, usage, reasks, retries, error mapping), never accuracy.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import instructor
import pytest
import yaml

from visit_extract import Settings, extract_visit
from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients import InstructorClient
from visit_extract.backends.llm.retry import RetryEvent, TransportPolicy
from visit_extract.errors import (
    AuthenticationError,
    ConfigError,
    ExtractionValidationError,
    MissingAPIKeyError,
    ProviderError,
)
from visit_extract.io import to_article
from visit_extract.schema import VisitExtraction

from .support import (
    ANTHROPIC,
    CASSETTES,
    FAST_RETRY,
    SCRIPTED_ANSWER,
    SCRIPTED_ARTICLE,
    with_bad_quote,
)

requires_sdk = pytest.mark.skipif(
    importlib.util.find_spec("anthropic") is None,
    reason="the anthropic SDK is not installed (pip install 'visit-extract[anthropic]')",
)

CASSETTE_FILES = sorted(CASSETTES.glob("authored_anthropic_*.yaml"))


def make_backend(tmp_path: Path, **extra: Any) -> LLMBackend:
    settings = Settings(
        cache_dir=tmp_path / "cache", use_cache=False, **{**ANTHROPIC, **FAST_RETRY}
    )
    return LLMBackend(settings.replace(**extra))


def bodies(cas: Any) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in cas.requests]


def assert_grounded(result: VisitExtraction, text: str) -> None:
    assert result.visits
    for visit in result.visits:
        assert visit.evidence, "a visit without evidence"
        for ev in visit.evidence:
            assert ev.start is not None and ev.end is not None, ev
            assert text[ev.start : ev.end] == ev.quote


# --- a valid answer ---------------------------------------------------------------------


@requires_sdk
def test_extract_visit_with_an_anthropic_model(cassette: Any) -> None:
    # The README's call, with deprecation warnings as errors: instructor 1.17 deprecates
    # Mode.ANTHROPIC_TOOLS, which the client maps to the same request in Mode.TOOLS.
    with cassette("authored_anthropic_ok.yaml") as cas, warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        result = extract_visit(
            SCRIPTED_ARTICLE["text"],
            published=SCRIPTED_ARTICLE["published"],
            use_cache=False,
            **ANTHROPIC,
        )
    assert cas.play_count == 1
    # usage comes from the Messages API's input_tokens/output_tokens
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (900, 120)
    assert result.usage.total_tokens == 1020 and result.usage.requests == 1
    visit = result.visits[0]
    assert visit.visitor.region == "Kabupaten Tanah Laut" and visit.visitor.size == 9
    assert visit.host.region == "Kota Madiun" and visit.kind == "kunjungan_kerja"
    assert visit.start_date == "2022-03-01"
    assert result.backend == "llm" and result.model == "anthropic/claude-scripted"
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


@requires_sdk
def test_the_request_is_a_messages_api_tool_call(tmp_path: Path, cassette: Any) -> None:
    with cassette("authored_anthropic_ok.yaml") as cas:
        make_backend(tmp_path).extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert cas.requests[0].path == "/v1/messages"
    (body,) = bodies(cas)
    # the system prompt goes in the top-level "system", never as a message role
    assert body["system"] and all(block["type"] == "text" for block in body["system"])
    assert [m["role"] for m in body["messages"]] == ["user"]
    assert SCRIPTED_ARTICLE["text"].splitlines()[0] in body["messages"][0]["content"]
    assert [t["name"] for t in body["tools"]] == ["LLMAnswer"]
    assert "input_schema" in body["tools"][0]
    assert body["tool_choice"]["type"] == "tool" and body["tool_choice"]["name"] == "LLMAnswer"
    # sent through extra_body: the anthropic 1.x SDK no longer takes it as a keyword
    assert body["temperature"] == 0.0 and body["max_tokens"] == 800
    # the repeated prefix (tool schema, then the system prompt) ends at a cache
    # breakpoint, so Anthropic reads it from its prompt cache after the first request
    assert body["system"][-1]["cache_control"] == {"type": "ephemeral"}
    assert all("cache_control" not in block for block in body["system"][:-1])
    assert "cache_control" not in json.dumps(body["messages"])


# --- validation reasks --------------------------------------------------------------------


@requires_sdk
def test_an_invalid_answer_is_sent_back_as_a_tool_result(tmp_path: Path, cassette: Any) -> None:
    with cassette("authored_anthropic_hallucinated_quote_then_ok.yaml") as cas:
        result = make_backend(tmp_path).extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert cas.play_count == 2
    first, second = bodies(cas)
    assert second["system"] == first["system"]
    assert [m["role"] for m in second["messages"]] == ["user", "assistant", "user"]
    (tool_use,) = second["messages"][1]["content"]
    assert tool_use["type"] == "tool_use"
    assert (
        tool_use["input"]["visits"][0]["topics"]
        == with_bad_quote(SCRIPTED_ANSWER)["visits"][0]["topics"]
    )
    (reply,) = second["messages"][2]["content"]
    assert reply["type"] == "tool_result" and reply["is_error"] is True
    assert reply["tool_use_id"] == tool_use["id"]
    assert "belajar membuat kapal terbang dari bambu" in reply["content"]
    # both answers counted: (880 + 110) for the rejected one, (900 + 120) for the other
    assert result.usage.requests == 2 and result.usage.total_tokens == 2010
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


@requires_sdk
def test_still_invalid_after_the_reask_keeps_the_last_tool_use_answer(
    tmp_path: Path, cassette: Any
) -> None:
    with (
        cassette("authored_anthropic_invalid_twice.yaml") as cas,
        pytest.raises(ExtractionValidationError) as err,
    ):
        make_backend(tmp_path).extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert cas.play_count == 2 and err.value.attempts == 2
    assert err.value.last_attempt is not None
    assert json.loads(err.value.last_attempt)["visits"][0]["topics"][0]["quote"] == (
        "belajar membuat kapal terbang dari bambu"
    )
    assert err.value.usage.total_tokens == 2 * (880 + 110)


@requires_sdk
def test_an_answer_cut_off_at_max_tokens_says_so(tmp_path: Path, cassette: Any) -> None:
    with (
        cassette("authored_anthropic_max_tokens.yaml") as cas,
        pytest.raises(ExtractionValidationError, match="max_output_tokens"),
    ):
        make_backend(tmp_path).extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert cas.play_count == 1


# --- transport retries and provider errors ----------------------------------------------


@requires_sdk
def test_429_and_529_are_retried_by_the_policy_not_the_sdk(tmp_path: Path, cassette: Any) -> None:
    events: list[RetryEvent] = []
    backend = make_backend(tmp_path)
    backend = LLMBackend(backend.settings, on_retry=events.append)
    with cassette("authored_anthropic_429_then_ok.yaml") as cas:
        result = backend.extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    # each failure reached tenacity (an SDK retry would not show up as an event)
    assert [e.status_code for e in events] == [429, 529] and cas.play_count == 3
    assert events[0].retry_after_s == pytest.approx(1.0)
    assert events[0].wait_s == pytest.approx(FAST_RETRY["transport_max_wait_s"])  # capped
    assert events[1].retry_after_s is None
    first, second, third = bodies(cas)
    assert first == second == third  # the same request again, never a longer conversation
    assert result.usage.requests == 3 and result.usage.total_tokens == 1020
    assert isinstance(backend.client, InstructorClient)
    assert backend.client._sync.max_retries == 0
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


@requires_sdk
def test_aextract_uses_the_async_anthropic_client(tmp_path: Path, cassette: Any) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_backend(tmp_path).settings, on_retry=events.append)
    with cassette("authored_anthropic_429_then_ok.yaml") as cas:
        result = asyncio.run(backend.aextract(to_article(SCRIPTED_ARTICLE, max_chars=10**5)))
    assert [e.status_code for e in events] == [429, 529] and cas.play_count == 3
    assert isinstance(backend.client, InstructorClient)
    assert type(backend.client._async).__name__ == "AsyncAnthropic"
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


@requires_sdk
def test_401_is_an_authentication_error_naming_the_variable(tmp_path: Path, cassette: Any) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_backend(tmp_path).settings, on_retry=events.append)
    with cassette("authored_anthropic_401.yaml") as cas, pytest.raises(AuthenticationError) as err:
        backend.extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert cas.play_count == 1 and events == []
    assert "ANTHROPIC_API_KEY" in str(err.value) and "HTTP 401" in str(err.value)


@requires_sdk
def test_a_prompt_over_the_context_window_is_not_retried_and_says_what_to_lower(
    tmp_path: Path, cassette: Any
) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_backend(tmp_path).settings, on_retry=events.append)
    with (
        cassette("authored_anthropic_prompt_too_long.yaml") as cas,
        pytest.raises(ProviderError) as err,
    ):
        backend.extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert cas.play_count == 1 and events == []
    assert type(err.value) is ProviderError and "max_prompt_chars" in str(err.value)


# --- configuration ------------------------------------------------------------------------


def test_a_missing_key_names_anthropic_api_key() -> None:
    settings = Settings.from_env({}, model="anthropic/claude-scripted")
    with pytest.raises(MissingAPIKeyError, match="ANTHROPIC_API_KEY"):
        extract_visit("Bupati studi banding ke Banyuwangi.", settings=settings)


def test_the_key_is_read_from_anthropic_api_key(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"ANTHROPIC_API_KEY": "sk-ant-from-env"}, model="anthropic/claude-scripted"
    )
    client = LLMBackend(settings.replace(cache_dir=tmp_path)).client
    assert isinstance(client, InstructorClient)
    assert client.provider == "anthropic" and client.model == "claude-scripted"
    assert client.api_key == "sk-ant-from-env"
    # ANTHROPIC_TOOLS by default, sent as instructor 1.17's own equivalent
    assert client.mode is instructor.Mode.TOOLS


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("ANTHROPIC_JSON", "JSON"), ("anthropic_tools", "TOOLS"), ("TOOLS", "TOOLS")],
)
def test_anthropic_mode_names_map_to_instructors_core_modes(
    tmp_path: Path, mode: str, expected: str
) -> None:
    client = LLMBackend(Settings(cache_dir=tmp_path, mode=mode, **ANTHROPIC)).client
    assert isinstance(client, InstructorClient) and client.mode.name == expected


def test_openai_modes_are_left_as_given(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        client = LLMBackend(
            Settings(cache_dir=tmp_path, model="openai/gpt-4o-mini", api_key="k", mode="FUNCTIONS")
        ).client
    assert isinstance(client, InstructorClient) and client.mode is instructor.Mode.FUNCTIONS


@requires_sdk
@pytest.mark.parametrize("base_url", [None, "http://127.0.0.1:9/gateway"])
def test_base_url_reaches_the_anthropic_sdk(tmp_path: Path, base_url: str | None) -> None:
    client = InstructorClient(
        Settings(cache_dir=tmp_path, base_url=base_url, **ANTHROPIC), TransportPolicy(Settings())
    )
    sdk = client._sdk(asynchronous=False)
    try:
        expected = base_url or "https://api.anthropic.com"
        assert str(sdk.base_url).rstrip("/") == expected
        assert sdk.max_retries == 0
    finally:
        sdk.close()


def test_without_the_sdk_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_http: list[Any]
) -> None:
    monkeypatch.setitem(sys.modules, "anthropic", None)  # import anthropic -> ImportError
    with pytest.raises(ConfigError, match=r"visit-extract\[anthropic\]"):
        make_backend(tmp_path).extract(to_article(SCRIPTED_ARTICLE, max_chars=10**5))
    assert no_http == []


# --- the cassettes themselves --------------------------------------------------------------


def test_cassettes_hold_no_key_and_say_they_are_authored() -> None:
    assert len(CASSETTE_FILES) >= 7
    for path in CASSETTE_FILES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# AUTHORED FIXTURE (not a recording of a real model)")
        assert ANTHROPIC["api_key"] not in text, path.name
        for interaction in yaml.safe_load(text)["interactions"]:
            headers = {h.lower() for h in interaction["request"]["headers"]}
            assert not headers & {"x-api-key", "authorization"}, path.name
            assert "anthropic-version" in headers, path.name  # the anthropic SDK sent it
