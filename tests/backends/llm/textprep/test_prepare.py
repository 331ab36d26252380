"""The prepared text: duplicates dropped, truncation, and the offset map back."""

from __future__ import annotations

import json

import pytest

from visit_extract.backends.llm.textprep import prepare_text

from ..support import SEEDS


def test_duplicate_paragraphs_and_boilerplate_are_dropped() -> None:
    text = (
        "Rombongan Pemkab A studi banding ke Kota B.\n"
        "Baca juga: Bupati C resmikan pasar\n"
        "Mereka belajar BUMDes.\n"
        "Kirim Komentar\n"
        "Rombongan Pemkab A studi banding ke Kota B.\n"
        "Mereka belajar BUMDes.\n"
        "© 2021 Contoh Network. All Right Reserved\n"
    )
    prepared = prepare_text(text)
    assert prepared.text == "Rombongan Pemkab A studi banding ke Kota B.\nMereka belajar BUMDes."
    assert prepared.dropped_duplicates == 2 and prepared.dropped_boilerplate == 3


def test_seed_000_repeated_body_is_halved_and_every_char_maps_back() -> None:
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        prepared = prepare_text(row["text"])
        for i, ch in enumerate(prepared.text):
            start, end = prepared.to_original(i, i + 1)
            if ch != "\n":
                assert row["text"][start:end] in (ch, "\u00a0"), (row["id"], i)
        if row["id"] == "seed-000":
            assert prepared.dropped_duplicates >= 9
            assert len(prepared.text) < 0.55 * len(row["text"])


def test_truncate_cuts_at_a_paragraph_and_records_it() -> None:
    text = "".join(f"Paragraf nomor {i} berisi kalimat.\n" for i in range(50))
    prepared = prepare_text(text)
    cut = prepared.truncate(200)
    assert len(cut.text) <= 200 and cut.text.endswith("kalimat.")
    assert cut.truncated_from == len(prepared.text)
    assert prepared.truncate(10_000) is prepared
    start, end = cut.to_original(0, len(cut.text))
    assert text[start:end] == cut.text


def test_span_outside_text_is_rejected() -> None:
    with pytest.raises(ValueError):
        prepare_text("abc").to_original(0, 10)


def test_offsets_survive_removals_mojibake_and_collapsed_spaces() -> None:
    text = (
        "Bupati\u00a0 tiba   (Baca juga: X Y)  di "
        "\u00e2\u20ac\u0153Kota\u00e2\u20ac\x9d B.Baca juga: Z"
    )
    prepared = prepare_text(text)
    assert prepared.text == "Bupati tiba di \u201cKota\u201d B."
    start, end = prepared.to_original(16, 20)
    assert text[start:end] == "Kota"
    start, end = prepared.to_original(0, len(prepared.text))
    assert text[start:end].startswith("Bupati") and text[start:end].endswith("B.")
