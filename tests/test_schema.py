from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from visit_extract.schema import Visit, VisitExtraction, check_partial_date


@pytest.mark.parametrize("value", ["2019-02-25", "2019-02", "2019", "--02-25", "--02-29", None])
def test_partial_dates_accepted(value: str | None) -> None:
    assert check_partial_date(value) == value


@pytest.mark.parametrize("value", ["25/2", "2019-13", "2019-02-30", "--13-01", "19-02-25", ""])
def test_bad_dates_rejected(value: str) -> None:
    with pytest.raises(ValueError):
        check_partial_date(value)


def test_gold_visits_validate_and_round_trip(seeds_dir) -> None:
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
