"""Text preparation: repairs, de-duplication, boilerplate, and the offset map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visit_extract.textprep import is_boilerplate, prepare_text

SEEDS = Path(__file__).resolve().parents[2] / "evals" / "seeds" / "articles.jsonl"


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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Baca juga: Wali Kota tinjau pasar", True),
        ("BACA JUGA:Disdukcapil buka layanan", True),
        ("COPYRIGHT © ANTARA News Bali 2023", True),
        ("Isi komentar sepenuhnya adalah tanggung jawab pengguna", True),
        ("Komentar berbeda dilontarkan Ketua DPRD dalam rapat itu.", False),
        ("Bagikan pengalaman desa kepada rombongan tamu dari luar daerah itu.", False),
    ],
)
def test_boilerplate_lines(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


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
