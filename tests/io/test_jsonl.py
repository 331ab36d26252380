"""visit_extract.io.jsonl: the JSON Lines loader of eval sets and dumps."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from visit_extract.errors import DatasetError
from visit_extract.io import BadRow, iter_articles, iter_jsonl, read_articles
from visit_extract.schema import Article

ROWS = [
    {"id": "k1", "text": "Rombongan Pemkab Lahat berkunjung ke Kota Madiun."},
    {"id": "k2", "text": "Wali Kota menerima tamu dari Kabupaten Sigi.", "published": None},
]


def _write(path: Path, lines: list[str]) -> Path:
    body = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(body.encode("utf-8")))
    else:
        path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.jsonl.gz"])
def test_streams_articles_plain_or_gzipped(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / name, [json.dumps(r) for r in ROWS])
    assert [a.id for a in read_articles(path)] == ["k1", "k2"]
    assert all(isinstance(a, Article) for a in iter_articles(path))


def test_bad_lines_come_out_as_bad_rows_with_their_line(tmp_path: Path) -> None:
    lines = [json.dumps(ROWS[0]), "", "{oops", "[1]", json.dumps({"id": "k5"})]
    items = list(iter_articles(_write(tmp_path / "d.jsonl", lines)))
    assert isinstance(items[0], Article)
    bad = [(b.line, b.id, b.message.split(":")[0]) for b in items[1:] if isinstance(b, BadRow)]
    assert bad == [(3, None, "invalid JSON"), (4, None, "line is not a JSON object"),
                   (5, "k5", "not an article")]  # fmt: skip
    assert [n for n, _ in iter_jsonl(tmp_path / "d.jsonl")] == [1, 3, 4, 5]  # blank skipped


def test_read_articles_is_strict(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"d\.jsonl:2: invalid JSON"):
        read_articles(_write(tmp_path / "d.jsonl", [json.dumps(ROWS[0]), "{oops"]))
    with pytest.raises(DatasetError, match="duplicate article id 'k1' \\(first at line 1\\)"):
        read_articles(_write(tmp_path / "e.jsonl", [json.dumps(ROWS[0])] * 2))


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file"):
        list(iter_jsonl(tmp_path / "none.jsonl"))
    latin = tmp_path / "latin.jsonl"
    good = json.dumps(ROWS[0]) + "\n"
    latin.write_bytes(
        good.encode() + '{"id": "k1", "text": "caf\u00e9"}\n'.encode("latin-1") + good.encode()
    )
    # one line of another encoding costs that line, not the file
    items = list(iter_jsonl(latin))
    assert [n for n, _ in items] == [1, 2, 3]
    assert isinstance(items[1][1], BadRow) and "line is not UTF-8" in items[1][1].message
    with pytest.raises(DatasetError, match=r"latin\.jsonl:2: line is not UTF-8"):
        read_articles(latin)


def test_a_byte_order_mark_and_crlf_are_read_through(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\r\n" for r in ROWS).encode())
    assert [a.id for a in read_articles(path)] == ["k1", "k2"]


def test_the_invalid_json_message_says_what_and_where(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "tab\there"}\n', encoding="utf-8")
    ((_, bad),) = list(iter_jsonl(path))
    assert isinstance(bad, BadRow)
    assert bad.message == "invalid JSON: Invalid control character at column 25"
