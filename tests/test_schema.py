from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from visit_extract.schema import Article, Visit, VisitExtraction, check_partial_date


@pytest.mark.parametrize("value", ["2019-02-25", "2019-02", "2019", "--02-25", "--02-29", None])
def test_partial_dates_accepted(value: str | None) -> None:
    assert check_partial_date(value) == value


@pytest.mark.parametrize("value", ["25/2", "2019-13", "2019-02-30", "--13-01", "19-02-25", ""])
def test_bad_dates_rejected(value: str) -> None:
    with pytest.raises(ValueError):
        check_partial_date(value)


def test_gold_visits_validate_and_round_trip(seeds_dir: Path) -> None:
    """Every seed gold visit is a valid Visit, and dumping gives the gold fields back."""
    for line in (seeds_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        ex = VisitExtraction(
            id=gold["id"],
            is_study_visit=gold["is_study_visit"],
            visits=[Visit.model_validate(v) for v in gold["visits"]],
            backend="rules",
        )
        dumped = ex.model_dump()
        for got, want in zip(dumped["visits"], gold["visits"], strict=True):
            assert {k: got[k] for k in want} == want


def test_unknown_enum_value_rejected() -> None:
    with pytest.raises(ValidationError):
        Visit.model_validate({"visitor": {"level": "district"}, "host": {}})
    with pytest.raises(ValidationError):
        Visit.model_validate({"visitor": {}, "host": {}, "domains": ["sports"]})


def test_an_extraction_must_say_which_backend_made_it() -> None:
    with pytest.raises(ValidationError, match="backend"):
        VisitExtraction(is_study_visit=False)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="backend"):
        VisitExtraction(is_study_visit=False, backend="")
    assert VisitExtraction(is_study_visit=False, backend="llm").backend == "llm"


# --- articles as real dumps write them ------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [(1000, "1000"), (1000.0, "1000"), ("a-7", "a-7")])
def test_numeric_article_ids_are_read_as_text(raw: object, expected: str) -> None:
    assert Article.model_validate({"id": raw, "text": "teks"}).id == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", None),
        ("   ", None),
        ("2019-02-26", date(2019, 2, 26)),
        ("2019-02-26 12:30:00", date(2019, 2, 26)),
        ("2019-02-26T23:30:00+07:00", date(2019, 2, 26)),  # the day as printed, not UTC's
        ("2019-02-26T23:30:00.250Z", date(2019, 2, 26)),
        ("2019-02-26 09:15 WIB", date(2019, 2, 26)),
        (datetime(2019, 2, 26, 12, 30), date(2019, 2, 26)),
    ],
)
def test_publication_dates_as_dumps_write_them(raw: object, expected: date | None) -> None:
    assert Article.model_validate({"id": "a", "text": "t", "published": raw}).published == expected


@pytest.mark.parametrize(
    "row",
    [
        {"id": True, "text": "t"},
        {"id": 10.5, "text": "t"},
        {"id": "a", "text": "t", "published": "2019-02-31 10:00"},
        {"id": "a", "text": "t", "published": "kemarin"},
    ],
)
def test_what_is_no_id_or_no_date_is_still_refused(row: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Article.model_validate(row)


def test_empty_metadata_strings_mean_not_given() -> None:
    row = {"id": "a", "text": "t", "title": "", "url": " ", "outlet": ""}
    article = Article.model_validate(row)
    assert (article.title, article.url, article.outlet) == (None, None, None)
