"""Character-level repairs in the prepared text (the repairs: tests/normalize/test_chars.py)."""

from __future__ import annotations

from visit_extract.backends.llm.textprep import prepare_text


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
