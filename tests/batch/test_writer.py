"""The output file: one row per article, refusal to clobber, resume after a crash,
``retry_errors``."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchhelpers import read_rows, write_jsonl
from fakebackends import ScriptedBackend

from visit_extract.batch import BatchResult, ResultWriter, run_batch
from visit_extract.config import Settings
from visit_extract.errors import InputError

SETTINGS = Settings(backend="scripted", concurrency=4, prefilter=False)


def test_run_batch_writes_one_row_per_article_and_resumes(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": f"teks {i}"} for i in range(10)]
    rows.insert(4, {"id": "bad"})  # no text
    source = write_jsonl(tmp_path / "dump.jsonl", rows)
    (tmp_path / "dump.jsonl").open("a", encoding="utf-8").write("{broken\n")
    out = tmp_path / "out" / "results.jsonl"
    first = ScriptedBackend(SETTINGS)
    stats = run_batch(source, out, settings=SETTINGS, backend=first)
    written = read_rows(out)
    assert len(written) == 12 and stats.done == 12
    assert {r["id"] for r in written} >= {"bad", "line-12"}

    # a second run without --resume refuses to touch the file
    with pytest.raises(InputError, match="--resume"):
        run_batch(source, out, settings=SETTINGS, backend=ScriptedBackend(SETTINGS))

    # simulate a crash: drop three rows and tear the last one
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:9]) + lines[9][:15], encoding="utf-8")
    again = ScriptedBackend(SETTINGS)
    stats = run_batch(source, out, settings=SETTINGS, backend=again, resume=True)
    final = read_rows(out)
    assert sorted(r["id"] for r in final) == sorted(r["id"] for r in written)
    assert stats.resumed == 9 and stats.done == 3
    assert len(again.calls) <= 3


def test_resume_with_retry_errors_replaces_error_rows(tmp_path: Path) -> None:
    rows = [{"id": f"e{i}", "text": f"teks {i}"} for i in range(6)] + [{"id": "e0", "text": "x"}]
    source = write_jsonl(tmp_path / "dump.jsonl", rows)
    out = tmp_path / "r.jsonl"
    failing = ScriptedBackend(SETTINGS, fail=frozenset({"e1", "e4"}))
    run_batch(source, out, settings=SETTINGS, backend=failing)
    assert sum("error" in r for r in read_rows(out)) == 3  # two failures, one duplicate id

    healthy = ScriptedBackend(SETTINGS)
    run_batch(source, out, settings=SETTINGS, backend=healthy, resume=True, retry_errors=True)
    final = read_rows(out)
    assert sorted(healthy.calls) == ["e1", "e4"]
    assert len(final) == 7
    assert [r["id"] for r in final if "error" in r] == ["e0#2"]  # the duplicate stays reported
    assert sorted(r["id"] for r in final if "error" not in r) == [f"e{i}" for i in range(6)]


def test_overwrite_starts_afresh_and_a_closed_writer_refuses(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text('{"id": "old", "skipped": "prefilter", "score": 0.1}\n', "utf-8")
    writer = ResultWriter(out, overwrite=True)
    writer.write(BatchResult(id="new", skipped="prefilter", score=0.2))
    writer.close()
    writer.close()  # idempotent
    assert [r["id"] for r in read_rows(out)] == ["new"]
    with pytest.raises(ValueError, match="closed"):
        writer.write(BatchResult(id="late", skipped="prefilter"))
