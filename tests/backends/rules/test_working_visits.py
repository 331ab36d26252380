"""Working visits with nothing else of a study visit: the pair decides (backend.py).

The articles (``working_visit_articles.py`` beside this file) name a "kunjungan kerja"
and no study term or purpose of learning; the backend takes them for study visits when
the extractor finds, in one sentence, a visitor and a host that are peers.
"""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.backend import RulesBackend, _peer_visit, between_peers
from visit_extract.backends.rules.extractor import read_pairs
from visit_extract.backends.rules.relevance import (
    relevance_features,
    relevance_score,
    working_visit_named,
    working_visit_only,
)
from visit_extract.schema import Article

from .class_articles import ClassArticle
from .working_visit_articles import (
    LEARNING_WORKING_VISITS,
    OTHER_WORKING_VISITS,
    PEER_VISITS,
    SUPERIOR_TOURS_WITH_LEARNING,
)


def _name(article: ClassArticle) -> str:
    return article.name


def _extract(article: ClassArticle) -> tuple[bool, list[tuple[str | None, str | None]]]:
    result = RulesBackend().extract(
        Article(id="t", text=article.text, title=article.title, published=article.published)
    )
    return result.is_study_visit, [(v.visitor.region, v.host.region) for v in result.visits]


@pytest.mark.parametrize("article", PEER_VISITS + OTHER_WORKING_VISITS, ids=_name)
def test_the_articles_name_a_working_visit_and_nothing_else(article: ClassArticle) -> None:
    assert working_visit_only(article.text, article.title)


@pytest.mark.parametrize("article", PEER_VISITS, ids=_name)
def test_a_working_visit_between_peers_is_a_study_visit(article: ClassArticle) -> None:
    is_study_visit, pairs = _extract(article)
    assert is_study_visit and article.pair in pairs, pairs


@pytest.mark.parametrize("article", LEARNING_WORKING_VISITS, ids=_name)
def test_a_working_visit_to_learn_needs_no_pair(article: ClassArticle) -> None:
    assert not working_visit_only(article.text, article.title)
    assert relevance_score(article.text, article.title, article.published) >= 0.5
    is_study_visit, pairs = _extract(article)
    assert is_study_visit and article.pair in pairs, pairs


@pytest.mark.parametrize("article", OTHER_WORKING_VISITS, ids=_name)
def test_tours_calls_and_ceremonies_stay_no_study_visit(article: ClassArticle) -> None:
    is_study_visit, pairs = _extract(article)
    assert not is_study_visit and pairs == []


def test_a_study_term_leaves_the_decision_to_the_score() -> None:
    text = (
        "MAGELANG - Komisi B DPRD Kabupaten Wonogiri melakukan studi banding ke Kota "
        "Magelang, Selasa (8/10/2019), untuk mempelajari penataan pasar."
    )
    assert not working_visit_only(text)
    assert not working_visit_only("Bupati meresmikan jembatan desa, Senin (7/10/2019).")


@pytest.mark.parametrize(
    ("visitor", "host", "expected"),
    [
        ("33.12", "33.71", True),  # a regency to a city of its province
        ("18.02", "33.75", True),  # across provinces
        ("17", "35", True),  # province to province
        ("33.12", "national:Kementerian Dalam Negeri", True),  # a consultation
        ("15", "15.01", False),  # a governor's tour of his regency
        ("15.01", "15", False),  # a regency to its own province
        ("35.22", "35.22", False),
        ("national:Kementerian Pertanian", "53.11", False),  # a minister's supervision
        ("35.10", "foreign:Japan", False),  # abroad: the purpose must be stated
    ],
)
def test_peers(visitor: str, host: str, expected: bool) -> None:
    assert between_peers(visitor, host) is expected


def test_a_pair_of_peers_lifts_the_supervision_penalty_and_adds_evidence() -> None:
    text = (
        "METRO - Tim Penggerak PKK Kabupaten Tanggamus menggelar kunjungan kerja ke Kota "
        "Metro, Kamis (7/11/2019). Rombongan diterima Ketua TP PKK Kota Metro di rumah dinas."
    )
    assert relevance_features(text) == {}
    assert relevance_features(text, paired=True)["paired"] == 1
    assert relevance_score(text, paired=True) > 0.5 > relevance_score(text)


@pytest.mark.parametrize(
    ("purpose", "expected"),
    [
        ("untuk membahas pengelolaan pasar", True),
        ("untuk bersilaturahmi dengan bupati", False),
        ("untuk berkoordinasi soal jalan perbatasan", False),
        ("untuk menghadiri peringatan hari jadi kabupaten", False),
        ("dalam rangka pengawasan dana desa", False),
    ],
)
def test_a_pair_of_peers_with_another_purpose_is_no_study_visit(
    purpose: str, expected: bool
) -> None:
    text = (
        "KLATEN - Wakil Bupati Sukoharjo, Agus Pranoto, melakukan kunjungan kerja ke "
        f"Kabupaten Klaten, Jumat (8/11/2019), {purpose}. Ia diterima Sekda Klaten di pendapa."
    )
    assert (relevance_score(text, paired=True) >= 0.5) is expected


@pytest.mark.parametrize(
    ("programme", "trip", "ceremony"),
    [
        ("mengikuti pelatihan pengelolaan sampah di Tokyo", 1, 0),
        ("menghadiri upacara pembukaan pameran wisata di Tokyo", 0, 1),
        ("memenuhi undangan peringatan hari jadi kota di Osaka", 0, 1),
    ],
)
def test_a_ceremony_abroad_is_no_programme_to_learn_from(
    programme: str, trip: int, ceremony: int
) -> None:
    text = (
        "Bupati Banyuwangi dan rombongan Pemkab Banyuwangi melakukan kunjungan kerja ke "
        f"Jepang, Senin (14/10/2019), untuk {programme}."
    )
    # paired: the features of the ceremonies, which pass no gate of their own
    feats = relevance_features(text, paired=True)
    assert (feats["trip"], feats["ceremony"]) == (trip, ceremony)


@pytest.mark.parametrize("article", SUPERIOR_TOURS_WITH_LEARNING, ids=_name)
def test_a_governors_tour_of_his_regency_with_a_word_of_learning_stays_no_study_visit(
    article: ClassArticle,
) -> None:
    # the learning word lets it pass the score alone; the pair the extractor finds
    # (the province to one of its own regencies or cities) makes it supervision
    assert not working_visit_only(article.text, article.title)
    assert working_visit_named(article.text, article.title)
    assert relevance_score(article.text, article.title, article.published) >= 0.5
    is_study_visit, pairs = _extract(article)
    assert not is_study_visit and pairs == []


@pytest.mark.parametrize("article", LEARNING_WORKING_VISITS + PEER_VISITS, ids=_name)
def test_visits_between_peers_or_abroad_are_no_superior_tour(article: ClassArticle) -> None:
    is_study_visit, _ = _extract(article)
    assert is_study_visit


@pytest.mark.parametrize("article", OTHER_WORKING_VISITS[:3], ids=_name)
def test_a_place_of_departure_or_a_region_in_a_quote_pairs_no_peers(
    article: ClassArticle,
) -> None:
    # the extractor pairs the regions (the plane's airport city, a region a minister
    # names in a quote), but no sentence names them as a delegation going to the host
    ctx = read_pairs(article.text, article.published)
    assert ctx is not None and all(between_peers(*pair) for pair in ctx.pairs)
    assert not _peer_visit(ctx)
