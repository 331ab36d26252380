"""The synchronous bridges: early exit cancels the run; both work where an event loop is
already running (a notebook)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from batchhelpers import make_articles, read_rows, write_jsonl
from fakebackends import ScriptedBackend

from visit_extract.batch import extract_many, run_batch
from visit_extract.config import Settings

SETTINGS = Settings(backend="scripted", concurrency=4, prefilter=False)


def test_breaking_early_cancels_the_run() -> None:
    backend = ScriptedBackend(SETTINGS, delay_s=0.01)
    gen = extract_many(make_articles(200), settings=SETTINGS, backend=backend)
    first = [next(gen) for _ in range(3)]
    gen.close()
    assert len(first) == 3
    assert len(backend.calls) < 200


def test_both_bridges_work_inside_a_running_event_loop(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    dump = write_jsonl(tmp_path / "dump.jsonl", [{"id": f"n{i}", "text": "teks"} for i in range(4)])

    async def notebook_cell() -> tuple[list[str], int]:
        ids = [
            r.id
            for r in extract_many(
                make_articles(3), settings=SETTINGS, backend=ScriptedBackend(SETTINGS)
            )
        ]
        stats = run_batch(dump, out, settings=SETTINGS, backend=ScriptedBackend(SETTINGS))
        return ids, stats.done

    ids, done = asyncio.run(notebook_cell())
    assert sorted(ids) == ["a000", "a001", "a002"]
    assert done == 4 and len(read_rows(out)) == 4
