"""Job files: requests packed within the limits, records read back by custom id."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from visit_extract.backends.llm.jobs import (
    AnthropicJobs,
    Exchange,
    JobLimits,
    OpenAIJobs,
    Request,
)
from visit_extract.config import Settings
from visit_extract.jobs.files import ArticleRecord, JobWriter, RecordReader
from visit_extract.jobs.manifest import Manifest
from visit_extract.schema import Article

BODY = b'{"model":"m","messages":[{"role":"user","content":"Halo"}]}'


def record(cid: str, i: int) -> ArticleRecord:
    article = Article(
        id=f"a{i}", text=f'Teks nomor {i} \u2014 "kutipan"', published=date(2024, 3, 4)
    )
    return ArticleRecord(cid, article, "ab" * 32)


def test_a_record_reads_back_as_written() -> None:
    rec = ArticleRecord(
        "c1", record("c1", 1).article, "cd" * 32, (Exchange("ef" * 32, b'{"id": "x"}'),)
    )
    assert ArticleRecord.from_json(rec.to_json()) == rec


def test_requests_are_packed_within_the_limits(tmp_path: Path) -> None:
    jobs = OpenAIJobs("k", None, Settings())
    with Manifest.create(tmp_path / "m", {}) as manifest:
        writer = JobWriter(manifest.new_job(1), jobs, ".jsonl")
        element = len(jobs.element(writer.custom_id(), BODY))
        jobs.limits = JobLimits(max_requests=3, max_bytes=2 * element + 10)
        for i in range(3):
            rec = record(writer.custom_id(), i)
            assert writer.add(rec, Request("/v1/chat/completions", BODY)) == (i < 2)
        job = writer.finish()
        assert job.state == "built" and job.data["requests"] == 2
        lines = job.requests_path(".jsonl").read_bytes().splitlines()
        assert [json.loads(line)["custom_id"] for line in lines] == [
            f"{job.name}-000000",
            f"{job.name}-000001",
        ]
        reader = RecordReader(job)
        assert list(reader) == [f"{job.name}-000000", f"{job.name}-000001"]
        found = reader.get(f"{job.name}-000001")
        assert found is not None and found.article.id == "a1"
        assert reader.get("nope") is None
        reader.close()


def test_an_anthropic_job_file_is_one_json_body(tmp_path: Path) -> None:
    jobs = AnthropicJobs("k", None, Settings())
    with Manifest.create(tmp_path / "m", {}) as manifest:
        writer = JobWriter(manifest.new_job(1), jobs, ".json")
        for i in range(3):
            writer.add(record(writer.custom_id(), i), Request("/v1/messages", BODY))
        job = writer.finish()
        body = json.loads(job.requests_path(".json").read_bytes())
        assert [r["params"] for r in body["requests"]] == [json.loads(BODY)] * 3
        assert job.data["bytes"] == job.requests_path(".json").stat().st_size


def test_an_oversized_request_still_gets_a_job_of_its_own(tmp_path: Path) -> None:
    jobs = OpenAIJobs("k", None, Settings())
    jobs.limits = JobLimits(max_requests=10, max_bytes=10)
    with Manifest.create(tmp_path / "m", {}) as manifest:
        writer = JobWriter(manifest.new_job(1), jobs, ".jsonl")
        assert writer.add(record(writer.custom_id(), 0), Request("/v1/chat/completions", BODY))
        assert not writer.add(record(writer.custom_id(), 1), Request("/v1/chat/completions", BODY))
        writer.abandon()
