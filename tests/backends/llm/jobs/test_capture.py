"""Job requests are the live requests, byte for byte; answers go back through the
live path (validation, grounding, cache, reasks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakejobs import FakeJobServer

from visit_extract.backends.llm.backend import LLMBackend
from visit_extract.backends.llm.jobs import Exchange, Request, RequestBuilder, RequestMismatch
from visit_extract.config import Settings
from visit_extract.errors import ExtractionValidationError, TokenBudgetExceeded
from visit_extract.schema import Article, VisitExtraction

ARTICLE = Article(
    id="inv-1",
    text="Rombongan DPRD Kabupaten Sukamaju melakukan studi banding ke Kota Harapan "
    "pada Senin (4/3) untuk belajar pengelolaan pasar.",
)
MODELS = {"openai": "openai/gpt-4o-mini", "anthropic": "anthropic/claude-3-5-haiku-latest"}


def settings(fake: FakeJobServer, provider: str, tmp_path: Path, **kw: object) -> Settings:
    base = fake.url if provider == "openai" else fake.root
    return Settings(
        model=MODELS[provider],
        base_url=base,
        api_key="test-key",
        cache_dir=tmp_path / "cache",
        transport_max_wait_s=0.01,
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_the_job_body_is_the_live_body_byte_for_byte(
    fake: FakeJobServer, provider: str, tmp_path: Path
) -> None:
    s = settings(fake, provider, tmp_path, use_cache=False)
    built = RequestBuilder(s).build(ARTICLE)
    assert isinstance(built, Request)
    assert fake.snapshot().get("live_requests", 0) == 0  # building sent nothing
    LLMBackend(s).extract(ARTICLE)  # the live path, over the wire to the fake
    (live,) = fake.live_bodies
    assert built.body == live
    assert built.path == ("/v1/chat/completions" if provider == "openai" else "/v1/messages")


def _answer_for(fake: FakeJobServer, provider: str, body: bytes) -> bytes:
    request = json.loads(body)
    if provider == "openai":
        return json.dumps(fake.openai_answer(request, "k1", 0.0)).encode()
    return json.dumps(fake.anthropic_answer(request, "k1", 0.0)).encode()


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_an_answer_goes_through_the_live_path_and_fills_the_cache(
    fake: FakeJobServer, provider: str, tmp_path: Path
) -> None:
    s = settings(fake, provider, tmp_path)
    builder = RequestBuilder(s)
    built = builder.build(ARTICLE)
    assert isinstance(built, Request)
    answer = _answer_for(fake, provider, built.body)
    result = builder.answer(ARTICLE, [Exchange(built.sha256, answer)])
    assert isinstance(result, VisitExtraction) and not result.cached
    assert result.usage.requests == 1 and result.usage.prompt_tokens > 0
    # a later live run of the same article is a cache hit: no request at all
    again = LLMBackend(s).extract(ARTICLE)
    assert again.cached and fake.snapshot().get("live_requests", 0) == 0
    # and so is building it for a job
    assert isinstance(builder.build(ARTICLE), VisitExtraction)


def test_a_request_that_changed_since_submit_is_refused(
    fake: FakeJobServer, tmp_path: Path
) -> None:
    builder = RequestBuilder(settings(fake, "openai", tmp_path, use_cache=False))
    built = builder.build(ARTICLE)
    assert isinstance(built, Request)
    answer = _answer_for(fake, "openai", built.body)
    with pytest.raises(RequestMismatch, match="changed since the job was submitted"):
        builder.answer(ARTICLE, [Exchange("0" * 64, answer)])


def _invalid(fake: FakeJobServer, body: bytes) -> bytes:
    fake.set_faults(rate_invalid=1.0)
    try:
        return json.dumps(fake.openai_answer(json.loads(body), "k2", 1.0)).encode()
    finally:
        fake.set_faults(rate_invalid=0.0)


def test_an_invalid_answer_is_reasked_live(fake: FakeJobServer, tmp_path: Path) -> None:
    builder = RequestBuilder(settings(fake, "openai", tmp_path, use_cache=False))
    built = builder.build(ARTICLE)
    assert isinstance(built, Request)
    result = builder.answer(ARTICLE, [Exchange(built.sha256, _invalid(fake, built.body))])
    assert isinstance(result, VisitExtraction)
    assert fake.snapshot()["live_requests"] == 1
    assert result.usage.requests == 2  # the batch answer and the live reask
    (reask,) = fake.live_bodies
    roles = [m["role"] for m in json.loads(reask)["messages"]]
    assert roles[:2] == ["system", "user"] and len(roles) > 2  # the failed answer went back


def test_the_reask_can_be_captured_for_a_second_round(fake: FakeJobServer, tmp_path: Path) -> None:
    builder = RequestBuilder(settings(fake, "openai", tmp_path, use_cache=False))
    built = builder.build(ARTICLE)
    assert isinstance(built, Request)
    first = Exchange(built.sha256, _invalid(fake, built.body))
    reask = builder.answer(ARTICLE, [first], capture_next=True)
    assert isinstance(reask, Request) and reask.sha256 != built.sha256
    assert fake.snapshot().get("live_requests", 0) == 0
    # the second round's answer is replayed after the first one
    second = Exchange(reask.sha256, _answer_for(fake, "openai", reask.body))
    result = builder.answer(ARTICLE, [first, second])
    assert isinstance(result, VisitExtraction) and result.usage.requests == 2


def test_reasks_stay_within_the_token_budget(fake: FakeJobServer, tmp_path: Path) -> None:
    s = settings(fake, "openai", tmp_path, use_cache=False, token_budget=6_000)
    builder = RequestBuilder(s)
    built = builder.build(ARTICLE)
    assert isinstance(built, Request)
    with pytest.raises(TokenBudgetExceeded):
        builder.answer(ARTICLE, [Exchange(built.sha256, _invalid(fake, built.body))])
    assert fake.snapshot().get("live_requests", 0) == 0


def test_no_reasks_left_is_a_validation_error(fake: FakeJobServer, tmp_path: Path) -> None:
    builder = RequestBuilder(settings(fake, "openai", tmp_path, use_cache=False, max_retries=0))
    built = builder.build(ARTICLE)
    assert isinstance(built, Request)
    with pytest.raises(ExtractionValidationError):
        builder.answer(ARTICLE, [Exchange(built.sha256, _invalid(fake, built.body))])
