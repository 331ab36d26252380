"""Export of batch results: visit tables (CSV, Parquet), edge list and GraphML."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from batchhelpers import write_jsonl

from visit_extract.batch import BatchResult, ErrorInfo, ResultWriter
from visit_extract.batch.export import VISIT_COLUMNS, export_results
from visit_extract.schema import Leader, Party, Visit, VisitExtraction

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def _results(path: Path) -> Path:
    lahat = Party(
        region="Kabupaten Lahat",
        level="regency",
        branch="executive",
        leader=Leader(name="Cik Ujang", title="Bupati"),
        size=60,
    )
    host = Party(region="Kabupaten Banyuwangi", level="regency")
    odd = Party(region='Kota "A" & <B>\x01', level="city")
    rows = [
        BatchResult(
            id="k1",
            extraction=VisitExtraction(
                id="k1",
                backend="rules",
                is_study_visit=True,
                visits=[
                    Visit(
                        visitor=lahat,
                        host=host,
                        kind="studi_banding",
                        start_date="2019-02-25",
                        topics=["Mal Pelayanan Publik", "BUMDes"],
                        domains=["public_service", "village"],
                    ),
                    Visit(visitor=odd, host=host, topics=["x"]),
                ],
            ),
        ),
        BatchResult(
            id="t2",
            extraction=VisitExtraction(
                id="t2",
                backend="rules",
                is_study_visit=True,
                visits=[Visit(visitor=lahat, host=host, topics=["mal pelayanan publik"])],
            ),
        ),
        BatchResult(
            id="n3",
            extraction=VisitExtraction(
                id="n3",
                backend="rules",
                is_study_visit=True,
                visits=[Visit(visitor=Party(), host=host)],
            ),
        ),
        BatchResult(id="e4", error=ErrorInfo("RetriesExhausted", "x", 5)),
        BatchResult(id="s5", skipped="prefilter", score=0.1),
    ]
    with ResultWriter(path) as writer:
        for r in rows:
            writer.write(r)
    return path


def test_export_everything(tmp_path: Path) -> None:
    results = _results(tmp_path / "results.jsonl")
    articles = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            {"id": "k1", "text": "x", "outlet": "Kompas", "published": "2019-02-26"},
            {"id": "t2", "text": "x", "outlet": "Tribun", "published": "2019-02-27"},
            {"id": "zz", "text": "x", "outlet": "Other"},
        ],
    )
    report = export_results(
        results,
        articles=articles,
        csv=tmp_path / "v.csv",
        edges=tmp_path / "e.csv",
        graphml=tmp_path / "g.graphml",
    )
    assert (report.extractions, report.errors, report.skipped) == (3, 1, 1)
    assert (report.visits, report.events, report.multi_source_events) == (4, 3, 1)
    assert report.visits_off_network == 1

    with (tmp_path / "v.csv").open(encoding="utf-8") as fh:
        visits = list(csv.DictReader(fh))
    assert tuple(visits[0]) == VISIT_COLUMNS and len(visits) == 4
    k1 = visits[0]
    assert k1["outlet"] == "Kompas" and k1["published"] == "2019-02-26"
    assert k1["visitor_leader_name"] == "Cik Ujang" and k1["visitor_size"] == "60"
    assert k1["topics"] == "Mal Pelayanan Publik; BUMDes"
    assert k1["event_articles"] == "k1; t2"
    assert k1["event_id"] == visits[2]["event_id"]  # the Tribun report of the same visit

    with (tmp_path / "e.csv").open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    top = edges[0]
    assert (top["source"], top["target"], top["events"], top["articles"]) == (
        "Kabupaten Lahat",
        "Kabupaten Banyuwangi",
        "1",
        "2",
    )
    assert top["dates"] == "2019-02-25; 2019-02-27" and top["article_ids"] == "k1; t2"

    root = ET.parse(tmp_path / "g.graphml").getroot()
    labels = {d.text for d in root.iterfind(".//g:node/g:data[@key='label']", NS)}
    assert labels == {"Kabupaten Lahat", "Kabupaten Banyuwangi", 'Kota "A" & <B>'}
    assert len(root.findall(".//g:edge", NS)) == 2


def test_export_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    results = _results(tmp_path / "results.jsonl")
    export_results(results, parquet=tmp_path / "v.parquet")
    table = pq.read_table(tmp_path / "v.parquet")
    assert table.num_rows == 4 and table.column_names == list(VISIT_COLUMNS)
    assert table.column("topics").to_pylist()[0] == ["Mal Pelayanan Publik", "BUMDes"]


def test_an_article_with_two_rows_is_exported_once(tmp_path: Path) -> None:
    """Two runs that wrote one output at once (before outputs were locked) left each
    article twice: its visits must not be counted twice."""
    results = _results(tmp_path / "results.jsonl")
    lines = results.read_text(encoding="utf-8").splitlines(keepends=True)
    results.write_text("".join(lines + lines), encoding="utf-8")
    report = export_results(results, csv=tmp_path / "v.csv")
    assert (report.extractions, report.errors, report.skipped) == (3, 1, 1)
    assert report.visits == 4 and report.duplicate_rows == 5
    assert "5 duplicate rows" in report.summary()
