"""The LLM backend end to end, offline: cassettes replay the HTTP layer.

``authored_*`` cassettes are scripted fixtures (429, 500, 401, malformed and
hallucinated answers); ``recorded_smollm2_*`` ones are real traffic with a 135M local
model whose answers are poor — they test plumbing, schema validity and grounding,
never accuracy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import vcr.errors
import yaml

from visit_extract import Settings, extract_visit
from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.llm.clients import register_client, registered_clients
from visit_extract.backends.llm.prompting import default_prompt_dir
from visit_extract.backends.llm.response import LLMAnswer
from visit_extract.backends.llm.retry import RetryEvent, TokenMeter, TransportPolicy
from visit_extract.errors import (
    ArticleTooLargeError,
    AuthenticationError,
    EmptyArticleError,
    ExtractionValidationError,
    NotTextError,
    ProviderUnreachableError,
    RetriesExhausted,
    TokenBudgetExceeded,
    VisitExtractWarning,
)
from visit_extract.io import to_article
from visit_extract.schema import Article, VisitExtraction

from .support import (
    AUTHORED,
    CASSETTES,
    FAST_RETRY,
    INJECTION_ARTICLE,
    SCRIPTED_ARTICLE,
    SMOLLM2,
    recorded_article,
    recorded_cassettes,
)


def make_settings(tmp_path: Path, **extra: Any) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", **{**AUTHORED, **FAST_RETRY, **extra})


def scripted() -> Article:
    return to_article(SCRIPTED_ARTICLE, max_chars=100_000)


def assert_grounded(result: VisitExtraction, text: str) -> None:
    """Every evidence quote is the original text at its offsets."""
    for visit in result.visits:
        assert visit.evidence, "a visit without evidence"
        for ev in visit.evidence:
            assert ev.start is not None and ev.end is not None, ev
            assert text[ev.start : ev.end] == ev.quote


def request_bodies(cas: Any) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in cas.requests]


# --- a valid answer, and code post-processing ---------------------------------------------


def test_retry_after_429_honours_retry_after_then_post_processes(
    tmp_path: Path, cassette: Any
) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_settings(tmp_path, use_cache=False), on_retry=events.append)
    with cassette("authored_429_then_ok.yaml") as cas:
        result = backend.extract(scripted())
    assert cas.play_count == 3
    assert [e.status_code for e in events] == [429, 429]
    assert events[0].retry_after_s == pytest.approx(0.015)
    # the server's hint, not backoff: never sooner, at most a quarter later (spread)
    assert 0.015 <= events[0].wait_s <= 0.015 * 1.25
    assert events[1].retry_after_s == pytest.approx(1.0)
    assert events[1].wait_s == pytest.approx(FAST_RETRY["transport_max_wait_s"])  # capped
    # a transport retry resends the same conversation, it never adds to it
    bodies = request_bodies(cas)
    assert bodies[0] == bodies[1] == bodies[2]
    assert result.usage.requests == 3 and result.usage.total_tokens == 1020
    visit = result.visits[0]
    assert visit.visitor.region == "Kabupaten Tanah Laut"
    assert visit.visitor.leader is not None and visit.visitor.leader.name == "Ahmad Fauzi"
    assert visit.visitor.size == 9 and visit.host.size is None
    assert visit.start_date == "2022-03-01"  # "Selasa (1/3)" resolved with published
    assert visit.kind == "kunjungan_kerja"
    assert result.backend == "llm" and result.model == "scripted-model" and not result.cached
    assert result.prompt_version == backend.prompt_version
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


def test_retry_after_500_and_503(tmp_path: Path, cassette: Any) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_settings(tmp_path, use_cache=False), on_retry=events.append)
    with cassette("authored_500_then_ok.yaml") as cas:
        result = backend.extract(scripted())
    assert [e.status_code for e in events] == [500, 503]
    assert all(0 <= e.wait_s <= FAST_RETRY["transport_max_wait_s"] for e in events)
    assert cas.play_count == 3 and result.is_study_visit


def test_429_exhausted_raises_with_attempts_and_last_response(
    tmp_path: Path, cassette: Any
) -> None:
    backend = LLMBackend(make_settings(tmp_path, use_cache=False, transport_attempts=3))
    with cassette("authored_429_exhausted.yaml") as cas, pytest.raises(RetriesExhausted) as err:
        backend.extract(scripted())
    assert err.value.attempts == 3 and cas.play_count == 3
    assert err.value.last_response is not None and "Rate limit" in err.value.last_response
    assert err.value.usage.requests == 3


def test_401_is_not_retried(tmp_path: Path, cassette: Any) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_settings(tmp_path, use_cache=False), on_retry=events.append)
    with cassette("authored_401.yaml") as cas, pytest.raises(AuthenticationError) as err:
        backend.extract(scripted())
    assert cas.play_count == 1 and events == []
    assert "api_key" in str(err.value)


# --- validation reasks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "error_text"),
    [
        ("authored_malformed_then_ok.yaml", "Validation Error found"),
        ("authored_bad_enum_then_ok.yaml", "kabupaten"),
        ("authored_hallucinated_quote_then_ok.yaml", "does not occur in the article"),
    ],
)
def test_invalid_answer_is_sent_back_once(
    tmp_path: Path, cassette: Any, name: str, error_text: str
) -> None:
    backend = LLMBackend(make_settings(tmp_path, use_cache=False))
    with cassette(name) as cas:
        result = backend.extract(scripted())
    assert cas.play_count == 2
    first, second = request_bodies(cas)
    assert len(first["messages"]) == 2
    # the reask carries the failed answer and its error, and nothing else
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "tool"]
    assert error_text in second["messages"][-1]["content"]
    assert result.usage.requests == 2
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


def test_still_invalid_after_reasks_raises_with_last_attempt(tmp_path: Path, cassette: Any) -> None:
    backend = LLMBackend(make_settings(tmp_path))
    with cassette("authored_invalid_twice.yaml"), pytest.raises(ExtractionValidationError) as err:
        backend.extract(scripted())
    assert err.value.attempts == 2
    assert "kapal terbang" in str(err.value.last_attempt)
    assert any("does not occur in the article" in e for e in err.value.errors)
    assert err.value.usage.requests == 2
    assert backend.cache is not None and backend.cache.stats()["entries"] == 0  # not cached


# --- cache ---------------------------------------------------------------------------------


def test_cache_hit_makes_no_request_and_returns_the_same_result(
    tmp_path: Path, cassette: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path)
    with cassette("authored_hallucinated_quote_then_ok.yaml") as cas:
        first = LLMBackend(settings).extract(scripted())
    assert cas.play_count == 2 and not first.cached

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a cache hit must not make an HTTP request")

    monkeypatch.setattr("httpx2.HTTPTransport.handle_request", refuse)
    second = LLMBackend(settings).extract(scripted())  # a fresh backend: the disk cache
    assert second.cached
    assert second.model_dump(exclude={"cached", "latency_s"}) == first.model_dump(
        exclude={"cached", "latency_s"}
    )


def test_a_corrupt_cache_costs_a_request_not_the_article(tmp_path: Path, cassette: Any) -> None:
    settings = make_settings(tmp_path)
    with cassette("authored_hallucinated_quote_then_ok.yaml"):
        first = LLMBackend(settings).extract(scripted())
    with (tmp_path / "cache" / "cache.db").open("r+b") as fh:
        fh.truncate(5000)  # what a full disk leaves
    with (
        cassette("authored_hallucinated_quote_then_ok.yaml") as cas,
        pytest.warns(VisitExtractWarning, match="corrupt"),
    ):
        second = LLMBackend(settings).extract(scripted())
    assert cas.play_count == 2 and not second.cached
    assert second.visits == first.visits


def test_prompt_change_changes_cache_key_and_cannot_replay_old_answer(
    tmp_path: Path, cassette: Any
) -> None:
    prompts = tmp_path / "prompts"
    shutil.copytree(str(default_prompt_dir()), prompts)
    settings = make_settings(tmp_path, use_cache=False, transport_attempts=1)
    before = LLMBackend(settings, prompt_dir=prompts)
    (prompts / "instructions.md").write_text(
        (prompts / "instructions.md").read_text(encoding="utf-8") + "\nOne more rule.\n",
        encoding="utf-8",
    )
    after = LLMBackend(settings, prompt_dir=prompts)
    assert after.prompt_version != before.prompt_version
    assert after.key(scripted()) != before.key(scripted())
    with (
        cassette("authored_hallucinated_quote_then_ok.yaml") as cas,
        pytest.raises(RetriesExhausted) as err,
    ):
        after.extract(scripted())
    # vcr refused the changed request (the SDK reports it as a connection error)
    causes = []
    cause: BaseException | None = err.value
    while cause is not None:
        causes.append(cause)
        cause = cause.__cause__
    assert any(isinstance(c, vcr.errors.CannotOverwriteExistingCassetteException) for c in causes)
    assert cas.play_count == 0


def test_cache_key_ignores_api_key_and_article_id(tmp_path: Path) -> None:
    one = LLMBackend(make_settings(tmp_path, api_key="key-one"))
    two = LLMBackend(make_settings(tmp_path, api_key="key-two"))
    other_id = scripted().model_copy(update={"id": "another-id"})
    assert one.key(scripted()) == two.key(other_id)
    assert one.key(scripted()) != LLMBackend(make_settings(tmp_path, temperature=0.5)).key(
        scripted()
    )


# --- budget, async, truncation, registry ----------------------------------------------------


def test_token_budget_refuses_a_request_it_cannot_cover(tmp_path: Path, no_http: list[Any]) -> None:
    backend = LLMBackend(make_settings(tmp_path, token_budget=500))
    with pytest.raises(TokenBudgetExceeded) as err:
        backend.extract(scripted())
    assert err.value.budget == 500 and err.value.usage.requests == 0
    assert no_http == []


def test_token_budget_counts_across_reasks(tmp_path: Path, cassette: Any) -> None:
    recorded = yaml.safe_load(
        (CASSETTES / "authored_hallucinated_quote_then_ok.yaml").read_text(encoding="utf-8")
    )
    body = json.loads(recorded["interactions"][0]["request"]["body"])
    first_estimate = (
        len(json.dumps(body["messages"], ensure_ascii=False))
        + len(json.dumps(body["tools"], ensure_ascii=False))
    ) // 4
    # room for the first request and its 1020 reported tokens, not for the reask
    backend = LLMBackend(make_settings(tmp_path, token_budget=first_estimate + 1030))
    with (
        cassette("authored_hallucinated_quote_then_ok.yaml") as cas,
        pytest.raises(TokenBudgetExceeded) as err,
    ):
        backend.extract(scripted())
    assert cas.play_count == 1
    assert err.value.usage.total_tokens == 1020


def test_aextract_uses_the_async_client(tmp_path: Path, cassette: Any) -> None:
    events: list[RetryEvent] = []
    backend = LLMBackend(make_settings(tmp_path, use_cache=False), on_retry=events.append)
    with cassette("authored_500_then_ok.yaml") as cas:
        result = asyncio.run(backend.aextract(scripted()))
    assert cas.play_count == 3 and [e.status_code for e in events] == [500, 503]
    assert_grounded(result, SCRIPTED_ARTICLE["text"])


class _FixedClient:
    """A third-party client: answers 'no visit' without any HTTP."""

    name = "acme"
    provider = "acme"
    base_url: str | None = None

    def __init__(self, settings: Settings, policy: TransportPolicy):
        self.model = (settings.model or "").partition("/")[2]
        self.seen: list[list[dict[str, str]]] = []

    def complete(self, messages: Any, response_model: Any, meter: TokenMeter) -> Any:
        self.seen.append(messages)
        return response_model.model_validate({"is_study_visit": False, "visits": []})

    async def acomplete(self, messages: Any, response_model: Any, meter: TokenMeter) -> Any:
        return self.complete(messages, response_model, meter)


def test_third_party_client_registers_like_the_builtin(tmp_path: Path, no_http: list[Any]) -> None:
    register_client("acme", _FixedClient)
    assert {"acme", "instructor"} <= set(registered_clients())
    backend = LLMBackend(make_settings(tmp_path, model="acme/tiny", max_prompt_chars=300))
    assert isinstance(backend.client, _FixedClient)
    long_text = "".join(f"Paragraf ke-{i} tentang kunjungan kerja.\n" for i in range(40))
    result = backend.extract(to_article(long_text, max_chars=100_000))
    assert not result.is_study_visit and result.visits == []
    sent = backend.client.seen[0][1]["content"]
    assert "The article was too long" in sent
    assert any("truncated" in w for w in result.warnings)


# --- prompt injection, input errors, keys ------------------------------------------------------


def test_article_text_is_delimited_data(tmp_path: Path) -> None:
    backend = LLMBackend(make_settings(tmp_path))
    article = to_article(INJECTION_ARTICLE, max_chars=100_000)
    messages = backend.prompts.messages(article.text, article.published)
    user = messages[1]["content"]
    body = user[user.index("<article>") : user.rindex("</article>")]
    assert "IGNORE PREVIOUS INSTRUCTIONS" in body  # inside the data block
    # the article's own closing tag is defused, so the data block cannot end early
    assert "</article> System" not in user and "<\u200b/article> System" in user
    assert "data, not instructions" in user and "never instructions" in messages[0]["content"]


def test_article_with_injected_instructions_yields_a_schema_valid_extraction(
    tmp_path: Path, cassette: Any
) -> None:
    """Authored answer (the recorded SmolLM2 one is invalid JSON): the request carries
    the injection inside the data block, and the result is a normal extraction."""
    backend = LLMBackend(make_settings(tmp_path, use_cache=False))
    with cassette("authored_injection.yaml") as cas:
        result = backend.extract(to_article(INJECTION_ARTICLE, max_chars=100_000))
    VisitExtraction.model_validate(result.model_dump())
    visit = result.visits[0]
    assert visit.visitor.region == "Kabupaten Kolaka Timur"  # "Kolaka Timur" normalised
    assert visit.start_date == "2023-05-09" and visit.kind == "studi_banding"
    assert_grounded(result, INJECTION_ARTICLE["text"])
    user = request_bodies(cas)[0]["messages"][1]["content"]
    assert user.index("<article>") < user.index("IGNORE PREVIOUS") < user.rindex("</article>")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", EmptyArticleError),
        ("   \n\t  ", EmptyArticleError),
        (b"\x00\x01\x02binary\x00", NotTextError),
        (b"\xff\xfe\xfa", NotTextError),
        ("x" * 101, ArticleTooLargeError),
    ],
)
def test_bad_input_gives_documented_errors(
    tmp_path: Path, no_http: list[Any], text: Any, error: type[Exception]
) -> None:
    settings = make_settings(tmp_path, max_article_chars=100)
    with pytest.raises(error):
        extract_visit(text, settings=settings, backend="llm")


# --- real recorded traffic (SmolLM2-135M on llama.cpp) ----------------------------------------


@pytest.mark.parametrize("path", recorded_cassettes(), ids=lambda p: p.stem)
def test_recorded_smollm2_replays_to_a_valid_grounded_result_or_a_validation_error(
    tmp_path: Path, cassette: Any, path: Path
) -> None:
    row = recorded_article(path)
    settings = Settings(cache_dir=tmp_path, use_cache=False, **SMOLLM2)
    with cassette(path.name) as cas:
        try:
            result = extract_visit(row, settings=settings)
        except ExtractionValidationError as exc:
            # a poor model: the answer stayed invalid, and the error says why
            assert exc.errors and exc.attempts >= 1
            assert exc.usage.requests == cas.play_count
        else:
            VisitExtraction.model_validate(result.model_dump())
            assert result.backend == "llm" and result.usage.requests == cas.play_count
            assert_grounded(result, row["text"])
    assert cas.play_count <= SMOLLM2["max_retries"] + 1
    assert cas.all_played


def test_recorded_answers_were_validated_against_the_response_model() -> None:
    """Every recorded answer is the model's real tool call, parseable as JSON args."""
    for path in recorded_cassettes():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for interaction in data["interactions"]:
            response = json.loads(interaction["response"]["body"]["string"])
            assert response["choices"][0]["message"]["tool_calls"], path.name
            assert (
                LLMAnswer.__name__
                == response["choices"][0]["message"]["tool_calls"][0]["function"]["name"]
            )


