"""Reading batch output and gold labels into events between places."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from visit_extract.errors import InputError
from visit_extract.network import build_network, resolve_place

from .sample import (
    BANTUL,
    BUKITTINGGI,
    JAPAN,
    MERGED_ARTICLES,
    SLEMAN,
    SURABAYA,
    TAPSEL,
    write_batch,
    write_gold_set,
    write_jsonl,
)


def test_three_spellings_resolve_to_one_place() -> None:
    spellings = ("Kabupaten Tapanuli Selatan", "Tapsel", "Pemkab Tapanuli Selatan")
    places = [resolve_place(n) for n in spellings]
    assert {p.key for p in places if p} == {TAPSEL} and all(places)
    assert resolve_place("Jepang", "foreign").key == JAPAN  # type: ignore[union-attr]
    unknown = resolve_place("Negeri Dongeng")
    assert unknown is not None and unknown.level == "unknown" and unknown.code is None
    assert resolve_place(None) is None and resolve_place("  ") is None


def test_batch_output_one_event_for_three_outlets(tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    net = build_network([out], articles=[dump])
    read = net.read
    assert (read.articles, read.errors, read.skipped, read.visits) == (11, 1, 1, 10)
    assert net.off_network == 1  # the ministry visit
    assert len(net.events) == 7
    merged = [e for e in net.events if e.visitor.key == TAPSEL]
    assert len(merged) == 1
    event = merged[0]
    assert event.article_ids == MERGED_ARTICLES
    assert event.date == "2021-03-08"  # the most precise, then earliest, date
    assert event.host.key == BUKITTINGGI and event.visitor.name == "Kabupaten Tapanuli Selatan"
    assert event.kinds == ["studi_banding", "kunjungan_kerja"]
    assert event.topics == ["pengelolaan bank sampah", "bank sampah"]
    assert event.programmes == ["Pengelolaan sampah"]
    first = event.reports[0]
    assert first.outlet == "warta-a1.example" and first.published == "2021-03-10"
    assert first.quotes == [("host.region", "rombongan belajar memilah sampah di Bukittinggi")]
    assert set(net.places) == {TAPSEL, BUKITTINGGI, SLEMAN, SURABAYA, "13.71", BANTUL, JAPAN}
    # date order, earliest first
    assert [e.date for e in net.events][:3] == ["2018-05-01", "2019-01-15", "2020-06-02"]


def test_gzipped_batch_output(tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    packed = tmp_path / "out.jsonl.gz"
    packed.write_bytes(gzip.compress(out.read_bytes()))
    net = build_network([packed], articles=[dump])
    assert len(net.events) == 7 and net.read.errors == 1


def test_without_the_articles_undated_reports_stay_apart(tmp_path: Path) -> None:
    out, _ = write_batch(tmp_path)
    net = build_network([out])
    # a3 has no visit date and, without its publication date, is never merged
    tapsel = [e for e in net.events if e.visitor.key == TAPSEL]
    assert sorted(len(e.reports) for e in tapsel) == [1, 2]
    undated = next(e for e in tapsel if len(e.reports) == 1)
    assert undated.date is None and undated.year is None


def test_an_article_in_two_files_counts_once(tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    row = {"id": "a4", "is_study_visit": False, "visits": [], "backend": "rules"}
    again = write_jsonl(tmp_path / "again.jsonl", [row])
    net = build_network([out, again], articles=[dump])
    assert net.read.duplicate_ids == 1
    assert any(e.article_ids == ["a4"] for e in net.events)  # the first file won


def test_gold_folder_and_file(tmp_path: Path) -> None:
    folder = write_gold_set(tmp_path / "set")
    for source in (folder, folder / "gold.jsonl"):
        net = build_network([source])
        assert net.read.articles == 3 and net.off_network == 1
        assert [(e.visitor.key, e.host.key) for e in net.events] == [
            (BANTUL, SLEMAN),
            (SLEMAN, SURABAYA),
        ]
        first, second = net.events
        assert first.agreement and first.programmes == ["BUMDes"]
        assert first.reports[0].note == "invented label note"
        assert first.reports[0].url == "https://kabar.example/g1"
        # an undated gold visit takes its article's publication date
        assert second.date == "2021-07-07" and second.programmes == ["BUMDes"]


def test_missing_and_malformed_inputs_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        build_network([tmp_path / "nope.jsonl"])
    with pytest.raises(InputError, match=r"has no gold\.jsonl"):
        build_network([tmp_path])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "is_study_visit": "maybe", "backend": "rules"}\n{"id": "y"}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        build_network([bad])
    out, _ = write_batch(tmp_path)
    with pytest.raises(InputError, match="articles file"):
        build_network([out], articles=[tmp_path / "missing.jsonl"])
