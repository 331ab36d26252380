"""``visit-extract extract`` and ``visit-extract schema`` (offline, rules backend)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from visit_extract.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "article.txt"
# Invented for these tests.
VISIT = (
    "Rombongan Pemerintah Kabupaten Sigi dipimpin Wakil Bupati Samuel Yansen melakukan "
    "studi banding ke Kabupaten Banyuwangi, Kamis (14/3). Mereka diterima Sekda "
    "Banyuwangi dan belajar tentang Mal Pelayanan Publik."
)


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("VISIT_EXTRACT_MODEL", "VISIT_EXTRACT_BACKEND", "VISIT_EXTRACT_BASE_URL"):
        monkeypatch.delenv(var, raising=False)


def test_text_file_prints_one_extraction_and_names_the_backend(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(EXAMPLE), "--published", "2019-02-26"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["is_study_visit"] is True and result["backend"] == "rules"
    assert {v["host"]["region"] for v in result["visits"]} == {"Kabupaten Banyuwangi"}
    assert "backend: rules" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(VISIT.encode("utf-8"))))
    assert main(["extract", "-", "--published", "2019-03-15", "--compact"]) == 0
    result = json.loads(capsys.readouterr().out)
    visit = result["visits"][0]
    assert visit["visitor"]["region"] == "Kabupaten Sigi"
    assert visit["start_date"] == "2019-03-14"  # "Kamis (14/3)" resolved with --published


def test_jsonl_gives_one_line_per_article_and_error_rows_for_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [
        {"id": "a1", "text": VISIT, "published": "2019-03-15"},
        {"id": "a2", "text": "   "},
        {"id": "a3", "text": "Harga cabai naik menjelang Lebaran."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 1
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2", "a3"]
    assert lines[0]["is_study_visit"] is True
    assert lines[1]["error"]["type"] == "EmptyArticleError"
    assert lines[2]["is_study_visit"] is False
    assert "1 of 3 article(s) failed" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"id": "a1", "text": "x"}\n{not json\n', "articles.jsonl:2: invalid JSON"),
        ('{"id": "a1", "body": "x"}\n', "articles.jsonl:1: not an article"),
    ],
)
def test_malformed_jsonl_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main(["extract", str(path)]) == 2
    assert expected in capsys.readouterr().err


def test_single_bad_input_is_an_error_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["extract", str(empty)]) == 2
    assert "empty" in capsys.readouterr().err
    binary = tmp_path / "file.bin"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    assert main(["extract", str(binary)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"is_study_visit", "visits"} <= set(schema["properties"])
    assert "Visit" in schema["$defs"]


# --- the smaller points of issue 11 ---------------------------------------------------------


def test_a_gzipped_article_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(VISIT.encode("utf-8")))
    assert main(["extract", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["is_study_visit"] is True


def test_an_impossible_publication_date_is_called_invalid(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(EXAMPLE), "--published", "2019-02-31"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and err.count("\n") == 1
    assert "'2019-02-31' is not a valid date (day is out of range for month)" in err


def test_the_size_error_names_an_option_that_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(VISIT * 20, encoding="utf-8")
    assert main(["extract", str(path), "--max-article-chars", "1000"]) == 2
    assert "--max-article-chars" in capsys.readouterr().err
    assert main(["extract", str(path), "--max-article-chars", "100000", "--json"]) == 0


def test_jsonl_names_the_backend_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [{"id": f"a{i}", "text": VISIT} for i in range(4)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    assert capsys.readouterr().err.count("backend: rules") == 1


def test_on_a_terminal_a_person_gets_a_short_view_and_json_on_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["extract", str(EXAMPLE), "--published", "2019-02-26"]) == 0
    out = capsys.readouterr().out
    assert "study visit: yes" in out and "Kabupaten Banyuwangi" in out and "{" not in out
    assert len(out.splitlines()) < 40 and "--json" in out
    assert main(["extract", str(EXAMPLE), "--published", "2019-02-26", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backend"] == "rules"