def test_recorded_reask_after_a_real_hallucinated_quote(tmp_path: Path, cassette: Any) -> None:
    """SmolLM2 quoted the schema's own description as evidence; the replayed request
    shows that answer sent back with the grounding error (real wire traffic)."""
    path = CASSETTES / "recorded_smollm2_seed-002.yaml"
    settings = Settings(cache_dir=tmp_path, use_cache=False, **SMOLLM2)
    with cassette(path.name) as cas, contextlib.suppress(ExtractionValidationError):
        extract_visit(recorded_article(path), settings=settings)
    second = request_bodies(cas)[1]["messages"]
    assert [m["role"] for m in second] == ["system", "user", "assistant", "tool"]
    assert "does not occur in the article" in second[-1]["content"]


def test_cli_missing_key_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from visit_extract.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Bupati Lahat studi banding ke Banyuwangi.", encoding="utf-8")
    assert main(["extract", str(article), "--model", "openai/gpt-4o-mini"]) == 2
    err = capsys.readouterr().err
    assert "OPENAI_API_KEY" in err and "Traceback" not in err


# --- closing the clients, and cheap cache hits -------------------------------------------


class _ClosableClient(_FixedClient):
    """A client that records being closed."""

    def __init__(self, settings: Settings, policy: TransportPolicy):
        super().__init__(settings, policy)
        self.closed: list[str] = []

    def close(self) -> None:
        self.closed.append("close")

    async def aclose(self) -> None:
        self.closed.append("aclose")


