"""What reaches the backend: unreadable rows, bad articles and duplicate ids become error
rows, the pre-filter skips low scores, resumed ids are left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from batchhelpers import make_articles, write_jsonl
from fakebackends import ScriptedBackend

from visit_extract.batch import BatchStats, extract_many
from visit_extract.batch.intake import article_id
from visit_extract.config import Settings
from visit_extract.io import BadRow
from visit_extract.schema import Article

SETTINGS = Settings(backend="scripted", concurrency=4, prefilter=False)


def test_bad_inputs_become_error_rows() -> None:
    items: list[Any] = [
        Article(id="ok1", text="teks"),
        BadRow("dump.jsonl", 2, "invalid JSON: Expecting value"),
        {"id": "empty", "text": "   "},
        {"id": "ok1", "text": "duplikat"},
        "teks tanpa id",
        {"id": "nodate", "text": "teks", "published": "kemarin"},
    ]
    backend = ScriptedBackend(SETTINGS)
    results = {r.id: r for r in extract_many(items, settings=SETTINGS, backend=backend)}
    assert set(results) == {"ok1", "line-2", "empty", "ok1#2", "article-5", "nodate"}
    assert results["line-2"].error is not None
    assert "dump.jsonl:2" in results["line-2"].error.message
    assert results["empty"].error is not None
    assert results["empty"].error.type == "EmptyArticleError"
    assert results["nodate"].error is not None
    assert results["article-5"].status == "ok"
    # the duplicate id is reported, and the backend saw only the first ok1
    assert backend.calls.count("ok1") == 1


def test_a_duplicate_id_gets_a_row_of_its_own_naming_file_and_lines(tmp_path: Path) -> None:
    dump = write_jsonl(
        tmp_path / "dump.jsonl",
        [{"id": "d", "text": "satu"}, {"id": "e", "text": "x"}, {"id": "d", "text": "dua"}],
    )
    results = list(extract_many(dump, settings=SETTINGS, backend=ScriptedBackend(SETTINGS)))
    assert sorted(r.id for r in results) == ["d", "d#2", "e"]  # one row per id, none lost
    (dup,) = [r for r in results if r.error is not None]
    assert dup.id == "d#2" and dup.error is not None
    assert f"{dump}:3: duplicate article id 'd' (first at {dump}:1)" in dup.error.message


def test_a_resumed_run_knows_the_duplicate_rows_it_wrote(tmp_path: Path) -> None:
    items = [Article(id="d", text="satu"), Article(id="d", text="dua"), Article(id="f", text="x")]
    backend = ScriptedBackend(SETTINGS)
    stats = BatchStats()
    results = list(
        extract_many(items, settings=SETTINGS, backend=backend, skip_ids={"d", "d#2"}, stats=stats)
    )
    assert [r.id for r in results] == ["f"] and stats.resumed == 2


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (BadRow("d.jsonl", 7, "bad"), "line-7"),
        (Article(id="own", text="t"), "own"),
        ({"id": "from-dict", "text": "t"}, "from-dict"),
        ({"id": "", "text": "t"}, "article-3"),
        ("bare text", "article-3"),
    ],
)
def test_article_ids(item: Any, expected: str) -> None:
    assert article_id(3, item) == expected


def test_resumed_ids_are_counted_not_redone() -> None:
    backend = ScriptedBackend(SETTINGS)
    stats = BatchStats()
    results = list(
        extract_many(
            make_articles(5),
            settings=SETTINGS,
            backend=backend,
            skip_ids=["a001", "a003"],
            stats=stats,
        )
    )
    assert sorted(r.id for r in results) == ["a000", "a002", "a004"]
    assert stats.resumed == 2 and sorted(backend.calls) == ["a000", "a002", "a004"]


def test_prefilter_skips_low_scores_with_score() -> None:
    articles = make_articles(6)
    scores = {a.text: i / 10 for i, a in enumerate(articles)}  # 0.0 .. 0.5

    def relevance(text: str, title: str | None = None) -> float:
        return scores[text]

    backend = ScriptedBackend(SETTINGS)
    settings = SETTINGS.replace(prefilter=True, prefilter_threshold=0.3)
    results = {
        r.id: r
        for r in extract_many(articles, settings=settings, backend=backend, relevance=relevance)
    }
    skipped = sorted(i for i, r in results.items() if r.skipped == "prefilter")
    assert skipped == ["a000", "a001", "a002"]
    assert results["a001"].to_row() == {"id": "a001", "skipped": "prefilter", "score": 0.1}
    assert sorted(backend.calls) == ["a003", "a004", "a005"]


def test_default_prefilter_is_the_recall_first_one() -> None:
    articles = [
        {"id": "visit", "text": "Rombongan Pemkab Sukamaju studi banding ke Kota Lembah Hijau."},
        {"id": "other", "text": "Harga cabai di pasar tradisional naik menjelang akhir pekan."},
    ]
    backend = ScriptedBackend(SETTINGS)
    settings = SETTINGS.replace(prefilter=True)
    results = {r.id: r for r in extract_many(articles, settings=settings, backend=backend)}
    assert results["other"].skipped == "prefilter"
    assert results["visit"].skipped is None
    assert backend.calls == ["visit"]


def test_relevance_error_is_an_error_row() -> None:
    def broken(text: str, title: str | None = None) -> float:
        raise RuntimeError("bug")

    settings = SETTINGS.replace(prefilter=True)
    results = list(
        extract_many(
            make_articles(2), settings=settings, backend=ScriptedBackend(settings), relevance=broken
        )
    )
    assert [r.error.type for r in results if r.error] == ["RuntimeError", "RuntimeError"]


def test_several_input_files_are_read_in_turn_and_duplicates_across_them_named(
    tmp_path: Path,
) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "satu"}])
    second = write_jsonl(
        tmp_path / "b.jsonl", [{"id": "y", "text": "dua"}, {"id": "x", "text": "t"}]
    )
    results = list(
        extract_many([first, second], settings=SETTINGS, backend=ScriptedBackend(SETTINGS))
    )
    assert sorted(r.id for r in results) == ["x", "x#2", "y"]
    (dup,) = [r for r in results if r.error is not None]
    assert dup.error is not None and f"{second}:2: duplicate" in dup.error.message
    assert f"(first at {first}:1)" in dup.error.message
