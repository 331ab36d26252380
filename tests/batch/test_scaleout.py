"""The scale-out driver with parts run in this process: resuming (finished parts are
skipped, unfinished ones resumed by id, a one-file output continued), the modes, and a
changed input refused."""

from __future__ import annotations

import json
from concurrent.futures import Future
from pathlib import Path

import pytest
from batchhelpers import write_jsonl
from scalehelpers import RULES, Fault, normalized_rows

from visit_extract.batch import BatchStats, run_batch
from visit_extract.batch.partrun import PartJob, PartReport, run_part
from visit_extract.batch.scaleout import MANIFEST, parts_dir, run_parts
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, InputError
from visit_extract.registry import register_backend


class InlinePool:
    """Runs each part at once, here; remembers which parts it ran."""

    slots = 2
    ships_by_value = False

    def __init__(self) -> None:
        self.ran: list[int] = []

    def submit(self, job: PartJob) -> Future[PartReport]:
        future: Future[PartReport] = Future()
        self.ran.append(job.part.index)
        try:
            future.set_result(run_part(job))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def restart(self) -> bool:
        return False

    def close(self) -> None:
        pass


def _dump(tmp_path: Path, n: int = 80) -> Path:
    rows: list[dict[str, object]] = [
        {"id": f"s{i:03d}", "text": f"Rombongan DPRD kabupaten ke-{i} studi banding ke Kota Batu."}
        for i in range(n)
    ]
    return write_jsonl(tmp_path / "dump.jsonl", rows)


def _reference(source: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "one.jsonl"
    run_batch(source, out, settings=RULES)
    return normalized_rows(out)


def test_an_interrupted_run_resumes_skipping_finished_parts(tmp_path: Path) -> None:
    source = _dump(tmp_path)
    out = tmp_path / "out.jsonl"
    register_backend("faulty", Fault("s050", str(tmp_path / "marker"), mode="stop"))
    settings = Settings(backend="faulty", use_cache=False)
    pool = InlinePool()
    with pytest.raises(ConfigError, match="injected"):
        run_parts(source, out, pool=pool, settings=settings, part_bytes=600)
    run_dir = parts_dir(out)
    finished = sorted(p.name for p in run_dir.glob("part-*.jsonl"))
    partial = list(run_dir.glob("*.partial"))
    assert finished and len(partial) == 1 and not out.exists()
    rows_before = sum(len(p.read_text().splitlines()) for p in run_dir.glob("part-*.jsonl*"))

    with pytest.raises(InputError, match="--resume"):
        run_parts(source, out, pool=InlinePool(), settings=settings)
    stats = BatchStats()
    again = InlinePool()
    run_parts(source, out, pool=again, settings=settings, resume=True, stats=stats)

    assert normalized_rows(out) == _reference(source, tmp_path)
    assert stats.resumed == rows_before and stats.done == 80 - rows_before
    done_before = {int(name[5:10]) for name in finished}
    assert again.ran and not done_before & set(again.ran)  # finished parts not run again
    assert not run_dir.exists()


def test_a_one_file_output_is_continued_by_id(tmp_path: Path) -> None:
    source = _dump(tmp_path)
    reference = _reference(source, tmp_path)
    out = tmp_path / "out.jsonl"
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(one[:30]) + '{"id": "s07', encoding="utf-8")  # torn last row
    stats = BatchStats()
    run_parts(source, out, pool=InlinePool(), settings=RULES, resume=True, stats=stats)
    assert normalized_rows(out) == reference
    assert stats.resumed == 30 and stats.done == 50


def test_retry_errors_redoes_error_rows_in_finished_parts(tmp_path: Path) -> None:
    source = _dump(tmp_path, 30)
    out = tmp_path / "out.jsonl"
    register_backend("faulty", Fault("s010", str(tmp_path / "marker"), mode="stop"))
    settings = Settings(backend="faulty", use_cache=False)
    with pytest.raises(ConfigError):
        run_parts(source, out, pool=InlinePool(), settings=settings, part_bytes=400)
    # A finished part holding an error row (as a failed article leaves).
    first = parts_dir(out) / "part-00000.jsonl"
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    bad_id = json.loads(lines[0])["id"]
    error = {"id": bad_id, "error": {"type": "ProviderError", "message": "x", "attempts": 1}}
    first.write_text(json.dumps(error) + "\n" + "".join(lines[1:]), encoding="utf-8")
    run_parts(source, out, pool=InlinePool(), settings=settings, resume=True, retry_errors=True)
    assert normalized_rows(out) == _reference(source, tmp_path)


def test_modes_and_a_changed_input(tmp_path: Path) -> None:
    source = _dump(tmp_path, 20)
    out = tmp_path / "out.jsonl"
    run_parts(source, out, pool=InlinePool(), settings=RULES)
    with pytest.raises(InputError, match="already has results"):
        run_parts(source, out, pool=InlinePool(), settings=RULES)
    with pytest.raises(InputError, match="add --resume"):
        run_parts(source, out, pool=InlinePool(), settings=RULES, retry_errors=True)
    run_parts(source, out, pool=InlinePool(), settings=RULES, overwrite=True)
    assert len(out.read_text().splitlines()) == 20

    run_dir = parts_dir(out)
    run_dir.mkdir()
    (run_dir / MANIFEST).write_text(
        json.dumps({"inputs": [{"path": "elsewhere.jsonl", "size": 1, "mtime_ns": 1}]}),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="inputs differ"):
        run_parts(source, out, pool=InlinePool(), settings=RULES, resume=True)