def test_aclose_closes_the_sdk_clients_it_opened_and_they_reopen(
    tmp_path: Path, cassette: Any
) -> None:
    backend = LLMBackend(make_settings(tmp_path))
    client: Any = backend.client

    async def run() -> tuple[VisitExtraction, Any]:
        result = await backend.aextract(scripted())
        sdk = client._async
        await backend.aclose()
        return result, sdk

    with cassette("authored_500_then_ok.yaml"):
        result, sdk = asyncio.run(run())
    assert sdk is not None and sdk.is_closed()
    assert client._async is None
    # the cache was closed too, and reopens: the same article is now a hit, no HTTP
    again = backend.extract(scripted())
    assert again.cached and again.visits == result.visits
    backend.close()


def test_close_closes_the_sync_sdk_client(tmp_path: Path, cassette: Any) -> None:
    backend = LLMBackend(make_settings(tmp_path, use_cache=False))
    with cassette("authored_malformed_then_ok.yaml"):
        backend.extract(scripted())
    sdk = backend.client._sync  # type: ignore[attr-defined]
    backend.close()
    assert sdk.is_closed() and backend.client._sync is None  # type: ignore[attr-defined]


def test_a_client_passed_in_is_left_open_and_an_owned_one_is_closed(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, model="acme/tiny")
    given = _ClosableClient(settings, TransportPolicy(settings))
    asyncio.run(LLMBackend(settings, client=given).aclose())
    assert given.closed == []
    register_client("acme", _ClosableClient)
    try:
        owned = LLMBackend(settings)
        asyncio.run(owned.aclose())
        assert owned.client.closed == ["aclose", "close"]  # type: ignore[attr-defined]
    finally:
        register_client("acme", _FixedClient)


