"""Quote grounding: exact after normalisation, elided, bounded fuzzy, never regex."""

from __future__ import annotations

import pytest

from visit_extract.backends.llm.grounding import (
    Grounder,
    _normalise,
    _normalise_chars,
    locate_quote,
)

TEXT = (
    "Bupati Pasangkayu, Agus Ambo Djiwa, berkunjung ke Banyuwangi, Senin (25/2).\n"
    "\u201cKami ingin belajar pengelolaan keuangan desa yang sudah berbasis online,\u201d "
    "kata Agus. Rombongan  berjumlah   60 orang."
)


def _span(quote: str) -> str | None:
    span = locate_quote(quote, TEXT)
    return None if span is None else TEXT[span.start : span.end]


def test_exact_after_case_whitespace_and_quote_folding() -> None:
    assert _span("berjumlah 60 orang") == "berjumlah   60 orang"
    assert _span("AGUS AMBO DJIWA") == "Agus Ambo Djiwa"
    assert _span('"Kami ingin belajar') == "Kami ingin belajar"


def test_elided_quote() -> None:
    found = _span("Kami ingin belajar ... berbasis online")
    assert found is not None and found.startswith("Kami") and found.endswith("online")


def test_fuzzy_tolerates_a_typo_in_a_long_quote() -> None:
    found = _span("ingin belajar pengelolan keuangan desa yang sudah")
    assert found == "ingin belajar pengelolaan keuangan desa yang sudah"
    assert locate_quote("ingin belajar pengelolan keuangan desa yang sudah", TEXT).method == "fuzzy"  # type: ignore[union-attr]


def test_invented_and_short_near_misses_are_rejected() -> None:
    assert _span("belajar membuat kapal terbang dari bambu") is None
    assert _span("Senin (26/2)") is None  # short: exact only
    assert _span("") is None


def test_regex_metacharacters_are_plain_text() -> None:
    grounder = Grounder("Anggaran Rp 1,5 (miliar) [APBD] untuk desa.")
    assert grounder.locate("Rp 1,5 (miliar) [APBD]") is not None
    assert grounder.locate(".*") is None  # stripped to nothing: not a wildcard
    assert grounder.locate("(a+)+$") is None


@pytest.mark.parametrize(
    "text",
    [
        "Bupati  Lahat\tdatang ke\n\nKota `Batu`",
        "\u201cKami belajar\u201d \u2013 kata Wali Kota \u2026 di \u0130stanbul ",
        "  stra\u00dfe caf\u00e9  \u00a0 Dinas\u2003Kominfo  ",
        "",
        "   ",
    ],
)
def test_word_by_word_folding_equals_the_character_reference(text: str) -> None:
    assert _normalise(text) == _normalise_chars(text)


def test_text_with_invisible_characters_is_folded_without_them() -> None:
    grounder = Grounder("Kota\u200b Batu dan Kab\u00adupaten Malang")
    span = grounder.locate("kota batu")
    assert span is not None and grounder.text[span.start : span.end] == "Kota\u200b Batu"
    assert grounder.locate("Kabupaten Malang") is not None
