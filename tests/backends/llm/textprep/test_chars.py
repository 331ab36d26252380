"""Character-level repairs and the offsets they keep."""

from __future__ import annotations

from visit_extract.backends.llm.textprep import prepare_text
from visit_extract.backends.llm.textprep.chars import normalise_chars


def test_mojibake_and_spaces_are_repaired() -> None:
    prepared = prepare_text(
        "Bupati\u00c2\u00a0Lahat ¬†datang, \u00e2\u20ac\u0153Kami belajar\u00e2\u20ac\x9d"
    )
    assert prepared.text == "Bupati Lahat datang, \u201cKami belajar\u201d"
    assert prepared.repaired == 4


def test_nfc_composition_keeps_offsets() -> None:
    original = "Cafe\u0301 desa"
    prepared = prepare_text(original)
    assert prepared.text == "Caf\u00e9 desa"
    start, end = prepared.to_original(0, 4)
    assert original[start:end] == "Cafe\u0301"


def test_each_normalised_character_maps_to_the_original_span_it_came_from() -> None:
    original = "Pak\u200b Camat\r\ntiba\t\u00e2\u20ac\u0153Desa\u00e2\u20ac\x9d"
    text, starts, ends, repaired = normalise_chars(original)
    assert text == "Pak Camat\ntiba \u201cDesa\u201d"
    assert repaired == 2
    spans = [original[a:b] for a, b in zip(starts, ends, strict=True)]
    assert spans[3] == " "  # the zero-width space before it is dropped, not mapped
    assert spans[text.index("\n")] == "\r\n"  # one line end from two characters
    assert spans[text.index("\u201c")] == "\u00e2\u20ac\u0153"  # the whole mojibake
    assert spans[text.index("Desa") : text.index("Desa") + 4] == list("Desa")
