"""Relevance and the backend's decision on whole invented articles, class by class.

The articles (``class_articles.py`` beside this file) are written as news is: a
dateline, quotes, "Baca juga" lines, several paragraphs. The short texts of
``test_relevance.py`` pin single cues; these check that the cues hold up among the
other words of a real-looking article.
"""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.backend import THRESHOLD, RulesBackend
from visit_extract.backends.rules.relevance import relevance_score
from visit_extract.schema import Article

from .class_articles import NEGATIVES, POSITIVES, ClassArticle


def _name(article: ClassArticle) -> str:
    return article.name


@pytest.mark.parametrize("article", POSITIVES + NEGATIVES, ids=_name)
def test_the_score_decides_as_labelling_does(article: ClassArticle) -> None:
    score = relevance_score(article.text, article.title, article.published)
    assert (score >= THRESHOLD) == article.visit, f"{score:.3f}"


def _extract(article: ClassArticle) -> tuple[bool, list[tuple[str | None, str | None]]]:
    result = RulesBackend().extract(
        Article(id="t", text=article.text, title=article.title, published=article.published)
    )
    return result.is_study_visit, [(v.visitor.region, v.host.region) for v in result.visits]


@pytest.mark.parametrize("article", [a for a in POSITIVES if a.pair], ids=_name)
def test_a_reported_visit_comes_out_with_its_parties(article: ClassArticle) -> None:
    is_study_visit, pairs = _extract(article)
    assert is_study_visit and article.pair in pairs, pairs


@pytest.mark.parametrize("article", NEGATIVES, ids=_name)
def test_other_trips_and_pieces_about_visits_are_no_study_visit(article: ClassArticle) -> None:
    is_study_visit, pairs = _extract(article)
    assert not is_study_visit and pairs == []
