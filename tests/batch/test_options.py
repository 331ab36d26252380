"""The batch run options are declared once (batch/options.py): every run function still
refuses a keyword it does not take, as an explicit signature would, before it reads
the input or touches the output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from visit_extract.batch import arun_batch, run_batch, run_parallel
from visit_extract.batch.options import BatchOptions, PartsOptions, RunOptions
from visit_extract.config import Settings

RULES = Settings(backend="rules", use_cache=False)


def test_the_option_types_share_the_run_options() -> None:
    shared = RunOptions.__optional_keys__
    assert shared < BatchOptions.__optional_keys__
    assert shared < PartsOptions.__optional_keys__
    assert "resume" in shared and "part_bytes" not in BatchOptions.__optional_keys__


def test_run_batch_refuses_a_misspelt_option(tmp_path: Path) -> None:
    wrong: dict[str, Any] = {"resum": True}
    message = r"run_batch\(\) got an unexpected keyword argument 'resum'"
    with pytest.raises(TypeError, match=message):
        run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", settings=RULES, **wrong)
    assert not (tmp_path / "out.jsonl").exists()


def test_a_part_option_is_not_a_one_process_option(tmp_path: Path) -> None:
    wrong: dict[str, Any] = {"part_bytes": 100}
    with pytest.raises(TypeError, match="'part_bytes'"):
        run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", settings=RULES, **wrong)


def test_arun_batch_refuses_skip_ids_it_sets_itself(tmp_path: Path) -> None:
    import asyncio

    wrong: dict[str, Any] = {"skip_ids": {"a"}}
    with pytest.raises(TypeError, match="'skip_ids'"):
        asyncio.run(arun_batch(tmp_path / "in.jsonl", tmp_path / "o.jsonl", **wrong))


def test_parts_runs_refuse_a_one_process_option(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "teks"}\n', encoding="utf-8")
    wrong: dict[str, Any] = {"relevance": None}
    with pytest.raises(TypeError, match=r"run_parts\(\) got an unexpected keyword argument"):
        run_parallel(source, tmp_path / "out.jsonl", workers=1, settings=RULES, **wrong)
    assert not (tmp_path / "out.jsonl").exists()