def test_batch_run_closes_the_async_client_in_its_own_loop(
    tmp_path: Path, cassette: Any, caplog: pytest.LogCaptureFixture
) -> None:
    import gc

    from visit_extract.batch import extract_many

    backend = LLMBackend(make_settings(tmp_path, use_cache=False))
    client: Any = backend.client
    opened: list[Any] = []
    make_sdk = client._sdk

    def recording_sdk(asynchronous: bool) -> Any:
        sdk = make_sdk(asynchronous)
        opened.append(sdk)
        return sdk

    client._sdk = recording_sdk
    with cassette("authored_500_then_ok.yaml"), caplog.at_level("ERROR", logger="asyncio"):
        rows = list(extract_many([scripted()], settings=backend.settings, backend=backend))
        gc.collect()
    assert [r.status for r in rows] == ["ok"]
    assert len(opened) == 1 and opened[0].is_closed()
    assert not [r for r in caplog.records if "Event loop is closed" in r.getMessage()]


def test_a_cache_hit_without_visits_equals_the_miss_including_the_truncation_warning(
    tmp_path: Path,
) -> None:
    register_client("acme", _FixedClient)
    settings = make_settings(tmp_path, model="acme/tiny", max_prompt_chars=300)
    long_text = "".join(f"Paragraf ke-{i} tentang kunjungan kerja.\n" for i in range(40))
    article = to_article(long_text, max_chars=100_000)
    miss = LLMBackend(settings).extract(article)
    hit = LLMBackend(settings).extract(article)
    assert not miss.cached and hit.cached
    assert any("truncated" in w for w in hit.warnings)
    assert hit.model_dump(exclude={"cached", "latency_s"}) == miss.model_dump(
        exclude={"cached", "latency_s"}
    )


