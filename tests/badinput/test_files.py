"""Input files of every malformed shape through ``visit-extract batch``, ``export`` and
the API: no traceback, one line for a refusal, the right exit code, and no lost row
(every input row ends as exactly one output row, under an id of its own)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visit_extract.batch import extract_many
from visit_extract.config import Settings
from visit_extract.errors import VisitExtractError

from .cases import FILES, FileCase
from .conftest import assert_clean, run


def _rows(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _batch(case: FileCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, Path]:
    if "parquet" in case.name:
        pytest.importorskip("pyarrow")
    source = case.build(tmp_path)
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(source), "-o", str(out), "--no-progress"]
    ended = run([*argv, "--map", case.map] if case.map else argv, capsys)
    assert_clean(ended)
    return ended.code, out


@pytest.mark.parametrize("case", FILES, ids=lambda c: c.name)
def test_batch_keeps_every_row_or_refuses_in_one_line(
    case: FileCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _batch(case, tmp_path, capsys)
    rows = _rows(out)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "one id with two rows"
    if case.outcome == "refused":
        assert code == 2 and rows == []
    elif case.outcome == "empty":
        assert code == 1 and rows == []
    elif case.outcome == "stops":
        assert code == 2 and len(rows) > 0  # what could be read was done
    else:
        assert len(rows) == case.rows_expected, ids
        extracted = any("error" not in r for r in rows)
        assert code == (0 if extracted else 1)


@pytest.mark.parametrize("case", [c for c in FILES if c.outcome == "rows"], ids=lambda c: c.name)
def test_a_resumed_run_over_a_bad_input_adds_nothing(
    case: FileCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = _batch(case, tmp_path, capsys)
    before = out.read_bytes()
    source = next(p for p in tmp_path.iterdir() if p.name.startswith("d."))
    argv = ["batch", str(source), "-o", str(out), "--no-progress", "--resume"]
    ended = run([*argv, "--map", case.map] if case.map else argv, capsys)
    assert_clean(ended)
    assert out.read_bytes() == before


@pytest.mark.parametrize("case", [c for c in FILES if c.outcome == "rows"], ids=lambda c: c.name)
def test_export_reads_what_batch_wrote(
    case: FileCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = _batch(case, tmp_path, capsys)
    ended = run(["export", str(out), "--csv", str(tmp_path / "v.csv")], capsys)
    assert_clean(ended)
    assert ended.code == 0 and (tmp_path / "v.csv").is_file()


@pytest.mark.parametrize("case", FILES, ids=lambda c: c.name)
def test_the_api_yields_a_result_per_row_or_raises_a_library_error(
    case: FileCase, tmp_path: Path
) -> None:
    if "parquet" in case.name:
        pytest.importorskip("pyarrow")
    source = case.build(tmp_path)
    settings = Settings(backend="rules")
    try:
        results = list(extract_many(source, settings=settings, columns=case.map))
    except VisitExtractError:
        assert case.outcome in ("refused", "stops")
        return
    assert case.outcome in ("rows", "empty")
    assert len(results) == case.rows_expected
