"""Topics and domains (backends/rules/topics.py), on texts written for these tests."""

from __future__ import annotations

from visit_extract.backends.rules.mentions import ignored_spans
from visit_extract.backends.rules.topics import domains_of, topic_spans


def _topics(text: str) -> list[str]:
    spans = topic_spans(text, ignored_spans(text))
    for phrase, a, b in spans:
        assert text[a:b].strip(" ,-–") == phrase
    return [phrase for phrase, _, _ in spans]


def test_phrases_after_a_learning_cue_split_at_commas_and_dan() -> None:
    text = "Mereka ingin belajar tentang pengelolaan sampah, bank sampah dan retribusi parkir."
    assert _topics(text) == ["pengelolaan sampah", "bank sampah", "retribusi parkir"]


def test_places_filler_and_repeats_are_not_topics() -> None:
    text = (
        "Rombongan belajar mengenai berbagai hal. Mereka berdiskusi tentang Kabupaten "
        "Gianyar. Rombongan belajar tentang tata kelola arsip, lalu terkait tata kelola "
        "arsip desa."
    )
    assert _topics(text) == ["tata kelola arsip"]


def test_a_phrase_cut_off_by_the_end_of_the_text_is_dropped() -> None:
    text = "Rombongan datang untuk belajar tentang pengelolaan air bersih, pasar dan pengel"
    assert _topics(text) == ["pengelolaan air bersih", "pasar"]


def test_read_also_lines_have_no_topics() -> None:
    text = "Baca juga: Pejabat belajar tentang kopi robusta\nRombongan belajar tentang pajak."
    assert _topics(text) == ["pajak"]


def test_domains_from_topic_keywords() -> None:
    assert domains_of(["pengelolaan sampah", "pelayanan perizinan"]) == [
        "environment",
        "public_service",
    ]
    assert domains_of(["gamelan"]) == ["other"]
    assert domains_of([]) == []