def test_an_unreadable_cache_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    register_client("acme", _FixedClient)
    settings = make_settings(tmp_path, model="acme/tiny")
    backend = LLMBackend(settings)
    article = scripted()
    assert backend.cache is not None
    backend.cache.set(backend.key(article), {"answer": {"is_study_visit": "perhaps"}})
    result = backend.extract(article)
    assert not result.cached and len(backend.client.seen) == 1  # type: ignore[attr-defined]
    assert backend.extract(article).cached


def test_an_unreachable_server_stops_a_batch_at_once_naming_the_url(tmp_path: Path) -> None:
    """Port 1 on the loopback refuses every connection: the first article's failure
    says where and why, and the run stops instead of failing every article alike."""
    from visit_extract.batch import BatchStats, run_batch

    dump = tmp_path / "d.jsonl"
    dump.write_text(
        "".join(json.dumps({"id": f"u{i}", "text": scripted().text}) + "\n" for i in range(40)),
        encoding="utf-8",
    )
    settings = make_settings(
        tmp_path,
        base_url="http://127.0.0.1:1/v1",
        transport_attempts=2,
        use_cache=False,
        concurrency=2,
        prefilter=False,
    )
    stats = BatchStats()
    with pytest.raises(ProviderUnreachableError, match=r"cannot reach http://127\.0\.0\.1:1/v1"):
        run_batch(dump, tmp_path / "out.jsonl", settings=settings, stats=stats)
    assert stats.done < 40
