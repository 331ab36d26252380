"""Character repairs shared by the backends: the repaired text and its map back."""

from __future__ import annotations

import pytest

from visit_extract.normalize.chars import normalise_chars, repair_text


def test_clean_text_needs_no_repair() -> None:
    assert repair_text("Rombongan Pemkab Sigi tiba di Sleman, Kamis (14/3).") is None
    # typographic quotes are already repaired text
    assert repair_text("\u201cKami belajar,\u201d kata Camat.") is None


def test_mojibake_is_repaired_and_every_span_maps_back() -> None:
    original = "Rombongan studi¬†banding ‚ÄúDesa Maju‚Äù tiba\r\nKamis."
    repaired = repair_text(original)
    assert repaired is not None
    assert repaired.text == "Rombongan studi banding \u201cDesa Maju\u201d tiba\nKamis."
    start = repaired.text.index("studi banding")
    a, b = repaired.to_original(start, start + len("studi banding"))
    assert original[a:b] == "studi¬†banding"
    quoted = repaired.text.index("\u201c")
    a, b = repaired.to_original(quoted, repaired.text.index("\u201d") + 1)
    assert original[a:b] == "‚ÄúDesa Maju‚Äù"
    end = len(repaired.text)
    assert repaired.to_original(end, end) == (len(original), len(original))


def test_a_span_outside_the_repaired_text_is_refused() -> None:
    repaired = repair_text("tiba¬†di Sleman")
    assert repaired is not None
    with pytest.raises(ValueError, match="outside"):
        repaired.to_original(0, len(repaired.text) + 1)


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
