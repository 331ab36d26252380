"""visit_extract.io.readers, the batch inputs: CSV, Parquet, .txt folders, column
mapping, format detection and row counting."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from visit_extract.errors import DatasetError, InputError
from visit_extract.io import (
    BadRow,
    count_input_rows,
    detect_format,
    iter_input,
    parse_column_map,
)
from visit_extract.schema import Article


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_parse_column_map() -> None:
    assert parse_column_map("text=content, id=article_id") == {
        "text": "content",
        "id": "article_id",
    }
    assert parse_column_map(None) == {}
    with pytest.raises(InputError, match="field=column"):
        parse_column_map("text")
    with pytest.raises(InputError, match="unknown field"):
        parse_column_map("body=content")


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(tmp_path / "a.jsonl.gz") == "jsonl"
    assert detect_format(tmp_path / "a.CSV") == "csv"
    assert detect_format(tmp_path / "a.parquet") == "parquet"
    assert detect_format(tmp_path) == "txt"
    with pytest.raises(InputError, match="--format"):
        detect_format(tmp_path / "a.xlsx")


def test_csv_with_mapping_multiline_and_bad_records(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "dump.csv",
        [
            ["article_id", "content", "judul", "published"],
            ["x1", "Baris satu\nbaris dua, dengan koma", "Judul", "2019-02-26"],
            ["x2", "", "kosong", ""],
            ["x3", "teks", "terlalu", "banyak", "kolom"],
            ["x4", "teks biasa", "", "bukan-tanggal"],
            ["x5", "teks akhir", "", ""],
        ],
    )
    items = list(iter_input(path, columns="id=article_id,text=content,title=judul"))
    numbers = [n for n, _ in items]
    assert numbers == [2, 4, 5, 6, 7]  # x1 spans lines 2-3
    first = items[0][1]
    assert isinstance(first, Article)
    assert first.text == "Baris satu\nbaris dua, dengan koma"
    assert first.title == "Judul" and str(first.published) == "2019-02-26"
    wrong_width = items[2][1]
    assert isinstance(wrong_width, BadRow) and "5 fields" in wrong_width.message
    bad_date = items[3][1]
    assert isinstance(bad_date, BadRow) and bad_date.id == "x4" and bad_date.line == 6
    last = items[4][1]
    assert isinstance(last, Article) and last.title is None and last.published is None
    # an empty text cell is kept as "" so the batch run reports it as an empty article
    assert isinstance(items[1][1], Article) and items[1][1].text == ""


def test_csv_gzip_without_id_column_gets_line_ids(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["text"], ["satu"], ["dua"]])
    ids = [item.id for _, item in iter_input(path)]
    assert ids == ["dump-2", "dump-3"]
    assert count_input_rows(path) == 2


def test_csv_missing_file_is_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file"):
        list(iter_input(tmp_path / "none.csv"))


def test_parquet_mapping_and_integer_ids(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "article_id": [10, 11, 12],
            "content": ["teks satu", None, "teks tiga"],
            "extra": ["a", "b", "c"],
        }
    )
    path = tmp_path / "dump.parquet"
    pq.write_table(table, path)
    items = list(iter_input(path, columns={"id": "article_id", "text": "content"}))
    assert [n for n, _ in items] == [1, 2, 3]
    assert isinstance(items[0][1], Article) and items[0][1].id == "10"
    assert isinstance(items[1][1], BadRow) and items[1][1].id == "11"
    assert count_input_rows(path) == 3


def test_txt_folder(tmp_path: Path) -> None:
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "b.txt").write_text("teks b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("teks a", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe bukan utf8")
    (tmp_path / "ignored.md").write_text("x", encoding="utf-8")
    items = [item for _, item in iter_input(tmp_path)]
    assert [i.id for i in items if isinstance(i, (Article, BadRow))] == ["2019/b", "a", "c"]
    assert isinstance(items[2], BadRow) and "UTF-8" in items[2].message
    with pytest.raises(InputError, match="--map"):
        list(iter_input(tmp_path, columns="text=x"))


def test_jsonl_mapping_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"article_id": "j1", "content": "teks"}\nnot json\n\n{"article_id": "j3"}\n',
        encoding="utf-8",
    )
    items = list(iter_input(path, columns="id=article_id,text=content"))
    assert [n for n, _ in items] == [1, 2, 4]
    assert isinstance(items[0][1], Article) and items[0][1].id == "j1"
    assert isinstance(items[1][1], BadRow) and "invalid JSON" in items[1][1].message
    assert isinstance(items[2][1], BadRow) and items[2][1].id == "j3"
    assert count_input_rows(path) == 3


# --- what real dumps contain ------------------------------------------------------------


def test_jsonl_dump_with_numeric_ids_timestamps_and_empty_strings(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"id": 1000, "text": "satu", "published": ""}\n'
        '{"id": "", "text": "dua", "published": "2019-02-26 12:30:00", "title": ""}\n'
        '{"text": "tiga", "published": "2019-02-26T08:00:00+07:00"}\n',
        encoding="utf-8",
    )
    items = [item for _, item in iter_input(path)]
    articles = [i for i in items if isinstance(i, Article)]
    assert articles == items, items
    assert [a.id for a in articles] == ["1000", "d-2", "d-3"]
    assert [str(a.published) for a in articles] == ["None", "2019-02-26", "2019-02-26"]


def test_csv_blank_id_cells_get_line_ids(tmp_path: Path) -> None:
    path = _csv(tmp_path / "d.csv", [["id", "text"], ["", "satu"], ["7", "dua"]])
    assert [item.id for _, item in iter_input(path)] == ["d-2", "7"]


def _inputs(tmp_path: Path) -> dict[str, Path]:
    """One two-article dump in each format, text under ``content``."""
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text(
        '{"id": "a", "content": "satu"}\n{"id": "b", "content": "dua"}\n', encoding="utf-8"
    )
    paths = {"jsonl": jsonl, "csv": _csv(tmp_path / "d.csv", [["id", "content"], ["a", "satu"]])}
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"id": ["a"], "content": ["satu"]}), tmp_path / "d.parquet")
    paths["parquet"] = tmp_path / "d.parquet"
    return paths


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_a_mapped_column_the_input_lacks_is_refused_before_any_article(
    tmp_path: Path, fmt: str
) -> None:
    path = _inputs(tmp_path)[fmt]
    with pytest.raises(InputError, match=r"'body'.*content"):
        next(iter_input(path, columns="text=body"))
    assert isinstance(next(iter_input(path, columns="text=content"))[1], Article)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_an_input_without_a_text_column_says_how_to_map_it(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(InputError, match="--map text="):
        next(iter_input(_inputs(tmp_path)[fmt]))


def test_csv_with_a_byte_order_mark_and_a_record_of_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(
        b"\xef\xbb\xbfid,text\n" + b"a,satu\n" + "b,caf\xe9\n".encode("latin-1") + b"c,tiga\n"
    )
    items = [item for _, item in iter_input(path)]
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c"]  # BOM not in "id"
    bad = items[1]
    assert isinstance(bad, BadRow) and bad.line == 3 and "not UTF-8" in bad.message
    assert count_input_rows(path) == 3
