"""Eval sets, dumps and prediction files: every defect is a DatasetError with file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from visit_extract.errors import DatasetError
from visit_extract.eval.datasets import (
    load_dataset,
    load_datasets,
    predictions_from,
    read_gold,
    read_predictions,
)
from visit_extract.schema import VisitExtraction

VISIT = {
    "visitor": {
        "region": "Kabupaten Lahat",
        "level": "regency",
        "branch": "executive",
        "institution": "Pemkab Lahat",
        "leader": {"name": "Cik Ujang", "title": "Bupati"},
        "size": 14,
    },
    "host": {
        "region": "Kabupaten Banyuwangi",
        "level": "regency",
        "branch": "executive",
        "institution": None,
        "leader": {"name": None, "title": "Bupati"},  # titled, unnamed: allowed in gold
        "size": None,
    },
    "kind": "other",
    "start_date": "--02-25",
    "end_date": None,
    "topics": ["mal pelayanan publik"],
    "domains": ["public_service"],
    "agreement": False,
}


def _write(path: Path, rows: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def _article(aid: str) -> dict[str, Any]:
    return {"id": aid, "url": None, "outlet": "x", "title": "t", "published": None, "text": "teks"}


def _label(aid: str, visits: list[Any] | None = None) -> dict[str, Any]:
    return {"id": aid, "is_study_visit": bool(visits), "visits": visits or [], "notes": ""}


@pytest.fixture
def evalset(tmp_path: Path) -> Path:
    d = tmp_path / "set"
    d.mkdir()
    _write(d / "articles.jsonl", [_article("a1"), _article("a2"), _article("a3")])
    _write(d / "gold.jsonl", [_label("a1", [VISIT]), _label("a2")])
    return d


def test_loads_an_eval_set(evalset: Path) -> None:
    ds = load_dataset(evalset, require_gold=True)
    assert ds.name == "set"
    assert [a.id for a in ds.articles] == ["a1", "a2", "a3"]
    assert [a.id for a in ds.labelled()] == ["a1", "a2"]  # a3 has no label
    visit = ds.gold["a1"].visits[0]
    assert visit.host.leader is not None and visit.host.leader.name is None
    assert visit.visitor.size == 14


def test_the_same_loader_reads_a_dump(tmp_path: Path, evalset: Path) -> None:
    as_file = load_dataset(evalset / "articles.jsonl")
    assert not as_file.has_gold and len(as_file.articles) == 3
    folder = tmp_path / "dump"
    folder.mkdir()
    _write(folder / "articles.jsonl", [_article("d1")])
    assert not load_dataset(folder).has_gold
    with pytest.raises(DatasetError, match="not an eval set"):
        load_dataset(folder, require_gold=True)


def test_seed_set_loads(seeds_dir: Path) -> None:
    ds = load_dataset(seeds_dir, require_gold=True)
    assert len(ds.labelled()) == len(ds.articles) == 5


def test_dev_set_loads(dev_dir: Path) -> None:
    ds = load_dataset(dev_dir, require_gold=True)
    assert ds.labelled()


def _error(call: Any) -> str:
    with pytest.raises(DatasetError) as info:
        call()
    return str(info.value)


def test_malformed_gold_line_names_file_and_line(evalset: Path) -> None:
    _write(evalset / "gold.jsonl", [_label("a1"), "{not json"])
    msg = _error(lambda: load_dataset(evalset))
    assert msg.startswith(f"{evalset / 'gold.jsonl'}:2: invalid JSON")


def test_malformed_article_line_names_file_and_line(evalset: Path) -> None:
    _write(evalset / "articles.jsonl", [_article("a1"), {"id": "a2"}])  # no text
    msg = _error(lambda: load_dataset(evalset))
    assert f"{evalset / 'articles.jsonl'}:2:" in msg and "text" in msg


def test_duplicate_gold_id(evalset: Path) -> None:
    _write(evalset / "gold.jsonl", [_label("a1"), _label("a2"), _label("a1")])
    msg = _error(lambda: load_dataset(evalset))
    assert ":3: duplicate gold id 'a1' (first at line 1)" in msg


def test_duplicate_article_id(evalset: Path) -> None:
    _write(evalset / "articles.jsonl", [_article("a1"), _article("a1")])
    assert "articles.jsonl:2: duplicate article id 'a1'" in _error(lambda: load_dataset(evalset))


def test_gold_without_article(evalset: Path) -> None:
    _write(evalset / "gold.jsonl", [_label("a1"), _label("a2"), _label("zz")])
    msg = _error(lambda: load_dataset(evalset))
    assert "gold.jsonl:3: gold label 'zz' has no article" in msg


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("visitor", "level"), "kabupaten"),
        (("host", "branch"), "dprd"),
        (("kind",), "studybanding"),
        (("domains",), ["village", "villages"]),
    ],
)
def test_unknown_enum_value(evalset: Path, path: tuple[str, ...], value: Any) -> None:
    visit = json.loads(json.dumps(VISIT))
    target = visit
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    _write(evalset / "gold.jsonl", [_label("a2"), _label("a1", [visit])])
    msg = _error(lambda: read_gold(evalset / "gold.jsonl"))
    assert "gold.jsonl:2:" in msg and "unknown value" in msg


def test_bad_date_and_unknown_key(evalset: Path) -> None:
    visit = dict(VISIT, start_date="25/02/2019")
    _write(evalset / "gold.jsonl", [_label("a1", [visit])])
    assert "gold.jsonl:1:" in _error(lambda: read_gold(evalset / "gold.jsonl"))
    visit = dict(VISIT, when="2019")
    _write(evalset / "gold.jsonl", [_label("a1", [visit])])
    assert "when" in _error(lambda: read_gold(evalset / "gold.jsonl"))


def test_negative_label_with_visits(evalset: Path) -> None:
    row = _label("a1", [VISIT]) | {"is_study_visit": False}
    _write(evalset / "gold.jsonl", [row])
    assert 'a negative article has "visits": []' in _error(lambda: load_dataset(evalset))


def test_missing_folder_and_files(tmp_path: Path) -> None:
    assert "no such file or folder" in _error(lambda: load_dataset(tmp_path / "nope"))
    assert "no articles.jsonl" in _error(lambda: load_dataset(tmp_path))


def test_ids_must_be_unique_across_sets(tmp_path: Path, evalset: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    _write(other / "articles.jsonl", [_article("a1")])
    _write(other / "gold.jsonl", [_label("a1")])
    assert "is in both" in _error(lambda: load_datasets([evalset, other]))
    assert "no dataset given" in _error(lambda: load_datasets([]))


# --- predictions ----------------------------------------------------------------------------


def _prediction(aid: str) -> dict[str, Any]:
    visit = json.loads(json.dumps(VISIT))
    visit["host"]["leader"] = None
    return {"id": aid, "is_study_visit": True, "visits": [visit], "backend": "llm"}


def test_reads_every_prediction_shape(tmp_path: Path) -> None:
    rows = [
        _prediction("p1"),  # a VisitExtraction line
        {"id": "p2", "error": {"type": "RetriesExhausted", "message": "429", "attempts": 5}},
        {"id": "p3", "skipped": "prefilter", "score": 0.1},  # batch pre-filter skip
        {"id": "p4", "dataset": "dev", "prediction": _prediction("p4"), "error": None},
        {"id": "p5", "prediction": None, "error": "EmptyArticleError: empty"},  # side file
        _prediction("p6") | {"source_line": 6},  # extra bookkeeping keys are ignored
        {k: v for k, v in _prediction("p7").items() if k != "backend"},  # another system's
    ]
    preds = read_predictions(_write(tmp_path / "pred.jsonl", rows))
    assert (
        preds["p1"].extraction is not None and preds["p1"].extraction.visits[0].visitor.size == 14
    )
    assert preds["p2"].extraction is None and preds["p2"].error == "RetriesExhausted: 429"
    skipped = preds["p3"].extraction
    assert skipped is not None and not skipped.is_study_visit and preds["p3"].error is None
    assert preds["p4"].extraction is not None and preds["p4"].extraction.id == "p4"
    assert preds["p5"].error == "EmptyArticleError: empty"
    assert preds["p6"].extraction is not None
    # Who made each result: recorded, the pre-filter, or unknown (never a default "rules").
    backends = {k: r.extraction.backend for k, r in preds.items() if r.extraction is not None}
    assert backends == {
        "p1": "llm", "p3": "prefilter", "p4": "llm", "p6": "llm", "p7": "unknown"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("[1, 2]", "not a JSON object"),
        ({"id": "x"}, "not a prediction"),
        ({"is_study_visit": True}, "has no 'id'"),
        ({"id": "x", "is_study_visit": True, "visits": [{"visitor": {}}]}, "not a valid"),
        ({"id": "x", "skipped": "prefilter", "score": "high"}, "not a result"),
    ],
)
def test_bad_prediction_lines(tmp_path: Path, row: Any, message: str) -> None:
    path = _write(tmp_path / "pred.jsonl", [_prediction("ok"), row])
    msg = _error(lambda: read_predictions(path))
    assert f"{path}:2:" in msg and message in msg


def test_duplicate_prediction(tmp_path: Path) -> None:
    path = _write(tmp_path / "pred.jsonl", [_prediction("a"), _prediction("a")])
    assert ":2: duplicate prediction id 'a'" in _error(lambda: read_predictions(path))


def test_predictions_in_memory() -> None:
    ext = VisitExtraction(id="a", is_study_visit=False, backend="rules")
    assert predictions_from([ext])["a"].extraction is ext
    assert predictions_from({"b": ext})["b"].extraction is ext
    with pytest.raises(DatasetError, match="no id"):
        predictions_from([VisitExtraction(is_study_visit=False, backend="rules")])


def test_an_error_row_beside_the_extraction_of_its_id_is_not_a_conflict(tmp_path: Path) -> None:
    """Batch output of earlier versions wrote an input's duplicate id as an error row under
    the same id, before or after the extraction: the extraction is the prediction."""
    dup = {"id": "a", "error": {"type": "DatasetError", "message": "duplicate", "attempts": 0}}
    for rows in ([dup, _prediction("a")], [_prediction("a"), dup]):
        preds = read_predictions(_write(tmp_path / "pred.jsonl", rows))
        assert preds["a"].extraction is not None and preds["a"].error is None
