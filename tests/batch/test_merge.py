"""The merge: parts in order into one file, and ids repeated across parts become the
duplicate rows a one-process run writes."""

from __future__ import annotations

import json
from pathlib import Path

from batchhelpers import write_jsonl
from scalehelpers import RULES, normalized_rows

from visit_extract.batch import run_batch
from visit_extract.batch.merge import merge_parts, row_id
from visit_extract.batch.partrun import PartJob, run_part
from visit_extract.batch.parts import plan_parts


def test_row_id_reads_the_id_without_parsing_and_falls_back_on_escapes() -> None:
    assert row_id(b'{"id": "a-1", "is_study_visit": false}\n') == "a-1"
    assert row_id(b'{"id": "kutip \\"x\\"", "skipped": "prefilter"}\n') == 'kutip "x"'
    assert row_id('{"id": "ñ", "x": 1}\n'.encode()) == "ñ"
    assert row_id(b'{"is_study_visit": false, "id": "late"}\n') == "late"


def test_ids_repeated_across_parts_become_the_rows_of_one_process(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"id": f"d{i:03d}", "text": f"Bupati studi banding nomor {i} ke kota lain."}
        for i in range(60)
    ]
    rows[40] = {"id": "d005", "text": "laporan lain dengan id yang sama"}  # a later part
    rows[45] = {"id": "d041", "text": "id yang sama tidak jauh"}
    rows[50] = {"id": "d005", "text": "untuk ketiga kalinya"}
    rows[52] = {"id": "d052#2", "text": "id sendiri yang berakhir dengan #2"}
    rows[53] = {"id": "d052", "text": "bukan salinan"}
    source = write_jsonl(tmp_path / "dump.jsonl", rows)
    one = tmp_path / "one.jsonl"
    run_batch(source, one, settings=RULES)

    run_dir = tmp_path / "parts"
    run_dir.mkdir()
    parts = plan_parts([source], part_bytes=800)
    assert len(parts) > 3
    for part in parts:
        run_part(PartJob(part, str(run_dir), RULES))
    merged = tmp_path / "merged.jsonl"
    report = merge_parts(parts, run_dir, merged, keep_existing=False)

    assert normalized_rows(merged) == normalized_rows(one)
    assert report.rows == 60
    ids = [json.loads(line)["id"] for line in merged.read_text(encoding="utf-8").splitlines()]
    assert {"d005#2", "d005#3", "d041#2", "d052#2", "d052"} <= set(ids)
