"""Bad article texts through the API and ``visit-extract extract``: an extraction or one
input error, never anything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visit_extract import VisitExtraction, extract_visit
from visit_extract.errors import InputError

from .cases import TEXTS, TextCase
from .conftest import assert_clean, run


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name)
def test_the_api_extracts_or_names_the_problem(case: TextCase) -> None:
    article = {"id": f"case-{case.name}", "text": case.text}
    if case.raises is None:
        result = extract_visit(article, backend="rules")
        assert isinstance(result, VisitExtraction)
        json.loads(result.model_dump_json())  # and it serialises
    else:
        with pytest.raises(case.raises) as caught:
            extract_visit(article, backend="rules")
        assert str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name)
def test_extract_prints_a_result_or_one_line_and_exit_2(
    case: TextCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "article.txt"
    if isinstance(case.text, bytes):
        path.write_bytes(case.text)
    else:
        path.write_bytes(case.text.encode("utf-8", "surrogatepass"))
    ended = run(["extract", str(path), "--json"], capsys)
    assert_clean(ended)
    if case.raises is None and ended.code == 0:
        assert json.loads(ended.out)["backend"] == "rules"
    else:
        assert ended.code == 2 and ended.out == ""


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name)
def test_extract_of_jsonl_keeps_one_line_per_article(
    case: TextCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Beside a good article, a bad one is an error row, not the end of the run."""
    if isinstance(case.text, bytes):
        pytest.skip("bytes are no JSON string")
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "good", "text": "Harga cabai naik."}, {"id": "bad", "text": case.text}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ended = run(["extract", str(path)], capsys)
    assert_clean(ended)
    printed = [json.loads(line) for line in ended.out.splitlines()]
    assert [p["id"] for p in printed] == ["good", "bad"]
    failed = "error" in printed[1]
    assert failed == (case.raises is not None) and ended.code == (1 if failed else 0)
    if failed:
        assert printed[1]["error"]["type"] == case.raises.__name__  # type: ignore[union-attr]


def test_ids_that_are_no_valid_unicode_end_as_rows_not_crashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON escape can make a lone surrogate, which no UTF-8 output can hold."""
    path = tmp_path / "articles.jsonl"
    path.write_text(
        '{"id": "s\\ud800", "text": "Harga cabai naik."}\n{"id": "ok", "text": "Harga naik."}\n',
        encoding="utf-8",
    )
    ended = run(["extract", str(path)], capsys)
    assert_clean(ended)
    printed = [json.loads(line) for line in ended.out.splitlines()]
    assert "error" in printed[0] and printed[1]["id"] == "ok" and ended.code == 1
    with pytest.raises(InputError, match="Unicode"):
        extract_visit({"id": "s\ud800", "text": "Harga cabai naik."}, backend="rules")


def test_every_text_case_that_fails_fails_with_an_input_error() -> None:
    assert all(c.raises is None or issubclass(c.raises, InputError) for c in TEXTS)
