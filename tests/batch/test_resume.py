"""Reading back an output before a resumed run, and repairing what crashes, concurrent
runs and earlier versions left in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batchhelpers import read_rows

from visit_extract.batch import ResultWriter
from visit_extract.errors import VisitExtractWarning


def _ok(aid: str, backend: str = "rules", model: str | None = None) -> dict[str, object]:
    return {"id": aid, "is_study_visit": False, "visits": [], "backend": backend, "model": model}


def _err(aid: str) -> dict[str, object]:
    return {"id": aid, "error": {"type": "RetriesExhausted", "message": "x", "attempts": 5}}


def _skip(aid: str) -> dict[str, object]:
    return {"id": aid, "skipped": "prefilter", "score": 0.1}


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), "utf-8"
    )
    return path


def test_resume_keeps_one_row_per_id_of_an_output_two_runs_wrote_at_once(tmp_path: Path) -> None:
    rows = [_ok("a"), _err("b"), _ok("a"), _ok("b"), _err("c"), _skip("d"), _err("c"), _ok("d")]
    out = _write(tmp_path / "r.jsonl", rows)
    with (
        pytest.warns(VisitExtractWarning, match="4 duplicate row"),
        ResultWriter(out, resume=True) as writer,
    ):
        assert writer.done_ids == {"a", "b", "c", "d"}
    kept = read_rows(out)
    assert [r["id"] for r in kept] == ["a", "b", "c", "d"]
    # an extraction wins over a skip, a skip over an error
    assert "error" not in kept[1] and "skipped" not in kept[3] and "error" in kept[2]
