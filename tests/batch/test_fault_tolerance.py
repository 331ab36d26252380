"""Batch runs against the local fake OpenAI server injecting 429 (Retry-After), 500,
hangs, malformed JSON and schema-invalid answers: every article ends as exactly one
result or error row, and the run never crashes.

The HTTP backends of fakebackends.py retry through the LLM backend's own
``TransportPolicy``, so what is tested here is the real retry policy under load, not a
test double's loop (which, counting every Retry-After 429 as a failure, lost articles
at a server's rate limit now and then)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from batchhelpers import make_articles, read_rows, write_jsonl
from fakebackends import ToolCallBackend, UrllibToolBackend
from fakeserver import FakeServer, Faults, invalid_instance, minimal_instance

from visit_extract.batch import BatchStats, extract_many, run_batch
from visit_extract.config import Settings
from visit_extract.extract import register_backend
from visit_extract.schema import VisitExtraction

register_backend("fakehttp", ToolCallBackend)
register_backend("fakehttp-sync", UrllibToolBackend)

FAULTS = Faults(
    latency_s=0.005,
    rate_429=0.15,
    retry_after_s=0.02,
    rate_500=0.1,
    rate_hang=0.03,
    hang_s=5.0,
    rate_malformed=0.1,
    rate_invalid=0.1,
    seed=7,
)


def _settings(url: str, backend: str) -> Settings:
    return Settings(
        backend=backend,
        base_url=url,
        model="fake-model",
        concurrency=16,
        prefilter=False,
        request_timeout_s=0.5,
        article_timeout_s=3.0,
        transport_attempts=4,
        # The policy's backoff starts at 1 s; capped here so that the runs stay short.
        transport_max_wait_s=0.1,
        max_retries=1,
    )


def test_minimal_instance_is_valid_for_the_extraction_schema() -> None:
    schema = VisitExtraction.model_json_schema()
    assert VisitExtraction.model_validate(minimal_instance(schema)).is_study_visit is False
    with pytest.raises(ValueError):
        VisitExtraction.model_validate(invalid_instance(schema))


@pytest.mark.parametrize("backend", ["fakehttp", "fakehttp-sync"])
def test_no_article_lost_or_duplicated_under_faults(backend: str) -> None:
    articles = make_articles(80)
    stats = BatchStats()
    with FakeServer(FAULTS) as server:
        results = list(extract_many(articles, settings=_settings(server.url, backend), stats=stats))
        seen = server.stats
    ids = Counter(r.id for r in results)
    assert set(ids) == {a.id for a in articles}
    assert max(ids.values()) == 1
    # the faults really happened, and most articles still came through
    assert seen["429"] > 0 and seen["500"] > 0 and seen["hang"] > 0
    assert seen["malformed"] > 0 and seen["invalid"] > 0
    assert stats.ok + stats.errors == len(articles)
    assert stats.ok > len(articles) // 2
    assert stats.retries > 0 and stats.rate_limited > 0
    for r in results:
        if r.error is not None:
            assert r.error.type and r.error.message and r.error.attempts >= 1


def test_every_request_failing_gives_error_rows_not_a_crash(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "d.jsonl", [{"id": f"x{i}", "text": "teks"} for i in range(20)])
    out = tmp_path / "out.jsonl"
    with FakeServer(Faults(rate_500=1.0)) as server:
        stats = run_batch(source, out, settings=_settings(server.url, "fakehttp"))
    rows = read_rows(out)
    assert len(rows) == 20 and stats.errors == 20
    assert {r["error"]["type"] for r in rows} == {"RetriesExhausted"}
    assert {r["error"]["attempts"] for r in rows} == {4}


def test_server_rpm_limit_is_met_with_backoff_not_losses() -> None:
    articles = make_articles(40)
    stats = BatchStats()
    with FakeServer(Faults(rpm=1200)) as server:  # 20/s with a 20-request burst
        settings = _settings(server.url, "fakehttp").replace(concurrency=32, transport_attempts=20)
        results = list(extract_many(articles, settings=settings, stats=stats))
        limited = server.stats["rate_limited"]
    assert sorted(r.id for r in results) == [a.id for a in articles]
    assert stats.errors == 0
    assert limited > 0 and stats.rate_limited == limited


def test_llm_backend_against_fake_server(tmp_path: Path) -> None:
    """The project's own LLM backend, once it exists, survives the same faults."""
    llm = pytest.importorskip("visit_extract.backends.llm")
    if not hasattr(llm, "LLMBackend"):
        pytest.skip("visit_extract.backends.llm.LLMBackend is not there yet")
    articles = make_articles(40)
    with FakeServer(FAULTS) as server:
        settings = _settings(server.url, "llm").replace(
            use_cache=False, cache_dir=tmp_path / "cache", mode="TOOLS"
        )
        results = list(extract_many(articles, settings=settings))
    ids = Counter(r.id for r in results)
    assert set(ids) == {a.id for a in articles} and max(ids.values()) == 1
