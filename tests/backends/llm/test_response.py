"""The model's answer format: what validation sends back to the model."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from visit_extract.backends.llm.grounding import Grounder
from visit_extract.backends.llm.postprocess import build_visits
from visit_extract.backends.llm.response import LLMAnswer, grounding
from visit_extract.backends.llm.textprep import prepare_text

from .support import SCRIPTED_ANSWER, SCRIPTED_ARTICLE


def _validate(answer: dict[str, Any]) -> LLMAnswer:
    with grounding(Grounder(prepare_text(SCRIPTED_ARTICLE["text"]).text)):
        return LLMAnswer.model_validate(answer)


def _mutated(path: list[Any], value: Any) -> dict[str, Any]:
    answer = copy.deepcopy(SCRIPTED_ANSWER)
    node: Any = answer
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return answer


def test_the_reference_answer_is_valid() -> None:
    assert _validate(SCRIPTED_ANSWER).is_study_visit


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["visits", 0, "visitor", "level"], "kabupaten", "visitor.level"),
        (["visits", 0, "domains"], ["markets"], "domains"),
        (["visits", 0, "kind"], "studi_tiru", "does not contain that term"),
        (["visits", 0, "start_date"], "1 Maret", "YYYY-MM-DD"),
        (["visits", 0, "visitor", "size", "value"], 10, "not the number stated"),
        (["visits", 0, "topics", 0, "quote"], "kapal terbang dari bambu", "does not occur"),
        (["visits", 0, "visitor", "leader", "name"], "Budi Santoso", "does not appear"),
        (["visits", 0, "host", "region"], None, "neither region nor institution"),
        (["is_study_visit"], False, "visits is not empty"),
        (["visits"], [], "visits is empty"),
    ],
)
def test_violations_are_rejected_with_a_fixable_message(
    path: list[Any], value: Any, message: str
) -> None:
    answer = _mutated(path, value)
    if path[-1] == "region":
        answer["visits"][0]["host"]["institution"] = None
    with pytest.raises(ValidationError, match=message):
        _validate(answer)


def test_empty_optional_quote_counts_as_null() -> None:
    answer = _validate(_mutated(["visits", 0, "date_text"], ""))
    assert answer.visits[0].date_text is None


def test_post_processing_resolves_dates_and_ignores_host_size() -> None:
    answer = _validate(_mutated(["visits", 0, "host", "size"], {"value": 9, "quote": "9 orang"}))
    prepared = prepare_text(SCRIPTED_ARTICLE["text"])
    ok, visits, warnings = build_visits(answer, prepared, None)
    assert ok and visits[0].host.size is None
    assert visits[0].start_date == "--03-01"  # no publication date: year unknown
    assert warnings == []
