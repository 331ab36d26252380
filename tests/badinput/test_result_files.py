"""Files that are not what ``eval --predictions`` and ``export`` read (batch output):
every shape is one line and exit 2, never a traceback or a silent empty result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import assert_clean, run

SEEDS = Path(__file__).resolve().parents[2] / "evals" / "seeds"
OK = json.dumps({"id": "seed-000", "is_study_visit": False, "visits": [], "backend": "rules"})
OTHER = json.dumps({"id": "seed-001", "is_study_visit": False, "visits": [], "backend": "rules"})


def _lines(*lines: str) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


#: name, file content, exit code of eval --predictions, exit code of export.
SHAPES: list[tuple[str, bytes, int, int]] = [
    ("valid", _lines(OK, OTHER), 0, 0),
    ("empty", b"", 2, 2),
    ("blank-lines", b"\n\n \n", 2, 2),
    ("invalid-json-mid-file", _lines(OK, "{oops", OTHER), 2, 2),
    ("array-line", _lines(OK, "[1, 2]", OTHER), 2, 2),
    ("row-without-id", _lines(OK, json.dumps({"is_study_visit": True}), OTHER), 2, 2),
    ("flag-as-text", _lines(json.dumps({"id": "seed-000", "is_study_visit": "maybe"})), 2, 2),
    (
        "visits-not-a-list",
        _lines(json.dumps({"id": "seed-000", "is_study_visit": True, "visits": 3})),
        2,
        2,
    ),
    ("an-article", _lines(json.dumps({"id": "seed-000", "text": "Harga cabai naik."})), 2, 2),
    ("eval-run-file", json.dumps({"metrics": {}, "articles": []}, indent=1).encode(), 2, 2),
    ("binary", bytes(b for b in range(256) if b != 10) * 4 + b"\n" + _lines(OK), 2, 2),
    ("latin-1-line", _lines(OK) + '{"id": "caf\xe9"}\n'.encode("latin-1") + _lines(OTHER), 2, 2),
    ("two-extractions-one-id", _lines(OK, OK.replace("false", "true")), 2, 0),
    ("ids-of-another-set", _lines(OK.replace("seed-000", "elsewhere-1")), 2, 0),
    ("a-csv", b"id,is_study_visit\nseed-000,false\n", 2, 2),
]


@pytest.mark.parametrize(("name", "content", "eval_code", "export_code"), SHAPES)
def test_eval_predictions_and_export_end_cleanly(
    name: str,
    content: bytes,
    eval_code: int,
    export_code: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "results.jsonl"
    path.write_bytes(content)
    scored = run(["eval", str(SEEDS), "--predictions", str(path), "-q", "--bootstrap", "0"], capsys)
    assert_clean(scored)
    assert scored.code == eval_code, scored.err
    exported = run(["export", str(path), "--csv", str(tmp_path / "v.csv")], capsys)
    assert_clean(exported)
    assert exported.code == export_code, exported.err
    assert (tmp_path / "v.csv").exists() == (export_code == 0)
