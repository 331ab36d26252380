"""Cutting inputs into parts: reading every part gives exactly the items, numbers and
ids of reading the whole file, whatever the format and the cut."""

from __future__ import annotations

import csv
import gzip
import itertools
import json
from pathlib import Path

import pytest

from visit_extract.batch.parts import (
    MAX_PART_BYTES,
    MIN_PART_BYTES,
    Part,
    auto_part_bytes,
    expand_inputs,
    plan_parts,
    read_part,
)
from visit_extract.errors import InputError
from visit_extract.io import BadRow, iter_input


def _items(pairs: object) -> list[tuple[int, str]]:
    out = []
    for number, item in pairs:  # type: ignore[attr-defined]
        if isinstance(item, BadRow):
            out.append((number, f"bad {item.id} {item.line} {item.message}"))
        else:
            out.append((number, item.model_dump_json()))
    return out


def _whole_vs_parts(path: Path, part_bytes: int, columns: str | None = None) -> list[Part]:
    parts = plan_parts([path], part_bytes=part_bytes)
    whole = _items(iter_input(path, columns=columns))
    cut: list[tuple[int, str]] = []
    for part in parts:
        cut += _items(read_part(part, columns))
    assert cut == whole
    return parts


def _jsonl_rows(n: int) -> list[str]:
    rows = []
    for i in range(n):
        if i % 17 == 5:
            rows.append("{not json")
        elif i % 23 == 7:
            rows.append("")  # a blank line still counts as a line
        elif i % 19 == 3:
            rows.append(json.dumps({"text": f"tanpa id {i}"}))  # invalid: no id
        else:
            rows.append(
                json.dumps({"id": f"j{i}", "text": f"Bupati berkunjung, berita ke-{i}. " * (i % 5)})
            )
    return rows


def test_jsonl_parts_read_like_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(_jsonl_rows(300)) + "\n", encoding="utf-8")
    parts = _whole_vs_parts(path, 700)
    assert len(parts) > 10
    assert [p.index for p in parts] == list(range(len(parts)))
    assert parts[0].byte_range is not None and parts[0].byte_range[0] == 0
    for a, b in itertools.pairwise(parts):
        assert a.byte_range is not None and b.byte_range is not None
        assert a.byte_range[1] == b.byte_range[0]  # contiguous, no byte lost or read twice
    assert parts[-1].byte_range is not None
    assert parts[-1].byte_range[1] == path.stat().st_size


def test_jsonl_without_final_newline_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(("\r\n".join(_jsonl_rows(120))).encode("utf-8"))
    assert len(_whole_vs_parts(path, 300)) > 5


def test_bare_cr_csv_or_gzip_keeps_the_file_whole(tmp_path: Path) -> None:
    csv_path = tmp_path / "old-mac.csv"
    csv_path.write_bytes(b"id,text\r" + b"a,satu\rb,dua\r" * 100)
    assert len(_whole_vs_parts(csv_path, 100)) == 1
    jsonl = tmp_path / "dump.jsonl"  # JSONL lines end at a newline only: it is cut
    jsonl.write_bytes(b'{"id": "a", "text": "x"}\r{"id": "b", "text": "y"}\n' * 200)
    assert len(_whole_vs_parts(jsonl, 100)) > 1
    gz = tmp_path / "dump.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(_jsonl_rows(100)) + "\n")
    parts = _whole_vs_parts(gz, 100)
    assert len(parts) == 1 and parts[0].byte_range is None


def test_csv_parts_respect_quoted_newlines_and_keep_line_ids(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["judul", "isi"])
        for i in range(200):
            body = f'Paragraf satu {i}.\nParagraf dua, dengan "kutipan"\n\nakhir {i}'
            writer.writerow([f"Judul {i}", body if i % 3 else f"pendek {i}"])
        writer.writerow(["kurang"])  # a record with too few fields
    parts = _whole_vs_parts(path, 500, columns="title=judul,text=isi")
    assert len(parts) > 5
    first = next(iter(read_part(parts[3], "title=judul,text=isi")))
    number, item = first
    assert not isinstance(item, BadRow) and item.id == f"dump-{number}"  # whole-file line


def test_parquet_parts_are_row_groups(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"article_id": i, "text": f"Kunjungan nomor {i}. " * 20} for i in range(95)]
    path = tmp_path / "dump.parquet"
    pq.write_table(pa.Table.from_pylist(rows), str(path), row_group_size=10)
    parts = _whole_vs_parts(path, 1, columns="id=article_id")
    assert len(parts) == 10
    assert parts[1].row_groups == (1,) and parts[1].first_line == 11


def test_small_files_and_folders_are_one_part_each(tmp_path: Path) -> None:
    small = tmp_path / "a.jsonl"
    small.write_text('{"id": "s1", "text": "satu"}\n', encoding="utf-8")
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "b.txt").write_text("dua", encoding="utf-8")
    parts = plan_parts([small, folder], part_bytes=1 << 20)
    assert [(p.index, p.fmt, p.byte_range) for p in parts] == [
        (0, "jsonl", None),
        (1, "txt", None),
    ]
    assert Part.from_dict(json.loads(json.dumps(parts[1].to_dict()))) == parts[1]


def test_expand_inputs_globs_in_order_and_names_what_is_missing(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.jsonl", "c.csv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    found = expand_inputs([str(tmp_path / "*.jsonl"), tmp_path / "c.csv"])
    assert [p.name for p in found] == ["a.jsonl", "b.jsonl", "c.csv"]
    with pytest.raises(InputError, match="matches no file"):
        expand_inputs(str(tmp_path / "*.parquet"))
    with pytest.raises(InputError, match="does not exist"):
        expand_inputs(tmp_path / "none.jsonl")


def test_auto_part_size_gives_several_parts_per_slot_within_bounds() -> None:
    assert auto_part_bytes(80 << 20, 2) == 5 << 20
    assert auto_part_bytes(1000, 2) == MIN_PART_BYTES
    assert auto_part_bytes(1 << 40, 2) == MAX_PART_BYTES
