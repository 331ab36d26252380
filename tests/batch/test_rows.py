"""The one row format: the three shapes written and read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batchhelpers import make_articles
from fakebackends import ScriptedBackend

from visit_extract.batch import BatchResult, ErrorInfo, ResultWriter, extract_many, read_results
from visit_extract.config import Settings
from visit_extract.errors import DatasetError, InputError, RetriesExhausted
from visit_extract.schema import Usage

SETTINGS = Settings(backend="scripted", concurrency=4, prefilter=False)


def test_result_rows_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    backend = ScriptedBackend(SETTINGS, fail=frozenset({"a001"}))
    with ResultWriter(out) as writer:
        for r in extract_many(make_articles(3), settings=SETTINGS, backend=backend):
            writer.write(r)
        writer.write(BatchResult(id="s", skipped="prefilter", score=0.2))
    back = {r.id: r for r in read_results(out)}
    assert back["a001"].status == "error" and back["a001"].error is not None
    assert back["a001"].error.attempts == 3
    assert back["a000"].status == "ok" and back["s"].score == 0.2
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "is_study_visit" in row or "error" in row


def test_an_error_row_keeps_the_tokens_it_spent() -> None:
    spent = Usage(prompt_tokens=9, completion_tokens=1, total_tokens=10, requests=2)
    result = BatchResult.failed("e", RetriesExhausted("gave up", attempts=2, usage=spent))
    row = result.to_row()
    assert row == {
        "id": "e",
        "error": {
            "type": "RetriesExhausted",
            "message": "gave up",
            "attempts": 0,
            "usage": spent.model_dump(),
        },
    }
    assert BatchResult.from_row(row) == result


def test_a_bug_is_marked_unexpected_only_in_the_run_that_saw_it() -> None:
    bug = BatchResult.failed("b", KeyError("oops"))
    assert bug.error is not None and bug.error.unexpected
    assert bug.error.describe() == "unexpected KeyError: 'oops'"
    back = BatchResult.from_row(bug.to_row())
    assert back == bug  # the flag is not part of the row
    assert back.error is not None and back.error.describe() == "KeyError: 'oops'"
    assert BatchResult.failed("d", "line 3: duplicate").error == ErrorInfo(
        "DatasetError", "line 3: duplicate"
    )


@pytest.mark.parametrize(
    "row",
    [
        {"error": {"type": "X"}},
        {"id": "x", "error": {"type": "X", "attempts": "many"}},
        {"id": "x", "skipped": "prefilter", "score": "high"},
        {"id": "x", "is_study_visit": "perhaps"},
    ],
)
def test_rows_of_no_known_shape_are_refused(row: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        BatchResult.from_row(row)


def test_read_results_names_the_bad_line_and_ignores_a_torn_end(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "s", "skipped": "prefilter", "score": 0.1}\n{"id": "t", "sk', "utf-8")
    assert [r.id for r in read_results(path)] == ["s"]
    path.write_text('{"id": "s", "skipped": "prefilter"}\n{"no": "id"}\n', "utf-8")
    with pytest.raises(DatasetError, match=":2:"):
        list(read_results(path))
