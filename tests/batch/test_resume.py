"""Reading back an output before a resumed run, and repairing what crashes, concurrent
runs and earlier versions left in it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from batchhelpers import read_rows

from visit_extract.batch import ResultWriter
from visit_extract.errors import InputError, VisitExtractWarning


def _ok(aid: str, backend: str = "rules", model: str | None = None) -> dict[str, object]:
    return {"id": aid, "is_study_visit": False, "visits": [], "backend": backend, "model": model}


def _err(aid: str) -> dict[str, object]:
    return {"id": aid, "error": {"type": "RetriesExhausted", "message": "x", "attempts": 5}}


def _skip(aid: str) -> dict[str, object]:
    return {"id": aid, "skipped": "prefilter", "score": 0.1}


def _write(path: Path, rows: Sequence[object]) -> Path:
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


def test_a_damaged_line_mid_file_is_set_aside_and_the_rows_after_it_kept(tmp_path: Path) -> None:
    rows: list[object] = [_ok("a"), '{"id": "b", "is_study', _ok("c"), "[1, 2]", _ok("d")]
    out = _write(tmp_path / "r.jsonl", rows)
    with (
        pytest.warns(VisitExtractWarning, match=r"2 damaged line\(s\) \(line 2, 4\)"),
        ResultWriter(out, resume=True) as writer,
    ):
        assert writer.done_ids == {"a", "c", "d"}
    assert [r["id"] for r in read_rows(out)] == ["a", "c", "d"]
    aside = out.with_name("r.jsonl.corrupt-lines").read_text(encoding="utf-8")
    assert aside == '{"id": "b", "is_study\n[1, 2]\n'


def test_a_torn_last_line_is_cut_without_a_word(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text(json.dumps(_ok("a")) + "\n" + '{"id": "b", "is_st', encoding="utf-8")
    with ResultWriter(out, resume=True) as writer:
        assert writer.done_ids == {"a"} and writer.torn_bytes == 18
    assert not out.with_name("r.jsonl.corrupt-lines").exists()


def test_resume_refuses_an_output_another_backend_or_model_wrote(tmp_path: Path) -> None:
    out = _write(tmp_path / "r.jsonl", [_ok("a", "llm", "openai/gpt-4o-mini"), _err("b")])
    with pytest.raises(InputError, match=r"llm \(openai/gpt-4o-mini\).*--force"):
        ResultWriter(out, resume=True, producer=("llm", "openai/gpt-4o"))
    with pytest.raises(InputError, match="--force"):
        ResultWriter(out, resume=True, producer=("rules", None))
    assert len(read_rows(out)) == 2  # refused before anything was touched
    with ResultWriter(out, resume=True, producer=("llm", "openai/gpt-4o-mini")) as same:
        assert same.done_ids == {"a", "b"}
    with ResultWriter(out, resume=True, producer=("rules", None), force=True) as forced:
        assert forced.done_ids == {"a", "b"}


def test_rules_rows_do_not_name_the_model_a_run_happens_to_configure(tmp_path: Path) -> None:
    out = _write(tmp_path / "r.jsonl", [_ok("a", "rules", None)])
    with ResultWriter(out, resume=True, producer=("rules", "openai/gpt-4o-mini")) as writer:
        assert writer.done_ids == {"a"}
