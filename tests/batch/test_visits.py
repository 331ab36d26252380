"""The one reader of visits from batch results (export and network both use it): one
row per id counts, and the two ways a later row of an id is treated."""

from __future__ import annotations

from pathlib import Path

from batchhelpers import write_jsonl

from visit_extract.batch import BatchResult, ErrorInfo
from visit_extract.batch.visits import RowCounts, add_article_metadata, read_visit_records
from visit_extract.schema import Party, Visit, VisitExtraction


def _ok(article_id: str, host: str) -> BatchResult:
    visit = Visit(
        visitor=Party(region="Kabupaten Contoh", level="regency"),
        host=Party(region=host, level="city"),
    )
    extraction = VisitExtraction(
        id=article_id, backend="rules", is_study_visit=True, visits=[visit]
    )
    return BatchResult(id=article_id, extraction=extraction)


def _failed(article_id: str) -> BatchResult:
    return BatchResult(id=article_id, error=ErrorInfo("ProviderError", "no answer", 3))


def _write(path: Path, results: list[BatchResult]) -> Path:
    return write_jsonl(path, [r.to_row() for r in results])


def test_a_later_extraction_replaces_an_error_row_of_its_id(tmp_path: Path) -> None:
    results = _write(
        tmp_path / "r.jsonl", [_failed("a"), _ok("a", "Kota Satu"), _ok("a", "Kota Dua")]
    )
    counts = RowCounts()
    records = read_visit_records(results, counts)
    assert [r.visit.host.region for r in records] == ["Kota Satu"]
    assert counts == RowCounts(extractions=1, errors=0, skipped=0, duplicates=2)


def test_without_replacement_the_first_row_of_an_id_wins_across_files(tmp_path: Path) -> None:
    first = _write(tmp_path / "one.jsonl", [_failed("a"), _ok("b", "Kota Satu")])
    second = _write(tmp_path / "two.jsonl", [_ok("a", "Kota Dua"), _ok("b", "Kota Tiga")])
    counts = RowCounts()
    seen: dict[str, str] = {}
    records = [
        record
        for path in (first, second)
        for record in read_visit_records(path, counts, seen, extraction_replaces_failure=False)
    ]
    assert [(r.article_id, r.visit.host.region) for r in records] == [("b", "Kota Satu")]
    assert counts == RowCounts(extractions=1, errors=1, skipped=0, duplicates=2)
    assert seen == {"a": "error", "b": "ok"}


def test_metadata_refill_or_first_dated_file_wins(tmp_path: Path) -> None:
    results = _write(tmp_path / "r.jsonl", [_ok("a", "Kota Satu")])
    early = write_jsonl(
        tmp_path / "early.jsonl",
        [{"id": "a", "text": "teks", "published": "2021-05-01", "outlet": "Warta Satu"}],
    )
    late = write_jsonl(
        tmp_path / "late.jsonl",
        [{"id": "a", "text": "teks", "published": "2021-06-01", "outlet": "Warta Dua"}],
    )
    for refill, outlet in ((True, "Warta Dua"), (False, "Warta Satu")):
        records = read_visit_records(results, RowCounts())
        for articles in (early, late):
            add_article_metadata(records, articles, refill=refill)
        assert [r.outlet for r in records] == [outlet]
